// What both `reviewlens` executables share: the top-level CLI11 app and the
// parse/dispatch/error handling around the registered subcommands.
//
// `reviewlens` (reader_main.cc) holds only the commands that read an index
// (search, show, status, stats) and the no-change ingest (ingest_quick.h),
// and links no Poppler, ICU, RE2 or yaml-cpp, because loading those
// libraries costs a search more than the search itself. Every other
// invocation (and an ingest with work to do) it hands over, with the same
// argv, to the complete CLI `reviewlens-full` next to it (main.cc), by exec.
#pragma once

#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace reviewlens::cli {

// Description, footer (exit codes), --version and "one subcommand required".
void describe_app(CLI::App& app);

// Parses argv, runs the chosen command; returns the process exit code
// (FatalError and stray exceptions are reported on stderr here).
int run_app(CLI::App& app, std::vector<Command>& commands, int argc, char** argv);

}  // namespace reviewlens::cli
