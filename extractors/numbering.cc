// Printed paragraph numbers and bullet glyphs at the start of a line. Both
// are told from ordinary text by the gap after them: a label or glyph is
// set off by a tab stop, while a year or a dash inside a sentence is
// followed by a plain space.
#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

char32_t single_code_point(const std::string& s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  if (n == 1 && b[0] < 0x80) return b[0];
  if (n == 2 && (b[0] & 0xE0) == 0xC0) return ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
  if (n == 3 && (b[0] & 0xF0) == 0xE0)
    return ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
  if (n == 4 && (b[0] & 0xF8) == 0xF0)
    return ((b[0] & 0x07u) << 18) | ((b[1] & 0x3Fu) << 12) | ((b[2] & 0x3Fu) << 6) | (b[3] & 0x3Fu);
  return 0;
}

double gap_after(const Line& line, std::size_t i) {
  return i + 1 < line.words.size() ? line.words[i + 1].x0 - line.words[i].x1 : 0;
}

// The usual gap between words of the line after word `from` (the median):
// in a justified line every space is wide, and a label's tab gap must
// still stand out.
double usual_gap(const Line& line, std::size_t from) {
  std::vector<double> gaps;
  for (std::size_t i = from + 1; i + 1 < line.words.size(); ++i) gaps.push_back(gap_after(line, i));
  if (gaps.empty()) return 0;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
  return gaps[gaps.size() / 2];
}

// A printed number ("4.12", "12.", "7.101Supervision") at the start of `line`.
bool number_label(const Line& line, double column_left, double size, LineStart& start) {
  static const std::regex number(R"(^(\d{1,3}(?:\.\d{1,3}){0,3})\.?$)");
  std::smatch m;
  const std::string& first = line.words[0].text;
  // "101." can fill the room before its text's tab stop; a trailing dot
  // and a capital after it are evidence enough ("12. The ..." rarely starts
  // a wrapped line of prose).
  const unsigned char next = static_cast<unsigned char>(line.words[1].text[0]);
  const bool dotted_label = first.ends_with('.') && (std::isupper(next) || std::isdigit(next));
  // At the column's left edge a tab-sized gap marks a label; further in (a
  // continuation line of a numbered paragraph: "18 February ..."), the gap
  // must also beat the line's own, possibly justified, spaces.
  const bool at_margin = line.words[0].x0 <= column_left + 3;
  // "7.100" at the margin before a capital is a label however little room
  // its tab stop leaves.
  const bool section_label = at_margin && first.find('.') != std::string::npos &&
                             (std::isupper(next) || std::isdigit(next));
  const double number_gap = dotted_label || section_label ? 0.0
                            : at_margin ? 0.4 * size
                                        : std::max(0.4 * size, 1.5 * usual_gap(line, 0));
  // A label too wide for its tab stop touches its text ("7.101" then
  // "Supervision" with no gap, or one word "7.101Supervision").
  const bool touching = gap_after(line, 0) < 0.1 * size && !line.words[0].space_after &&
                        std::isupper(next);
  if (std::regex_match(first, m, number) && (gap_after(line, 0) >= number_gap || touching)) {
    start.kind = StartKind::number;
    start.para = m[1].str();
    start.skip = 1;
    start.indent_unknown = touching;
    return true;
  }
  // ... or Poppler gives "7.101Supervision" as one word.
  static const std::regex glued(R"(^(\d{1,3}(?:\.\d{1,3}){1,3})\.?[A-Z][a-z])");
  if (std::regex_search(first, m, glued)) {
    start.kind = StartKind::number;
    start.para = m[1].str();
    start.glued = static_cast<std::size_t>(m.length(0)) - 2;
    start.indent_unknown = true;
    return true;
  }
  return false;
}

}  // namespace

bool is_bullet_word(const std::string& word) {
  const char32_t c = single_code_point(word);
  if (c >= 0xF000 && c <= 0xF0FF) return true;  // Symbol / Wingdings private use
  switch (c) {
    case U'-': case U'o': case U'*': case U'\u00B7': case U'\u2013': case U'\u2014':
    case U'\u2022': case U'\u2023': case U'\u2043': case U'\u2212': case U'\u2219':
    case U'\u25AA': case U'\u25AB': case U'\u25A0': case U'\u25A1': case U'\u25BA':
    case U'\u25B6': case U'\u25C6': case U'\u25CB': case U'\u25CF': case U'\u25E6':
    case U'\u2666': case U'\u2713': case U'\u2714': case U'\u2751': case U'\u2752':
    case U'\u27A2': case U'\u27A4': case U'\u2794': case U'\u2192': case U'\u27A1':
      return true;
    default:
      return false;
  }
}

LineStart classify_start(const Line& line, double column_left) {
  LineStart start;
  if (line.words.size() < 2) return start;
  const double size = line.size > 0 ? line.size : 10;
  std::smatch m;
  const std::string& first = line.words[0].text;
  // Labels start with a digit; most lines do not, and skip the regexes.
  if (std::isdigit(static_cast<unsigned char>(first[0]))) {
    if (number_label(line, column_left, size, start)) return start;
  }
  static const std::regex finding(R"(^(\d{1,3})[.:]?$)");
  if (line.words.size() >= 3 && (first == "Finding" || first == "FINDING") &&
      std::regex_match(line.words[1].text, m, finding) && gap_after(line, 1) >= 0.4 * size) {
    start.kind = StartKind::number;
    start.para = "Finding " + m[1].str();
    start.skip = 2;
    return start;
  }
  // Dash-like glyphs also occur inside sentences, so they need a wide gap;
  // a real bullet glyph (its box often as wide as its advance) needs none.
  const bool ambiguous = first == "-" || first == "o" || first == "*" || first == "\u2013" ||
                         first == "\u2014";
  if (is_bullet_word(first) && gap_after(line, 0) >= (ambiguous ? 0.38 : 0.0) * size) {
    start.kind = StartKind::bullet;
    start.skip = 1;
  }
  return start;
}

std::string take_heading_number(std::string& text) {
  static const std::regex numbered(R"(^(\d{1,3}(?:\.\d{1,3}){0,3})\.?\s+(\S.*)$)");
  std::smatch m;
  if (!std::regex_match(text, m, numbered)) return {};
  std::string para = m[1].str();
  text = m[2].str();
  return para;
}

}  // namespace reviewlens::extractors::layout
