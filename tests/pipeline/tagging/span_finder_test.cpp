// The span finder must give exactly what one full RE2 scan per slot gives
// (find_all_into with the slot's own regex): these tests compare the two on
// tables of tricky phrases, patterns and passages, and on every slot of the
// bundled taxonomy over passages built from its own phrases.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "pipeline/tagging/literal_prefixes.h"
#include "pipeline/tagging/pattern_text.h"
#include "pipeline/tagging/phrase_matcher.h"
#include "pipeline/tagging/span_finder.h"
#include "pipeline/tagging/taxonomy.h"
#include "pipeline/tagging/text_spans.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

// Compares finder and RE2 for every slot on every text; returns the number
// of spans seen (so a test can check it exercised something).
std::size_t compare_all(const std::vector<SlotSource>& slots, const std::vector<std::string>& texts) {
  SpanFinder finder(slots);
  std::vector<std::unique_ptr<RE2>> regexes;
  for (const auto& slot : slots) regexes.push_back(std::make_unique<RE2>(component_regex(*slot.list, slot.case_mode)));
  SpanFinder::Scratch scratch;
  std::size_t seen = 0;
  for (const auto& text : texts) {
    finder.scan(text, scratch);
    for (std::size_t s = 0; s < slots.size(); ++s) {
      std::vector<Span> expected, got;
      find_all_into(*regexes[s], text, 0, text.size(), expected);
      if (finder.covers(static_cast<int>(s)))
        finder.find(static_cast<int>(s), text, scratch, got);
      else
        got = expected;  // the engine scans uncovered slots with RE2
      INFO("slot " << s << ": " << regexes[s]->pattern() << "\ntext: " << text);
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].start == expected[i].start);
        CHECK(got[i].end == expected[i].end);
      }
      seen += expected.size();
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("SpanFinder: spans equal a full RE2 scan on tricky phrases and patterns", "[tagging][span_finder]") {
  std::vector<PatternList> lists = {
      {{"self-harm", "self harm*", "child's voice", "carers' service", "co-ordinated"}, {}, 0},
      {{"the plan", "the", "plan", "the plan was"}, {}, 0},  // overlapping alternatives, priority order
      {{"exploit*", "county lines", "a - b"}, {}, 0},
      {{}, {";", "\\(\\d{1,2}\\s+(?:days|weeks)\\)", "\\b(?:with|for|to)\\s+(?:the\\s+)?mother\\b"}, 0},
      {{"Café", "naïve*"}, {"\\bfocus(?:ed|ing)?\\b(?:\\W+\\w+){0,3}?\\W+on\\b"}, 0},
      {{"SEND"}, {"\\b(?:Baby|Infant) [A-Z]\\b", "(?-i:MARAC)s?"}, 0},
      {{"but"}, {".{0,3}later"}, 0},  // not covered: `.` can start anywhere
      {{}, {"\\s+later", "[\\s]+(?:and|or)\\b"}, 0},  // a match that starts with a run of spaces
  };
  std::vector<SlotSource> slots;
  for (const auto& list : lists) slots.push_back({&list, CaseMode::insensitive});
  slots.push_back({&lists[5], CaseMode::sensitive});
  std::vector<std::string> texts = {
      "She spoke of SELF-HARM, self  harming and selfharm; the child's voice and the childs voice.",
      "Carers service, carers' service and co ordinated, co-ordinated, coordinated work (3 days) (12  weeks).",
      "The plan was agreed. the planner, theplan, The  Plan was, plan.",
      "Exploited, exploitation; unexploited. County\tlines and county\n\nlines; a - b, a -b, a  -  b.",
      "He went with the mother, for mother, to  the\tmother, without mother, mother-in-law.",
      "Café staff were naïve and naïvely CAFÉ; focused all our efforts on, focusing on, focus on.",
      "SEND and send; Baby A and baby b, Infant Z. MARAC, marac, MARACs and Marac's.",
      "But later, butter, ...later, but.",
      "Sooner or  later,\tand\n\nor later; x later",
      "",
      "a",
      "  ;;;  ",
  };
  CHECK(compare_all(slots, texts) > 40);
}

