// Decides what an incremental ingest must do with each source file, from the
// files on disk and the manifest of the previous run. Pure: no I/O except
// through the Hasher the caller passes, which is called only when size or
// mtime differ from the manifest, or for a path the manifest does not know.
//
//   on disk, not in manifest             -> add      (or move, see below)
//   size+mtime as recorded               -> unchanged (no hash computed)
//   size/mtime differ, same hash         -> touch    (record updated, no extraction)
//   hash differs                         -> change
//   recorded as failed, size+mtime same  -> failed_unchanged, or change with RetryFailed::yes
//   in manifest, not on disk             -> remove
//   added file with the bytes of a removed *indexed* source -> move (the pair
//                                           replaces the add and the remove)
//   *.pdf that is not a PDF (walker)     -> reject   (failed_unchanged if already
//                                           recorded with the same size+mtime)
// A file whose hash cannot be computed becomes a reject with reason io.
//
// rl_corpus does not depend on rl_index: ManifestEntry is the part of the
// index's SourceRecord this decision needs. Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/source_walker.h"
#include "pipeline/core/error.h"

namespace reviewlens::corpus {

enum class SourceStatus { indexed, failed };

struct ManifestEntry {
  std::string path;  // relative, '/' separated
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;  // content_hash hex, may be empty for old failed entries
  SourceStatus status = SourceStatus::indexed;
};

enum class PlanAction { add, change, touch, unchanged, failed_unchanged, move, remove, reject };
std::string_view to_string(PlanAction action);

struct PlanItem {
  PlanAction action = PlanAction::unchanged;
  std::string path;            // the source's identity (the old path for remove)
  std::string from;            // move: the old path
  SourceFile file;             // on-disk state; empty for remove
  std::string hash;            // content hash when known (computed or from the manifest)
  std::optional<Error> error;  // reject: why
  bool needs_extraction() const { return action == PlanAction::add || action == PlanAction::change; }
};

enum class RetryFailed { no, yes };
struct PlanOptions {
  RetryFailed retry_failed = RetryFailed::no;
};

using Hasher = std::function<Expected<std::string>(const SourceFile&)>;

// Items sorted by path; exactly one item per on-disk file plus one per
// removed manifest entry (a move counts once, under its new path).
std::vector<PlanItem> plan_changes(const std::vector<SourceFile>& on_disk,
                                   const std::vector<ManifestEntry>& manifest, const Hasher& hasher,
                                   const PlanOptions& options = {});

struct PlanCounts {
  int add = 0, change = 0, touch = 0, unchanged = 0, failed_unchanged = 0, move = 0, remove = 0,
      reject = 0;
  int to_extract() const { return add + change; }
};
PlanCounts count_actions(const std::vector<PlanItem>& plan);

// What count_actions(plan_changes(...)) gives when every item would be
// `unchanged` or `failed_unchanged`, found by one merge of the two lists
// without building the plan or hashing anything (the no-change ingest asks
// this of every file). nullopt as soon as one item would be anything else,
// or when either list is not sorted by path as walk_sources and the
// manifest give them.
std::optional<PlanCounts> unchanged_counts(const std::vector<SourceFile>& on_disk,
                                           const std::vector<ManifestEntry>& manifest,
                                           const PlanOptions& options = {});

}  // namespace reviewlens::corpus
