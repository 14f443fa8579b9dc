// Literal prefixes of RE2 patterns: the rule engine's span finder looks
// for these to know where a pattern can start matching, then lets RE2 (or
// the phrase matcher) decide at those positions only. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlens::tagging {

// Byte that stands for "a run of RE2 \s" in a prefix (phrases' \s+).
inline constexpr char kSpaceRun = '\0';

struct LiteralPrefix {
  std::string bytes;        // ASCII letters in lower case; never empty
  bool word_start = false;  // a match starts at a word start (\b, then a word byte)
};

// Prefixes such that every match of `pattern` (RE2 syntax, alone) begins
// with one of them, ASCII letters compared case-insensitively. nullopt
// when that cannot be shown: the pattern can match the empty string or
// start with a wide class (`.`, `\W`, `[^x]`), or it uses syntax this
// reader does not handle (\p{..}, \x.., \Q..\E, POSIX classes, ...).
// Never wrong, only sometimes unhelpful: an unknown construct gives nullopt.
std::optional<std::vector<LiteralPrefix>> literal_prefixes(std::string_view pattern);

}  // namespace reviewlens::tagging
