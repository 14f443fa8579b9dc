// `reviewlens search`: passages matching a query and/or theme, type, year and
// partnership filters, with exact totals and facets. Query syntax and JSON:
// index/README.md and docs/json-output.md.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/filter_options.h"
#include "cli/index_location.h"
#include "cli/search_output.h"
#include "index/searcher.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

struct SearchArgs {
  FilterArgs filters;  // QUERY and the filter flags shared with stats and report
  std::string index;
  bool by_document = false;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string format = "text";
};

int run(const SearchArgs& args) {
  index::Searcher searcher(index_location(args.index));
  auto request = filter_request(args.filters, searcher.theme_ids());
  if (!request) {
    std::cerr << "reviewlens search: " << request.error() << "\n";
    return exit_code::kUsage;
  }
  request->grouping = args.by_document ? index::Grouping::by_document : index::Grouping::passages;
  request->limit = args.limit;
  request->offset = args.offset;
  if (args.format == "json")
    request->highlight = index::HighlightStyle::markers;
  else
    request->highlight = ::isatty(STDOUT_FILENO) ? index::HighlightStyle::ansi : index::HighlightStyle::none;
  auto result = searcher.search(*request);
  if (args.format == "json")
    std::cout << search_json(*request, result).dump(2) << "\n";
  else
    std::cout << search_text(*request, result);
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
  add_index_option(*sub, args->index);
  add_filter_options(*sub, args->filters);
  sub->add_flag("--by-document", args->by_document, "Best passage per document, with its match count");
  sub->add_option("--limit", args->limit, "Hits to show (default 10)");
  sub->add_option("--offset", args->offset, "Hits to skip (for paging)");
  sub->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
