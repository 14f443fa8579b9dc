// Small HTML/SVG building blocks for `reviewlens report`: escaping and
// inline SVG charts (no scripts, no external resources). Every text that
// may come from a document goes through html_escape.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reviewlens::cli {

// Escapes & < > " ' for element content and attribute values.
std::string html_escape(std::string_view text);

struct Bar {
  std::string label;   // plain text (escaped here)
  double value = 0;    // bar length relative to `max` of the chart
  std::string note;    // plain text after the bar, e.g. "5 of 14 (35.7%)"
};

// Horizontal bars, one row per Bar; `max` is the full-width value.
std::string svg_bars(const std::vector<Bar>& bars, double max, std::string_view title);

// Vertical columns (e.g. documents per year).
std::string svg_columns(const std::vector<Bar>& columns, double max, std::string_view title);

// A square heat map: cell [r][c] shaded by value / max, value printed in it.
std::string svg_heatmap(const std::vector<std::string>& labels,
                        const std::vector<std::vector<std::size_t>>& cells, std::size_t max,
                        std::string_view title);

}  // namespace reviewlens::cli
