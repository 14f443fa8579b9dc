// What one `reviewlens ingest` run did: counts, failures, timings. Printed
// as a text summary or JSON (docs/ingest.md), and stored in the index as run
// metadata "last_run" so `reviewlens status` can show it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "pipeline/core/error.h"

namespace reviewlens::cli {

struct IngestFailure {
  std::string file;  // relative to the corpus root
  std::string reason;
  std::string message;
};

struct IngestReport {
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;
  std::string corpus;
  std::string index;
  std::string mode;         // "incremental" | "full"
  std::string taxonomy_version, taxonomy_hash;
  bool taxonomy_changed = false;
  int jobs = 1;
  // Documents, by what happened to them in this run.
  int added = 0;             // new files indexed
  int changed = 0;           // changed (or retried failed) files re-extracted and indexed
  int unchanged = 0;         // size+mtime as recorded
  int touched = 0;           // size/mtime changed, same bytes: record updated, no extraction
  int moved = 0;             // same bytes at a new path: re-keyed, no extraction
  int removed = 0;           // gone from disk: removed from the index
  int failed = 0;            // failed in this run (extraction or not a PDF)
  int skipped_failed = 0;    // failed before, unchanged since, not retried
  int retagged = 0;          // re-tagged from stored passages (taxonomy changed)
  int ignored_files = 0;     // non-PDF files in the corpus (sidecars, CSV, ...)
  long passages = 0;         // passages of the documents extracted in this run
  long pages = 0;            // pages of the documents extracted in this run
  double seconds = 0;
  double extract_seconds = 0;
  // The index after the run.
  int total_documents = 0, total_failed = 0;
  long total_passages = 0;
  std::vector<IngestFailure> failures;

  int indexed() const { return added + changed; }
  int exit_code() const { return failed > 0 ? exit_code::kSomeFailed : exit_code::kOk; }
};

nlohmann::json to_json(const IngestReport& report);
IngestReport ingest_report_from_json(const nlohmann::json& j);
// Human summary, several lines, ending with a newline.
std::string format_summary(const IngestReport& report);
std::string utc_now_iso8601();

}  // namespace reviewlens::cli
