// Tables (chronologies). A table shows as lines whose words fall into
// segments (runs of words separated by a wide gap) that start at the same
// x positions line after line. The first line with three or more segments
// fixes the column starts; following lines belong to the table while each
// of their segments starts at a column start and ends before the next one.
// A row starts at a line with words in the first column; the lines below it
// add to its cells until the next row. A row whose words are all bold is a
// header row (repeated on every page) and is dropped.
#include <algorithm>
#include <cmath>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

struct Segment {
  double x0, x1;
};

std::vector<Segment> segments(const Line& line) {
  std::vector<Segment> out;
  for (const Word& w : line.words) {
    double gap_limit = std::max(6.0, 0.7 * w.size);
    if (out.empty() || w.x0 - out.back().x1 > gap_limit)
      out.push_back({w.x0, w.x1});
    else
      out.back().x1 = std::max(out.back().x1, w.x1);
  }
  return out;
}

constexpr double kAlign = 3.0;

int column_of(double x, const std::vector<double>& starts) {
  int k = -1;
  for (std::size_t i = 0; i < starts.size(); ++i)
    if (x >= starts[i] - kAlign) k = static_cast<int>(i);
  return k;
}

bool fits_columns(const Line& line, const std::vector<double>& starts) {
  for (const Segment& s : segments(line)) {
    int k = column_of(s.x0, starts);
    if (k < 0 || std::abs(s.x0 - starts[static_cast<std::size_t>(k)]) > kAlign) return false;
    if (static_cast<std::size_t>(k) + 1 < starts.size() &&
        s.x1 > starts[static_cast<std::size_t>(k) + 1] - kAlign)
      return false;
  }
  return true;
}

// Builds the row lines of table lines [from, to).
std::vector<Line> make_rows(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                            const std::vector<double>& starts, const Vocabulary& vocabulary) {
  std::vector<Line> rows;
  std::vector<std::string> cells;
  Line row;
  bool all_bold = true;
  auto flush = [&] {
    if (row.words.empty()) return;
    if (!all_bold) {
      std::string text;
      for (const std::string& c : cells)
        if (!c.empty()) text += (text.empty() ? "" : " ") + c;
      row.role = LineRole::table_row;
      row.row_text = text;
      refresh_extent(row);
      rows.push_back(row);
    }
    row = Line{};
    all_bold = true;
  };
  for (std::size_t i = from; i < to; ++i) {
    const Line& l = lines[i];
    bool starts_row = column_of(l.x0, starts) == 0;
    if (starts_row || row.words.empty()) {
      flush();
      cells.assign(starts.size(), std::string());
      row.page = l.page;
      row.column = l.column;
    }
    // Words of this line, grouped by column, appended to the cells.
    std::vector<std::vector<Word>> parts(starts.size());
    for (const Word& w : l.words) parts[static_cast<std::size_t>(std::max(0, column_of(w.x0, starts)))].push_back(w);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (parts[k].empty()) continue;
      append_line(cells[k], words_text(parts[k], 0, parts[k].size()), vocabulary);
    }
    for (const Word& w : l.words) {
      all_bold = all_bold && w.bold;
      row.words.push_back(w);
    }
  }
  flush();
  return rows;
}

}  // namespace

void collapse_tables(Page& page, const Measures& measures, const Vocabulary& vocabulary) {
  std::vector<Line>& lines = page.lines;
  std::vector<Line> out;
  std::size_t i = 0;
  while (i < lines.size()) {
    std::vector<Segment> segs = segments(lines[i]);
    if (segs.size() < 3 || lines[i].size > measures.body_size + 1.0) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    std::vector<double> starts;
    for (const Segment& s : segs) starts.push_back(s.x0);
    std::size_t j = i + 1;
    int multi = 1;
    while (j < lines.size() && lines[j].column == lines[i].column &&
           lines[j].top - lines[j - 1].bottom < 2.5 * lines[j].size &&
           std::abs(lines[j].size - lines[i].size) < 1.5 && fits_columns(lines[j], starts)) {
      if (segments(lines[j]).size() >= 2) ++multi;
      ++j;
    }
    // Two lines whose three or more segments line up make a table.
    if (multi < 2 || !fits_columns(lines[i], starts)) {
      out.push_back(std::move(lines[i++]));
      continue;
    }
    for (Line& row : make_rows(lines, i, j, starts, vocabulary)) out.push_back(std::move(row));
    i = j;
  }
  lines = std::move(out);
}

}  // namespace reviewlens::extractors::layout
