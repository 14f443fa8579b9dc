// Runs compiled rule groups (themes, later case facts) over passage text.
//
// Every pattern of every rule is compiled once, at construction, into one
// RE2::Set that finds in a single pass which patterns occur in a passage;
// only the rules it reports are then confirmed with their own RE2 to get
// spans, sentence checks (co-occurrence, exclusions) and assertion context.
//
// Thread-safety: `match` is const and may be called from many threads at
// once (each thread reuses its own working memory between passages). Errors: the constructor throws FatalError (exit 2) if a pattern does
// not compile; the taxonomy loader reports such problems earlier, with lines.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/tagging/rule.h"

namespace reviewlens::tagging {

// Where sentence boundaries come from. Only `near`, `exclude` and the
// assertion cues look at sentences, and most passages reach none of them,
// so `compute_when_needed` saves the ICU segmentation for most passages.
enum class SentenceSource {
  given,                // `sentences` as passed; empty = the whole text is one sentence
  compute_when_needed,  // `sentences` ignored; text::sentence_spans(text) on first use
};

// The passage fields rules look at. `sentences` are byte spans into `text`.
struct PassageView {
  std::string_view text;
  std::span<const Span> sentences;
  PassageKind kind = PassageKind::paragraph;
  std::string_view heading;
  std::string_view para;
  SentenceSource sentence_source = SentenceSource::given;
};

// One accepted match: which rule, where (bytes into PassageView::text).
struct RuleHit {
  const Rule* rule = nullptr;  // points into the engine's groups
  Span span;
};

// A group whose thresholds were met, with all its accepted matches.
struct GroupMatch {
  std::size_t group = 0;  // index into the groups given to the engine
  double score = 0;
  std::vector<RuleHit> hits;  // in text order
};

class RuleEngine {
 public:
  RuleEngine(std::vector<RuleGroup> groups, AssertionCues cues);
  ~RuleEngine();
  RuleEngine(RuleEngine&&) noexcept;
  RuleEngine& operator=(RuleEngine&&) noexcept;

  const std::vector<RuleGroup>& groups() const;

  // The groups that hold for this passage, in group order.
  std::vector<GroupMatch> match(const PassageView& passage) const;

  // The same matches in the first n entries of `out` (n returned), reusing
  // the storage of entries a previous call left there; entries past n are
  // spare. For callers that tag many passages (Tagger): fewer allocations.
  std::size_t match_into(const PassageView& passage, std::vector<GroupMatch>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reviewlens::tagging
