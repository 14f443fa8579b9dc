#include "index/synonyms.h"

#include <catch2/catch.hpp>

using namespace reviewlens::index;
using Concepts = std::vector<std::string>;

TEST_CASE("ConceptDetector: capitals as whole words, expansions after stemming", "[index]") {
  const ConceptDetector detector(parse_synonyms(
      "da = domestic abuse | domestic violence\n"
      "dva = domestic violence and abuse | domestic abuse\n"
      "hv = health visitor\n"));
  const std::vector<std::pair<std::string, Concepts>> cases{
      {"The DA referral was late.", {"da"}},
      {"DADA and da and Da are not the abbreviation.", {}},
      {"Domestic abuses were reported", {"da", "dva"}},
      {"the health visitors met", {"hv"}},
      {"health, visitor", {"hv"}},  // word by word: punctuation between is no break
      {"health then visitor", {}},
      {"a visitor for health", {}},
      {"domestic violence and abuse", {"da", "dva"}},
      {"ends with domestic", {}},
      {"HV DVA", {"dva", "hv"}},
      {"", {}},
  };
  ConceptDetector::StemCache cache;
  for (int round = 0; round < 2; ++round) {  // the second round reads every stem from the cache
    for (const auto& [text, want] : cases) {
      INFO(text);
      CHECK(detector.concepts_in(text) == want);
      CHECK(detector.concepts_in(text, cache) == want);
    }
  }
  CHECK_FALSE(cache.empty());
}
