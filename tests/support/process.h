// Runs a real process (usually the reviewlens binary) and captures its
// output, for tests of the command-line contract.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reviewlens::testing {

struct ProcessResult {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;       // the signal that ended it, else 0
  std::string out;      // stdout
  std::string err;      // stderr
};

struct ProcessOptions {
  std::optional<std::string> stdin_text;        // fed on stdin (else /dev/null)
  std::vector<std::string> env;                 // extra "NAME=value" entries
  std::string cwd;                              // working directory, if set
};

// Runs argv[0] with argv (searched on PATH when it has no slash).
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Runs the reviewlens binary built alongside the tests.
ProcessResult run_reviewlens(const std::vector<std::string>& args, const ProcessOptions& options = {});

// Absolute path of a file in the source tree, e.g. "corpus/sample".
std::string source_path(const std::string& relative);

}  // namespace reviewlens::testing
