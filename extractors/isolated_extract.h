// Extraction out of process, with a time and a memory limit.
//
// Poppler loops forever or allocates gigabytes on some real PDFs, so each
// document is extracted in a forked child (fork without exec: the child runs
// extract_document from this binary's memory image). The child limits its
// address space with setrlimit(RLIMIT_AS), extracts, runs the optional
// post-processing hook, and writes the Document as JSON to a pipe; the
// parent drains the pipe while it waits and SIGKILLs a child that outlives
// its wall-clock limit.
//
// Outcomes, as Expected<Document> (Error.code):
//   ok            the document
//   the child's own error (encrypted, corrupt, no_text, ...), passed back
//   timeout       still running at the limit: killed with SIGKILL
//   memory_limit  the child ran out of memory under RLIMIT_AS (std::bad_alloc)
//   crashed       killed by a signal (the message names it) or an unexpected
//                 exit status
//   internal      the child's answer could not be read
//
// Threads: fork() copies only the calling thread, so the PARENT MUST BE
// SINGLE-THREADED when it calls submit/poll/drain/extract_isolated (another
// thread holding a lock at fork time would deadlock the child). The classes
// here are not thread-safe; use one from one thread.
//
// TEST-ONLY fault switch: if the environment variable REVIEWLENS_FAULT is
// `hang:SUBSTR`, `crash:SUBSTR` or `alloc:SUBSTR` and a file's path contains
// SUBSTR, its child hangs, raises SIGSEGV, or allocates until the memory limit
// instead of extracting. It exists so tests can exercise every outcome with
// real processes; never set it in production.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "extractors/extract.h"
#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

namespace reviewlens::extractors {

struct IsolationLimits {
  std::chrono::milliseconds timeout{120'000};  // wall clock per document; default 120 s
  // Child address space (RLIMIT_AS), default 2048 MB; 0 = none. It counts
  // what the child inherits from the parent too, so a parent with a large
  // address space leaves its children less room.
  std::size_t memory_mb = 2048;
};

// Runs inside the child after a successful extraction, before the Document
// is serialised (the ingest tags here, in parallel). Exceptions it throws
// become that document's `internal` error.
using PostProcess = std::function<void(Document&)>;

struct ExtractResult {
  std::filesystem::path path;
  Expected<Document> document;
};

// Extracts one file in a child process and waits for it (blocking).
Expected<Document> extract_isolated(const std::filesystem::path& file, const ExtractOptions& options,
                                    const IsolationLimits& limits = {},
                                    const PostProcess& post_process = {});

struct ParallelOptions {
  ExtractOptions extract;
  IsolationLimits limits;
  int max_children = 1;      // children running at once (>= 1)
  PostProcess post_process;  // optional, runs in the child
};

// A pool of up to `max_children` extraction children. Files are started in
// submission order; results come back in completion order. The destructor
// kills and reaps any child still running.
class ParallelExtractor {
 public:
  explicit ParallelExtractor(ParallelOptions options);
  ~ParallelExtractor();
  ParallelExtractor(const ParallelExtractor&) = delete;
  ParallelExtractor& operator=(const ParallelExtractor&) = delete;

  // Queues a file; it starts as soon as a slot is free (at the next poll).
  void submit(std::filesystem::path file);

  // Waits up to `timeout` until at least one file finishes; returns every
  // file that finished (empty when none did in time or nothing is pending).
  std::vector<ExtractResult> poll(std::chrono::milliseconds timeout);

  // Runs until all submitted files have finished, calling `callback` for
  // each in completion order.
  void drain(const std::function<void(ExtractResult&&)>& callback);

  // Files queued or running.
  std::size_t pending() const { return queued_.size() + running_.size(); }

 private:
  struct Child {
    std::filesystem::path path;
    int pid = -1;
    int fd = -1;  // read end of the child's result pipe; -1 after EOF
    std::string output;
    std::chrono::steady_clock::time_point deadline;
  };

  void start_queued();
  bool start(const std::filesystem::path& file);
  void read_from(Child& child);
  ExtractResult finish(Child& child, bool timed_out);
  std::vector<ExtractResult> collect_finished();

  ParallelOptions options_;
  std::deque<std::filesystem::path> queued_;
  std::vector<Child> running_;
  std::vector<ExtractResult> failed_to_start_;
};

}  // namespace reviewlens::extractors
