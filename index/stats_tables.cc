#include "index/stats_tables.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace reviewlens::index {
namespace {

constexpr std::string_view kUnknown = "unknown";

double percent_of(std::size_t count, std::size_t denominator) {
  return denominator == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(denominator);
}

std::size_t weight(const DocumentStats& d, StatsUnit unit) {
  return unit == StatsUnit::document ? 1 : static_cast<std::size_t>(d.matching_passages);
}

std::size_t denominator_of(const StatsInput& input, StatsUnit unit) {
  std::size_t n = 0;
  for (const auto& d : input.documents) n += weight(d, unit);
  return n;
}

std::string document_key(const DocumentStats& d, StatsDimension by) {
  switch (by) {
    case StatsDimension::year: return d.record.year > 0 ? std::to_string(d.record.year) : std::string(kUnknown);
    case StatsDimension::type: return std::string(to_string(d.record.doc_type));
    case StatsDimension::partnership:
      return d.record.partnership.empty() ? std::string(kUnknown) : d.record.partnership;
    default: return {};
  }
}

// Rows for a one-value-per-document dimension, sorted, "unknown" last.
std::vector<CountRow> by_document_key(const StatsInput& input, StatsDimension by, StatsUnit unit) {
  std::map<std::string, std::size_t> counts;
  for (const auto& d : input.documents) counts[document_key(d, by)] += weight(d, unit);
  std::vector<CountRow> rows;
  for (const auto& [key, n] : counts)
    if (key != kUnknown) rows.push_back({key, n, 0});
  if (auto it = counts.find(std::string(kUnknown)); it != counts.end()) rows.push_back({it->first, it->second, 0});
  return rows;
}

std::vector<CountRow> by_theme(const StatsInput& input, const CountOptions& options) {
  std::vector<CountRow> rows;
  for (const auto& theme : input.theme_ids) {
    std::size_t n = 0;
    for (const auto& d : input.documents) {
      if (options.unit == StatsUnit::document)
        n += counts_for(d, theme, options) ? 1 : 0;
      else if (auto it = d.theme_passages.find(theme); it != d.theme_passages.end())
        n += static_cast<std::size_t>(it->second);
    }
    rows.push_back({theme, n, 0});
  }
  return rows;
}

std::string fact_value(const DocumentRecord& r, std::string_view fact) {
  for (const auto& f : r.facts)
    if (f.fact == fact) return f.value;
  return std::string(kUnknown);
}

std::vector<std::pair<std::string, std::vector<std::string>>> fact_catalogue(const StatsInput& input,
                                                                            const CountOptions& options) {
  if (!options.fact_values.empty()) return options.fact_values;
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& d : input.documents)
    for (const auto& f : d.record.facts) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == f.fact; });
      if (it == out.end()) it = out.insert(out.end(), {f.fact, {}});
      if (f.value != kUnknown && std::find(it->second.begin(), it->second.end(), f.value) == it->second.end())
        it->second.push_back(f.value);
    }
  return out;
}

}  // namespace

std::string_view to_string(StatsUnit unit) { return unit == StatsUnit::document ? "document" : "passage"; }

std::string_view to_string(StatsDimension dimension) {
  switch (dimension) {
    case StatsDimension::theme: return "theme";
    case StatsDimension::year: return "year";
    case StatsDimension::type: return "type";
    case StatsDimension::partnership: return "partnership";
    case StatsDimension::fact: return "fact";
  }
  return "theme";
}

bool counts_for(const DocumentStats& doc, const std::string& theme, const CountOptions& options) {
  auto it = doc.theme_passages.find(theme);
  return it != doc.theme_passages.end() && it->second >= std::max(1, options.min_passages);
}

CountTable count_by(const StatsInput& input, StatsDimension by, const CountOptions& options) {
  CountTable table;
  table.unit = options.unit;
  table.denominator = denominator_of(input, options.unit);
  if (by == StatsDimension::theme) {
    table.rows = by_theme(input, options);
  } else if (by == StatsDimension::fact) {
    for (auto [fact, values] : fact_catalogue(input, options)) {
      values.emplace_back(kUnknown);
      for (const auto& value : values) {
        std::size_t n = 0;
        for (const auto& d : input.documents)
          if (fact_value(d.record, fact) == value) n += weight(d, options.unit);
        table.rows.push_back({fmt::format("{}={}", fact, value), n, 0});
      }
    }
  } else {
    table.rows = by_document_key(input, by, options.unit);
  }
  for (auto& row : table.rows) row.percent = percent_of(row.count, table.denominator);
  return table;
}

CrossTable theme_cooccurrence(const StatsInput& input, const CountOptions& options) {
  CrossTable table;
  table.unit = options.unit;
  table.denominator = denominator_of(input, options.unit);
  table.themes = input.theme_ids;
  const std::size_t n = table.themes.size();
  table.counts.assign(n, std::vector<std::size_t>(n, 0));
  for (const auto& d : input.documents) {
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < n; ++i)
      if (counts_for(d, table.themes[i], options)) present.push_back(i);
    for (auto a : present)
      for (auto b : present) table.counts[a][b] += weight(d, options.unit);
  }
  return table;
}

DocumentThemeTable document_themes(const StatsInput& input, const CountOptions& options) {
  DocumentThemeTable table;
  table.themes = input.theme_ids;
  for (const auto& d : input.documents) {
    DocumentThemeTable::Row row{&d, {}};
    for (const auto& theme : table.themes) row.present.push_back(counts_for(d, theme, options) ? 1 : 0);
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string Suppression::count_text(std::size_t count) const {
  return hides(count) ? fmt::format("<{}", threshold) : std::to_string(count);
}

std::string Suppression::percent_text(std::size_t count, double percent) const {
  return hides(count) ? fmt::format("<{}", threshold) : fmt::format("{:.1f}", percent);
}

}  // namespace reviewlens::index
