#include "cli/stats_output.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/csv.h"

namespace reviewlens::cli {
namespace {

using nlohmann::json;

std::string built_or_unknown(const StatsContext& c) { return c.index_built.empty() ? "unknown" : c.index_built; }

std::string header_lines(const StatsContext& c, std::string_view unit, std::size_t denominator) {
  return fmt::format("Taxonomy {}; index built {}; filters: {}\nUnit: {}; denominator: {} {}s\n",
                     c.taxonomy_version, built_or_unknown(c), c.filters, unit, denominator, unit);
}

json json_envelope(const StatsContext& c, std::string_view unit, std::size_t denominator) {
  return {{"unit", unit},
          {"denominator", denominator},
          {"taxonomy_version", c.taxonomy_version},
          {"index_built", c.index_built.empty() ? json(nullptr) : json(c.index_built)},
          {"filters", c.filters}};
  }

double rounded(double percent) { return std::round(percent * 100.0) / 100.0; }

// {"count": 12, "percent": 41.67} or, suppressed, {"count": "<5", "percent": null, "suppressed": true}.
void put_count(json& row, std::size_t count, double percent, const StatsContext& c) {
  if (c.suppression.hides(count)) {
    row["count"] = c.suppression.count_text(count);
    row["percent"] = nullptr;
    row["suppressed"] = true;
  } else {
    row["count"] = count;
    row["percent"] = rounded(percent);
  }
}

std::vector<std::string> csv_tail(const StatsContext& c, std::string_view unit, std::size_t denominator) {
  return {std::to_string(denominator), std::string(unit), c.taxonomy_version, c.index_built};
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

double percent_of(std::size_t count, std::size_t denominator) {
  return denominator == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(denominator);
}

}  // namespace

std::string render_counts(const index::CountTable& t, std::string_view by, const StatsContext& c,
                          StatsFormat format) {
  const std::string_view unit = index::to_string(t.unit);
  if (format == StatsFormat::json) {
    json j = json_envelope(c, unit, t.denominator);
    j["by"] = by;
    j["rows"] = json::array();
    for (const auto& r : t.rows) {
      json row = {{"key", r.key}};
      put_count(row, r.count, r.percent, c);
      j["rows"].push_back(std::move(row));
    }
    return j.dump(2) + "\n";
  }
  if (format == StatsFormat::csv) {
    std::string out = csv_record({std::string(by), "count", "percent", "denominator", "unit",
                                  "taxonomy_version", "index_built"});
    for (const auto& r : t.rows)
      out += csv_record(joined({r.key, c.suppression.count_text(r.count), c.suppression.percent_text(r.count, r.percent)},
                               csv_tail(c, unit, t.denominator)));
    return out;
  }
  std::size_t width = by.size();
  for (const auto& r : t.rows) width = std::max(width, r.key.size());
  std::string out = header_lines(c, unit, t.denominator) + "\n";
  out += fmt::format("{:<{}}  {:>7}  {:>7}\n", by, width, "count", "%");
  for (const auto& r : t.rows)
    out += fmt::format("{:<{}}  {:>7}  {:>7}\n", r.key, width, c.suppression.count_text(r.count),
                       c.suppression.percent_text(r.count, r.percent));
  return out;
}

std::string render_cross(const index::CrossTable& t, const StatsContext& c, StatsFormat format) {
  const std::string_view unit = index::to_string(t.unit);
  const std::size_t n = t.themes.size();
  if (format == StatsFormat::json) {
    json j = json_envelope(c, unit, t.denominator);
    j["by"] = "theme";
    j["cross"] = "theme";
    j["rows"] = json::array();
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = 0; b < n; ++b) {
        json row = {{"key", t.themes[a]}, {"with", t.themes[b]}};
        put_count(row, t.counts[a][b], percent_of(t.counts[a][b], t.denominator), c);
        j["rows"].push_back(std::move(row));
      }
    return j.dump(2) + "\n";
  }
  if (format == StatsFormat::csv) {
    std::string out = csv_record({"theme", "with", "count", "percent", "denominator", "unit",
                                  "taxonomy_version", "index_built"});
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = 0; b < n; ++b) {
        auto count = t.counts[a][b];
        out += csv_record(joined({t.themes[a], t.themes[b], c.suppression.count_text(count),
                                  c.suppression.percent_text(count, percent_of(count, t.denominator))},
                                 csv_tail(c, unit, t.denominator)));
      }
    return out;
  }
  // Text: a matrix with numbered columns (theme ids are too long for headers).
  std::size_t width = 5;
  for (const auto& theme : t.themes) width = std::max(width, theme.size() + 4);
  std::string out = header_lines(c, unit, t.denominator) + "Cells: " + std::string(unit) +
                    "s where both themes occur (diagonal: the theme alone)\n\n";
  out += fmt::format("{:<{}}", "", width);
  for (std::size_t b = 0; b < n; ++b) out += fmt::format(" {:>4}", b + 1);
  out += "\n";
  for (std::size_t a = 0; a < n; ++a) {
    out += fmt::format("{:>2}. {:<{}}", a + 1, t.themes[a], width - 4);
    for (std::size_t b = 0; b < n; ++b) out += fmt::format(" {:>4}", c.suppression.count_text(t.counts[a][b]));
    out += "\n";
  }
  return out;
}

