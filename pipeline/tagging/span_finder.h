// Finds the spans of the rule engine's slots without one RE2 pass per slot.
//
// Every alternative of every slot (a phrase, or an RE2 pattern) is reduced
// at construction to the literal strings its matches can start with
// (literal_prefixes.h; phrases from their tokens). All of them go into two
// case-folded tries: one walked only at word starts (alternatives that
// begin with \b and a word byte, nearly all of them) and one walked at any
// byte that can begin its strings (';', '(' ...). One scan of a passage
// walks the tries and lists, per slot, the positions where one of its
// alternatives could start. Only there is the slot then matched: by the
// phrase matcher (phrase_matcher.h) for phrases, by the slot's own RE2
// anchored at that position otherwise. Taking those positions in order,
// skipping any inside the previous match, gives exactly the non-overlapping
// leftmost-first matches a full RE2 scan gives (find_all_into): RE2 can only
// match where some alternative's prefix occurs, and at a given start the
// slot's match is that of its first alternative matching there.
//
// A slot with an alternative that has no usable prefixes (it can match the
// empty string or start with `.`, \W, [^x] ...) is not covered: the engine
// scans it with its RE2. Text holding U+017F or U+212A, which RE2's case
// folding matches against ASCII 's' and 'k', is not usable at all: the
// engine takes its reference path. Internal to the rule engine (names RE2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/tagging/rule.h"

namespace re2 {
class RE2;
}

namespace reviewlens::tagging {

// One slot as the engine compiled it: the alternation of the list's
// phrases, then its patterns, under its case mode.
struct SlotSource {
  const PatternList* list = nullptr;
  CaseMode case_mode = CaseMode::insensitive;
};

class SpanFinder {
 public:
  // Per-thread working memory, reused between passages (see EngineScratch in
  // passage_state.h for the epoch scheme).
  struct Scratch {
    struct Candidate {
      std::uint32_t pos;
      std::uint32_t order;    // the alternative's index in the slot
      std::uint32_t listing;  // into `listings`
    };
    // One alternative (atom) at one position, shared by every slot that
    // has the atom: its match there is worked out once per passage.
    struct Listing {
      std::uint32_t atom;
      std::uint32_t end;  // kUnknown, kNoMatch, or where its match there ends
    };
    static constexpr std::uint32_t kUnknown = ~std::uint32_t{0};
    static constexpr std::uint32_t kNoMatch = kUnknown - 1;
    std::uint32_t epoch = 0;
    std::vector<Listing> listings;
    std::vector<std::uint32_t> slot_stamp;  // slot -> epoch its candidates were filled in
    std::vector<std::vector<Candidate>> candidates;
    std::vector<std::uint64_t> atom_seen;  // atom -> (epoch << 32 | pos) of its last listing
    std::vector<std::uint32_t> touched;    // slots with candidates, in order of first listing
    std::vector<std::uint32_t> ids;        // atoms found by one trie walk
    std::vector<std::pair<std::uint32_t, std::size_t>> stack;
  };

  explicit SpanFinder(const std::vector<SlotSource>& slots);
  ~SpanFinder();
  SpanFinder(SpanFinder&&) noexcept;
  SpanFinder& operator=(SpanFinder&&) noexcept;

  bool covers(int slot) const { return covered_[slot] != 0; }
  std::size_t uncovered_slots() const;

  // False when the text holds a character RE2's case folding relates to
  // an ASCII letter (U+017F, U+212A).
  static bool usable_for(std::string_view text);

  // Lists the candidate positions of every covered slot in `text`.
  void scan(std::string_view text, Scratch& scratch) const;

  // False when a covered slot surely has no match in the scanned text.
  static bool may_match(int slot, const Scratch& scratch) {
    return scratch.slot_stamp[slot] == scratch.epoch && !scratch.candidates[slot].empty();
  }

  // Appends the covered slot's matches in the scanned text: those that
  // find_all_into(slot_re, text, 0, text.size()) gives, where `slot_re` is
  // the slot's own RE2 (the alternation, with the case-mode prefix). At a
  // candidate position the slot's match is that of its first alternative
  // matching there (RE2's leftmost-first alternation), so alternatives are
  // tried one by one, with the phrase matcher or the alternative's own RE2
  // (compiled on first use), each (alternative, position) once per scan.
  void find(int slot, std::string_view text, Scratch& scratch, std::vector<Span>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::uint8_t> covered_;  // per slot
};

}  // namespace reviewlens::tagging
