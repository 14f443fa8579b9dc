// Renders search results for `reviewlens search`: JSON (the stable contract
// in docs/json-output.md) and text for people.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "index/searcher.h"

namespace reviewlens::cli {

nlohmann::json search_json(const index::SearchRequest& request, const index::SearchResult& result);
std::string search_text(const index::SearchRequest& request, const index::SearchResult& result);

}  // namespace reviewlens::cli
