// `reviewlens stats`: exact counts with denominators (documents or passages
// per theme, year, type, partnership, case fact), theme co-occurrence, the
// document-by-theme table and the passages behind a theme's count. Reads
// per-document records and one value slot, never every passage's JSON.
// Shapes: docs/stats.md.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/filter_options.h"
#include "cli/index_location.h"
#include "cli/stats_output.h"
#include "index/statistics.h"
#include "index/stats_tables.h"
#include "pipeline/core/error.h"
#include "pipeline/tagging/case_facts.h"

namespace reviewlens::cli {
namespace {

struct StatsArgs {
  std::string index;
  FilterArgs filters;
  std::string by = "theme";
  std::string cross;
  std::string unit = "document";
  int min_passages = 1;
  std::size_t suppress_below = 0;
  std::string evidence;
  std::string format = "table";
};

index::StatsDimension dimension_of(const std::string& by) {
  if (by == "year") return index::StatsDimension::year;
  if (by == "type") return index::StatsDimension::type;
  if (by == "partnership") return index::StatsDimension::partnership;
  if (by == "fact") return index::StatsDimension::fact;
  return index::StatsDimension::theme;
}

StatsFormat format_of(const std::string& name) {
  if (name == "csv") return StatsFormat::csv;
  if (name == "json") return StatsFormat::json;
  return StatsFormat::table;
}

index::CountOptions count_options(const StatsArgs& args) {
  index::CountOptions o;
  o.unit = args.unit == "passage" ? index::StatsUnit::passage : index::StatsUnit::document;
  o.min_passages = args.min_passages;
  for (const auto& f : tagging::known_facts())
    o.fact_values.push_back({std::string(f.id), std::vector<std::string>(f.values.begin(), f.values.end())});
  return o;
}

std::string evidence_output(const StatsArgs& args, const index::SearchRequest& request,
                            const index::StatsInput& input, const StatsContext& context) {
  auto options = count_options(args);
  std::vector<const index::DocumentStats*> counted;
  for (const auto& d : input.documents)
    if (index::counts_for(d, args.evidence, options)) counted.push_back(&d);
  auto passages = index::theme_evidence(index_location(args.index), request, args.evidence, {});
  return render_evidence(args.evidence, input.documents.size(), counted, passages, context, format_of(args.format));
}

int run(const StatsArgs& args) {
  const auto dir = index_location(args.index);
  const std::vector<std::string> theme_ids = index_theme_ids(dir);
  auto request = filter_request(args.filters, theme_ids);
  if (!request) {
    std::cerr << "reviewlens stats: " << request.error() << "\n";
    return exit_code::kUsage;
  }
  if (!args.evidence.empty() &&
      std::find(theme_ids.begin(), theme_ids.end(), args.evidence) == theme_ids.end()) {
    std::cerr << fmt::format("reviewlens stats: unknown theme '{}' for --evidence\n", args.evidence);
    return exit_code::kUsage;
  }
  index::StatsInput input = index::collect_stats(dir, *request);
  StatsContext context{input.taxonomy_version, input.index_built, describe_filters(args.filters),
                       index::Suppression{args.suppress_below}};
  const auto format = format_of(args.format);
  const auto options = count_options(args);
  if (!args.evidence.empty())
    std::cout << evidence_output(args, *request, input, context);
  else if (!args.cross.empty())
    std::cout << render_cross(index::theme_cooccurrence(input, options), context, format);
  else if (args.by == "document")
    std::cout << render_documents(index::document_themes(input, options), context, format);
  else
    std::cout << render_counts(index::count_by(input, dimension_of(args.by), options), args.by, context, format);
  return exit_code::kOk;
}

}  // namespace

Command add_stats_command(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* sub = app.add_subcommand("stats", "Exact counts with denominators: themes, years, types, case facts");
  sub->footer(
      "Counts documents (or passages, --unit passage) per theme, year, type, partnership or case\n"
      "fact, with percentages of the selected total. Filters select documents as in search; with a\n"
      "query or --theme/--group only matching passages count. Shapes: docs/stats.md.\n"
      "Exit codes: 0 success; 2 bad flags or unknown theme/type/fact; 3 no index.");
  add_index_option(*sub, args->index);
  add_filter_options(*sub, args->filters);
  sub->add_option("--by", args->by, "theme (default), year, type, partnership, fact, or document (0/1 table)")
      ->check(CLI::IsMember({"theme", "year", "type", "partnership", "fact", "document"}));
  sub->add_option("--cross", args->cross, "theme: theme-by-theme co-occurrence matrix")
      ->check(CLI::IsMember({"theme"}));
  sub->add_option("--unit", args->unit, "document (default) or passage")
      ->check(CLI::IsMember({"document", "passage"}));
  sub->add_option("--min-passages", args->min_passages,
                  "A document counts for a theme when at least N passages carry it (default 1)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--suppress-below", args->suppress_below,
                  "Show counts 1..K-1 (and their percentages) as \"<K\"");
  sub->add_option("--evidence", args->evidence, "List the passages behind THEME's document count");
  sub->add_option("--format", args->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
