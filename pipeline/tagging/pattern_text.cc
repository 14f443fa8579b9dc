#include "pipeline/tagging/pattern_text.h"

#include <cctype>

#include <re2/re2.h>

namespace reviewlens::tagging {
namespace {

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

std::string quote(char c) { return RE2::QuoteMeta(std::string(1, c)); }

}  // namespace

std::string phrase_to_regex(std::string_view phrase) {
  while (!phrase.empty() && std::isspace(static_cast<unsigned char>(phrase.front())))
    phrase.remove_prefix(1);
  while (!phrase.empty() && std::isspace(static_cast<unsigned char>(phrase.back())))
    phrase.remove_suffix(1);
  if (phrase.empty()) return {};
  bool stem = phrase.back() == '*';
  if (stem) phrase.remove_suffix(1);

  std::string out;
  if (!phrase.empty() && is_word_byte(phrase.front())) out += "\\b";
  bool in_space = false;
  for (char c : phrase) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      in_space = true;
      continue;
    }
    if (in_space) out += "\\s+";
    in_space = false;
    if (c == '-')
      out += "(?:-|\\s+)?";
    else if (c == '\'')
      out += "'?";
    else
      out += quote(c);
  }
  if (stem)
    out += "\\w*";
  if (stem || (!phrase.empty() && is_word_byte(phrase.back()))) out += "\\b";
  return out;
}

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
