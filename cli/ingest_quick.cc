#include "cli/ingest_quick.h"

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/index_generation.h"
#include "cli/ingest_args.h"
#include "cli/ingest_lock.h"
#include "cli/ingest_manifest.h"
#include "corpus/change_plan.h"
#include "corpus/source_walker.h"
#include "index/index_writer.h"
#include "pipeline/tagging/taxonomy_hash.h"
#include "pipeline/tagging/theme_ids.h"

// The bundled taxonomy's text (generated from default_taxonomy.yaml; its
// object file holds nothing else, so linking it pulls in no YAML parser).
extern const char kDefaultTaxonomyYaml[];

namespace reviewlens::cli {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// What IngestTagging gives a taxonomy validated by an earlier run: the
// version recorded with its hash, and the theme groups of theme_ids.h.
index::IndexInfo validated_info(const std::string& version, const std::string& hash) {
  index::IndexInfo info{version, hash, {}};
  for (const auto& known : tagging::known_themes())
    info.theme_groups[std::string(known.id)] = std::string(to_string(known.group));
  return info;
}

// The stored passages' taxonomy, when it is the file's (`hash`) in both
// places a run records it; nullopt means "re-tag or validate: full run".
std::optional<index::IndexInfo> unchanged_taxonomy(const index::IndexWriter& writer, const std::string& hash) {
  index::IndexInfo stored = writer.stored_info();
  if (stored.taxonomy_hash != hash || writer.run_metadata(kTaggedWithKey) != hash) return std::nullopt;
  return validated_info(stored.taxonomy_version, hash);
}

std::vector<corpus::ManifestEntry> manifest_entries(const std::vector<index::SourceStat>& sources) {
  std::vector<corpus::ManifestEntry> out;
  out.reserve(sources.size());
  for (const auto& s : sources)
    out.push_back({s.path, s.size, s.mtime_ns, {},
                   s.status == "failed" ? corpus::SourceStatus::failed : corpus::SourceStatus::indexed});
  return out;
}

std::optional<IngestReport> check_and_record(const IngestOptions& options, Clock::time_point start,
                                             IngestReport report) {
  auto hash = taxonomy_file_hash(options.taxonomy);
  if (!hash || corpus::root_problem(options.corpus) || !fs::exists(options.index)) return std::nullopt;
  IngestLock lock(options.index);
  remove_stale_generations(options.index);
  // Opened before the taxonomy is known to be unchanged, with a placeholder
  // info: nothing is written unless it is, and then with the real one.
  index::IndexWriter writer(options.index, {}, index::OpenMode::update);
  auto info = unchanged_taxonomy(writer, *hash);
  if (!info) return std::nullopt;
  writer.set_info(*info);
  std::vector<index::SourceStat> stats = writer.source_stats();
  if (stats.empty()) return std::nullopt;  // nothing indexed yet: the full run says what it finds
  auto walk = corpus::walk_sources(options.corpus, known_pdfs(stats));
  if (!walk) return std::nullopt;
  auto counts = corpus::unchanged_counts(walk->files, manifest_entries(stats), {options.retry_failed});
  if (!counts) return std::nullopt;
  report.unchanged = counts->unchanged;
  report.skipped_failed = counts->failed_unchanged;

  report.taxonomy_version = info->taxonomy_version;
  report.taxonomy_hash = *hash;
  report.ignored_files = walk->ignored;
  fill_totals(report, stats);
  report.finished_at = utc_now_iso8601();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  writer.set_run_metadata("last_run", to_json(report).dump());
  writer.set_run_metadata(kTaggedWithKey, *hash);
  writer.commit();
  return report;
}

}  // namespace

std::optional<std::string> taxonomy_file_hash(const std::string& path) {
  std::string bytes;
  if (path.empty()) {
    bytes = kDefaultTaxonomyYaml;
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream read;
    read << in.rdbuf();
    bytes = read.str();
  }
  return tagging::fnv1a_hex(bytes);
}

std::optional<IngestReport> run_no_change_ingest(const IngestOptions& options) {
  if (options.mode == BuildMode::full) return std::nullopt;
  auto start = Clock::now();
  IngestReport report;
  report.started_at = utc_now_iso8601();
  report.corpus = fs::absolute(options.corpus).lexically_normal().string();
  report.index = fs::absolute(options.index).lexically_normal().string();
  report.mode = "incremental";
  report.jobs = options.jobs;
  try {
    return check_and_record(options, start, std::move(report));
  } catch (const std::exception&) {
    // Nothing was committed: the full run meets the same problem and
    // reports it with its own message and exit code.
    return std::nullopt;
  }
}

Command add_quick_ingest_command(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* sub = add_ingest_arguments(app, *args);
  return {sub, [args] {
            auto report = run_no_change_ingest(ingest_options(*args));
            return report ? print_ingest_report(*report, *args) : kHandOver;
          }};
}

}  // namespace reviewlens::cli
