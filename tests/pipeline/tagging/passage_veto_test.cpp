// `exclude_passage`: a match anywhere in the passage vetoes one rule for the
// whole passage, and the theme's thresholds are checked again without it.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "pipeline/tagging/tagger.h"
#include "pipeline/tagging/taxonomy.h"
#include "pipeline/text/normalise.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

// Every theme with a placeholder rule; babies gets the rules under test.
std::string taxonomy_yaml(const std::string& babies_rules) {
  std::string yaml = "version: \"veto-1\"\nthemes:\n";
  for (const auto& theme : known_themes()) {
    std::string rules = theme.id == "babies" ? babies_rules
                                             : "      - id: words\n        phrases: [fictional word]\n";
    yaml += fmt::format("  - id: {}\n    group: {}\n    name: N\n    description: D\n    rules:\n{}", theme.id,
                        to_string(theme.group), rules);
  }
  return yaml;
}

Taxonomy load(const std::string& babies_rules) {
  auto loaded = parse_taxonomy(taxonomy_yaml(babies_rules), "veto.yaml");
  std::string problems;
  for (const auto& p : loaded.problems) problems += p.describe("veto.yaml") + "\n";
  INFO(problems);
  REQUIRE(loaded.ok());
  return *loaded.taxonomy;
}

Passage tag(const Tagger& tagger, const std::string& raw) {
  Passage p;
  p.id = "v:1";
  p.text = text::normalise(raw);
  tagger.tag(p);
  return p;
}

bool has(const Passage& p, const std::string& theme) {
  return std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
}

}  // namespace

TEST_CASE("PassageVeto: a match in another sentence vetoes the rule", "[tagging][veto]") {
  Tagger tagger(load("      - id: cot_words\n        phrases: [cot]\n"
                     "        exclude_passage: [furniture shop]\n"));
  CHECK(has(tag(tagger, "The baby slept in a cot."), "babies"));
  CHECK_FALSE(has(tag(tagger, "Mr T worked at a furniture shop. He sold a cot."), "babies"));
  // A sentence-level exclude would not have seen the first sentence.
  Tagger sentence_only(load("      - id: cot_words\n        phrases: [cot]\n"
                            "        exclude: [furniture shop]\n"));
  CHECK(has(tag(sentence_only, "Mr T worked at a furniture shop. He sold a cot."), "babies"));
}

TEST_CASE("PassageVeto: other rules of the theme still count, thresholds are rechecked",
          "[tagging][veto]") {
  Tagger tagger(load("      - id: cot_words\n        phrases: [cot]\n"
                     "        exclude_passage: {patterns: ['(?i)\\bfurniture (?:shop|store)\\b']}\n"
                     "      - id: infant\n        phrases: [infant]\n"
                     "      - id: weak\n        weight: 0.5\n        phrases: [nursery]\n"));
  // The vetoed rule goes; a strong rule keeps the theme, with only its evidence.
  auto p = tag(tagger, "The furniture store delivered a cot. The infant was well.");
  REQUIRE(has(p, "babies"));
  for (const auto& hit : p.hits) CHECK(hit.rule != "cot_words");
  // Without the vetoed rule a weak rule alone is below min_score.
  CHECK(has(tag(tagger, "A cot was in the nursery."), "babies"));
  CHECK_FALSE(has(tag(tagger, "The furniture shop sold a cot for the nursery."), "babies"));
}

TEST_CASE("PassageVeto: an invalid exclude_passage pattern is reported with its line",
          "[tagging][veto]") {
  auto yaml = taxonomy_yaml("      - id: cot_words\n        phrases: [cot]\n"
                            "        exclude_passage: {patterns: ['(broken']}\n");
  auto loaded = parse_taxonomy(yaml, "veto.yaml");
  CHECK_FALSE(loaded.ok());
  const int line = 1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + yaml.find("'(broken'"), '\n'));
  bool found = false;
  for (const auto& p : loaded.problems)
    found |= p.line == line && p.rule == "cot_words" && p.message.find("invalid pattern") != std::string::npos;
  CHECK(found);
}
