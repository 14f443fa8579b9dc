#include "corpus/change_plan.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace reviewlens::corpus {

namespace {

bool same_stat(const SourceFile& f, const ManifestEntry& m) {
  return f.size == m.size && f.mtime_ns == m.mtime_ns;
}

PlanItem item(PlanAction action, const SourceFile& f, std::string hash = {}) {
  PlanItem out;
  out.action = action;
  out.path = f.path;
  out.file = f;
  out.hash = std::move(hash);
  return out;
}

PlanItem plan_rejected(const SourceFile& f, const ManifestEntry* m, const PlanOptions& options) {
  bool known_failure = m && m->status == SourceStatus::failed && same_stat(f, *m) &&
                       options.retry_failed == RetryFailed::no;
  PlanItem out = item(known_failure ? PlanAction::failed_unchanged : PlanAction::reject, f);
  out.error = f.rejected;
  return out;
}

PlanItem plan_known(const SourceFile& f, const ManifestEntry& m, const Hasher& hasher,
                    const PlanOptions& options) {
  bool failed = m.status == SourceStatus::failed;
  bool retry = failed && options.retry_failed == RetryFailed::yes;
  if (same_stat(f, m)) {
    if (retry) return item(PlanAction::change, f, m.hash);
    return item(failed ? PlanAction::failed_unchanged : PlanAction::unchanged, f, m.hash);
  }
  Expected<std::string> hash = hasher(f);
  if (!hash) {
    PlanItem out = item(PlanAction::reject, f);
    out.error = hash.error();
    return out;
  }
  if (*hash != m.hash || retry) return item(PlanAction::change, f, *hash);
  // Same bytes: a failed file stays failed, but its record learns the new stat.
  return item(PlanAction::touch, f, *hash);
}

// Pairs each added file with a removed indexed source holding the same bytes.
void detect_moves(std::vector<PlanItem>& plan, const std::vector<ManifestEntry>& manifest) {
  std::unordered_map<std::string, const ManifestEntry*> by_path;
  for (const auto& m : manifest) by_path[m.path] = &m;
  std::multimap<std::string, std::size_t> removed_by_hash;  // hash -> plan index
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (plan[i].action != PlanAction::remove) continue;
    const ManifestEntry* m = by_path[plan[i].path];
    if (m->status == SourceStatus::indexed && !m->hash.empty())
      removed_by_hash.emplace(m->hash, i);
  }
  std::vector<bool> drop(plan.size(), false);
  for (auto& p : plan) {
    if (p.action != PlanAction::add) continue;
    auto it = removed_by_hash.find(p.hash);
    if (it == removed_by_hash.end()) continue;
    p.action = PlanAction::move;
    p.from = plan[it->second].path;
    drop[it->second] = true;
    removed_by_hash.erase(it);
  }
  std::vector<PlanItem> kept;
  kept.reserve(plan.size());
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(plan[i]));
  plan = std::move(kept);
}

}  // namespace

std::string_view to_string(PlanAction action) {
  switch (action) {
    case PlanAction::add: return "add";
    case PlanAction::change: return "change";
    case PlanAction::touch: return "touch";
    case PlanAction::unchanged: return "unchanged";
    case PlanAction::failed_unchanged: return "failed_unchanged";
    case PlanAction::move: return "move";
    case PlanAction::remove: return "remove";
    case PlanAction::reject: return "reject";
  }
  return "unknown";
}

std::vector<PlanItem> plan_changes(const std::vector<SourceFile>& on_disk,
                                   const std::vector<ManifestEntry>& manifest, const Hasher& hasher,
                                   const PlanOptions& options) {
  std::unordered_map<std::string, const ManifestEntry*> known;
  for (const auto& m : manifest) known[m.path] = &m;
  std::vector<PlanItem> plan;
  plan.reserve(on_disk.size() + manifest.size());
  std::unordered_map<std::string, bool> seen;
  for (const auto& f : on_disk) {
    seen[f.path] = true;
    auto it = known.find(f.path);
    const ManifestEntry* m = it == known.end() ? nullptr : it->second;
    if (f.rejected) {
      plan.push_back(plan_rejected(f, m, options));
    } else if (m) {
      plan.push_back(plan_known(f, *m, hasher, options));
    } else if (Expected<std::string> hash = hasher(f)) {
      plan.push_back(item(PlanAction::add, f, *hash));
    } else {
      PlanItem out = item(PlanAction::reject, f);
      out.error = hash.error();
      plan.push_back(std::move(out));
    }
  }
  for (const auto& m : manifest) {
    if (seen.count(m.path)) continue;
    PlanItem out;
    out.action = PlanAction::remove;
    out.path = m.path;
    out.hash = m.hash;
    plan.push_back(std::move(out));
  }
  std::sort(plan.begin(), plan.end(), [](const PlanItem& a, const PlanItem& b) { return a.path < b.path; });
  detect_moves(plan, manifest);
  return plan;
}

PlanCounts count_actions(const std::vector<PlanItem>& plan) {
  PlanCounts c;
  for (const auto& p : plan) {
    switch (p.action) {
      case PlanAction::add: ++c.add; break;
      case PlanAction::change: ++c.change; break;
      case PlanAction::touch: ++c.touch; break;
      case PlanAction::unchanged: ++c.unchanged; break;
      case PlanAction::failed_unchanged: ++c.failed_unchanged; break;
      case PlanAction::move: ++c.move; break;
      case PlanAction::remove: ++c.remove; break;
      case PlanAction::reject: ++c.reject; break;
    }
  }
  return c;
}

std::optional<PlanCounts> unchanged_counts(const std::vector<SourceFile>& on_disk,
                                           const std::vector<ManifestEntry>& manifest,
                                           const PlanOptions& options) {
  // A file and its entry pair up only if both lists hold the same paths in
  // the same order; anything else is an add, a remove, or unsorted input.
  if (on_disk.size() != manifest.size()) return std::nullopt;
  const bool retry = options.retry_failed == RetryFailed::yes;
  PlanCounts counts;
  for (std::size_t i = 0; i < on_disk.size(); ++i) {
    const SourceFile& f = on_disk[i];
    const ManifestEntry& m = manifest[i];
    if (f.path != m.path || (i > 0 && !(on_disk[i - 1].path < f.path))) return std::nullopt;
    const bool failed = m.status == SourceStatus::failed;
    if (!same_stat(f, m)) return std::nullopt;                 // touch or change: a hash
    if (f.rejected && !failed) return std::nullopt;            // reject
    if (failed && retry) return std::nullopt;                  // change (retried)
    ++(failed ? counts.failed_unchanged : counts.unchanged);
  }
  return counts;
}

}  // namespace reviewlens::corpus
