#include "pipeline/tagging/text_spans.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

namespace reviewlens::tagging {
namespace {

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

}  // namespace

std::vector<Span> find_all(const RE2& re, std::string_view text, std::size_t begin,
                           std::size_t end) {
  std::vector<Span> out;
  find_all_into(re, text, begin, end, out);
  return out;
}

void find_all_into(const RE2& re, std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<Span>& out) {
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = begin;
  while (pos <= end && re.Match(whole, pos, end, RE2::UNANCHORED, &m, 1)) {
    auto start = static_cast<std::size_t>(m.data() - text.data());
    auto stop = start + m.size();
    if (stop > start) out.push_back(Span{start, stop});
    pos = stop > start ? stop : stop + 1;
  }
}

bool matches_in(const RE2& re, std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > end) return false;
  return re.Match(re2::StringPiece(text.data(), text.size()), begin, end, RE2::UNANCHORED,
                  nullptr, 0);
}

std::size_t count_words(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t words = 0;
  end = std::min(end, text.size());
  for (std::size_t i = begin; i < end; ++i)
    if (is_word_byte(text[i]) && (i == 0 || !is_word_byte(text[i - 1]))) ++words;
  return words;
}

SentenceIndex::SentenceIndex(std::span<const Span> sentences, std::size_t text_size)
    : sentences_(sentences), text_size_(text_size) {}

std::size_t SentenceIndex::sentence_of(std::size_t offset) const {
  if (sentences_.empty()) return 0;
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.start; });
  return it == sentences_.begin() ? 0 : static_cast<std::size_t>(it - sentences_.begin()) - 1;
}

Span SentenceIndex::span_of(std::size_t offset) const {
  if (sentences_.empty()) return Span{0, text_size_};
  Span s = sentences_[sentence_of(offset)];
  // Trailing spaces are outside sentence spans; a match never starts there,
  // but keep the span covering the offset anyway.
  if (offset > s.end) s.end = offset;
  return s;
}

}  // namespace reviewlens::tagging
