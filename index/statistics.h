// Statistics over a reviewlens index: which documents (and how many of their
// passages) a filter selects, with each document's record (themes, case
// facts), read from per-document records and one value slot, never from
// the passages' stored JSON. Counting and tables are in index/stats_tables.h;
// the JSON/CSV shapes are documented in docs/stats.md.
//
// Opens the database read-only for the call. Errors: FatalError (3) when
// there is no index; an unparsable query is FatalError (2).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "index/document_record.h"
#include "index/searcher.h"

namespace reviewlens::index {

// One selected document. Without a passage-level condition (query, theme,
// group) every passage of it counts; otherwise only the matching ones.
struct DocumentStats {
  DocumentRecord record;
  int matching_passages = 0;
  std::map<std::string, int> theme_passages;  // theme id -> matching passages with it
};

struct StatsInput {
  std::string taxonomy_version;
  std::string index_built;               // finished_at of the last ingest run ("" if none)
  std::vector<std::string> theme_ids;    // every theme of the index's taxonomy, sorted
  std::vector<DocumentStats> documents;  // selected documents, sorted by id
};

// `filter`'s paging, grouping and highlight fields are ignored.
StatsInput collect_stats(const std::filesystem::path& dir, const SearchRequest& filter);

// One passage behind a count.
struct EvidencePassage {
  std::string doc, title, passage_id, para, text;
  int page = 0;
  int year = 0;
  std::vector<std::string> matches;  // matched text of the theme's rules
};

// How many evidence passages to return; 0 means no limit.
struct EvidenceLimits {
  std::size_t per_document = 0;
  std::size_t total = 0;
};

// The passages carrying `theme` that `filter` selects, in document then
// reading order, within `limits`. Only the passages returned are read.
std::vector<EvidencePassage> theme_evidence(const std::filesystem::path& dir, const SearchRequest& filter,
                                            const std::string& theme, EvidenceLimits limits);

}  // namespace reviewlens::index
