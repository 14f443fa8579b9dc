#include "cli/filter_options.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/fact_filter.h"

namespace reviewlens::cli {

void add_filter_options(CLI::App& sub, FilterArgs& args) {
  sub.add_option("query", args.query, "Only passages matching this query (search syntax)");
  sub.add_option("--theme", args.themes, "Only passages with this theme id (repeatable: all of them)");
  sub.add_flag("--any-theme", args.any_theme, "With several --theme: passages with any of them");
  sub.add_option("--group", args.groups, "Only passages with a theme in this group (repeatable)");
  sub.add_option("--type", args.types, "Only this document type, e.g. lcspr (repeatable)");
  sub.add_option("--from", args.from, "Only documents published in or after YEAR");
  sub.add_option("--to", args.to, "Only documents published in or before YEAR");
  sub.add_option("--partnership", args.partnership, "Only this safeguarding partnership (any case)");
  sub.add_option("--fact", args.facts,
                 "Only documents with this case fact: looked_after (=yes) or cp_plan=current (repeatable: all)");
}

std::expected<index::SearchRequest, std::string> filter_request(const FilterArgs& args,
                                                                const std::vector<std::string>& theme_ids) {
  index::SearchRequest r;
  for (const auto& t : args.themes)
    if (std::find(theme_ids.begin(), theme_ids.end(), t) == theme_ids.end())
      return std::unexpected(fmt::format("unknown theme '{}'; valid theme ids: {}", t, fmt::join(theme_ids, ", ")));
  for (const auto& name : args.types) {
    auto type = doc_type_from(name);
    if (!type)
      return std::unexpected(fmt::format("unknown --type '{}'; valid types: lcspr, rapid_review, "
                                         "serious_case_review, national_review, thematic_review, "
                                         "annual_report, other", name));
    r.types.push_back(*type);
  }
  auto facts = parse_fact_filters(args.facts);
  if (!facts) return std::unexpected(facts.error());
  r.facts = std::move(*facts);
  r.query = args.query;
  r.themes = args.themes;
  r.theme_match = args.any_theme ? index::ThemeMatch::any : index::ThemeMatch::all;
  r.groups = args.groups;
  r.year_from = args.from;
  r.year_to = args.to;
  r.partnership = args.partnership;
  return r;
}

std::string describe_filters(const FilterArgs& args) {
  std::vector<std::string> parts;
  if (!args.query.empty()) parts.push_back(fmt::format("query \"{}\"", args.query));
  if (!args.themes.empty())
    parts.push_back(fmt::format("theme {}", fmt::join(args.themes, args.any_theme ? " or " : " and ")));
  if (!args.groups.empty()) parts.push_back(fmt::format("group {}", fmt::join(args.groups, " or ")));
  if (!args.types.empty()) parts.push_back(fmt::format("type {}", fmt::join(args.types, " or ")));
  if (args.from || args.to)
    parts.push_back(fmt::format("published {}-{}", args.from ? std::to_string(*args.from) : "",
                                args.to ? std::to_string(*args.to) : ""));
  if (!args.partnership.empty()) parts.push_back(fmt::format("partnership {}", args.partnership));
  for (const auto& f : args.facts) parts.push_back(fmt::format("fact {}", f));
  return parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace reviewlens::cli
