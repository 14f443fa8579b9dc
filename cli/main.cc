#include <cstdio>
#include <exception>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "pipeline/core/error.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success; 1 finished but some documents failed; 2 usage error\n"
    "or invalid taxonomy/config; 3 fatal error; 4 index locked by another ingest.";

}  // namespace

int main(int argc, char** argv) {
  using namespace reviewlens;
  CLI::App app{"reviewlens: a searchable, theme-tagged library of child safeguarding reviews"};
  app.footer(kExitCodes);
  app.require_subcommand(1);
  app.set_version_flag("--version", "reviewlens 0.1.0");

  std::vector<cli::Command> commands;
  // One line per subcommand (see cli/command.h).
  commands.push_back(cli::add_extract_command(app));
  commands.push_back(cli::add_normalise_command(app));
  commands.push_back(cli::add_ingest_command(app));
  commands.push_back(cli::add_status_command(app));
  commands.push_back(cli::add_tag_command(app));
  commands.push_back(cli::add_eval_command(app));
  commands.push_back(cli::add_taxonomy_command(app));
  commands.push_back(cli::add_search_command(app));
  commands.push_back(cli::add_show_command(app));
  commands.push_back(cli::add_stats_command(app));
  commands.push_back(cli::add_report_command(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? exit_code::kOk : exit_code::kUsage;
  }
  try {
    for (auto& command : commands)
      if (command.app->parsed()) return command.run();
  } catch (const FatalError& e) {
    std::cerr << "reviewlens: " << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "reviewlens: fatal: " << e.what() << "\n";
    return exit_code::kFatal;
  }
  return exit_code::kUsage;
}
