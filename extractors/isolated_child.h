// Internal to isolated extraction: what a forked worker does and how the
// parent reads its answers. Not for use outside extractors/.
//
// The protocol over one socketpair per worker: the parent sends requests
// "<length> <path>", at most ParallelExtractor::kFilesInFlight unanswered
// at a time; the worker answers each, in order, with
// "<json length> <payload length> <wire JSON><payload bytes>" and reads the
// next request, or exits when the parent closes its end.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "extractors/isolated_extract.h"

namespace reviewlens::extractors::isolation {

// Exit status of a worker that caught std::bad_alloc (memory limit reached).
inline constexpr int kExitOutOfMemory = 86;
// The worker found its parent already gone; nobody will read its result.
inline constexpr int kExitOrphaned = 87;

// Runs in the worker right after fork(): limits memory, then extracts each
// requested file and writes its answer to `fd`, until EOF. Never returns.
[[noreturn]] void run_worker(int fd, const ParallelOptions& options);

// The request that asks a worker to extract `file`.
std::string request(const std::filesystem::path& file);

// The length of the first complete answer in `output`; 0 when incomplete.
std::size_t answer_length(std::string_view output);

// Turns a worker's answer (`output`, one frame) or its end (its wait status
// and whatever it wrote) into the result. `timed_out` when the parent
// killed it at the deadline; wait_status 0 for an answer from a live worker.
ExtractResult interpret(int wait_status, std::string output, bool timed_out,
                        const std::filesystem::path& file, const IsolationLimits& limits);

}  // namespace reviewlens::extractors::isolation
