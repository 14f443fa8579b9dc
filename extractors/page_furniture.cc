// Page furniture: text that belongs to the page, not to the review.
//
// Running headers and footers are found by repetition: the top two and
// bottom two lines of each page, when they sit in the outer 13% of the page
// height set apart from the body by a gap, are reduced to a key (lower case, no spaces, digit runs -> '#').
// A key seen on at least 30% of the pages (and on 2 or more) is furniture
// wherever it appears in those bands, so "Page 3 of 40" and "Page 4 of 40"
// share one key. Page-number lines ("3", "- 3 -", "Page 3", "3 | Name") in
// the bands are furniture even when they repeat nowhere. A first page with
// few words is a title page; a page whose lines end in dot leaders and page
// numbers is a contents page: both are dropped whole.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

constexpr double kBand = 0.13;

std::string band_key(const std::string& text) {
  std::string key;
  bool in_digits = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) continue;
    if (std::isdigit(c)) {
      if (!in_digits) key += '#';
      in_digits = true;
      continue;
    }
    in_digits = false;
    key += static_cast<char>(std::tolower(c));
  }
  return key;
}

// True when a clear gap (more than half a line) separates lines a and b:
// a running header or footer stands apart from the body text, which a
// paragraph's first or last line does not.
bool gap_between(const Line& a, const Line& b) {
  return b.top - a.bottom > 0.5 * std::max(a.bottom - a.top, b.bottom - b.top);
}

// Indices of the lines that may be header or footer lines of a page: the
// top two and bottom two, inside the outer bands, set apart from the body.
std::vector<std::size_t> band_lines(const Page& page) {
  std::vector<std::size_t> out;
  const auto& lines = page.lines;
  const std::size_t n = lines.size();
  auto apart_below = [&](std::size_t i) {  // a gap after line i or after i+1 (two-line header)
    return i + 1 >= n || gap_between(lines[i], lines[i + 1]) ||
           (i == 0 && n > 2 && lines[1].bottom < page.height * kBand && gap_between(lines[1], lines[2]));
  };
  auto apart_above = [&](std::size_t i) {
    return i == 0 || gap_between(lines[i - 1], lines[i]) ||
           (i == n - 1 && n > 2 && lines[n - 2].top > page.height * (1 - kBand) &&
            gap_between(lines[n - 3], lines[n - 2]));
  };
  for (std::size_t i = 0; i < n && i < 2; ++i)
    if (lines[i].bottom < page.height * kBand && apart_below(i)) out.push_back(i);
  for (std::size_t k = 0; k < 2 && k < n; ++k) {
    std::size_t i = n - 1 - k;
    if (lines[i].top > page.height * (1 - kBand) && apart_above(i) &&
        std::find(out.begin(), out.end(), i) == out.end())
      out.push_back(i);
  }
  return out;
}

// "Findings ........ 12": a run of four or more dots (spaced or not, or
// two ellipses) and a page number at the end. Hand-written because it runs
// on every line of every page.
bool is_dot_leader_line(const std::string& text) {
  std::size_t end = text.find_last_not_of(" \t");
  if (end == std::string::npos || !std::isdigit(static_cast<unsigned char>(text[end]))) return false;
  int dots = 0, best = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      best = std::max(best, ++dots);
    } else if (text.compare(i, 3, "\xE2\x80\xA6") == 0) {  // U+2026 ellipsis
      dots += 2;
      best = std::max(best, dots);
      i += 2;
    } else if (text[i] != ' ') {
      dots = 0;
    }
  }
  return best >= 4;
}

std::size_t word_count(const Page& page) {
  std::size_t n = 0;
  for (const Line& l : page.lines) n += l.words.size();
  return n;
}

bool is_contents_page(const Page& page) {
  int leaders = 0;
  for (const Line& l : page.lines)
    if (is_dot_leader_line(line_text(l))) ++leaders;
  return leaders >= 3 && leaders * 3 >= static_cast<int>(page.lines.size());
}

}  // namespace

bool is_page_number_line(const std::string& text) {
  static const std::regex forms(
      R"(^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$|)"
      R"(^\s*\d{1,4}\s*\|.*$|^.*\|\s*\d{1,4}\s*$|^\s*[ivxlc]{1,6}\s*$)",
      std::regex::icase);
  return std::regex_match(text, forms);
}

void drop_furniture(std::vector<Page>& pages) {
  std::map<std::string, std::set<int>> pages_by_key;
  for (const Page& p : pages)
    for (std::size_t i : band_lines(p)) pages_by_key[band_key(line_text(p.lines[i]))].insert(p.number);
  const std::size_t needed = std::max<std::size_t>(2, (pages.size() * 3 + 9) / 10);

  for (Page& p : pages) {
    std::vector<std::size_t> drop;
    for (std::size_t i : band_lines(p)) {
      std::string text = line_text(p.lines[i]);
      if (is_page_number_line(text) || pages_by_key[band_key(text)].size() >= needed)
        drop.push_back(i);
    }
    std::sort(drop.rbegin(), drop.rend());
    for (std::size_t i : drop) p.lines.erase(p.lines.begin() + static_cast<long>(i));
  }
  bool after_contents = false;
  for (Page& p : pages) {
    bool title_page = p.number == 1 && pages.size() >= 3 && word_count(p) < 150;
    bool contents = is_contents_page(p);
    if (title_page || contents) {
      p.lines.clear();
    } else if (after_contents) {
      // The last entries of a contents list can spill onto the next page.
      auto body = std::find_if(p.lines.begin(), p.lines.end(),
                               [](const Line& l) { return !is_dot_leader_line(line_text(l)); });
      p.lines.erase(p.lines.begin(), body);
    }
    after_contents = contents;
  }
}

}  // namespace reviewlens::extractors::layout
