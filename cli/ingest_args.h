// The `reviewlens ingest` command line, defined once for both executables:
// `reviewlens` parses it to try the no-change check itself
// (cli/ingest_quick.h), `reviewlens-full` to run the ingest
// (cli/ingest_command.cc). One definition keeps --help, validation and
// usage errors identical in both.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/ingest_options.h"
#include "cli/ingest_report.h"

namespace reviewlens::cli {

struct IngestArgs {
  std::string corpus;
  std::string index;
  std::string taxonomy;
  int jobs = 0;
  bool full = false;
  bool retry_failed = false;
  double timeout_s = 120;
  std::size_t memory_mb = 2048;
  int commit_every = 50;
  std::string format = "text";
  bool quiet = false;
};

// Registers the "ingest" subcommand with its options, filling `args`.
CLI::App* add_ingest_arguments(CLI::App& app, IngestArgs& args);
// The run's options (index location resolved, jobs defaulted to the cores).
IngestOptions ingest_options(const IngestArgs& args);
// Prints the report as the flags ask (JSON, text summary, or nothing) and
// returns the run's exit code.
int print_ingest_report(const IngestReport& report, const IngestArgs& args);

}  // namespace reviewlens::cli
