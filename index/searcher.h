// Searcher: passage search over a reviewlens index with theme/type/year
// filters, exact totals and facets over the whole match set, spelling
// suggestions, synonyms and highlighting. Query syntax: index/README.md.
//
// Opens the database read-only; one Searcher per thread. Errors: a missing
// or unreadable index is FatalError (3, telling the user to run
// `reviewlens ingest`); an unparsable query is FatalError with exit code 2.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace reviewlens::index {

enum class ThemeMatch { all, any };              // several --theme: every one, or at least one
enum class Grouping { passages, by_document };   // by_document: best passage per document
enum class HighlightStyle { markers, ansi, none };

// Markers around matched words in SearchHit::snippet (HighlightStyle::markers).
inline constexpr const char* kHighlightStart = "[[";
inline constexpr const char* kHighlightEnd = "]]";

struct SearchRequest {
  std::string query;                 // Xapian query syntax; empty: filters only
  std::vector<std::string> themes;   // theme ids
  ThemeMatch theme_match = ThemeMatch::all;
  std::vector<std::string> groups;   // theme groups (any of them)
  std::vector<DocType> types;        // any of them
  std::optional<int> year_from, year_to;
  std::string partnership;           // compared normalised (case, spaces)
  std::vector<std::string> facts;    // "fact:value" case facts of the document; all must hold
  Grouping grouping = Grouping::passages;
  std::size_t limit = 10;
  std::size_t offset = 0;
  HighlightStyle highlight = HighlightStyle::markers;
};

struct SearchHit {
  std::string doc, file, title;
  DocType doc_type = DocType::other;
  int year = 0;
  std::string partnership;
  std::string passage_id;
  int page = 0;
  std::string para, heading;
  PassageKind kind = PassageKind::paragraph;
  std::string text;
  std::string snippet;  // text with matched words highlighted
  std::vector<std::string> themes;
  std::size_t matching_passages = 0;  // Grouping::by_document: exact count in this document
  double weight = 0;
};

struct SearchResult {
  std::size_t total = 0;      // matching passages, exact
  std::size_t documents = 0;  // documents with a matching passage, exact
  // Passage counts over the whole match set, exact.
  std::map<std::string, std::size_t> theme_facet, doc_type_facet, year_facet;
  std::optional<std::string> suggestion;  // corrected query, when the speller has one
  std::vector<SearchHit> hits;
};

class Searcher {
 public:
  explicit Searcher(const std::filesystem::path& dir);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  SearchResult search(const SearchRequest& request) const;
  // Theme ids the index was tagged with (from its metadata), sorted.
  std::vector<std::string> theme_ids() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reviewlens::index
