// FactFinder on fictional passages, and validation of the taxonomy's
// `facts:` section (problems with lines).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "pipeline/tagging/fact_finder.h"
#include "pipeline/tagging/taxonomy.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

std::string themes_yaml() {
  std::string yaml = "version: \"facts-test\"\nthemes:\n";
  for (const auto& theme : known_themes())
    yaml += fmt::format(
        "  - id: {}\n    group: {}\n    name: N\n    description: D\n    rules:\n"
        "      - id: w\n        phrases: [fictional word]\n",
        theme.id, to_string(theme.group));
  return yaml;
}

// Line of the first line of `facts` inside the whole file.
int facts_line() {
  std::string y = themes_yaml();
  return static_cast<int>(std::count(y.begin(), y.end(), '\n')) + 1;
}

Taxonomy taxonomy_with(const std::string& facts) {
  auto load = parse_taxonomy(themes_yaml() + facts, "test.yaml");
  for (const auto& p : load.problems) UNSCOPED_INFO(p.describe("test.yaml"));
  REQUIRE(load.ok());
  return *load.taxonomy;
}

Document document_of(const std::vector<std::string>& texts) {
  Document doc;
  doc.id = "fictional";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Passage p;
    p.id = fmt::format("fictional:{}", i + 1);
    p.text = texts[i];
    p.page = static_cast<int>(i) + 2;
    p.para = fmt::format("1.{}", i + 1);
    doc.passages.push_back(p);
  }
  return doc;
}

std::string value_of(const std::vector<CaseFact>& facts, const std::string& fact) {
  for (const auto& f : facts)
    if (f.fact == fact) return f.value;
  return "(missing)";
}

const CaseFact& fact_named(const std::vector<CaseFact>& facts, const std::string& fact) {
  for (const auto& f : facts)
    if (f.fact == fact) return f;
  FAIL("no fact " << fact);
  return facts.front();
}

constexpr const char* kPlanFacts = R"(facts:
  - id: cp_plan
    resolution: RESOLUTION
    values:
      - id: never
        rules:
          - id: r
            phrases: [never on a plan]
      - id: current
        rules:
          - id: r
            phrases: [on a plan now]
            weight: 2
)";

std::string plan_facts(const std::string& resolution) {
  std::string s = kPlanFacts;
  s.replace(s.find("RESOLUTION"), 10, resolution);
  return s;
}

}  // namespace

TEST_CASE("FactFinder: bundled rules find age bands from fictional phrases", "[tagging][facts]") {
  FactFinder finder(load_taxonomy_or_throw(""));
  struct Case {
    std::string text, band;
  };
  std::vector<Case> cases = {
      {"Child Z, a 14-year-old boy, lived with his aunt.", "10_15"},
      {"Baby Y was 7 weeks old when she was seen by the health visitor.", "under_1"},
      {"Baby X was three months old at the time.", "under_1"},
      {"The review concerns a newborn who lived with her parents.", "under_1"},
      {"Child W, aged 14, was excluded from school.", "10_15"},
      {"Child V is a boy aged four.", "1_4"},
      {"Young person U was seventeen at the time.", "16_17"},
      {"Child T is a six-year-old girl.", "5_9"},
      {"The family moved house twice in a year.", "unknown"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(value_of(finder.find(document_of({c.text})), "age_band") == c.band);
  }
}

TEST_CASE("FactFinder: one fact per taxonomy fact, with the evidence passage", "[tagging][facts]") {
  FactFinder finder(load_taxonomy_or_throw(""));
  auto facts = finder.find(document_of({
      "The school term began in September.",
      "Child S had never been the subject of a child protection plan and was not looked after.",
      "Child S died in hospital in May.",
  }));
  REQUIRE(facts.size() == known_facts().size());
  const CaseFact& plan = fact_named(facts, "cp_plan");
  CHECK(plan.value == "never");
  CHECK(plan.passage_id == "fictional:2");
  CHECK(plan.page == 3);
  CHECK(plan.para == "1.2");
  CHECK(plan.evidence.find("never been the subject of a child protection plan") != std::string::npos);
  CHECK(value_of(facts, "looked_after") == "no");
  CHECK(value_of(facts, "incident") == "death");
  CHECK(value_of(facts, "child_mental_health") == "unknown");
  CHECK(fact_named(facts, "child_mental_health").passage_id.empty());
}

TEST_CASE("FactFinder: resolution policies pick between matching values", "[tagging][facts]") {
  // "never" is listed first and seen first; "current" scores higher (weight 2, twice).
  auto doc = document_of({"She was never on a plan before.", "She is on a plan now, on a plan now."});
  CHECK(value_of(FactFinder(taxonomy_with(plan_facts("listed"))).find(doc), "cp_plan") == "never");
  CHECK(value_of(FactFinder(taxonomy_with(plan_facts("first_seen"))).find(doc), "cp_plan") == "never");
  CHECK(value_of(FactFinder(taxonomy_with(plan_facts("score"))).find(doc), "cp_plan") == "current");
  auto reversed = document_of({"She is on a plan now.", "She was never on a plan before."});
  CHECK(value_of(FactFinder(taxonomy_with(plan_facts("first_seen"))).find(reversed), "cp_plan") == "current");
  CHECK(value_of(FactFinder(taxonomy_with(plan_facts("listed"))).find(reversed), "cp_plan") == "never");
}

TEST_CASE("Taxonomy: facts section problems are reported with lines", "[tagging][facts]") {
  const int base = facts_line();
  const std::string facts = R"(facts:
  - id: cp_plan
    colour: red
    resolution: loudest
    values:
      - id: maybe
        rules:
          - id: r
            phrases: [plan]
      - id: unknown
        rules:
          - id: r
            patterns: ['(unclosed']
  - id: shoe_size
    values:
      - id: big
        rules:
          - id: r
            phrases: [shoe]
)";
  auto load = parse_taxonomy(themes_yaml() + facts, "test.yaml");
  REQUIRE_FALSE(load.ok());
  auto has = [&](int line, const std::string& fragment) {
    for (const auto& p : load.problems)
      if (p.line == line && p.message.find(fragment) != std::string::npos) return true;
    return false;
  };
  for (const auto& p : load.problems) UNSCOPED_INFO(p.describe("test.yaml"));
  CHECK(has(base + 2, "unknown key 'colour'"));
  CHECK(has(base + 3, "bad resolution 'loudest'"));
  CHECK(has(base + 5, "bad value 'maybe'"));
  CHECK(has(base + 9, "'unknown' is implied"));
  CHECK(has(base + 12, "invalid pattern"));
  CHECK(has(base + 13, "unknown fact"));
  CHECK(load.problems.front().describe("test.yaml").find("test.yaml:") == 0);
}

TEST_CASE("Taxonomy: the bundled facts section is valid and complete", "[tagging][facts]") {
  auto taxonomy = load_taxonomy_or_throw("");
  REQUIRE(taxonomy.facts.size() == known_facts().size());
  for (const auto& fact : taxonomy.facts) CHECK(find_known_fact(fact.id) != nullptr);
}
