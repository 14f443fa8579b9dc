// Words -> lines. Poppler gives words; a line is the words whose boxes
// overlap vertically by more than half the smaller height. Two columns on
// the same baseline become one line here and are split by columns.cc.
#include <algorithm>
#include <cmath>
#include <map>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {

bool is_bold_font(const std::string& font_name) {
  for (const char* mark : {"Bold", "bold", "BOLD", "Black", "Heavy", "Semibold", "SemiBold", "Demi"})
    if (font_name.find(mark) != std::string::npos) return true;
  return false;
}

void refresh_extent(Line& line) {
  std::sort(line.words.begin(), line.words.end(),
            [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  line.x0 = line.top = 1e18;
  line.x1 = line.bottom = -1e18;
  line.bold = !line.words.empty();
  std::map<double, std::size_t> chars_by_size;
  for (const Word& w : line.words) {
    line.x0 = std::min(line.x0, w.x0);
    line.x1 = std::max(line.x1, w.x1);
    line.top = std::min(line.top, w.top);
    line.bottom = std::max(line.bottom, w.bottom);
    line.bold = line.bold && w.bold;
    chars_by_size[std::round(w.size * 4) / 4] += w.text.size();
  }
  std::size_t best = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > best) best = count, line.size = size;
  std::vector<double> bottoms;
  for (const Word& w : line.words) bottoms.push_back(w.bottom);
  if (!bottoms.empty()) {
    std::nth_element(bottoms.begin(), bottoms.begin() + static_cast<long>(bottoms.size() / 2), bottoms.end());
    line.base = bottoms[bottoms.size() / 2];
  }
}

std::string words_text(const std::vector<Word>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < words.size(); ++i) {
    if (i > from) {
      const Word& prev = words[i - 1];
      // Poppler splits a word at a font change without a space; a visible
      // gap still means a space.
      if (prev.space_after || words[i].x0 - prev.x1 > 0.15 * prev.size) out += ' ';
    }
    out += words[i].text;
  }
  return out;
}

std::string line_text(const Line& line) {
  if (line.role == LineRole::table_row) return line.row_text;
  return words_text(line.words, 0, line.words.size());
}

std::vector<Line> build_lines(const RawPage& page) {
  std::vector<Word> words;
  words.reserve(page.words.size());
  for (const RawWord& raw : page.words) {
    if (raw.width <= 0 && raw.height <= 0) continue;
    words.push_back(Word{raw.text, raw.x, raw.x + raw.width, raw.y, raw.y + raw.height,
                         raw.font_size, is_bold_font(raw.font_name), raw.space_after});
  }
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.top + a.bottom < b.top + b.bottom;
  });
  std::vector<Line> lines;
  for (Word& w : words) {
    // Words come sorted by vertical middle, so only the last few lines can
    // take this one.
    Line* best = nullptr;
    double best_overlap = 0;
    std::size_t first = lines.size() > 6 ? lines.size() - 6 : 0;
    for (std::size_t i = first; i < lines.size(); ++i) {
      Line& l = lines[i];
      double overlap = std::min(l.bottom, w.bottom) - std::max(l.top, w.top);
      double smaller = std::min(l.bottom - l.top, w.bottom - w.top);
      if (smaller <= 0) continue;
      double ratio = overlap / smaller;
      if (ratio > 0.5 && ratio > best_overlap) best_overlap = ratio, best = &l;
    }
    if (best == nullptr) {
      lines.push_back(Line{});
      best = &lines.back();
      best->page = page.number;
      best->top = w.top;
      best->bottom = w.bottom;
    }
    // Keep the line's vertical band that of its first words, so a tall
    // glyph does not swallow the next line.
    best->words.push_back(std::move(w));
  }
  for (Line& l : lines) refresh_extent(l);
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.top + a.bottom < b.top + b.bottom;
  });
  return lines;
}

Measures measure(const std::vector<Page>& pages) {
  std::map<double, std::size_t> chars_by_size;
  for (const Page& p : pages)
    for (const Line& l : p.lines)
      for (const Word& w : l.words) chars_by_size[std::round(w.size * 2) / 2] += w.text.size();
  Measures m;
  std::size_t best = 0;
  for (const auto& [size, count] : chars_by_size)
    if (count > best) best = count, m.body_size = size;
  std::map<double, int> pitches;
  for (const Page& p : pages)
    for (std::size_t i = 1; i < p.lines.size(); ++i) {
      const Line& a = p.lines[i - 1];
      const Line& b = p.lines[i];
      if (a.column != b.column || std::abs(a.size - m.body_size) > 0.3 ||
          std::abs(b.size - m.body_size) > 0.3)
        continue;
      double d = b.base - a.base;
      if (d > 0.8 * m.body_size && d < 2.5 * m.body_size) pitches[std::round(d * 4) / 4]++;
    }
  int most = 0;
  m.pitch = m.body_size * 1.2;
  for (const auto& [d, n] : pitches)
    if (n > most) most = n, m.pitch = d;
  return m;
}

}  // namespace reviewlens::extractors::layout
