// Counting over StatsInput (index/statistics.h): exact counts with their
// denominators by theme, year, type, partnership or case fact; theme
// co-occurrence; the document-by-theme 0/1 table; small-number suppression.
// Pure functions on plain values; shapes in docs/stats.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "index/statistics.h"

namespace reviewlens::index {

enum class StatsUnit { document, passage };
enum class StatsDimension { theme, year, type, partnership, fact };

std::string_view to_string(StatsUnit unit);
std::string_view to_string(StatsDimension dimension);

struct CountOptions {
  StatsUnit unit = StatsUnit::document;
  // A document counts for a theme when at least this many of its (matching)
  // passages carry it.
  int min_passages = 1;
  // The fact rows of StatsDimension::fact, in order, as {fact, values}
  // (without "unknown", which is always added). rl_index does not know the
  // taxonomy, so the caller passes tagging::known_facts(); when empty, the
  // facts and values present in the records are used.
  std::vector<std::pair<std::string, std::vector<std::string>>> fact_values;
};

struct CountRow {
  std::string key;    // theme id, "2021", "lcspr", partnership, "cp_plan=current"; "unknown"
  std::size_t count = 0;
  double percent = 0;  // 100 * count / denominator (0 when the denominator is 0)
};

struct CountTable {
  StatsUnit unit = StatsUnit::document;
  std::size_t denominator = 0;  // selected documents, or their matching passages
  std::vector<CountRow> rows;
};

// Themes: every theme of the index (zeros included), in id order. Year,
// type, partnership: the values present, sorted, "unknown" last. Fact: every
// known fact value and "unknown", in taxonomy order ("fact=value").
CountTable count_by(const StatsInput& input, StatsDimension by, const CountOptions& options);

// Documents (or, with StatsUnit::passage, passages) carrying both themes;
// the diagonal is the theme's own count. Denominator as in count_by.
struct CrossTable {
  StatsUnit unit = StatsUnit::document;
  std::size_t denominator = 0;
  std::vector<std::string> themes;
  std::vector<std::vector<std::size_t>> counts;  // [row theme][column theme]
};
CrossTable theme_cooccurrence(const StatsInput& input, const CountOptions& options);

// One row per selected document, one 0/1 column per theme.
struct DocumentThemeTable {
  std::vector<std::string> themes;
  struct Row {
    const DocumentStats* document = nullptr;  // points into the StatsInput
    std::vector<int> present;                 // 1 when the document counts for themes[i]
  };
  std::vector<Row> rows;
};
DocumentThemeTable document_themes(const StatsInput& input, const CountOptions& options);

// Whether a document counts for a theme under `options`.
bool counts_for(const DocumentStats& doc, const std::string& theme, const CountOptions& options);

// Small-number suppression: counts 1..threshold-1 are shown as "<threshold"
// (0 stays 0: an empty cell discloses no one). threshold 0 or 1: none.
struct Suppression {
  std::size_t threshold = 0;
  bool hides(std::size_t count) const { return threshold > 1 && count > 0 && count < threshold; }
  std::string count_text(std::size_t count) const;    // "12" or "<5"
  std::string percent_text(std::size_t count, double percent) const;  // "41.7" or "<5"
};

}  // namespace reviewlens::index
