// The parent side of isolated extraction: a small pool of forked children,
// each watched through the read end of its result pipe. One poll(2) call
// waits for output from any child or the nearest deadline, whichever comes
// first; the pipes are drained while children run so a large Document never
// blocks a child on a full pipe.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "extractors/isolated_child.h"
#include "extractors/isolated_extract.h"

namespace reviewlens::extractors {
namespace {

using Clock = std::chrono::steady_clock;

int wait_for(int pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

ParallelExtractor::ParallelExtractor(ParallelOptions options) : options_(std::move(options)) {
  options_.max_children = std::max(1, options_.max_children);
}

ParallelExtractor::~ParallelExtractor() {
  for (auto& child : running_) {
    ::kill(child.pid, SIGKILL);
    wait_for(child.pid);
    if (child.fd >= 0) ::close(child.fd);
  }
}

void ParallelExtractor::submit(std::filesystem::path file) { queued_.push_back(std::move(file)); }

bool ParallelExtractor::start(const std::filesystem::path& file) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    ::close(fds[0]);
    isolation::run_child(fds[1], file, options_);
  }
  ::close(fds[1]);
  running_.push_back(Child{file, pid, fds[0], {}, Clock::now() + options_.limits.timeout});
  return true;
}

void ParallelExtractor::start_queued() {
  while (!queued_.empty() && running_.size() < static_cast<std::size_t>(options_.max_children)) {
    std::filesystem::path file = std::move(queued_.front());
    queued_.pop_front();
    if (!start(file))
      failed_to_start_.push_back(
          {file, make_error(ErrorCode::internal,
                            fmt::format("cannot start an extraction process: {}", std::strerror(errno)),
                            file.string(), "extract")});
  }
}

void ParallelExtractor::read_from(Child& child) {
  char buffer[65536];
  const ssize_t n = ::read(child.fd, buffer, sizeof buffer);
  if (n > 0) {
    child.output.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || errno != EINTR) {
    ::close(child.fd);  // EOF: the child has written everything (or died)
    child.fd = -1;
  }
}

ExtractResult ParallelExtractor::finish(Child& child, bool timed_out) {
  if (timed_out) ::kill(child.pid, SIGKILL);
  const int status = wait_for(child.pid);
  if (child.fd >= 0) ::close(child.fd);
  child.fd = -1;
  return {child.path,
          isolation::interpret(status, child.output, timed_out, child.path, options_.limits)};
}

// Finishes children whose pipe reached EOF or whose deadline passed.
std::vector<ExtractResult> ParallelExtractor::collect_finished() {
  std::vector<ExtractResult> done = std::move(failed_to_start_);
  failed_to_start_.clear();
  const auto now = Clock::now();
  for (auto it = running_.begin(); it != running_.end();) {
    const bool eof = it->fd < 0;
    const bool late = !eof && now >= it->deadline;
    if (!eof && !late) {
      ++it;
      continue;
    }
    done.push_back(finish(*it, late));
    it = running_.erase(it);
  }
  return done;
}

std::vector<ExtractResult> ParallelExtractor::poll(std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  start_queued();
  std::vector<ExtractResult> done = collect_finished();
  while (done.empty() && !running_.empty()) {
    auto wake = until;
    for (const auto& child : running_) wake = std::min(wake, child.deadline);
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now());
    const int wait_ms = static_cast<int>(
        std::clamp<long long>(wait.count(), 0, std::numeric_limits<int>::max()));

    std::vector<pollfd> fds;
    for (const auto& child : running_) fds.push_back({child.fd, POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (std::size_t i = 0; ready > 0 && i < fds.size(); ++i)
      if (fds[i].revents != 0) read_from(running_[i]);

    done = collect_finished();
    start_queued();
    if (Clock::now() >= until) break;
  }
  if (done.empty()) done = collect_finished();
  return done;
}

void ParallelExtractor::drain(const std::function<void(ExtractResult&&)>& callback) {
  while (pending() > 0 || !failed_to_start_.empty())
    for (auto& result : poll(std::chrono::hours(1))) callback(std::move(result));
}

}  // namespace reviewlens::extractors
