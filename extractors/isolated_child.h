// Internal to isolated extraction: what the forked child does and how the
// parent reads its answer. Not for use outside extractors/.
#pragma once

#include <filesystem>
#include <string>

#include "extractors/isolated_extract.h"

namespace reviewlens::extractors::isolation {

// Exit status of a child that caught std::bad_alloc (memory limit reached).
inline constexpr int kExitOutOfMemory = 86;
// The child found its parent already gone; nobody will read its result.
inline constexpr int kExitOrphaned = 87;

// Runs in the child right after fork(): limits memory, extracts `file`,
// writes the wire JSON to `fd` and _exits. Never returns.
[[noreturn]] void run_child(int fd, const std::filesystem::path& file, const ParallelOptions& options);

// Turns a finished child (its wait status and everything it wrote) into the
// result. `timed_out` when the parent killed it at the deadline.
Expected<Document> interpret(int wait_status, const std::string& output, bool timed_out,
                             const std::filesystem::path& file, const IsolationLimits& limits);

}  // namespace reviewlens::extractors::isolation
