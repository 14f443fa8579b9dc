// Makes sure no extraction child outlives an ingest that is killed.
//
// Extraction children are forked without exec, so they inherit the ingest's
// descriptors, including the index's write lock and the "<index>.lock"
// flock. If the ingest is killed with SIGKILL while a child hangs in a
// hostile PDF, that orphan would keep the index locked and the next nightly
// run would fail with "locked". The guard forks a tiny watchdog process
// (before any lock is taken, so it holds none) that asks the kernel for a
// signal when the ingest dies (PR_SET_PDEATHSIG) and then SIGKILLs every
// process still holding the guard's anchor pipe, which only the ingest and
// its forked children have.
//
// Create it before taking locks and before forking any extraction child.
// The destructor stops the watchdog. Not copyable; one per process.
#pragma once

#include <sys/types.h>

namespace reviewlens::cli {

class OrphanGuard {
 public:
  OrphanGuard();
  ~OrphanGuard();
  OrphanGuard(const OrphanGuard&) = delete;
  OrphanGuard& operator=(const OrphanGuard&) = delete;

 private:
  int anchor_fd_ = -1;
  pid_t watchdog_ = -1;
};

}  // namespace reviewlens::cli
