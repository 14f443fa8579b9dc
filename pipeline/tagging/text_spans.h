// Internal helpers of the rule engine: spans of a regex, word counts between
// offsets, and which sentence an offset falls in. Not a public header of the
// module (it names RE2).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace re2 {
class RE2;
}

namespace reviewlens::tagging {

// Every non-overlapping match of `re` inside [begin, end) of `text`, with
// word boundaries judged against the whole text.
std::vector<Span> find_all(const re2::RE2& re, std::string_view text, std::size_t begin,
                           std::size_t end);

// The same, appended to `out` (which the engine reuses between passages).
void find_all_into(const re2::RE2& re, std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<Span>& out);

// True when `re` matches somewhere inside [begin, end) of `text`.
bool matches_in(const re2::RE2& re, std::string_view text, std::size_t begin, std::size_t end);

// Number of words (runs of letters/digits/non-ASCII bytes) starting inside [begin, end).
std::size_t count_words(std::string_view text, std::size_t begin, std::size_t end);

// Maps byte offsets to sentences. With no sentences the whole text is one.
class SentenceIndex {
 public:
  SentenceIndex(std::span<const Span> sentences, std::size_t text_size);
  std::size_t sentence_of(std::size_t offset) const;
  Span span_of(std::size_t offset) const;

 private:
  std::span<const Span> sentences_;
  std::size_t text_size_;
};

}  // namespace reviewlens::tagging