std::string render_documents(const index::DocumentThemeTable& t, const StatsContext& c, StatsFormat format) {
  std::vector<std::string> fact_ids;
  for (const auto& row : t.rows)
    for (const auto& f : row.document->record.facts)
      if (std::find(fact_ids.begin(), fact_ids.end(), f.fact) == fact_ids.end()) fact_ids.push_back(f.fact);
  auto fact_of = [](const index::DocumentRecord& r, const std::string& id) {
    for (const auto& f : r.facts)
      if (f.fact == id) return f.value;
    return std::string("unknown");
  };
  if (format == StatsFormat::json) {
    json j = json_envelope(c, "document", t.rows.size());
    j["by"] = "document";
    j["themes"] = t.themes;
    j["rows"] = json::array();
    for (const auto& row : t.rows) {
      const auto& r = row.document->record;
      json themes = json::object(), facts = json::object();
      for (std::size_t i = 0; i < t.themes.size(); ++i) themes[t.themes[i]] = row.present[i];
      for (const auto& id : fact_ids) facts[id] = fact_of(r, id);
      j["rows"].push_back({{"key", r.id}, {"title", r.title}, {"doc_type", to_string(r.doc_type)},
                           {"year", r.year > 0 ? json(r.year) : json(nullptr)}, {"partnership", r.partnership},
                           {"passages", row.document->matching_passages}, {"themes", themes}, {"facts", facts}});
    }
    return j.dump(2) + "\n";
  }
  std::vector<std::string> head = {"document", "title", "doc_type", "year", "partnership"};
  head = joined(joined(head, t.themes), fact_ids);
  std::string out = format == StatsFormat::csv ? "" : header_lines(c, "document", t.rows.size()) + "\n";
  out += format == StatsFormat::csv ? csv_record(joined(head, {"taxonomy_version", "index_built"}))
                                    : fmt::format("{}\n", fmt::join(head, "\t"));
  for (const auto& row : t.rows) {
    const auto& r = row.document->record;
    std::vector<std::string> fields = {r.id, r.title, std::string(to_string(r.doc_type)),
                                       r.year > 0 ? std::to_string(r.year) : "", r.partnership};
    for (int p : row.present) fields.push_back(std::to_string(p));
    for (const auto& id : fact_ids) fields.push_back(fact_of(r, id));
    out += format == StatsFormat::csv ? csv_record(joined(fields, {c.taxonomy_version, c.index_built}))
                                      : fmt::format("{}\n", fmt::join(fields, "\t"));
  }
  return out;
}

std::string render_evidence(const std::string& theme, std::size_t denominator,
                            const std::vector<const index::DocumentStats*>& counted,
                            const std::vector<index::EvidencePassage>& passages, const StatsContext& c,
                            StatsFormat format) {
  std::map<std::string, std::vector<const index::EvidencePassage*>> by_doc;
  for (const auto& p : passages) by_doc[p.doc].push_back(&p);
  if (format == StatsFormat::json) {
    json j = json_envelope(c, "document", denominator);
    j["evidence"] = theme;
    j["count"] = counted.size();
    j["rows"] = json::array();
    for (const auto* d : counted) {
      json list = json::array();
      for (const auto* p : by_doc[d->record.id])
        list.push_back({{"passage", p->passage_id}, {"page", p->page},
                        {"para", p->para.empty() ? json(nullptr) : json(p->para)}, {"text", p->text},
                        {"matches", p->matches}});
      j["rows"].push_back({{"key", d->record.id}, {"title", d->record.title}, {"passages", std::move(list)}});
    }
    return j.dump(2) + "\n";
  }
  if (format == StatsFormat::csv) {
    std::string out = csv_record({"document", "title", "passage", "page", "para", "matches", "text",
                                  "taxonomy_version", "index_built"});
    for (const auto* d : counted)
      for (const auto* p : by_doc[d->record.id])
        out += csv_record({d->record.id, d->record.title, p->passage_id, std::to_string(p->page), p->para,
                           fmt::format("{}", fmt::join(p->matches, "; ")), p->text, c.taxonomy_version,
                           c.index_built});
    return out;
  }
  std::string out = header_lines(c, "document", denominator);
  out += fmt::format("Theme {}: {} of {} documents\n", theme, counted.size(), denominator);
  for (const auto* d : counted) {
    out += fmt::format("\n{} ({})\n", d->record.id, d->record.title);
    for (const auto* p : by_doc[d->record.id])
      out += fmt::format("  p.{}{}: {}\n", p->page, p->para.empty() ? "" : " para " + p->para, p->text);
  }
  return out;
}

}  // namespace reviewlens::cli
