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


}  // namespace reviewlens::cli
