// The plain-text sentence splitter against ICU, the reference: wherever it
// decides, it must give ICU's spans; where it gives up, sentence_spans
// falls back to ICU. The table covers each rule it applies and each reason
// to give up, including the abbreviation filter's whole and partial entries.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "pipeline/text/normalise.h"
#include "pipeline/text/sentences.h"

using namespace reviewlens;

namespace {

std::vector<std::string> pieces(const std::string& text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

}  // namespace

TEST_CASE("Sentences: the plain splitter gives ICU's spans or gives up", "[text]") {
  struct Case {
    const char* text;
    bool plain;  // expected to be decided without ICU
  };
  const Case cases[] = {
      {"The visit was missed. Nobody followed it up.", true},
      {"Was it shared? It was not! Police were told.", true},
      {"Was it shared? no one knows.", true},             // '?' breaks before lower case too
      {"The plan (para 4.3). The review met in May.", true},
      {"See 4.12 and 5.3. Then the plan ended.", true},
      {"Records e.g. minutes were lost. The GP was not told.", true},
      {"The home. The school. The mother said no.", true},  // "e." is a partial entry: breaks stay
      {"Child A. The mother of Child A. Then U. Then S.", true},
      {"Dr. Patel saw Child A. Mr. Smith did not.", false},  // whole entries drop the breaks
      {"It was the U.S. The visit.", true},
      {"He has a Ph.D. He said so.", true},
      {"Lt.Cdr. Jones came.", true},
      {"The NPC. Then it ended.", false},  // "PC." inside a word: ICU drops the break
      {"at 9 a.m. The nurse came.", true},
      {"He said \"no.\" Then he left.", false},
      {"Wait... Then it ended.", false},
      {"Section 5.The plan.", false},
      {"It ended.  Then more.", false},
      {"It ended. 5 weeks later.", false},
      {"Caf\xC3\xA9 closed. Then it reopened.", false},
      {"Ends here.", true},
      {"Ends here.   ", true},
      {"   ", true},
      {"No terminator at all", true},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    std::vector<Span> plain;
    const bool decided = text::plain_sentence_spans(c.text, plain);
    CHECK(decided == c.plain);
    const auto reference = text::icu_sentence_spans(c.text);
    if (decided) CHECK(pieces(c.text, plain) == pieces(c.text, reference));
    CHECK(pieces(c.text, text::sentence_spans(c.text)) == pieces(c.text, reference));
  }
}

TEST_CASE("Sentences: ICU breaks after the partial entries the filter checks forward", "[text]") {
  // These spans are what ICU 72 gives; the splitter must agree.
  const std::string text = "She went home. The school knew. Child A. The end.";
  std::vector<Span> plain;
  REQUIRE(text::plain_sentence_spans(text, plain));
  CHECK(pieces(text, plain) ==
        std::vector<std::string>{"She went home.", "The school knew.", "Child A.", "The end."});
}
