// Practitioners' abbreviations (index/synonyms.txt, compiled in as
// kDefaultSynonyms). Format, one group a line, '#' starts a comment:
//
//   da = domestic abuse | domestic violence
//
// Each group becomes a concept term (XS<abbreviation>) added at index time to
// every passage that contains the abbreviation in capitals ("DA") or any
// expansion (compared word by word after English stemming). The database's
// synonym table then maps the abbreviation and each expansion to that
// concept term, so with Xapian's auto (multiword) synonyms a query for "DA"
// finds "domestic abuse" and the reverse.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reviewlens::index {

struct SynonymGroup {
  std::string abbreviation;             // lower-case: "da"
  std::vector<std::string> expansions;  // lower-case, single spaces: "domestic abuse"
};

// Throws std::invalid_argument naming the line when a line is malformed.
std::vector<SynonymGroup> parse_synonyms(std::string_view text);
// The groups compiled in from index/synonyms.txt.
std::vector<SynonymGroup> default_synonyms();

// Finds the concepts (abbreviations) a passage mentions. Immutable after
// construction; safe to share between threads.
class ConceptDetector {
 public:
  explicit ConceptDetector(const std::vector<SynonymGroup>& groups);
  // Lower-case word -> its English stem. Stemming every word was most of
  // concepts_in's time, and most words recur from passage to passage, so a
  // caller that detects many passages keeps one of these (one per thread).
  using StemCache = std::unordered_map<std::string, std::string>;

  // Sorted, unique abbreviations whose concept occurs in text.
  std::vector<std::string> concepts_in(std::string_view text) const;
  // The same, remembering stems in `stems` (which it keeps bounded).
  std::vector<std::string> concepts_in(std::string_view text, StemCache& stems) const;

 private:
  struct Phrase {
    std::vector<std::string> stems;
    std::string concept_id;
  };
  // Phrases by their first stem, so each word is looked up once instead of
  // every phrase being searched for.
  std::unordered_multimap<std::string, Phrase> phrases_;
  std::unordered_multimap<std::string, std::string> capitals_;  // "DA" -> "da"
};

}  // namespace reviewlens::index
