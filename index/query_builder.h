// Internal to rl_index: turns a SearchRequest into a Xapian query (parsed
// text + boolean filters), configured with the schema's field prefixes,
// year ranges, synonyms and spelling correction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "index/searcher.h"

namespace Xapian {
class Database;
class Query;
}  // namespace Xapian

namespace reviewlens::index {

struct BuiltQuery {
  std::optional<std::string> suggestion;       // spelling-corrected query string
  std::vector<std::string> wildcard_prefixes;  // lower-case, from "word*" in the query
  bool has_text = false;                       // false: filters only (sort by date)
};

// Throws FatalError (exit code 2) when the query string cannot be parsed.
Xapian::Query build_query(const Xapian::Database& db, const SearchRequest& request,
                          BuiltQuery& built);

}  // namespace reviewlens::index
