// One ingest per index at a time: an exclusive flock(2) on the stable path
// "<index>.lock" (a sibling of the index, so it survives a --full switch of
// generations). Xapian's own writer lock is the second line of defence.
//
// Throws IndexLockedError (exit code 4) at once when another process holds
// the lock; FatalError (3) when the lock file cannot be created. The lock is
// released when the object dies or the process ends (even by SIGKILL).
#pragma once

#include <filesystem>

namespace reviewlens::cli {

class IngestLock {
 public:
  explicit IngestLock(const std::filesystem::path& index_dir);
  ~IngestLock();
  IngestLock(const IngestLock&) = delete;
  IngestLock& operator=(const IngestLock&) = delete;

  static std::filesystem::path lock_path(const std::filesystem::path& index_dir);

 private:
  int fd_ = -1;
};

}  // namespace reviewlens::cli
