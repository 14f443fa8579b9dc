#include <thread>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "pipeline/core/error.h"
#include "pipeline/tagging/rule_engine.h"
#include "pipeline/text/normalise.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

Rule phrases_rule(std::string id, std::vector<std::string> phrases) {
  Rule rule;
  rule.id = std::move(id);
  rule.any.phrases = std::move(phrases);
  return rule;
}

RuleGroup group_of(std::string id, std::vector<Rule> rules) {
  RuleGroup group;
  group.id = std::move(id);
  group.rules = std::move(rules);
  return group;
}

AssertionCues default_cues() {
  AssertionCues cues;
  cues.before.phrases = {"no evidence of", "no indication that", "there was no indication of"};
  cues.after.phrases = {"was not a feature", "was ruled out", "none is suggested"};
  cues.terminators.phrases = {"but", "however"};
  cues.window_words = 6;
  return cues;
}

struct Tagged {
  std::string text;
  std::vector<Span> sentences;
  std::vector<GroupMatch> matches;
};

Tagged run(const RuleEngine& engine, std::string raw, PassageKind kind = PassageKind::paragraph,
           std::string heading = {}) {
  Tagged t;
  t.text = text::normalise(raw);
  t.sentences = text::sentence_spans(t.text);
  t.matches = engine.match(PassageView{t.text, t.sentences, kind, heading, {}});
  return t;
}

std::vector<std::string> matched_text(const Tagged& t) {
  std::vector<std::string> out;
  for (const auto& m : t.matches)
    for (const auto& hit : m.hits) out.push_back(t.text.substr(hit.span.start, hit.span.end - hit.span.start));
  return out;
}

}  // namespace

TEST_CASE("RuleEngine: phrases are case-insensitive, word-bounded and whitespace tolerant",
          "[tagging][engine]") {
  RuleEngine engine({group_of("g", {phrases_rule("r", {"county lines", "exploit*"})})}, {});
  CHECK(matched_text(run(engine, "He was drawn into COUNTY\n  LINES activity.")) ==
        std::vector<std::string>{"COUNTY LINES"});
  CHECK(matched_text(run(engine, "Adults exploited him.")) == std::vector<std::string>{"exploited"});
  CHECK(run(engine, "The countylines project and unexploitable data.").matches.empty());
}

TEST_CASE("RuleEngine: evidence spans are byte offsets into the passage text", "[tagging][engine]") {
  RuleEngine engine({group_of("g", {phrases_rule("r", {"self-harm"})})}, {});
  auto t = run(engine, "Café staff saw self harm and later self-harm.");
  REQUIRE(t.matches.size() == 1);
  REQUIRE(t.matches[0].hits.size() == 2);
  auto first = t.matches[0].hits[0].span;
  CHECK(first.start == t.text.find("self harm"));
  CHECK(first.end == first.start + std::string("self harm").size());
  CHECK(t.text.substr(t.matches[0].hits[1].span.start, 9) == "self-harm");
}

TEST_CASE("RuleEngine: RE2 patterns and case-sensitive rules", "[tagging][engine]") {
  Rule acronym;
  acronym.id = "send";
  acronym.case_mode = CaseMode::sensitive;
  acronym.any.patterns = {"\\bSEND\\b"};
  RuleEngine engine({group_of("g", {acronym})}, {});
  CHECK_FALSE(run(engine, "She will send the letter.").matches.size());
  CHECK(run(engine, "He had SEND support at school.").matches.size() == 1);
}

TEST_CASE("RuleEngine: near needs both sides in one sentence within N words", "[tagging][engine]") {
  Rule near;
  near.id = "assault_partner";
  near.near = Near{{{"assaulted"}, {}, 0}, {{"partner"}, {}, 0}, 3};
  RuleEngine engine({group_of("g", {near})}, {});
  auto hit = run(engine, "Mr Z assaulted his former partner at home.");
  REQUIRE(hit.matches.size() == 1);
  CHECK(matched_text(hit) == std::vector<std::string>{"assaulted his former partner"});
  CHECK(run(engine, "Her partner was badly assaulted.").matches.size() == 1);  // either order
  CHECK(run(engine, "He assaulted a man in the street after a long evening with his partner.").matches.empty());
  CHECK(run(engine, "He was assaulted. His partner called the police.").matches.empty());
}

TEST_CASE("RuleEngine: exclusions veto matches in the same sentence only", "[tagging][engine]") {
  Rule rule = phrases_rule("domestic", {"domestic"});
  rule.exclude.phrases = {"domestic appliances", "blood culture"};
  RuleEngine engine({group_of("g", {rule})}, {});
  CHECK(run(engine, "The flat had no working domestic appliances.").matches.empty());
  auto t = run(engine, "The flat had no working domestic appliances. A domestic incident followed.");
  REQUIRE(t.matches.size() == 1);
  CHECK(t.matches[0].hits.size() == 1);
  CHECK(t.matches[0].hits[0].span.start == t.text.find("domestic incident"));
}

TEST_CASE("RuleEngine: negation cues before and after rule a match out", "[tagging][engine]") {
  RuleEngine engine({group_of("g", {phrases_rule("r", {"exploitation", "domestic abuse"})})},
                    default_cues());
  CHECK(run(engine, "There was no evidence of exploitation.").matches.empty());
  CHECK(run(engine, "Domestic abuse was not a feature of this family's life.").matches.empty());
  CHECK(run(engine, "Exploitation was ruled out by the police.").matches.empty());
  // Too far from the cue, or a terminator in between: the match stands.
  CHECK(run(engine, "There was no evidence of any concern at school or at home about the risk of exploitation.")
            .matches.size() == 1);
  CHECK(run(engine, "There was no evidence of neglect, but exploitation was clear.").matches.size() == 1);
  // A cue in another sentence does not reach.
  CHECK(run(engine, "There was no evidence of neglect. Exploitation was clear.").matches.size() == 1);
}

