#include "tests/support/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include "tests/support/temp_dir.h"

namespace reviewlens::testing {
namespace {

// Output goes through files, not pipes, so a chatty child can never block on
// a full pipe while the parent waits for it.
int open_or_die(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0) _exit(127);
  return fd;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  if (argv.empty()) throw std::invalid_argument("run_process: empty argv");
  TempDir scratch;
  const std::string in_path = (scratch / "stdin").string();
  const std::string out_path = (scratch / "stdout").string();
  const std::string err_path = (scratch / "stderr").string();
  write_file(in_path, options.stdin_text.value_or(""));

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = options.stdin_text ? open_or_die(in_path, O_RDONLY) : open_or_die("/dev/null", O_RDONLY);
    int out = open_or_die(out_path, O_WRONLY | O_CREAT | O_TRUNC);
    int err = open_or_die(err_path, O_WRONLY | O_CREAT | O_TRUNC);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(127);
    for (const auto& e : options.env) putenv(const_cast<char*>(e.c_str()));
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  ProcessResult result;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

ProcessResult run_reviewlens(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> argv{REVIEWLENS_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, options);
}

std::string source_path(const std::string& relative) {
  return std::string(REVIEWLENS_SOURCE_DIR) + "/" + relative;
}

}  // namespace reviewlens::testing
