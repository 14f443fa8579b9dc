#include "cli/html_charts.h"

#include <algorithm>

#include <fmt/format.h>

namespace reviewlens::cli {
namespace {

constexpr int kLabelWidth = 260;
constexpr int kBarWidth = 420;
constexpr int kRowHeight = 22;

double share(double value, double max) { return max <= 0 ? 0 : std::clamp(value / max, 0.0, 1.0); }

std::string svg_open(int width, int height, std::string_view title) {
  return fmt::format(
      "<svg role=\"img\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\"><title>{2}</title>\n",
      width, height, html_escape(title));
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string svg_bars(const std::vector<Bar>& bars, double max, std::string_view title) {
  const int width = kLabelWidth + kBarWidth + 160;
  const int height = static_cast<int>(bars.size()) * kRowHeight + 4;
  std::string out = svg_open(width, height, title);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = static_cast<int>(i) * kRowHeight + 2;
    const int length = static_cast<int>(share(bars[i].value, max) * kBarWidth);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"bar\"/>"
        "<text x=\"{}\" y=\"{}\" class=\"val\">{}</text>\n",
        kLabelWidth - 6, y + 15, html_escape(bars[i].label), kLabelWidth, y + 3, std::max(length, 1),
        kRowHeight - 6, kLabelWidth + length + 6, y + 15, html_escape(bars[i].note));
  }
  return out + "</svg>\n";
}

std::string svg_columns(const std::vector<Bar>& columns, double max, std::string_view title) {
  const int column = 56, chart = 180, top = 20, bottom = 40;
  const int width = std::max(200, static_cast<int>(columns.size()) * column + 20);
  std::string out = svg_open(width, chart + top + bottom, title);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const int x = static_cast<int>(i) * column + 14;
    const int h = std::max(1, static_cast<int>(share(columns[i].value, max) * chart));
    const int y = top + chart - h;
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"bar\"/>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"val\">{}</text>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"lbl\">{}</text>\n",
        x, y, column - 14, h, x + (column - 14) / 2, y - 4, html_escape(columns[i].note),
        x + (column - 14) / 2, top + chart + 16, html_escape(columns[i].label));
  }
  return out + "</svg>\n";
}

std::string svg_heatmap(const std::vector<std::string>& labels,
                        const std::vector<std::vector<std::size_t>>& cells, std::size_t max,
                        std::string_view title) {
  const int cell = 26, left = 230, top = 200;
  const int n = static_cast<int>(labels.size());
  std::string out = svg_open(left + n * cell + 120, top + n * cell + 10, title);  // room for slanted labels
  for (int i = 0; i < n; ++i) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>", left - 6,
                       top + i * cell + 17, html_escape(labels[i]));
    const int cx = left + i * cell + 17;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" transform=\"rotate(-60 {} {})\" class=\"lbl\">{}</text>\n", cx, top - 6, cx,
        top - 6, html_escape(labels[i]));
  }
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      const std::size_t v = cells[r][c];
      const double s = share(static_cast<double>(v), static_cast<double>(max));
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"rgb({},{},{})\" class=\"cell\"/>"
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"{}\">{}</text>\n",
          left + c * cell, top + r * cell, cell, cell, static_cast<int>(255 - 205 * s),
          static_cast<int>(255 - 150 * s), static_cast<int>(255 - 60 * s), left + c * cell + cell / 2,
          top + r * cell + 17, s > 0.6 ? "num inv" : "num", v);
    }
  return out + "</svg>\n";
}

}  // namespace reviewlens::cli
