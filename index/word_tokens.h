// Internal to rl_index: splits text into words the way the highlighter and
// synonym detection need (runs of ASCII letters/digits and any non-ASCII
// byte, so UTF-8 letters stay inside words). Close to, not identical with,
// Xapian's TermGenerator: good enough to mark and match words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlens::index {

struct WordToken {
  std::size_t start = 0;  // byte offsets into the text
  std::size_t end = 0;
};

std::vector<WordToken> word_tokens(std::string_view text);
std::string ascii_lower(std::string_view word);

}  // namespace reviewlens::index
