// `reviewlens search`: passages matching a query and/or theme, type, year and
// partnership filters, with exact totals and facets. Query syntax and JSON:
// index/README.md and docs/json-output.md.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/fact_filter.h"
#include "cli/index_location.h"
#include "cli/search_output.h"
#include "index/searcher.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

struct SearchArgs {
  std::string query;
  std::string index;
  std::vector<std::string> themes;
  bool any_theme = false;
  std::vector<std::string> groups;
  std::vector<std::string> types;
  std::optional<int> from, to;
  std::string partnership;
  std::vector<std::string> facts;  // "fact:value" after parse_fact_filters
  bool by_document = false;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string format = "text";
};

// Returns an error message for the first unknown theme, else "".
std::string unknown_theme(const std::vector<std::string>& wanted, const std::vector<std::string>& known) {
  for (const auto& t : wanted)
    if (std::find(known.begin(), known.end(), t) == known.end())
      return fmt::format("unknown theme '{}'; valid theme ids: {}", t, fmt::join(known, ", "));
  return {};
}

std::optional<std::vector<DocType>> parse_types(const std::vector<std::string>& names) {
  std::vector<DocType> types;
  for (const auto& n : names) {
    auto t = doc_type_from(n);
    if (!t) return std::nullopt;
    types.push_back(*t);
  }
  return types;
}

index::SearchRequest make_request(const SearchArgs& args, std::vector<DocType> types) {
  index::SearchRequest r;
  r.query = args.query;
  r.themes = args.themes;
  r.theme_match = args.any_theme ? index::ThemeMatch::any : index::ThemeMatch::all;
  r.groups = args.groups;
  r.types = std::move(types);
  r.year_from = args.from;
  r.year_to = args.to;
  r.partnership = args.partnership;
  r.facts = args.facts;
  r.grouping = args.by_document ? index::Grouping::by_document : index::Grouping::passages;
  r.limit = args.limit;
  r.offset = args.offset;
  if (args.format == "json")
    r.highlight = index::HighlightStyle::markers;
  else
    r.highlight = ::isatty(STDOUT_FILENO) ? index::HighlightStyle::ansi : index::HighlightStyle::none;
  return r;
}

int run(const SearchArgs& args) {
  index::Searcher searcher(index_location(args.index));
  if (auto error = unknown_theme(args.themes, searcher.theme_ids()); !error.empty()) {
    std::cerr << "reviewlens search: " << error << "\n";
    return exit_code::kUsage;
  }
  auto types = parse_types(args.types);
  if (!types) {
    std::cerr << "reviewlens search: unknown --type; valid types: lcspr, rapid_review, "
                 "serious_case_review, national_review, thematic_review, annual_report, other\n";
    return exit_code::kUsage;
  }
  auto facts = parse_fact_filters(args.facts);
  if (!facts) {
    std::cerr << "reviewlens search: " << facts.error() << "\n";
    return exit_code::kUsage;
  }
  SearchArgs resolved = args;
  resolved.facts = std::move(*facts);
  auto request = make_request(resolved, std::move(*types));
  auto result = searcher.search(request);
  if (args.format == "json")
    std::cout << search_json(request, result).dump(2) << "\n";
  else
    std::cout << search_text(request, result);
  return exit_code::kOk;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand("search", "Search passages by words, themes, type, year and partnership");
  sub->footer(
      "Query syntax: words (all must match), OR, NOT, \"phrases\", a NEAR b, wild*, and fields\n"
      "theme:ID group:G type:T year:2021 year:2021..2023 partnership:\"Name\" heading:word.\n"
      "Abbreviations (DA, CSE, CAMHS, ...) also find their expansions.\n"
      "Exit codes: 0 success; 2 bad flags or unknown theme/type/query syntax; 3 no index (run\n"
      "`reviewlens ingest`).");
  sub->add_option("query", args->query, "Query (optional when filters are given)");
  sub->add_option("--index", args->index,
                  "Index folder (default $REVIEWLENS_INDEX, else $XDG_DATA_HOME/reviewlens/index)");
  sub->add_option("--theme", args->themes, "Only passages with this theme id (repeatable: all of them)");
  sub->add_flag("--any-theme", args->any_theme, "With several --theme: passages with any of them");
  sub->add_option("--group", args->groups, "Only passages with a theme in this group (repeatable)");
  sub->add_option("--type", args->types, "Only this document type, e.g. lcspr (repeatable)");
  sub->add_option("--from", args->from, "Only documents published in or after YEAR");
  sub->add_option("--to", args->to, "Only documents published in or before YEAR");
  sub->add_option("--partnership", args->partnership, "Only this safeguarding partnership (any case)");
  sub->add_option("--fact", args->facts,
                  "Only documents with this case fact: looked_after (=yes) or cp_plan=current (repeatable: all)");
  sub->add_flag("--by-document", args->by_document, "Best passage per document, with its match count");
  sub->add_option("--limit", args->limit, "Hits to show (default 10)");
  sub->add_option("--offset", args->offset, "Hits to skip (for paging)");
  sub->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
