// Internal to rl_index: marks the words of a passage that a query matched.
// Works from the query's terms (raw words and "Z" stems), wildcard prefixes
// and synonym concepts (XS<abbr> marks the words of its expansions).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "index/searcher.h"
#include "index/synonyms.h"

namespace reviewlens::index {

class Highlighter {
 public:
  Highlighter(const std::vector<std::string>& query_terms,
              const std::vector<std::string>& wildcard_prefixes,
              const std::vector<SynonymGroup>& synonyms);
  // The text with each matched word wrapped for `style` (unchanged for none).
  std::string highlight(std::string_view text, HighlightStyle style) const;

 private:
  std::set<std::string> words_;  // lower-case unstemmed
  std::set<std::string> stems_;  // English stems
  std::vector<std::string> prefixes_;
};

}  // namespace reviewlens::index
