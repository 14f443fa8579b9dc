#include "cli/app_main.h"

#include <exception>
#include <iostream>

#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success; 1 finished but some documents failed; 2 usage error\n"
    "or invalid taxonomy/config; 3 fatal error; 4 index locked by another ingest.";

}  // namespace

void describe_app(CLI::App& app) {
  app.description("reviewlens: a searchable, theme-tagged library of child safeguarding reviews");
  app.footer(kExitCodes);
  app.require_subcommand(1);
  app.set_version_flag("--version", "reviewlens 0.1.0");
}

int run_app(CLI::App& app, std::vector<Command>& commands, int argc, char** argv) {
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

}  // namespace reviewlens::cli
