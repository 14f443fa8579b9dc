#include "pipeline/tagging/phrase_matcher.h"

#include <cctype>

#include <re2/re2.h>

namespace reviewlens::tagging {
namespace {

// Which phrase characters get a \b next to them (pattern_text.cc's rule:
// non-ASCII bytes count as word bytes here, unlike in RE2's \b).
bool is_phrase_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool is_blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Backtracking steps allowed per match before giving up to RE2; only
// pathological whitespace runs get near it.
constexpr int kStepBudget = 4096;
constexpr long kNoMatch = -1;
constexpr long kGaveUp = -2;

}  // namespace

std::vector<PhraseToken> phrase_tokens(std::string_view phrase) {
  while (!phrase.empty() && is_blank(phrase.front())) phrase.remove_prefix(1);
  while (!phrase.empty() && is_blank(phrase.back())) phrase.remove_suffix(1);
  std::vector<PhraseToken> tokens;
  if (phrase.empty()) return tokens;
  bool stem = phrase.back() == '*';
  if (stem) phrase.remove_suffix(1);
  if (!phrase.empty() && is_phrase_word_byte(phrase.front())) tokens.push_back({PhraseOp::word_boundary});
  bool in_space = false;
  for (char c : phrase) {
    if (is_blank(c)) {
      in_space = true;
      continue;
    }
    if (in_space) tokens.push_back({PhraseOp::spaces});
    in_space = false;
    if (c == '-')
      tokens.push_back({PhraseOp::hyphen});
    else if (c == '\'')
      tokens.push_back({PhraseOp::apostrophe});
    else
      tokens.push_back({PhraseOp::literal, c});
  }
  if (stem) tokens.push_back({PhraseOp::stem});
  if (stem || (!phrase.empty() && is_phrase_word_byte(phrase.back())))
    tokens.push_back({PhraseOp::word_boundary});
  return tokens;
}

std::string tokens_regex(const std::vector<PhraseToken>& tokens) {
  std::string out;
  for (const auto& token : tokens) {
    switch (token.op) {
      case PhraseOp::word_boundary: out += "\\b"; break;
      case PhraseOp::literal: out += RE2::QuoteMeta(std::string(1, token.byte)); break;
      case PhraseOp::spaces: out += "\\s+"; break;
      case PhraseOp::hyphen: out += "(?:-|\\s+)?"; break;
      case PhraseOp::apostrophe: out += "'?"; break;
      case PhraseOp::stem: out += "\\w*"; break;
    }
  }
  return out;
}

PhraseMatcher::PhraseMatcher(std::vector<PhraseToken> tokens, CaseMode case_mode)
    : tokens_(std::move(tokens)), insensitive_(case_mode == CaseMode::insensitive) {
  folded_.reserve(tokens_.size());
  for (const auto& token : tokens_) {
    auto c = static_cast<unsigned char>(token.byte);
    if (token.op == PhraseOp::literal && insensitive_ && c >= 0x80) exact_ = false;
    folded_.push_back(insensitive_ && c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c | 0x20) : c);
  }
}

bool PhraseMatcher::literal_at(std::size_t token, unsigned char c) const {
  unsigned char want = folded_[token];
  if (insensitive_ && want >= 'a' && want <= 'z') return static_cast<unsigned char>(c | 0x20) == want;
  return c == want;
}

PhraseMatcher::Result PhraseMatcher::match_at(std::string_view text, std::size_t pos) const {
  int budget = kStepBudget;
  long end = match_from(text, 0, pos, budget);
  if (end == kGaveUp) return {Outcome::undecided, 0};
  if (end < 0) return {Outcome::no_match, 0};
  return {Outcome::match, static_cast<std::size_t>(end)};
}

// The end of the first match (in RE2's priority order) of tokens[token..]
// at `pos`, kNoMatch, or kGaveUp when the step budget ran out.
long PhraseMatcher::match_from(std::string_view text, std::size_t token, std::size_t pos,
                               int& budget) const {
  const std::size_t size = text.size();
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  auto run = [&](std::size_t from, bool (*in_class)(unsigned char)) {
    std::size_t i = from;
    while (i < size && in_class(byte(i))) ++i;
    return i - from;
  };
  // Tries tokens[token + 1..] after each length of a greedy run, longest first.
  auto after_run = [&](std::size_t longest, std::size_t shortest) -> long {
    for (std::size_t k = longest + 1; k-- > shortest;) {
      long end = match_from(text, token + 1, pos + k, budget);
      if (end != kNoMatch) return end;
    }
    return kNoMatch;
  };
  for (; token < tokens_.size(); ++token) {
    if (--budget < 0) return kGaveUp;
    switch (tokens_[token].op) {
      case PhraseOp::word_boundary: {
        bool before = pos > 0 && is_re2_word_byte(byte(pos - 1));
        bool after = pos < size && is_re2_word_byte(byte(pos));
        if (before == after) return kNoMatch;
        break;
      }
      case PhraseOp::literal:
        if (pos >= size || !literal_at(token, byte(pos))) return kNoMatch;
        ++pos;
        break;
      case PhraseOp::spaces: {
        std::size_t r = run(pos, is_re2_space_byte);
        return r == 0 ? kNoMatch : after_run(r, 1);
      }
      case PhraseOp::hyphen: {
        if (pos < size && byte(pos) == '-') {
          long end = match_from(text, token + 1, pos + 1, budget);
          if (end != kNoMatch) return end;
        }
        std::size_t r = run(pos, is_re2_space_byte);
        if (r > 0) {
          long end = after_run(r, 1);
          if (end != kNoMatch) return end;
        }
        break;  // the empty alternative
      }
      case PhraseOp::apostrophe:
        if (pos < size && byte(pos) == '\'') {
          long end = match_from(text, token + 1, pos + 1, budget);
          if (end != kNoMatch) return end;
        }
        break;
      case PhraseOp::stem:
        return after_run(run(pos, is_re2_word_byte), 0);
    }
  }
  return static_cast<long>(pos);
}

}  // namespace reviewlens::tagging
