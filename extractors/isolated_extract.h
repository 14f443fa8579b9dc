// Extraction out of process, with a time and a memory limit.
//
// Poppler loops forever or allocates gigabytes on some real PDFs, so
// documents are extracted in forked worker processes (fork without exec: a
// worker runs extract_document from this binary's memory image). A worker
// limits its address space with setrlimit(RLIMIT_AS), then for each file it
// is given extracts, runs the optional post-processing hook, and writes the
// Document as JSON to its socket; the parent drains the socket while it
// waits and SIGKILLs a worker that outlives a document's wall-clock limit.
// One bad file costs one worker, never another file. An optional payload
// hook lets the worker ("child" below) send bytes of its own making back
// with the Document (the ingest sends the finished index entries, so its
// single writer only stores them).
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

// Runs inside the child after post-processing a good document; its bytes
// come back unchanged as ExtractResult::payload. It may move data out of the
// Document (clear the passages it encoded) to spare their JSON round trip.
// Exceptions it throws become that document's `internal` error.
using PayloadMaker = std::function<std::string(Document&)>;

struct ExtractResult {
  std::filesystem::path path;
  Expected<Document> document;
  std::string payload;  // from ParallelOptions::payload; empty without one or on error
};

// Extracts one file in a worker process and waits for it (blocking).
Expected<Document> extract_isolated(const std::filesystem::path& file, const ExtractOptions& options,
                                    const IsolationLimits& limits = {},
                                    const PostProcess& post_process = {});

struct ParallelOptions {
  ExtractOptions extract;
  IsolationLimits limits;
  int max_children = 1;      // children running at once (>= 1)
  PostProcess post_process;  // optional, runs in the child
  PayloadMaker payload;      // optional, runs in the child after post_process
};

// A pool of up to `max_children` long-lived extraction workers, forked on
// first need (so from a parent that is still small) and reused from file to
// file: no fork per document. A worker that hangs past the time limit is
// killed; one that crashes or runs out of memory ends; either way its file
// fails with the reason and a fresh worker takes the next file. Workers are
// retired after `kDocumentsPerWorker` files so a slow leak in Poppler cannot
// accumulate. Each busy worker also holds its next file (kFilesInFlight), so
// it never idles while this process is busy storing a result; a file queued
// behind one that hangs or crashes is handed to another worker, not failed.
// Files are started in submission order; results come back in completion
// order. The destructor kills and reaps every worker.
class ParallelExtractor {
 public:
  static constexpr int kDocumentsPerWorker = 200;
  static constexpr std::size_t kFilesInFlight = 2;  // per worker: the current file and the next

  explicit ParallelExtractor(ParallelOptions options);
  ~ParallelExtractor();
  ParallelExtractor(const ParallelExtractor&) = delete;
  ParallelExtractor& operator=(const ParallelExtractor&) = delete;

  // Queues a file; it starts as soon as a worker is free (at the next poll).
  void submit(std::filesystem::path file);

  // Waits up to `timeout` until at least one file finishes; returns every
  // file that finished (empty when none did in time or nothing is pending).
  std::vector<ExtractResult> poll(std::chrono::milliseconds timeout);

  // Runs until all submitted files have finished, calling `callback` for
  // each in completion order.
  void drain(const std::function<void(ExtractResult&&)>& callback);

  // Files queued or being extracted.
  std::size_t pending() const;

 private:
  struct Worker {
    int pid = -1;
    int fd = -1;  // the parent's end of the worker's socketpair
    bool ended = false;  // EOF: the worker exited or died
    // Files sent, in order; the front is being extracted (its deadline
    // below), the next is queued in the worker's socket so it starts at
    // once instead of waiting for this process to read an answer and reply.
    std::deque<std::filesystem::path> files;
    bool busy() const { return !files.empty(); }
    std::string output;
    std::chrono::steady_clock::time_point deadline;
    int documents = 0;
  };

  void start_queued();
  bool send_to(Worker& worker);
  Worker* idle_worker();
  bool spawn();
  void reap(Worker& worker, bool kill);
  void read_from(Worker& worker);
  std::vector<ExtractResult> collect_finished();

  ParallelOptions options_;
  std::deque<std::filesystem::path> queued_;
  std::vector<Worker> workers_;
  std::vector<ExtractResult> failed_to_start_;
};

}  // namespace reviewlens::extractors
