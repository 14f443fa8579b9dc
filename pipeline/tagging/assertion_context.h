// ConText-style assertion check for one match: is it ruled out by a
// negation cue in its sentence ("no evidence of X", "X was ruled out")?
// Internal to the rule engine, which finds the cue spans (they are slots of
// its RE2::Set, so passages without any cue cost nothing here).
#pragma once

#include <span>
#include <string_view>

#include "pipeline/core/document.h"

namespace reviewlens::tagging {

// Spans of each cue kind in the whole passage, in text order.
struct CueSpans {
  std::span<const Span> before;
  std::span<const Span> after;
  std::span<const Span> terminators;
};

// True when, inside `sentence`, a `before` cue ends at most `window_words`
// words before `match`, or an `after` cue starts at most `window_words`
// words after it, with no terminator in between.
bool ruled_out(std::string_view text, Span sentence, Span match, const CueSpans& cues,
               int window_words);

}  // namespace reviewlens::tagging
