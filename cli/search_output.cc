#include "cli/search_output.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reviewlens::cli {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json hit_json(const index::SearchHit& h, index::Grouping grouping) {
  nlohmann::json j = {
      {"doc", h.doc},
      {"file", h.file},
      {"title", h.title},
      {"doc_type", to_string(h.doc_type)},
      {"year", h.year > 0 ? nlohmann::json(h.year) : nlohmann::json(nullptr)},
      {"partnership", or_null(h.partnership)},
      {"passage", h.passage_id},
      {"page", h.page},
      {"para", or_null(h.para)},
      {"heading", or_null(h.heading)},
      {"kind", to_string(h.kind)},
      {"text", h.text},
      {"snippet", h.snippet},
      {"themes", h.themes},
  };
  if (grouping == index::Grouping::by_document) j["matching_passages"] = h.matching_passages;
  return j;
}

// "babies 12, domestic_abuse 7" with the largest first.
std::string facet_line(const std::map<std::string, std::size_t>& facet) {
  std::vector<std::pair<std::string, std::size_t>> items(facet.begin(), facet.end());
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [name, n] : items) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
  return out.empty() ? "-" : out;
}

std::string hit_text(std::size_t rank, const index::SearchHit& h, index::Grouping grouping) {
  std::string out = fmt::format("[{}] {}", rank, h.title.empty() ? h.doc : h.title);
  std::vector<std::string> facts;
  if (h.year > 0) facts.push_back(std::to_string(h.year));
  facts.emplace_back(to_string(h.doc_type));
  if (!h.partnership.empty()) facts.push_back(h.partnership);
  out += fmt::format(" ({})\n", fmt::join(facts, ", "));
  out += fmt::format("    {}  page {}", h.file, h.page);
  if (!h.para.empty()) out += fmt::format("  para {}", h.para);
  if (!h.heading.empty()) out += fmt::format("  | {}", h.heading);
  out += "\n";
  out += fmt::format("    {}\n", h.snippet);
  out += fmt::format("    themes: {}\n", h.themes.empty() ? "-" : fmt::format("{}", fmt::join(h.themes, ", ")));
  if (grouping == index::Grouping::by_document)
    out += fmt::format("    matching passages in this document: {}\n", h.matching_passages);
  return out;
}

}  // namespace

nlohmann::json search_json(const index::SearchRequest& request, const index::SearchResult& result) {
  auto hits = nlohmann::json::array();
  for (const auto& h : result.hits) hits.push_back(hit_json(h, request.grouping));
  return {
      {"query", request.query},
      {"total", result.total},
      {"documents", result.documents},
      {"offset", request.offset},
      {"limit", request.limit},
      {"by_document", request.grouping == index::Grouping::by_document},
      {"facets",
       {{"theme", result.theme_facet}, {"doc_type", result.doc_type_facet}, {"year", result.year_facet}}},
      {"suggestion", result.suggestion ? nlohmann::json(*result.suggestion) : nlohmann::json(nullptr)},
      {"hits", std::move(hits)},
  };
}

std::string search_text(const index::SearchRequest& request, const index::SearchResult& result) {
  std::string out = fmt::format("{} matching passage{} in {} document{}", result.total,
                                result.total == 1 ? "" : "s", result.documents,
                                result.documents == 1 ? "" : "s");
  if (!result.hits.empty())
    out += fmt::format(" (showing {}-{}{})", request.offset + 1, request.offset + result.hits.size(),
                       request.grouping == index::Grouping::by_document ? ", one per document" : "");
  out += "\n";
  if (result.suggestion) out += fmt::format("Did you mean: {}\n", *result.suggestion);
  if (result.total > 0) {
    out += fmt::format("Themes: {}\n", facet_line(result.theme_facet));
    out += fmt::format("Types:  {}\n", facet_line(result.doc_type_facet));
    out += fmt::format("Years:  {}\n", facet_line(result.year_facet));
  }
  std::size_t rank = request.offset;
  for (const auto& h : result.hits) out += "\n" + hit_text(++rank, h, request.grouping);
  return out;
}

}  // namespace reviewlens::cli
