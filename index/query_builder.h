// Internal to rl_index: turns a SearchRequest into a Xapian query (parsed
// text + boolean filters), configured with the schema's field prefixes,
// year ranges, synonyms and spelling correction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "index/searcher.h"

#include <xapian.h>

namespace reviewlens::index {

// The upper end of a --from range without --to.
inline constexpr int kOpenYearTo = 9999;

struct BuiltQuery {
  std::optional<std::string> suggestion;       // spelling-corrected query string
  std::vector<std::string> wildcard_prefixes;  // lower-case, from "word*" in the query
  bool has_text = false;                       // false: filters only (sort by date)
  // The returned query but for the --from/--to year range, which is left
  // here as numbers so a search can apply it from the facet table.
  Xapian::Query without_year_range;
  std::optional<int> year_from, year_to;
};

// Throws FatalError (exit code 2) when the query string cannot be parsed.
Xapian::Query build_query(const Xapian::Database& db, const SearchRequest& request,
                          BuiltQuery& built);

}  // namespace reviewlens::index