TEST_CASE("RuleEngine: absences that are the finding still count", "[tagging][engine]") {
  Rule meeting = phrases_rule("strategy", {"strategy meeting"});
  Rule ignored = phrases_rule("marac", {"MARAC"});
  ignored.negation = NegationMode::ignore;
  RuleEngine engine({group_of("meeting", {meeting}), group_of("marac", {ignored})}, default_cues());
  CHECK(run(engine, "No strategy meeting was held.").matches.size() == 1);
  CHECK(run(engine, "There was no indication that a referral to MARAC was made.").matches.size() == 1);
}

TEST_CASE("RuleEngine: min_score and min_hits thresholds", "[tagging][engine]") {
  Rule weak_a = phrases_rule("site", {"site"});
  weak_a.weight = 0.5;
  Rule weak_b = phrases_rule("trailer", {"trailer"});
  weak_b.weight = 0.5;
  RuleEngine engine({group_of("g", {weak_a, weak_b})}, {});
  CHECK(run(engine, "The site was busy. The site was noisy.").matches.empty());  // one rule, once
  auto both = run(engine, "The trailer stood on the site.");
  REQUIRE(both.matches.size() == 1);
  CHECK(both.matches[0].score == Approx(1.0));

  RuleGroup twice = group_of("twice", {phrases_rule("knife", {"knife"})});
  twice.min_hits = 2;
  RuleEngine strict({twice}, {});
  CHECK(run(strict, "He carried a knife.").matches.empty());
  CHECK(run(strict, "He carried a knife. A second knife was found.").matches.size() == 1);
}

TEST_CASE("RuleEngine: scope by passage kind and section heading", "[tagging][engine]") {
  RuleGroup strategic = group_of("workforce", {phrases_rule("training", {"training"})});
  strategic.scope.sections = "recommend|learning";
  Rule table_only = phrases_rule("police", {"police"});
  table_only.scope.kinds = {PassageKind::table_row};
  RuleEngine engine({strategic, group_of("rows", {table_only})}, {});
  CHECK(run(engine, "Staff need training.", PassageKind::paragraph, "Background").matches.empty());
  CHECK(run(engine, "Staff need training.", PassageKind::paragraph, "Recommendations").matches.size() == 1);
  CHECK(run(engine, "The police attended.", PassageKind::paragraph).matches.empty());
  CHECK(run(engine, "The police attended.", PassageKind::table_row).matches.size() == 1);
}

TEST_CASE("RuleEngine: an invalid pattern is a fatal usage error", "[tagging][engine]") {
  Rule bad;
  bad.id = "bad";
  bad.any.patterns = {"(unclosed"};
  CHECK_THROWS_AS(RuleEngine({group_of("g", {bad})}, {}), FatalError);
}

TEST_CASE("RuleEngine: text the span finder cannot use goes through RE2 alone", "[tagging][engine]") {
  // RE2's case folding matches U+017F (long s) with 's' and U+212A (Kelvin
  // sign) with 'k'; the span finder leaves such passages to the Set and the
  // per-slot regexes, so they match exactly as RE2 says.
  RuleEngine engine({group_of("g", {phrases_rule("r", {"supervision", "lakes"})})}, {});
  std::string text = "Her supervi\xC5\xBF" "ion lapsed by the la\xE2\x84\xAA" "es. Supervision resumed.";
  auto matches = engine.match(PassageView{text, {}, PassageKind::paragraph, {}, {}});
  REQUIRE(matches.size() == 1);
  REQUIRE(matches[0].hits.size() == 3);
  CHECK(matches[0].hits[0].span.start == text.find("supervi"));
  CHECK(matches[0].hits[1].span.start == text.find("la\xE2"));
}

TEST_CASE("RuleEngine: slot regexes compiled on first use agree across threads", "[tagging][engine]") {
  // Slot and alternative RE2s and the reference path's RE2::Set are
  // compiled lazily (std::call_once); threads that reach them at once must
  // all see a compiled regex and the same spans.
  Rule pattern;
  pattern.id = "p";
  pattern.any.patterns = {"\\b(?:police|health)\\s*(?:and|or)\\s*(?:school|housing)\\b", "\\bChild [A-Z]\\b"};
  RuleEngine engine({group_of("g", {pattern, phrases_rule("r", {"strategy meeting"})})}, default_cues());
  const std::string texts[] = {
      "Police and school met; Child Q was not seen.",
      "Health or housing: a strategy meeting for Child B. There was no indication of police and school.",
      "Her supervi\xC5\xBF" "ion: police or housing and Child Z.",  // the reference path
  };
  std::vector<std::vector<std::size_t>> expected;
  {
    RuleEngine fresh({group_of("g", {pattern, phrases_rule("r", {"strategy meeting"})})}, default_cues());
    for (const auto& text : texts) {
      std::vector<std::size_t> starts;
      for (const auto& m : fresh.match(PassageView{text, {}, PassageKind::paragraph, {}, {}, SentenceSource::compute_when_needed}))
        for (const auto& hit : m.hits) starts.push_back(hit.span.start);
      expected.push_back(starts);
    }
  }
  CHECK(expected[0].size() == 2);
  CHECK(expected[2].size() == 2);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        std::size_t i = static_cast<std::size_t>(round + t) % std::size(texts);
        std::vector<std::size_t> starts;
        for (const auto& m : engine.match(PassageView{texts[i], {}, PassageKind::paragraph, {}, {}, SentenceSource::compute_when_needed}))
          for (const auto& hit : m.hits) starts.push_back(hit.span.start);
        if (starts != expected[i]) ++wrong[t];
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}
