#include "index/passage_json.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace reviewlens;
using namespace reviewlens::index;

namespace {

Passage sample_passage() {
  Passage p;
  p.id = "child-a:p3";
  p.page = 2;
  p.para = "4.12";
  p.heading = "Findings";
  p.kind = PassageKind::paragraph;
  p.text = "The \"DA\" referral \\ was late.\tThen\nmore: caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 \x01\x1f\x7f end";
  p.sentences = {{0, 29}, {30, 60}};
  p.themes = {"domestic_abuse", "information_sharing"};
  p.hits = {{"domestic_abuse", "da-abbrev", 5, 9}, {"information_sharing", "late", 24, 28}};
  return p;
}

Document sample_document() {
  Document d;
  d.id = "2021/child-a";
  d.title = "Child A: a \"fictional\" review";
  d.doc_type = DocType::lcspr;
  d.year = 2021;
  d.partnership = "North Vale Safeguarding Partnership";
  return d;
}

}  // namespace

TEST_CASE("Passage JSON: the same bytes as nlohmann's dump", "[index]") {
  const std::string path = "2021/child-a.pdf";
  std::vector<std::pair<std::string, std::pair<Passage, Document>>> cases;
  cases.push_back({"full", {sample_passage(), sample_document()}});
  {
    Passage p = sample_passage();
    p.para.clear();
    p.heading.clear();
    p.themes.clear();
    p.hits.clear();
    p.sentences.clear();
    p.kind = PassageKind::table_row;
    Document d = sample_document();
    d.year = 0;
    d.partnership.clear();
    d.title.clear();
    d.doc_type = DocType::other;
    cases.push_back({"empty fields and nulls", {p, d}});
  }
  {
    Passage p = sample_passage();
    p.text.clear();
    p.hits.clear();
    p.page = 0;
    cases.push_back({"empty text", {p, sample_document()}});
  }
  for (const auto& [name, c] : cases) {
    INFO(name);
    const auto& [p, d] = c;
    for (int order : {1, 0, 12345}) {
      const PassageDataFields f{d, path, order};
      const std::string fast = passage_data_json(p, f);
      CHECK(fast == passage_data_json_reference(p, f));
      CHECK(nlohmann::json::parse(fast)["order"] == order);
    }
  }
}

TEST_CASE("Passage JSON: text that is not UTF-8 is refused as dump() refuses it", "[index]") {
  const Document d = sample_document();
  const std::string path = "a.pdf";
  for (std::string bad : {"\xff", "ab\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80"}) {
    Passage p = sample_passage();
    p.hits.clear();
    p.text = "ok " + bad;
    CHECK_THROWS_AS(passage_data_json(p, {d, path, 1}), nlohmann::json::type_error);
  }
  Passage fine = sample_passage();
  fine.text = "\xf4\x8f\xbf\xbf \xed\x9f\xbf \xe0\xa0\x80";  // the largest, and the edges next to the gaps
  fine.hits.clear();
  CHECK(passage_data_json(fine, {d, path, 1}) == passage_data_json_reference(fine, {d, path, 1}));
}
