#include "cli/orphan_guard.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace reviewlens::cli {

namespace {

bool holds_anchor(const std::string& pid_dir, const std::string& anchor) {
  DIR* fds = ::opendir((pid_dir + "/fd").c_str());
  if (!fds) return false;
  bool found = false;
  char target[64];
  while (dirent* e = ::readdir(fds)) {
    if (e->d_name[0] == '.') continue;
    std::string link = pid_dir + "/fd/" + e->d_name;
    ssize_t n = ::readlink(link.c_str(), target, sizeof target - 1);
    if (n > 0 && std::string(target, static_cast<std::size_t>(n)) == anchor) {
      found = true;
      break;
    }
  }
  ::closedir(fds);
  return found;
}

void kill_anchor_holders(const std::string& anchor) {
  DIR* proc = ::opendir("/proc");
  if (!proc) return;
  const pid_t self = ::getpid();
  while (dirent* e = ::readdir(proc)) {
    char* end = nullptr;
    long pid = std::strtol(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 0 || pid == self) continue;
    if (holds_anchor(std::string("/proc/") + e->d_name, anchor)) ::kill(static_cast<pid_t>(pid), SIGKILL);
  }
  ::closedir(proc);
}

[[noreturn]] void run_watchdog(pid_t parent, const std::string& anchor) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, nullptr);
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  int devnull = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd <= 2; ++fd) ::dup2(devnull, fd);  // never hold a caller's pipes open
  int sig = 0;
  if (::getppid() == parent) sigwait(&set, &sig);  // else the parent is already gone
  if (sig != SIGUSR1) kill_anchor_holders(anchor);
  ::_exit(0);
}

}  // namespace

OrphanGuard::OrphanGuard() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return;  // best effort: ingest still works without it
  ::close(fds[1]);
  anchor_fd_ = fds[0];
  struct stat st {};
  ::fstat(anchor_fd_, &st);
  const std::string anchor = "pipe:[" + std::to_string(st.st_ino) + "]";
  const pid_t parent = ::getpid();
  watchdog_ = ::fork();
  if (watchdog_ == 0) {
    ::close(anchor_fd_);
    run_watchdog(parent, anchor);
  }
}

OrphanGuard::~OrphanGuard() {
  if (watchdog_ > 0) {
    ::kill(watchdog_, SIGUSR1);
    int status = 0;
    ::waitpid(watchdog_, &status, 0);
  }
  if (anchor_fd_ >= 0) ::close(anchor_fd_);
}

}  // namespace reviewlens::cli
