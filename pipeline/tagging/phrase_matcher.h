// Phrases as token lists, and a matcher for them that gives exactly what
// RE2 gives for the phrase's regex (phrase_to_regex) at one position.
//
// The phrase grammar is ours (docs/rules.md, "Phrases"), so its regex uses
// only a few constructs: \b, literal bytes, \s+ between words, (?:-|\s+)?
// for '-', '?' after an apostrophe and \w* for a trailing '*'. The matcher
// backtracks through them in RE2's leftmost-first priority order. It uses
// RE2's ASCII definitions of \b, \s and \w; the two non-ASCII characters
// RE2's case folding relates to ASCII letters (U+017F, U+212A) are the
// caller's business (the span finder never uses the matcher on text
// holding them). Internal to the rule engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tagging/rule.h"

namespace reviewlens::tagging {

enum class PhraseOp : std::uint8_t {
  word_boundary,  // \b
  literal,        // one byte
  spaces,         // \s+
  hyphen,         // (?:-|\s+)?
  apostrophe,     // '?
  stem,           // \w*
};

struct PhraseToken {
  PhraseOp op = PhraseOp::literal;
  char byte = 0;  // for literal
};

// The tokens of a phrase; empty for a blank phrase.
std::vector<PhraseToken> phrase_tokens(std::string_view phrase);

// The RE2 source of the tokens (what phrase_to_regex returns).
std::string tokens_regex(const std::vector<PhraseToken>& tokens);

// RE2's \w, \s and \b (ASCII, byte based).
inline bool is_re2_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
inline bool is_re2_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

class PhraseMatcher {
 public:
  // Result of match_at: `undecided` when whitespace runs are so long that
  // backtracking could get slow; the caller then asks RE2.
  enum class Outcome { match, no_match, undecided };
  struct Result {
    Outcome outcome = Outcome::no_match;
    std::size_t end = 0;  // for match
  };

  PhraseMatcher(std::vector<PhraseToken> tokens, CaseMode case_mode);

  // False when RE2's own case folding is needed (a non-ASCII byte in a
  // case-insensitive phrase): such phrases are confirmed by RE2 instead.
  bool exact() const { return exact_; }

  // The match RE2 finds for this phrase anchored at `pos` of `text`
  // (which also gives the context for \b).
  Result match_at(std::string_view text, std::size_t pos) const;

 private:
  bool literal_at(std::size_t token, unsigned char c) const;
  long match_from(std::string_view text, std::size_t token, std::size_t pos, int& budget) const;

  std::vector<PhraseToken> tokens_;
  std::vector<unsigned char> folded_;  // per token: the byte to compare with (lower case)
  bool insensitive_ = true;
  bool exact_ = true;
};

}  // namespace reviewlens::tagging
