#include <string>

#include <catch2/catch.hpp>

#include "pipeline/text/normalise.h"

using reviewlens::text::normalise;
using reviewlens::text::sentence_spans;

TEST_CASE("Normalise: folds typography to plain text", "[text]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"the \xEF\xAC\x81rst \xEF\xAC\x82oor", "the first floor"},                 // ligatures
      {"\xE2\x80\x9C" "Child A\xE2\x80\x9D said \xE2\x80\x98no\xE2\x80\x99", "\"Child A\" said 'no'"},
      {"2019\xE2\x80\x93" "2021 \xE2\x80\x94 multi\xE2\x80\x90" "agency", "2019-2021 - multi-agency"},
      {"\xE2\x80\xA2 Bullet text", "Bullet text"},
      {"\xEF\x82\xA7 Wingdings bullet", "Wingdings bullet"},                     // U+F0A7
      {"\xE2\x9D\x91 box \xE2\x9E\xA2 arrow \xE2\x9C\x93 tick", "box arrow tick"},
      {"soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth", "softhyphen zerowidth"},
      {"  runs \t of\n\nspace\xC2\xA0here  ", "runs of space here"},
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},                                // repaired to U+FFFD
      {"ctrl\x07" "char", "ctrl char"},
      {"Plain ASCII stays as it is.", "Plain ASCII stays as it is."},
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(normalise(c.input) == c.expected);
  }
}

// Plain ASCII is returned as it is by a 16-bytes-at-a-time check; anything
// it must not pass (two spaces, a control byte, DEL, '`', non-ASCII) at
// every position of texts around the block size goes the ICU way.
TEST_CASE("Normalise: the plain-ASCII shortcut sees a bad byte anywhere", "[text]") {
  struct Bad {
    std::string bytes;
    std::string expected;
  };
  const Bad bads[] = {{"  ", " "}, {"\t", " "}, {"\x7F", " "}, {"`", "'"}, {"\xC3\xA9", "\xC3\xA9"}, {"\x01", " "}};
  for (std::size_t length = 2; length <= 40; ++length)
    for (std::size_t at = 1; at + 1 < length; ++at)
      for (const auto& bad : bads) {
        std::string plain(length, 'a'), text = plain, expected = plain;
        text.replace(at, 1, bad.bytes);
        expected.replace(at, 1, bad.expected);
        INFO("length " << length << ", at " << at << ": " << text);
        CHECK(normalise(text) == expected);
        CHECK(normalise(plain) == plain);
      }
}

TEST_CASE("Normalise: is idempotent", "[text]") {
  const std::string once = normalise("\xE2\x80\x9CThe \xEF\xAC\x81le\xE2\x80\x9D \xE2\x80\x93 page 2");
  CHECK(normalise(once) == once);
}

TEST_CASE("Sentences: splits on sentence ends but not abbreviations", "[text]") {
  const std::string text =
      "Dr. Patel saw Child A on 3 May. The mother, e.g. when asked, did not answer. Was it shared?";
  auto spans = sentence_spans(text);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) == "Dr. Patel saw Child A on 3 May.");
  CHECK(text.substr(spans[2].start, spans[2].end - spans[2].start) == "Was it shared?");
}

TEST_CASE("Sentences: offsets are bytes into UTF-8 text", "[text]") {
  const std::string text = "Caf\xC3\xA9 visit was missed. Nobody followed it up.";
  auto spans = sentence_spans(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[1].start, spans[1].end - spans[1].start) == "Nobody followed it up.");
  CHECK(sentence_spans("").empty());
}

TEST_CASE("Sentences: text without sentence ends is one sentence, trimmed", "[text]") {
  // This case skips ICU (no '.', '!', '?', CR, LF, nor non-ASCII): the
  // result must be what ICU gives, the whole text less outer spaces.
  const std::string text = "  Recommendation 4: agencies should share records\t";
  auto spans = sentence_spans(text);
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].start, spans[0].end - spans[0].start) ==
        "Recommendation 4: agencies should share records");
  CHECK(sentence_spans("   ").empty());
  CHECK(sentence_spans("Strategy meeting; police and health (not education)").size() == 1);
  CHECK(sentence_spans("Strategy meeting. Police attended").size() == 2);
}
