// `reviewlens normalise`: prints text::normalise of each stdin line, so
// scripts (the extraction scorer in bench/) compare text exactly as the
// pipeline stores it.
#include <iostream>
#include <string>

#include "cli/command.h"
#include "pipeline/core/error.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::cli {

Command add_normalise_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "normalise", "Print each line of stdin as the pipeline normalises passage text");
  sub->footer("One output line per input line (an empty line for text that normalises to "
              "nothing). Exit codes: 0 success; 3 fatal (stdin unreadable).");
  return {sub, [] {
            std::ios::sync_with_stdio(false);
            std::string line;
            while (std::getline(std::cin, line)) std::cout << text::normalise(line) << '\n';
            std::cout.flush();
            return std::cin.bad() ? exit_code::kFatal : exit_code::kOk;
          }};
}

}  // namespace reviewlens::cli