TEST_CASE("SpanFinder: every slot of the bundled taxonomy, on passages made of its phrases",
          "[tagging][span_finder]") {
  auto taxonomy = load_taxonomy_or_throw("");
  std::vector<SlotSource> slots;
  auto add = [&](const PatternList& list, CaseMode mode) {
    if (!list.empty()) slots.push_back({&list, mode});
  };
  add(taxonomy.assertion.before, CaseMode::insensitive);
  add(taxonomy.assertion.after, CaseMode::insensitive);
  add(taxonomy.assertion.terminators, CaseMode::insensitive);
  std::vector<std::string> phrases;
  for (const auto& theme : taxonomy.themes)
    for (const auto& rule : theme.rules.rules) {
      add(rule.any, rule.case_mode);
      add(rule.exclude, rule.case_mode);
      if (rule.near) {
        add(rule.near->first, rule.case_mode);
        add(rule.near->second, rule.case_mode);
      }
      for (const auto& p : rule.any.phrases) phrases.push_back(p);
    }
  // Passages of several phrases each, in plain, upper-case and hyphen/space
  // variants, glued with words that also begin phrases.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i + 3 < phrases.size(); i += 3) {
    std::string plain = "The " + phrases[i] + " and " + phrases[i + 1] + "; his " + phrases[i + 2] + ".";
    std::string upper = plain, spaced = plain;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (auto& c : spaced)
      if (c == '-') c = ' ';
    texts.push_back(plain);
    texts.push_back(upper);
    texts.push_back(spaced + " There was no evidence of " + phrases[i + 3] + ", but Child A told her teacher.");
  }
  CHECK(compare_all(slots, texts) > phrases.size());
}

TEST_CASE("SpanFinder: text with U+017F or U+212A is left to RE2", "[tagging][span_finder]") {
  CHECK(SpanFinder::usable_for("plain text"));
  CHECK_FALSE(SpanFinder::usable_for("\xC5\xBFupervision"));    // long s: (?i)s matches it
  CHECK_FALSE(SpanFinder::usable_for("\xE2\x84\xAAnife crime"));  // Kelvin sign: (?i)k matches it
}

TEST_CASE("PhraseMatcher: agrees with RE2 anchored at each position", "[tagging][span_finder]") {
  const std::vector<std::string> phrases = {"self-harm", "child's voice", "exploit*", "a - b", "Café", "x"};
  const std::string text = "self-harm self  harm selfharm child's voice childs  voice exploits exploit a - b a b ab CAFÉ x";
  for (const auto& phrase : phrases)
    for (CaseMode mode : {CaseMode::insensitive, CaseMode::sensitive}) {
      PhraseMatcher matcher(phrase_tokens(phrase), mode);
      RE2 re((mode == CaseMode::insensitive ? "(?i)" : "") + phrase_to_regex(phrase));
      for (std::size_t pos = 0; pos <= text.size(); ++pos) {
        re2::StringPiece m;
        bool expected = re.Match(text, pos, text.size(), RE2::ANCHOR_START, &m, 1);
        auto got = matcher.match_at(text, pos);
        INFO(phrase << " at " << pos);
        if (!matcher.exact()) continue;  // RE2 decides those
        REQUIRE(got.outcome != PhraseMatcher::Outcome::undecided);
        CHECK((got.outcome == PhraseMatcher::Outcome::match) == expected);
        if (expected && got.outcome == PhraseMatcher::Outcome::match) CHECK(got.end == pos + m.size());
      }
    }
}

TEST_CASE("literal_prefixes: what a pattern's matches start with, or nothing", "[tagging][span_finder]") {
  auto strings = [](const char* pattern) {
    std::vector<std::string> out;
    auto prefixes = literal_prefixes(pattern);
    REQUIRE(prefixes);
    for (const auto& p : *prefixes) out.push_back(p.bytes + (p.word_start ? "|ws" : ""));
    return out;
  };
  CHECK(strings("\\b(?:Baby|Infant) [A-Z]\\b").size() == 2 * 26);
  CHECK(strings("(?i)\\bchaired by\\b") == std::vector<std::string>{"chaired by|ws"});
  CHECK(strings(";") == std::vector<std::string>{";"});
  CHECK(strings("\\bto\\s+mother") == std::vector<std::string>{std::string("to") + kSpaceRun + "mother|ws"});
  CHECK_FALSE(literal_prefixes(".{0,40}x"));
  CHECK_FALSE(literal_prefixes("\\W+foo"));
  CHECK_FALSE(literal_prefixes("a*"));
  CHECK_FALSE(literal_prefixes("\\pL+"));
  CHECK_FALSE(literal_prefixes("[^,]foo"));
  CHECK_FALSE(literal_prefixes("(?:foo|)"));
}
