#include "cli/html_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/html_charts.h"

namespace reviewlens::cli {
namespace {

constexpr std::string_view kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1b1b;margin:2em auto;max-width:1100px;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #1d4f91;padding-bottom:.2em;margin-top:2em}
.meta{color:#555}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}
th{background:#eef2f8}td.k,th.k{text-align:left}svg{max-width:100%;height:auto}
svg .lbl{font-size:12px;fill:#222}svg .val{font-size:12px;fill:#333}svg .bar{fill:#1d4f91}
svg .num{font-size:10px;fill:#222}svg .inv{fill:#fff}svg .cell{stroke:#fff}
blockquote{margin:.4em 0 .8em;padding:.4em .8em;border-left:4px solid #1d4f91;background:#f6f8fb}
.src{color:#555;font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}section,figure,blockquote{break-inside:avoid}
a{color:inherit;text-decoration:none}}
)";

std::string count_note(std::size_t count, double percent, std::size_t denominator, const index::Suppression& s) {
  return fmt::format("{} of {} ({}%)", s.count_text(count), denominator, s.percent_text(count, percent));
}

std::string name_of(const ReportData& d, const std::string& theme) {
  auto it = d.theme_names.find(theme);
  return it == d.theme_names.end() || it->second.empty() ? theme : it->second;
}

// One bar per row; a suppressed count draws no bar but keeps its "<K" note.
std::vector<Bar> bars_of(const std::vector<index::CountRow>& rows, std::size_t denominator,
                         const index::Suppression& suppression) {
  std::vector<Bar> bars;
  for (const auto& r : rows)
    bars.push_back({r.key, suppression.hides(r.count) ? 0.0 : static_cast<double>(r.count),
                    count_note(r.count, r.percent, denominator, suppression)});
  return bars;
}

std::string prevalence(const ReportData& d) {
  std::vector<index::CountRow> rows = d.themes.rows;
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  const std::vector<Bar> bars = bars_of(rows, d.themes.denominator, d.suppression);
  return "<section><h2>Theme prevalence</h2><p>Documents in which at least one passage carries the theme; "
         "denominator: " + std::to_string(d.themes.denominator) + " documents.</p><figure>" +
         svg_bars(bars, static_cast<double>(d.themes.denominator), "Documents per theme") + "</figure></section>\n";
}

std::string trend(const ReportData& d) {
  std::vector<Bar> columns;
  double max = 0;
  for (const auto& r : d.years.rows) {
    columns.push_back({r.key, static_cast<double>(r.count), d.suppression.count_text(r.count)});
    max = std::max(max, static_cast<double>(r.count));
  }
  std::string table = "<table><tr><th class=\"k\">Theme</th>";
  for (const auto& r : d.years.rows) table += "<th>" + html_escape(r.key) + "</th>";
  table += "</tr>\n";
  for (const auto& [theme, per_year] : d.theme_by_year) {
    table += "<tr><td class=\"k\">" + html_escape(theme) + "</td>";
    for (const auto& r : d.years.rows) {
      auto it = per_year.find(r.key);
      std::size_t n = it == per_year.end() ? 0 : it->second;
      double pct = r.count ? 100.0 * static_cast<double>(n) / static_cast<double>(r.count) : 0.0;
      table += fmt::format("<td>{} ({}%)</td>", d.suppression.count_text(n), d.suppression.percent_text(n, pct));
    }
    table += "</tr>\n";
  }
  return "<section><h2>Trend by year</h2><p>Documents per publication year.</p><figure>" +
         svg_columns(columns, max, "Documents per year") +
         "</figure><p>Documents with each theme, and their share of that year's documents:</p>" + table +
         "</table></section>\n";
}

std::string heatmap(const ReportData& d) {
  std::size_t max = 0;
  for (const auto& row : d.cooccurrence.counts)
    for (auto v : row) max = std::max(max, v);
  return "<section><h2>Themes that travel together</h2><p>Documents in which both themes occur (diagonal: "
         "the theme alone); denominator: " + std::to_string(d.cooccurrence.denominator) +
         " documents.</p><figure>" + svg_heatmap(d.cooccurrence.themes, d.cooccurrence.counts, max, "Co-occurrence") +
         "</figure></section>\n";
}

std::string facts(const ReportData& d) {
  const std::vector<Bar> bars = bars_of(d.facts.rows, d.facts.denominator, d.suppression);
  return "<section><h2>Case facts</h2><p>The child at the centre of each review; \"unknown\" when the "
         "document does not say. Denominator: " + std::to_string(d.facts.denominator) + " documents.</p><figure>" +
         svg_bars(bars, static_cast<double>(d.facts.denominator), "Case facts") + "</figure></section>\n";
}

std::string examples(const ReportData& d) {
  std::string out = "<section><h2>Example passages</h2>\n";
  for (const auto& [theme, passages] : d.examples) {
    if (passages.empty()) continue;
    out += fmt::format("<h3>{} <span class=\"src\">({})</span></h3>\n", html_escape(name_of(d, theme)),
                       html_escape(theme));
    for (const auto& p : passages)
      out += fmt::format("<blockquote>{}<div class=\"src\">{} &mdash; {}, page {}{}</div></blockquote>\n",
                         html_escape(p.text), html_escape(p.title), html_escape(p.doc), p.page,
                         p.para.empty() ? "" : ", para " + html_escape(p.para));
  }
  return out + "</section>\n";
}

}  // namespace

std::string render_html_report(const ReportData& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>reviewlens report</title>\n<style>";
  out += kStyle;
  out += "</style></head><body>\n<h1>Safeguarding reviews: themes and case facts</h1>\n";
  out += fmt::format("<p class=\"meta\">{} documents; taxonomy {}; index built {}; filters: {}{}</p>\n",
                     d.themes.denominator, html_escape(d.taxonomy_version),
                     html_escape(d.index_built.empty() ? "unknown" : d.index_built), html_escape(d.filters),
                     d.suppression.threshold > 1
                         ? fmt::format("; counts below {} shown as &lt;{}", d.suppression.threshold,
                                       d.suppression.threshold)
                         : "");
  out += prevalence(d) + trend(d) + heatmap(d) + facts(d) + examples(d);
  return out + "</body></html>\n";
}

}  // namespace reviewlens::cli
