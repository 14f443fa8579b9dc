#include "cli/ingest_report.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reviewlens::cli {

namespace {

double per_second(double n, double seconds) { return seconds > 0 ? n / seconds : 0.0; }

}  // namespace

std::string utc_now_iso8601() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

nlohmann::json to_json(const IngestReport& r) {
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : r.failures)
    failures.push_back({{"file", f.file}, {"reason", f.reason}, {"message", f.message}});
  return {
      {"started_at", r.started_at},
      {"finished_at", r.finished_at},
      {"corpus", r.corpus},
      {"index", r.index},
      {"mode", r.mode},
      {"jobs", r.jobs},
      {"taxonomy", {{"version", r.taxonomy_version}, {"hash", r.taxonomy_hash}, {"changed", r.taxonomy_changed}}},
      {"documents",
       {{"indexed", r.indexed()},
        {"added", r.added},
        {"changed", r.changed},
        {"unchanged", r.unchanged},
        {"touched", r.touched},
        {"moved", r.moved},
        {"removed", r.removed},
        {"failed", r.failed},
        {"skipped_failed", r.skipped_failed},
        {"retagged", r.retagged}}},
      {"ignored_files", r.ignored_files},
      {"passages", r.passages},
      {"pages", r.pages},
      {"seconds", r.seconds},
      {"extract_seconds", r.extract_seconds},
      {"throughput",
       {{"documents_per_s", per_second(r.indexed() + r.failed, r.seconds)},
        {"pages_per_s", per_second(static_cast<double>(r.pages), r.seconds)}}},
      {"index_totals",
       {{"documents", r.total_documents}, {"failed", r.total_failed}, {"passages", r.total_passages}}},
      {"failures", failures},
      {"exit_code", r.exit_code()},
  };
}

IngestReport ingest_report_from_json(const nlohmann::json& j) {
  IngestReport r;
  r.started_at = j.value("started_at", "");
  r.finished_at = j.value("finished_at", "");
  r.corpus = j.value("corpus", "");
  r.index = j.value("index", "");
  r.mode = j.value("mode", "");
  r.jobs = j.value("jobs", 1);
  if (auto t = j.find("taxonomy"); t != j.end()) {
    r.taxonomy_version = t->value("version", "");
    r.taxonomy_hash = t->value("hash", "");
    r.taxonomy_changed = t->value("changed", false);
  }
  const nlohmann::json docs = j.value("documents", nlohmann::json::object());
  r.added = docs.value("added", 0);
  r.changed = docs.value("changed", 0);
  r.unchanged = docs.value("unchanged", 0);
  r.touched = docs.value("touched", 0);
  r.moved = docs.value("moved", 0);
  r.removed = docs.value("removed", 0);
  r.failed = docs.value("failed", 0);
  r.skipped_failed = docs.value("skipped_failed", 0);
  r.retagged = docs.value("retagged", 0);
  r.ignored_files = j.value("ignored_files", 0);
  r.passages = j.value("passages", 0L);
  r.pages = j.value("pages", 0L);
  r.seconds = j.value("seconds", 0.0);
  r.extract_seconds = j.value("extract_seconds", 0.0);
  const nlohmann::json totals = j.value("index_totals", nlohmann::json::object());
  r.total_documents = totals.value("documents", 0);
  r.total_failed = totals.value("failed", 0);
  r.total_passages = totals.value("passages", 0L);
  for (const auto& f : j.value("failures", nlohmann::json::array()))
    r.failures.push_back({f.value("file", ""), f.value("reason", ""), f.value("message", "")});
  return r;
}

std::string format_summary(const IngestReport& r) {
  std::string out = fmt::format(
      "Documents: {} indexed ({} added, {} changed), {} unchanged, {} touched, {} moved, "
      "{} removed, {} failed, {} skipped (failed before), {} retagged\n",
      r.indexed(), r.added, r.changed, r.unchanged, r.touched, r.moved, r.removed, r.failed,
      r.skipped_failed, r.retagged);
  out += fmt::format("Extracted: {} passages from {} pages in {:.1f} s ({:.1f} pages/s)\n", r.passages,
                     r.pages, r.seconds, per_second(static_cast<double>(r.pages), r.seconds));
  out += fmt::format("Index now: {} documents, {} passages, {} failed sources\n", r.total_documents,
                     r.total_passages, r.total_failed);
  if (r.taxonomy_changed)
    out += fmt::format("Taxonomy changed (now {} {}): re-tagged without re-extraction\n",
                       r.taxonomy_version, r.taxonomy_hash);
  for (const auto& f : r.failures) out += fmt::format("Failed: {}: {}: {}\n", f.file, f.reason, f.message);
  return out;
}

}  // namespace reviewlens::cli
