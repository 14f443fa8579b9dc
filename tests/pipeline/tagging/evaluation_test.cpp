#include <catch2/catch.hpp>

#include "pipeline/tagging/evaluation.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

TEST_CASE("evaluate: per-theme counts, micro and macro F1, errors", "[tagging][eval]") {
  std::vector<GoldPassage> gold{{"a", "x", {"babies"}}, {"b", "y", {"babies", "young_carers"}},
                                {"c", "z", {}}};
  std::vector<Passage> tagged(3);
  tagged[0].themes = {"babies"};
  tagged[1].themes = {"babies"};
  tagged[2].themes = {"domestic_abuse"};
  tagged[2].hits = {ThemeHit{"domestic_abuse", "words", 0, 1}};
  auto report = evaluate(gold, tagged);
  REQUIRE(report.themes.size() == 3);
  const auto& babies = report.themes[0];
  CHECK(babies.theme == "babies");
  CHECK(babies.true_positives == 2);
  CHECK(babies.f1() == Approx(1.0));
  CHECK(report.themes[1].theme == "domestic_abuse");
  CHECK(report.themes[1].false_positives == 1);
  CHECK(report.themes[1].support() == 0);
  CHECK(report.themes[2].false_negatives == 1);
  // macro over supported themes only: (1 + 0) / 2
  CHECK(report.macro_f1 == Approx(0.5));
  CHECK(report.micro_precision == Approx(2.0 / 3));
  CHECK(report.micro_recall == Approx(2.0 / 3));
  REQUIRE(report.errors.size() == 2);
  CHECK(report.errors[0].kind == ErrorKind::false_negative);
  CHECK(report.errors[1].kind == ErrorKind::false_positive);
  CHECK(report.errors[1].evidence.size() == 1);
}
