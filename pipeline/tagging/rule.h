// The rule language as plain values: what a taxonomy file says, before any
// pattern is compiled. Themes use it today; case facts (incident, age band,
// known to social care, ...) reuse the same `RuleGroup` so one engine runs
// both. The language is documented for analysts in docs/rules.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace reviewlens::tagging {

// The vocabulary of one rule component. Both lists are alternatives.
struct PatternList {
  // Plain words: word-bounded, any run of whitespace between words, '-'
  // also matches a space or nothing, a trailing '*' matches the rest of the
  // word ("exploit*").
  std::vector<std::string> phrases;
  std::vector<std::string> patterns;  // RE2 syntax, used as written
  int line = 0;                       // taxonomy file line, 0 if built in code

  bool empty() const { return phrases.empty() && patterns.empty(); }
};

// Whether ruled-out / negated context ("no evidence of ...") vetoes a match.
// `ignore` is for rules whose absence is the finding ("no strategy meeting
// was held").
enum class NegationMode { apply, ignore };

enum class CaseMode { insensitive, sensitive };

// Where a rule or group may fire. Empty members mean "anywhere".
struct Scope {
  std::vector<PassageKind> kinds;
  // RE2 (case-insensitive) searched in the passage's heading and its para
  // label ("Recommendation 4"); a passage with neither never matches.
  std::string sections;

  bool empty() const { return kinds.empty() && sections.empty(); }
};

// Co-occurrence: a match of `first` and one of `second` in the same
// sentence with at most `within_words` words between them (either order).
struct Near {
  PatternList first;
  PatternList second;
  int within_words = 8;
};

// One rule: either `any` (any-of) or `near` is set, never both.
struct Rule {
  std::string id;
  PatternList any;
  std::optional<Near> near;
  PatternList exclude;  // a match here vetoes this rule's matches in the same sentence
  PatternList exclude_passage;  // a match anywhere vetoes the rule in the passage (passage_veto.h)
  NegationMode negation = NegationMode::apply;
  CaseMode case_mode = CaseMode::insensitive;
  double weight = 1.0;  // added once to the group's score when the rule matches
  Scope scope;
  int line = 0;
};

// The rules deciding one label (a theme, or later a case fact). The label
// holds when the distinct matching rules' weights sum to at least
// `min_score` and there are at least `min_hits` matches in all.
struct RuleGroup {
  std::string id;
  std::vector<Rule> rules;
  double min_score = 1.0;
  int min_hits = 1;
  Scope scope;
  int line = 0;
};

// ConText-style assertion cues shared by every rule with NegationMode::apply.
// A match is ruled out when, in its sentence, a `before` cue ends at most
// `window_words` words before it, or an `after` cue starts at most
// `window_words` words after it, with no `terminators` match in between.
struct AssertionCues {
  PatternList before;
  PatternList after;
  PatternList terminators;
  int window_words = 6;
};

}  // namespace reviewlens::tagging
