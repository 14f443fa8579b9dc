// Rejoining words broken across lines.
//
// A soft hyphen (U+00AD) at a line end is always a break. For U+002D and
// U+2010 the document itself is the dictionary: if the joined form
// ("assessment") occurs more often elsewhere than the hyphenated form
// ("assess-ment"), the hyphen goes; if the hyphenated form is the commoner
// ("multi-agency"), it stays. With no evidence either way, a known compound
// prefix, a capital or a digit after the hyphen, or a number before it
// keeps the hyphen; otherwise it goes (typesetters break words far more
// often than they break compounds).
#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kUnicodeHyphen = "\xE2\x80\x90";

constexpr std::array<std::string_view, 40> kCompoundPrefixes = {
    "multi", "non", "co", "self", "well", "pre", "post", "anti", "cross", "half",
    "full", "part", "long", "short", "high", "low", "step", "ex", "semi", "same",
    "face", "follow", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "twelve", "first", "second", "third", "ill", "life", "mid", "so"};

bool is_letter_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Strips punctuation (ASCII and the common curly quotes/brackets) from both ends.
std::string_view trim_punct(std::string_view w) {
  auto is_punct_at_front = [](std::string_view s) {
    if (s.empty()) return std::size_t{0};
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return std::isalnum(c) ? std::size_t{0} : std::size_t{1};
    if (s.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(s[1]) == 0x80) return std::size_t{3};
    return std::size_t{0};
  };
  auto is_punct_at_back = [](std::string_view s) {
    if (s.empty()) return std::size_t{0};
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c < 0x80) return std::isalnum(c) ? std::size_t{0} : std::size_t{1};
    if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[s.size() - 2]) == 0x80)
      return std::size_t{3};
    return std::size_t{0};
  };
  while (std::size_t n = is_punct_at_front(w)) w.remove_prefix(n);
  while (std::size_t n = is_punct_at_back(w)) w.remove_suffix(n);
  return w;
}

// The hyphen the text ends with, or empty.
std::string_view trailing_hyphen(std::string_view text) {
  for (std::string_view h : {std::string_view("-"), kUnicodeHyphen, kSoftHyphen})
    if (text.size() > h.size() && text.ends_with(h)) return h;
  return {};
}

bool keep_hyphen(std::string_view prefix, std::string_view suffix, const Vocabulary& vocabulary) {
  const std::string joined = lower(std::string(prefix) + std::string(suffix));
  const std::string hyphenated = lower(std::string(prefix) + "-" + std::string(suffix));
  const int joined_count = vocabulary.count(joined);
  const int hyphenated_count = vocabulary.count(hyphenated);
  if (hyphenated_count != joined_count) return hyphenated_count > joined_count;
  if (std::isupper(static_cast<unsigned char>(suffix[0])) ||
      std::isdigit(static_cast<unsigned char>(suffix[0])))
    return true;
  if (std::isdigit(static_cast<unsigned char>(prefix.back()))) return true;
  if (prefix.find('-') != std::string_view::npos) return true;
  const std::string low = lower(prefix);
  return std::find(kCompoundPrefixes.begin(), kCompoundPrefixes.end(), low) !=
         kCompoundPrefixes.end();
}

}  // namespace

void Vocabulary::add(const Line& line) {
  const std::size_t n = line.words.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view w = line.words[i].text;
    if (i + 1 == n && !trailing_hyphen(w).empty()) continue;  // a broken word
    w = trim_punct(w);
    if (w.size() < 2) continue;
    ++counts_[lower(w)];
  }
}

int Vocabulary::count(const std::string& lower_word) const {
  auto it = counts_.find(lower_word);
  return it == counts_.end() ? 0 : it->second;
}

void append_line(std::string& text, const std::string& next, const Vocabulary& vocabulary) {
  if (next.empty()) return;
  if (text.empty()) {
    text = next;
    return;
  }
  const std::string_view hyphen = trailing_hyphen(text);
  const bool broken = !hyphen.empty() &&
                      is_letter_byte(static_cast<unsigned char>(text[text.size() - hyphen.size() - 1])) &&
                      is_letter_byte(static_cast<unsigned char>(next[0]));
  if (!broken) {
    text += ' ';
    text += next;
    return;
  }
  std::string_view body(text);
  body.remove_suffix(hyphen.size());
  std::string_view prefix = body.substr(body.find_last_of(' ') == std::string_view::npos
                                            ? 0
                                            : body.find_last_of(' ') + 1);
  prefix = trim_punct(prefix);
  std::size_t end = 0;
  while (end < next.size() && is_letter_byte(static_cast<unsigned char>(next[end]))) ++end;
  std::string_view suffix(next.data(), end);
  // "day-|to-day": the rest of a compound carries on after the break.
  const bool compound_goes_on = end < next.size() && next[end] == '-';
  const bool keep = hyphen != kSoftHyphen && !prefix.empty() && !suffix.empty() &&
                    (compound_goes_on || keep_hyphen(prefix, suffix, vocabulary));
  if (!keep) {
    text.resize(text.size() - hyphen.size());
  } else if (hyphen == kSoftHyphen) {
    text.resize(text.size() - hyphen.size());
  }
  text += next;
}

}  // namespace reviewlens::extractors::layout
