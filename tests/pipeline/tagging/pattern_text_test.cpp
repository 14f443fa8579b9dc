#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "pipeline/tagging/pattern_text.h"

using namespace reviewlens::tagging;

TEST_CASE("phrase_to_regex: word bounds, spaces, hyphens, apostrophes and stems", "[tagging][pattern]") {
  auto matches = [](const char* phrase, const char* text) {
    return RE2::PartialMatch(text, RE2("(?i)" + phrase_to_regex(phrase)));
  };
  CHECK(matches("young carer", "a Young  Carer here"));
  CHECK_FALSE(matches("young carer", "youngcarer"));
  CHECK(matches("multi-agency", "multi agency and"));
  CHECK(matches("multi-agency", "multiagency"));
  CHECK(matches("carers' service", "carers service"));
  CHECK(matches("exploit*", "exploitation"));
  CHECK_FALSE(matches("exploit*", "unexploited"));
  CHECK_FALSE(matches("race", "practice"));
  CHECK(matches("a.b (c)", "a.b (c)"));  // metacharacters are literal
  CHECK(phrase_to_regex("   ").empty());
}

TEST_CASE("component_regex and regex_error", "[tagging][pattern]") {
  PatternList list{{"knife"}, {"\\bblade[sd]?\\b"}, 0};
  auto regex = component_regex(list, CaseMode::insensitive);
  CHECK(RE2::PartialMatch("a BLADE", RE2(regex)));
  CHECK_FALSE(regex_error(regex));
  CHECK(component_regex(PatternList{}, CaseMode::insensitive).empty());
  auto error = regex_error("(oops");
  REQUIRE(error);
  CHECK(error->find("missing )") != std::string::npos);
}
