// `reviewlens`: runs the index readers itself and execs `reviewlens-full`
// for everything else (why: cli/app_main.h).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app_main.h"
#include "cli/command.h"
#include "cli/ingest_quick.h"
#include "pipeline/core/error.h"

namespace {

using reviewlens::cli::Command;

struct Reader {
  std::string_view name;
  Command (*add)(CLI::App&);
};

// Commands that only read an index and need none of the extraction or
// tagging libraries, and ingest, which hands over (kHandOver) unless there
// is nothing to do. Subcommands come first on the command line (the top
// level has only --help and --version), so argv[1] decides.
constexpr Reader kReaders[] = {
    {"ingest", reviewlens::cli::add_quick_ingest_command},
    {"search", reviewlens::cli::add_search_command},
    {"show", reviewlens::cli::add_show_command},
    {"status", reviewlens::cli::add_status_command},
    {"stats", reviewlens::cli::add_stats_command},
};

int exec_full(char** argv) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  auto full = (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "reviewlens-full";
  ::execv(full.c_str(), argv);
  std::cerr << "reviewlens: cannot run " << full.string() << ": " << std::strerror(errno) << "\n";
  return reviewlens::exit_code::kFatal;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace reviewlens;
  const Reader* reader = nullptr;
  for (const auto& r : kReaders)
    if (argc > 1 && argv[1] == r.name) reader = &r;
  if (!reader) return exec_full(argv);

  CLI::App app;
  cli::describe_app(app);
  std::vector<cli::Command> commands{reader->add(app)};
  int code = cli::run_app(app, commands, argc, argv);
  return code == cli::kHandOver ? exec_full(argv) : code;
}
