// The parent side of isolated extraction: a small pool of forked workers,
// each watched through the parent's end of its socketpair. One poll(2) call
// waits for output from any busy worker or the nearest deadline, whichever
// comes first; sockets are drained while workers run so a large answer never
// blocks a worker on a full buffer.
//
// Why long-lived workers: forking per document made the parent pay for
// copying its page tables and then a copy-on-write fault on every page it
// touched next (the index writer's buffers grow to hundreds of MB), and each
// child paid the same faults again. Workers are forked once, early, while
// the parent is small.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
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

// MSG_NOSIGNAL: a worker that died while idle must cost its request, not
// kill the parent with SIGPIPE.
bool send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ParallelExtractor::ParallelExtractor(ParallelOptions options) : options_(std::move(options)) {
  options_.max_children = std::max(1, options_.max_children);
}

ParallelExtractor::~ParallelExtractor() {
  for (auto& worker : workers_) reap(worker, true);
}

void ParallelExtractor::submit(std::filesystem::path file) { queued_.push_back(std::move(file)); }

std::size_t ParallelExtractor::pending() const {
  std::size_t n = queued_.size();
  for (const auto& worker : workers_) n += worker.files.size();
  return n;
}

bool ParallelExtractor::spawn() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return false;
  // A worker's answer (its document's index entries, often several hundred
  // KB) should fit the socket whole, so the worker can go on to its next
  // file while this process is busy writing the index. Best effort: the
  // kernel caps it at net.core.wmem_max.
  int send_buffer = 4 << 20;
  ::setsockopt(fds[1], SOL_SOCKET, SO_SNDBUF, &send_buffer, sizeof send_buffer);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    ::close(fds[0]);
    // The other workers' sockets: held here, a retired worker would never
    // see its EOF.
    for (const auto& other : workers_)
      if (other.fd >= 0) ::close(other.fd);
    isolation::run_worker(fds[1], options_);
  }
  ::close(fds[1]);
  Worker worker;
  worker.pid = pid;
  worker.fd = fds[0];
  workers_.push_back(std::move(worker));
  return true;
}

// Closing the socket retires an idle worker (it exits at EOF); `kill` is for
// one that is busy, hung or already dead.
void ParallelExtractor::reap(Worker& worker, bool kill) {
  if (worker.pid < 0) return;
  if (worker.fd >= 0) ::close(worker.fd);
  worker.fd = -1;
  if (kill) ::kill(worker.pid, SIGKILL);
  wait_for(worker.pid);
  worker.pid = -1;
}

ParallelExtractor::Worker* ParallelExtractor::idle_worker() {
  for (auto& worker : workers_)
    if (!worker.busy() && !worker.ended) return &worker;
  if (workers_.size() >= static_cast<std::size_t>(options_.max_children)) return nullptr;
  if (!spawn()) return nullptr;
  return &workers_.back();
}

void ParallelExtractor::start_queued() {
  while (!queued_.empty()) {
    Worker* worker = idle_worker();
    if (worker == nullptr) {
      if (!workers_.empty()) break;  // all busy: each may take a next file below
      std::filesystem::path file = std::move(queued_.front());
      queued_.pop_front();
      failed_to_start_.push_back(
          {file,
           make_error(ErrorCode::internal,
                      fmt::format("cannot start an extraction process: {}", std::strerror(errno)),
                      file.string(), "extract"),
           {}});
      continue;
    }
    if (!send_to(*worker)) {
      reap(*worker, true);  // died while idle: the file stays queued for another
      std::erase_if(workers_, [](const Worker& w) { return w.pid < 0; });
      continue;
    }
  }
  // Every worker has a file: give each its next one too, unless it is due
  // for retirement or has ended. A failed send leaves the file queued; the
  // worker's end is noticed by collect_finished.
  for (auto& worker : workers_) {
    if (queued_.empty()) return;
    const std::size_t promised = static_cast<std::size_t>(worker.documents) + worker.files.size();
    if (worker.busy() && !worker.ended && worker.files.size() < kFilesInFlight &&
        promised < static_cast<std::size_t>(kDocumentsPerWorker))
      send_to(worker);
  }
}

// Sends the first queued file to `worker`; false (file still queued) when
// the worker is gone.
bool ParallelExtractor::send_to(Worker& worker) {
  if (!send_all(worker.fd, isolation::request(queued_.front()))) return false;
  if (worker.files.empty()) worker.deadline = Clock::now() + options_.limits.timeout;
  worker.files.push_back(std::move(queued_.front()));
  queued_.pop_front();
  return true;
}

void ParallelExtractor::read_from(Worker& worker) {
  char buffer[65536];
  const ssize_t n = ::read(worker.fd, buffer, sizeof buffer);
  if (n > 0) {
    worker.output.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || errno != EINTR) {
    worker.ended = true;  // EOF: the worker has exited (or died)
  }
}

// Finishes documents whose answer is complete, whose worker ended or whose
// deadline passed; removes workers that are gone or retired.
std::vector<ExtractResult> ParallelExtractor::collect_finished() {
  std::vector<ExtractResult> done = std::move(failed_to_start_);
  failed_to_start_.clear();
  const auto now = Clock::now();
  for (auto& worker : workers_) {
    // Answers arrive in request order: every complete one is for the front file.
    while (worker.busy()) {
      const std::size_t n = isolation::answer_length(worker.output);
      if (n == 0) break;
      std::string answer = worker.output.substr(0, n);
      worker.output.erase(0, n);
      done.push_back(isolation::interpret(0, std::move(answer), false, worker.files.front(),
                                          options_.limits));
      worker.files.pop_front();
      worker.deadline = now + options_.limits.timeout;  // the next file starts now
      if (++worker.documents >= kDocumentsPerWorker) reap(worker, false);
    }
    if (worker.busy() && (worker.ended || now >= worker.deadline)) {
      const bool late = !worker.ended;
      if (late) ::kill(worker.pid, SIGKILL);
      const int status = wait_for(worker.pid);
      worker.pid = -1;
      done.push_back(isolation::interpret(status, std::move(worker.output), late,
                                          worker.files.front(), options_.limits));
      worker.files.pop_front();
      // Files it had not started go back to the head of the queue, in order.
      queued_.insert(queued_.begin(), worker.files.begin(), worker.files.end());
      worker.files.clear();
    }
    if (!worker.busy() && worker.ended) reap(worker, false);
  }
  std::erase_if(workers_, [](const Worker& w) { return w.pid < 0; });
  return done;
}

std::vector<ExtractResult> ParallelExtractor::poll(std::chrono::milliseconds timeout) {
  const auto until = Clock::now() + timeout;
  start_queued();
  std::vector<ExtractResult> done = collect_finished();
  while (done.empty() && pending() > 0) {
    auto wake = until;
    std::vector<pollfd> fds;
    std::vector<Worker*> watched;
    for (auto& worker : workers_) {
      if (!worker.busy()) continue;
      wake = std::min(wake, worker.deadline);
      fds.push_back({worker.fd, POLLIN, 0});
      watched.push_back(&worker);
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now());
    const int wait_ms = static_cast<int>(
        std::clamp<long long>(wait.count(), 0, std::numeric_limits<int>::max()));
    const int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (std::size_t i = 0; ready > 0 && i < fds.size(); ++i)
      if (fds[i].revents != 0) read_from(*watched[i]);

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
