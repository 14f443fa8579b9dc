// Two-column pages. The gutter is the x, in the middle 40% of the text
// area, that the fewest lines cross (at most one line in ten may); several
// lines must hold wide text (over 30% of the text width) to its left and
// several to its right, counted separately because the two columns' lines
// need not share baselines. Tables also have vertical gaps, but their
// narrow first columns never give wide text on the left, so they stay
// single-column and are left to table_rows.cc.
#include <algorithm>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

struct Segment {
  double x0 = 0, x1 = 0;
};

struct Sides {
  bool crosses = false;
  bool left_any = false, right_any = false;
  bool left_wide = false, right_wide = false;
};

// Runs of words separated by gaps wider than the font size.
std::vector<Segment> segments_of(const Line& line) {
  std::vector<Segment> out;
  const double gap = std::max(line.size, 6.0);
  for (const Word& w : line.words) {
    if (out.empty() || w.x0 - out.back().x1 > gap)
      out.push_back({w.x0, w.x1});
    else
      out.back().x1 = std::max(out.back().x1, w.x1);
  }
  return out;
}

Sides sides_at(const std::vector<Segment>& segments, double x, double wide) {
  Sides s;
  for (const Segment& g : segments) {
    if (g.x0 < x && g.x1 > x) {
      s.crosses = true;
    } else if (g.x1 <= x) {
      s.left_any = true;
      s.left_wide = s.left_wide || g.x1 - g.x0 >= wide;
    } else {
      s.right_any = true;
      s.right_wide = s.right_wide || g.x1 - g.x0 >= wide;
    }
  }
  return s;
}

}  // namespace

void order_columns(Page& page) {
  std::vector<Line>& lines = page.lines;
  for (Line& l : lines) l.column = 0;
  if (lines.size() < 4) return;
  double left = 1e9, right = -1e9;
  for (const Line& l : lines) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
  }
  const double width = right - left;
  std::vector<std::vector<Segment>> segments;
  for (const Line& l : lines) segments.push_back(segments_of(l));

  // The gutter is the x in the middle of the text that the fewest lines
  // cross; the two columns' lines need not share baselines, so each side
  // is counted on its own.
  double gutter = 0;
  std::size_t fewest = lines.size() + 1;
  for (double x = left + 0.3 * width; x <= left + 0.7 * width; x += 2) {
    std::size_t crossing = 0;
    for (const auto& s : segments) crossing += sides_at(s, x, 0).crosses ? 1 : 0;
    if (crossing < fewest) fewest = crossing, gutter = x;
  }
  if (fewest * 10 > lines.size()) return;
  int left_wide = 0, right_wide = 0;
  for (const auto& s : segments) {
    Sides sides = sides_at(s, gutter, 0.3 * width);
    left_wide += !sides.crosses && sides.left_wide;
    right_wide += !sides.crosses && sides.right_wide;
  }
  if (left_wide < 4 || right_wide < 4) return;

  // Full-width lines above the columns (a heading) and below them stay
  // whole; a line that keeps to one side belongs to its column.
  std::size_t first = 0, last = lines.size() - 1;
  while (first < lines.size() && sides_at(segments[first], gutter, 0).crosses) ++first;
  while (last > first && sides_at(segments[last], gutter, 0).crosses) --last;
  if (first >= lines.size()) return;
  std::vector<Line> above(lines.begin(), lines.begin() + first);
  std::vector<Line> below(lines.begin() + last + 1, lines.end());
  std::vector<Line> left_col, right_col;
  for (std::size_t i = first; i <= last; ++i) {
    Line l = lines[i], r = lines[i];
    l.words.clear();
    r.words.clear();
    for (const Word& w : lines[i].words) ((w.x0 + w.x1) / 2 < gutter ? l.words : r.words).push_back(w);
    l.column = 1;
    r.column = 2;
    if (!l.words.empty()) {
      refresh_extent(l);
      left_col.push_back(std::move(l));
    }
    if (!r.words.empty()) {
      refresh_extent(r);
      right_col.push_back(std::move(r));
    }
  }
  lines = std::move(above);
  for (auto* part : {&left_col, &right_col, &below})
    lines.insert(lines.end(), std::make_move_iterator(part->begin()), std::make_move_iterator(part->end()));
}

void compute_column_extents(Page& page) {
  page.left.fill(0);
  page.right.fill(0);
  std::array<bool, 3> seen{};
  for (const Line& l : page.lines) {
    const auto c = static_cast<std::size_t>(std::clamp(l.column, 0, 2));
    page.left[c] = seen[c] ? std::min(page.left[c], l.x0) : l.x0;
    page.right[c] = seen[c] ? std::max(page.right[c], l.x1) : l.x1;
    seen[c] = true;
  }
}

}  // namespace reviewlens::extractors::layout
