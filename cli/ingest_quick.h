// `reviewlens ingest` when there is nothing to do, answered by the light
// `reviewlens` binary itself (why two binaries: cli/app_main.h).
//
// The nightly rerun over an unchanged corpus is the commonest ingest, and
// most of its time went on loading reviewlens-full (Poppler, ICU, RE2, ...)
// and parsing one JSON manifest record per source. This check needs neither:
// it takes the ingest lock, compares the walk with the manifest's stat table
// (index/store_source_stats.h) and the taxonomy file's hash with the one the
// passages were tagged with, and, when every file is unchanged (or a known
// failure not to be retried), records the run exactly as the full ingest
// would (run:last_run, tagged_with, one commit) and prints the same report.
//
// Anything else (a file added, changed, touched, moved or removed; a new
// taxonomy; --full; no index yet; any error, including a lock held by
// another ingest) leaves the index untouched and hands the same argv to
// reviewlens-full, which does the work and reports any problem itself.
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/ingest_options.h"
#include "cli/ingest_report.h"

namespace reviewlens::cli {

// What the quick command's run returns to ask its caller to exec
// reviewlens-full with the same argv (never a process exit code).
inline constexpr int kHandOver = -1;

// "ingest" for the light binary: the same arguments as reviewlens-full's.
Command add_quick_ingest_command(CLI::App& app);

// The report of a run with nothing to do, already recorded in the index; or
// nullopt, with the index untouched, when the full ingest must run.
std::optional<IngestReport> run_no_change_ingest(const IngestOptions& options);

// The taxonomy hash (tagging::fnv1a_hex of the file's bytes, or of the
// bundled taxonomy when `path` is empty); nullopt when the file is unreadable.
std::optional<std::string> taxonomy_file_hash(const std::string& path);

}  // namespace reviewlens::cli
