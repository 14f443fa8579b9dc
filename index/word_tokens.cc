#include "index/word_tokens.h"

#include <cctype>

namespace reviewlens::index {
namespace {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Curly quotes and dashes are non-ASCII but not letters; NFKC leaves some of
// them, so they must end a word.
std::size_t punctuation_length(std::string_view text, std::size_t i) {
  static constexpr std::string_view kMarks[] = {"\u2018", "\u2019", "\u201c", "\u201d",
                                                "\u2013", "\u2014", "\u2026", "\u00a0",
                                                "\u2022", "\u00b7"};
  // Every mark starts with 0xC2 or 0xE2: most bytes need no comparison.
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead != 0xC2 && lead != 0xE2) return 0;
  for (auto mark : kMarks)
    if (text.substr(i, mark.size()) == mark) return mark.size();
  return 0;
}

}  // namespace

std::vector<WordToken> word_tokens(std::string_view text) {
  std::vector<WordToken> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::size_t skip = punctuation_length(text, i)) {
      i += skip;
      continue;
    }
    if (!is_word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && is_word_byte(text[i]) && punctuation_length(text, i) == 0) ++i;
    out.push_back({start, i});
  }
  return out;
}

std::string ascii_lower(std::string_view word) {
  std::string out(word);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace reviewlens::index
