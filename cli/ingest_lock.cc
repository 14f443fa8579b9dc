#include "cli/ingest_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "index/index_writer.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace fs = std::filesystem;

fs::path IngestLock::lock_path(const fs::path& index_dir) {
  fs::path clean = index_dir.lexically_normal();
  if (clean.has_filename() == false) clean = clean.parent_path();
  return clean.string() + ".lock";
}

IngestLock::IngestLock(const fs::path& index_dir) {
  fs::path path = lock_path(index_dir);
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw FatalError(fmt::format("cannot create lock file {}: {}", path.string(), std::strerror(errno)));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    char holder[32] = {};
    ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      std::string who = n > 0 ? fmt::format(" (pid {})", std::string(holder, static_cast<std::size_t>(n))) : "";
      throw index::IndexLockedError(
          fmt::format("another ingest is running on {}{}; lock file {}", index_dir.string(), who, path.string()));
    }
    throw FatalError(fmt::format("cannot lock {}: {}", path.string(), std::strerror(err)));
  }
  // The holder's pid, for the message a second ingest prints. Truncated
  // only when a longer pid was there before: a truncation costs a journal
  // write, a visible share of a no-change run.
  std::string pid = std::to_string(::getpid());
  struct stat st {};
  if (::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()) && ::fstat(fd_, &st) == 0 &&
      st.st_size > static_cast<off_t>(pid.size()))
    (void)!::ftruncate(fd_, static_cast<off_t>(pid.size()));
}

IngestLock::~IngestLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace reviewlens::cli
