// `reviewlens extract FILE.pdf...`: extracts each PDF in an isolated worker
// process and prints the Document as JSON (JSONL for several files) or as
// readable text. A bad file costs one line on stderr, never the batch.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "corpus/metadata_overrides.h"
#include "extractors/isolated_extract.h"
#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

constexpr const char* kFooter = R"(Files are extracted in a separate worker process with a wall-clock limit
per file (--timeout, default 120 s) and an address-space limit
(--memory-limit, default 2048 MB; 0 disables it). Curated metadata wins over what is read
from the PDF: a sidecar NAME.pdf.json next to the PDF, a metadata.csv in the
PDF's folder, and any --metadata CSV (see docs/extract.md).

A file that cannot be extracted prints one line on stderr,
"FILE: REASON: message", and the other files are still extracted. Reasons:
not_pdf, empty, encrypted, corrupt, too_many_pages, no_text, io, timeout,
memory_limit, crashed, invalid_input (bad sidecar/metadata.csv), internal.

Exit codes: 0 every file extracted; 1 some files failed; 2 usage error or a
malformed --metadata CSV; 3 fatal error.)";

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "json";
  double timeout_s = 120;
  std::size_t memory_mb = 2048;
  int max_pages = 5000;
  std::vector<std::string> metadata_csvs;
  bool poppler_messages = false;
};

std::string passage_label(const Passage& p) {
  return p.para.empty() ? fmt::format("[p.{}]", p.page) : fmt::format("[p.{} ¶{}]", p.page, p.para);
}

void print_text(const Document& doc, std::ostream& out) {
  out << fmt::format("Title:       {}\n", doc.title);
  out << fmt::format("File:        {}\n", doc.file);
  out << fmt::format("Type:        {}\n", to_string(doc.doc_type));
  out << fmt::format("Year:        {}\n", doc.year > 0 ? std::to_string(doc.year) : "unknown");
  out << fmt::format("Partnership: {}\n", doc.partnership.empty() ? "unknown" : doc.partnership);
  out << fmt::format("Child:       {}\n", doc.child.empty() ? "none" : doc.child);
  out << fmt::format("Pages:       {}   Passages: {}\n", doc.pages, doc.passages.size());
  for (const auto& w : doc.warnings) out << fmt::format("Warning:     {}\n", w);
  for (const auto& p : doc.passages) {
    if (p.kind == PassageKind::heading)
      out << fmt::format("\n== {} {} ==\n", passage_label(p), p.text);
    else
      out << fmt::format("{} {}{}\n", passage_label(p), p.kind == PassageKind::bullet ? "• " : "",
                         p.text);
  }
}

// What `extract` prints for one document (one JSONL line for several files).
std::string format_document(const Document& doc, const std::string& format, bool several) {
  std::ostringstream out;
  if (format == "text") {
    if (several) out << "\n";
    print_text(doc, out);
  } else {
    const auto j = to_json(doc);
    out << (several ? j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    : j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
        << "\n";
  }
  return std::move(out).str();
}

std::vector<corpus::MetadataTable> load_tables(const std::vector<std::string>& csvs) {
  std::vector<corpus::MetadataTable> tables;
  for (const auto& csv : csvs) {
    auto table = corpus::MetadataTable::load(csv);
    if (!table) throw FatalError(table.error().message, exit_code::kUsage);
    tables.push_back(std::move(*table));
  }
  return tables;
}

int run_extract(const ExtractArgs& args) {
  extractors::ExtractOptions options;
  options.max_pages = args.max_pages;
  options.messages = args.poppler_messages ? extractors::PopplerMessages::shown
                                           : extractors::PopplerMessages::quiet;
  options.tables = load_tables(args.metadata_csvs);
  extractors::IsolationLimits limits;
  limits.timeout = std::chrono::milliseconds(static_cast<long long>(args.timeout_s * 1000));
  limits.memory_mb = args.memory_mb;

  // The worker formats the output itself (the payload), so the Document is
  // not sent as JSON to be parsed and printed again here.
  const bool several = args.files.size() > 1;
  extractors::ParallelOptions po{options, limits, 1, {}, {}};
  po.payload = [&](Document& doc) {
    std::string out = format_document(doc, args.format, several);
    doc.passages.clear();
    return out;
  };
  extractors::ParallelExtractor pool(po);
  for (const auto& file : args.files) pool.submit(file);
  int failed = 0;
  pool.drain([&](extractors::ExtractResult&& result) {
    if (!result.document) {
      Error e = result.document.error();
      e.file = result.path.string();  // as the user typed it
      std::cerr << e.describe() << std::endl;
      ++failed;
      return;
    }
    std::cout << result.payload;
    std::cout.flush();
  });
  return failed > 0 ? exit_code::kSomeFailed : exit_code::kOk;
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand("extract", "Extract passages and document facts from PDFs");
  sub->add_option("files", args->files, "PDF files")->required();
  sub->add_option("--format", args->format, "Output: json (JSONL for several files) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  sub->add_option("--timeout", args->timeout_s, "Seconds allowed per file")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--memory-limit", args->memory_mb, "Megabytes of address space per file (0 = none)")
      ->capture_default_str();
  sub->add_option("--max-pages", args->max_pages, "Refuse PDFs with more pages (too_many_pages)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--metadata", args->metadata_csvs,
                  "A metadata.csv with curated path,title,partnership,year,type (repeatable)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--poppler-messages", args->poppler_messages, "Show Poppler's warnings on stderr");
  sub->footer(kFooter);
  return {sub, [args] { return run_extract(*args); }};
}

}  // namespace reviewlens::cli
