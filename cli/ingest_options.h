// What one `reviewlens ingest` run is asked to do, once the command line is
// parsed (cli/ingest_args.h). Shared by the full run (cli/ingest_runner.h)
// and the no-change check of the light binary (cli/ingest_quick.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "cli/ingest_progress.h"
#include "corpus/change_plan.h"

namespace reviewlens::cli {

enum class BuildMode { incremental, full };

struct IngestOptions {
  std::filesystem::path corpus;
  std::filesystem::path index;
  std::string taxonomy;  // file, or empty for the bundled taxonomy
  int jobs = 1;
  BuildMode mode = BuildMode::incremental;
  corpus::RetryFailed retry_failed = corpus::RetryFailed::no;
  std::chrono::milliseconds timeout{120'000};
  std::size_t memory_mb = 2048;
  int commit_every = 50;
  ProgressStyle progress = ProgressStyle::log;
};

}  // namespace reviewlens::cli
