// `reviewlens-full`: every subcommand. Users run `reviewlens`, which hands
// over to this binary for all but the index readers (cli/app_main.h).
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app_main.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace reviewlens;
  CLI::App app;
  cli::describe_app(app);

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
  return cli::run_app(app, commands, argc, argv);
}
