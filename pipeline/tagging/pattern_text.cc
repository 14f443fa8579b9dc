#include "pipeline/tagging/pattern_text.h"

#include <re2/re2.h>

#include "pipeline/tagging/phrase_matcher.h"

namespace reviewlens::tagging {

std::string phrase_to_regex(std::string_view phrase) { return tokens_regex(phrase_tokens(phrase)); }

std::string component_regex(const PatternList& list, CaseMode case_mode) {
  std::string alternation;
  auto add = [&](const std::string& regex) {
    if (regex.empty()) return;
    if (!alternation.empty()) alternation += '|';
    alternation += "(?:" + regex + ")";
  };
  for (const auto& phrase : list.phrases) add(phrase_to_regex(phrase));
  for (const auto& pattern : list.patterns) add(pattern);
  if (alternation.empty()) return {};
  return (case_mode == CaseMode::insensitive ? "(?i)" : "") + alternation;
}

std::optional<std::string> regex_error(const std::string& regex) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(regex, options);
  if (re.ok()) return std::nullopt;
  return re.error();
}

}  // namespace reviewlens::tagging
