// Finds a document's case facts (incident, age band, known to children's
// social care, ...) with the rules of the taxonomy's `facts:` section.
//
// Runs after tagging, on the whole document: every fact value's rules are
// matched on every passage by one RuleEngine (same assertion cues as the
// themes), then each fact's resolution policy picks one value
// (case_facts.h). The result has one CaseFact per fact of the taxonomy, in
// taxonomy order; "unknown" when no rule of that fact matched.
//
// Construction compiles every rule once; `find` is const and thread-safe.
// Throws FatalError (exit 2) at construction if a pattern does not compile,
// which a taxonomy that passed load_taxonomy never does.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/tagging/taxonomy.h"

namespace reviewlens::tagging {

class RuleEngine;
class PassageVeto;

class FactFinder {
 public:
  explicit FactFinder(const Taxonomy& taxonomy);
  ~FactFinder();
  FactFinder(FactFinder&&) noexcept;
  FactFinder& operator=(FactFinder&&) noexcept;

  // The facts of `doc`, from its passages' text (sentences are computed for
  // passages that have none). Does not modify doc.
  std::vector<CaseFact> find(const Document& doc) const;

 private:
  std::vector<Fact> facts_;
  std::unique_ptr<RuleEngine> engine_;  // one group per fact value, facts_ order
  std::unique_ptr<PassageVeto> veto_;   // rules' exclude_passage, over engine_'s groups
};

}  // namespace reviewlens::tagging
