// Turns the rule language's phrases and pattern lists into RE2 source text,
// and checks that text compiles. Kept apart from the engine so the loader
// can validate a taxonomy with the same translation the engine uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/tagging/rule.h"

namespace reviewlens::tagging {

// "child criminal exploit*" -> \bchild\s+criminal\s+exploit\w*\b (word
// bounds only where the phrase starts/ends with a word character; '-' also
// matches whitespace or nothing; an apostrophe is optional).
std::string phrase_to_regex(std::string_view phrase);

// One RE2 source string matching any entry of `list`, with (?i) unless the
// case mode is sensitive. Empty when the list is empty.
std::string component_regex(const PatternList& list, CaseMode case_mode);

// The RE2 error text when `regex` does not compile, else nullopt.
std::optional<std::string> regex_error(const std::string& regex);

}  // namespace reviewlens::tagging
