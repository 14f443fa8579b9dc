// The document/passage filters shared by `stats` and `report` (the same
// flags and meaning as `search`): QUERY, --theme, --any-theme, --group,
// --type, --from, --to, --partnership, --fact.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "index/searcher.h"

namespace reviewlens::cli {

struct FilterArgs {
  std::string query;
  std::vector<std::string> themes;
  bool any_theme = false;
  std::vector<std::string> groups;
  std::vector<std::string> types;
  std::optional<int> from, to;
  std::string partnership;
  std::vector<std::string> facts;  // as typed: "looked_after", "cp_plan=current"
};

// Registers the flags (and the optional positional QUERY) on `sub`.
void add_filter_options(CLI::App& sub, FilterArgs& args);

// The filters as a SearchRequest; error text for an unknown theme, type or
// fact. `theme_ids`: the index's themes.
std::expected<index::SearchRequest, std::string> filter_request(const FilterArgs& args,
                                                                const std::vector<std::string>& theme_ids);

// "theme babies, type lcspr, 2019-2021, fact cp_plan=current", or "none".
std::string describe_filters(const FilterArgs& args);

}  // namespace reviewlens::cli
