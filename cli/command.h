// How subcommands plug into the `reviewlens` executable: each file
// cli/<name>_command.cc defines one `add_<name>_command` that registers its
// CLI11 subcommand and returns the function that runs it. main.cc lists them.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace reviewlens::cli {

struct Command {
  CLI::App* app = nullptr;   // the registered subcommand
  std::function<int()> run;  // returns the process exit code
};

Command add_extract_command(CLI::App& app);
Command add_normalise_command(CLI::App& app);
Command add_ingest_command(CLI::App& app);
Command add_status_command(CLI::App& app);
Command add_tag_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_taxonomy_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_report_command(CLI::App& app);


}  // namespace reviewlens::cli
