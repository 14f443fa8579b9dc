// `reviewlens report`: one self-contained HTML file (inline CSS and SVG, no
// scripts) with theme prevalence, the trend by year, theme co-occurrence,
// case facts and example passages per theme, for the filtered documents.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/filter_options.h"
#include "cli/html_report.h"
#include "cli/index_location.h"
#include "index/statistics.h"
#include "index/stats_tables.h"
#include "pipeline/core/error.h"
#include "pipeline/tagging/taxonomy.h"

namespace reviewlens::cli {
namespace {

struct ReportArgs {
  std::string index;
  FilterArgs filters;
  std::string out;
  std::size_t examples = 3;
  std::size_t suppress_below = 0;
};

std::map<std::string, std::map<std::string, std::size_t>> theme_by_year(const index::StatsInput& input,
                                                                       const index::CountOptions& options) {
  std::map<std::string, std::map<std::string, std::size_t>> out;
  for (const auto& theme : input.theme_ids)
    for (const auto& d : input.documents)
      if (index::counts_for(d, theme, options))
        ++out[theme][d.record.year > 0 ? std::to_string(d.record.year) : "unknown"];
  return out;
}

ReportData gather(const ReportArgs& args, const index::SearchRequest& request) {
  const auto dir = index_location(args.index);
  index::StatsInput input = index::collect_stats(dir, request);
  index::CountOptions options;
  for (const auto& f : tagging::known_facts())
    options.fact_values.push_back({std::string(f.id), std::vector<std::string>(f.values.begin(), f.values.end())});
  ReportData d;
  d.taxonomy_version = input.taxonomy_version;
  d.index_built = input.index_built;
  d.filters = describe_filters(args.filters);
  d.suppression = index::Suppression{args.suppress_below};
  auto bundled = tagging::load_taxonomy("");
  if (bundled.taxonomy)
    for (const auto& theme : bundled.taxonomy->themes) d.theme_names[theme.id] = theme.name;
  d.themes = index::count_by(input, index::StatsDimension::theme, options);
  d.years = index::count_by(input, index::StatsDimension::year, options);
  d.facts = index::count_by(input, index::StatsDimension::fact, options);
  d.cooccurrence = index::theme_cooccurrence(input, options);
  d.theme_by_year = theme_by_year(input, options);
  for (const auto& row : d.themes.rows) {
    if (row.count == 0 || args.examples == 0) continue;
    d.examples[row.key] = index::theme_evidence(dir, request, row.key,
                                                {.per_document = 1, .total = args.examples});
  }
  return d;
}

int run(const ReportArgs& args) {
  const auto dir = index_location(args.index);
  const std::vector<std::string> theme_ids = index_theme_ids(dir);
  auto request = filter_request(args.filters, theme_ids);
  if (!request) {
    std::cerr << "reviewlens report: " << request.error() << "\n";
    return exit_code::kUsage;
  }
  const std::string html = render_html_report(gather(args, *request));
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  if (!out || !out.write(html.data(), static_cast<std::streamsize>(html.size())) || !out.flush())
    throw FatalError(fmt::format("cannot write report {}", args.out), exit_code::kFatal);
  std::cout << fmt::format("Wrote {} ({} bytes)\n", args.out, html.size());
  return exit_code::kOk;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand("report", "Write a self-contained HTML report of themes and case facts");
  sub->footer("One HTML file with inline CSS and SVG (no scripts, nothing fetched); printable.\n"
              "Filters as in search. Exit codes: 0 success; 2 bad flags; 3 no index or unwritable file.");
  add_index_option(*sub, args->index);
  add_filter_options(*sub, args->filters);
  sub->add_option("--out", args->out, "HTML file to write")->required();
  sub->add_option("--examples", args->examples, "Example passages per theme (default 3, one per document)");
  sub->add_option("--suppress-below", args->suppress_below, "Show counts 1..K-1 as \"<K\"");
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
