// Passage-wide exclusions (`exclude_passage` in a rule): a match anywhere in
// the passage vetoes that rule for the whole passage, where `exclude` looks
// only at the matched sentence. "Child Z said he was visiting a mate" is a
// child's voice, unless the passage is an arrest ("arrested", "released
// under investigation") told two sentences earlier.
//
// Applied after RuleEngine::match: the vetoed rules' hits are removed and
// the group's thresholds (min_score, min_hits) are checked again, exactly as
// the engine checks them. Built from the engine's own groups, since hits
// point at its rules. Thread-safety: `apply` is const and thread-safe.
// Errors: the constructor throws FatalError (exit 2) if a pattern does not
// compile; the taxonomy loader reports such problems earlier, with lines.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/tagging/rule.h"
#include "pipeline/tagging/rule_engine.h"

namespace reviewlens::tagging {

class PassageVeto {
 public:
  explicit PassageVeto(const std::vector<RuleGroup>& groups);
  ~PassageVeto();
  PassageVeto(PassageVeto&&) noexcept;
  PassageVeto& operator=(PassageVeto&&) noexcept;

  // True when no rule has `exclude_passage`: `apply` then does nothing.
  bool empty() const;

  // Drops vetoed rules' hits from `matches` (for passage `text`) and the
  // groups that no longer meet their thresholds.
  void apply(std::string_view text, std::vector<GroupMatch>& matches) const;
  // The same over the first n entries (RuleEngine::match_into's result);
  // returns how many remain there. Entries past that are spare.
  std::size_t apply(std::string_view text, std::vector<GroupMatch>& matches, std::size_t n) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reviewlens::tagging
