#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

using namespace reviewlens;

TEST_CASE("Document: JSON round trip keeps every field", "[core]") {
  Document doc;
  doc.file = "reviews/child-a.pdf";
  doc.id = "child-a";
  doc.title = "Child A: a local child safeguarding practice review";
  doc.doc_type = DocType::lcspr;
  doc.year = 2022;
  doc.partnership = "Northbridge Safeguarding Children Partnership";
  doc.child = "Child A";
  doc.pages = 12;
  Passage p;
  p.id = "child-a:1";
  p.text = "The health visitor was not told about the injury.";
  p.page = 4;
  p.para = "4.12";
  p.heading = "Findings";
  p.kind = PassageKind::bullet;
  p.themes = {"information_sharing"};
  p.hits = {{"information_sharing", "not_told", 23, 31}};
  doc.passages.push_back(p);

  nlohmann::json j = to_json(doc);
  CHECK(j["passages"][0]["evidence"][0]["match"] == "not told");
  CHECK(j["passages"][0]["kind"] == "bullet");
  Document back = document_from_json(j);
  CHECK(back.year == 2022);
  CHECK(back.doc_type == DocType::lcspr);
  REQUIRE(back.passages.size() == 1);
  CHECK(back.passages[0].para == "4.12");
  CHECK(back.passages[0].kind == PassageKind::bullet);
  CHECK(back.passages[0].hits[0].end == 31);
}

TEST_CASE("Document: unknown values are null in JSON", "[core]") {
  Document doc;
  doc.file = "x.pdf";
  nlohmann::json j = to_json(doc);
  CHECK(j["year"].is_null());
  CHECK(j["child"].is_null());
  CHECK(j["doc_type"] == "other");
}

TEST_CASE("Error: describe names file, page and reason", "[core]") {
  Error e{ErrorCode::encrypted, "document needs a password", "a/b.pdf", 0, "extract"};
  CHECK(e.describe() == "a/b.pdf: encrypted: document needs a password");
  e.page = 3;
  CHECK(e.describe() == "a/b.pdf (page 3): encrypted: document needs a password");
  CHECK(error_code_from("memory_limit") == ErrorCode::memory_limit);
  CHECK(to_string(ErrorCode::not_pdf) == "not_pdf");
}
