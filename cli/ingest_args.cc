#include "cli/ingest_args.h"

#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/index_location.h"

namespace reviewlens::cli {
namespace {

constexpr const char* kFooter = R"(Incremental by default: files whose size and mtime are unchanged are skipped
without being read; files whose size/mtime changed but bytes did not
("touched") cost a hash, not an extraction; deleted files leave the index; a
file with the bytes of a deleted one is a move (no extraction). A file that
failed is not retried while it is unchanged, unless --retry-failed. When the
taxonomy differs from the one the index was tagged with, stored passages are
re-tagged without reading any PDF. PDFs are extracted in worker processes
with per-file limits (--timeout, --memory-limit), so a bad file costs only
itself.

The index is committed every --commit-every documents; a run killed at any
moment loses at most that uncommitted work, which the next run redoes.
--full builds a fresh generation beside the index and switches to it
atomically (the index path becomes a symlink), so searches never see a
half-built index. A second ingest on the same index exits at once with code 4.

Progress goes to stderr (a bar on a terminal, log lines otherwise); the
summary (or JSON report, see docs/ingest.md) to stdout.

Exit codes: 0 every document indexed; 1 finished, but some documents failed in
this run (reasons in the summary); 2 usage error or invalid taxonomy;
3 fatal error (index unwritable, ...); 4 another ingest holds the index.)";

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace

CLI::App* add_ingest_arguments(CLI::App& app, IngestArgs& args) {
  CLI::App* sub = app.add_subcommand("ingest", "Build or update the index from a folder of PDFs");
  sub->footer(kFooter);
  sub->add_option("CORPUS_DIR", args.corpus, "Folder of review PDFs (searched recursively)")
      ->required()
      ->check(CLI::ExistingDirectory);
  add_index_option(*sub, args.index);
  sub->add_option("--taxonomy", args.taxonomy, "Theme taxonomy YAML (default: the bundled one)")
      ->check(CLI::ExistingFile);
  sub->add_option("--jobs,-j", args.jobs, "Extraction processes (default: number of cores)")
      ->check(CLI::Range(1, 256));
  sub->add_flag("--full", args.full, "Rebuild from nothing into a new generation, then switch");
  sub->add_flag("--retry-failed", args.retry_failed, "Retry files that failed before, even if unchanged");
  sub->add_option("--timeout", args.timeout_s, "Seconds allowed per document (default 120)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--memory-limit", args.memory_mb, "MB of address space per extraction (default 2048; 0 = none)");
  sub->add_option("--commit-every", args.commit_every, "Commit the index every N documents (default 50)")
      ->check(CLI::Range(1, 1000000));
  sub->add_option("--format", args.format, "Summary format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--quiet,-q", args.quiet, "No progress and no text summary (JSON is still printed)");
  return sub;
}

IngestOptions ingest_options(const IngestArgs& args) {
  IngestOptions options;
  options.corpus = args.corpus;
  options.index = index_location(args.index);
  options.taxonomy = args.taxonomy;
  options.jobs = args.jobs > 0 ? args.jobs : default_jobs();
  options.mode = args.full ? BuildMode::full : BuildMode::incremental;
  options.retry_failed = args.retry_failed ? corpus::RetryFailed::yes : corpus::RetryFailed::no;
  options.timeout = std::chrono::milliseconds(static_cast<long>(args.timeout_s * 1000));
  options.memory_mb = args.memory_mb;
  options.commit_every = args.commit_every;
  options.progress = choose_progress_style(args.quiet ? Quiet::yes : Quiet::no);
  return options;
}

int print_ingest_report(const IngestReport& report, const IngestArgs& args) {
  if (args.format == "json")
    std::cout << to_json(report).dump(2) << "\n";
  else if (!args.quiet)
    std::cout << format_summary(report);
  return report.exit_code();
}

}  // namespace reviewlens::cli
