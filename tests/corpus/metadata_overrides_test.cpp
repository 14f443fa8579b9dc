#include <catch2/catch.hpp>

#include "corpus/csv_reader.h"
#include "corpus/metadata_overrides.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::corpus;
using reviewlens::testing::TempDir;
using reviewlens::testing::write_file;

TEST_CASE("parse_csv: RFC 4180 quoting, CRLF and multi-line fields", "[corpus][metadata]") {
  const std::string text =
      "\xEF\xBB\xBFpath,title\r\n"
      "a.pdf,\"Child A, the review\"\r\n"
      "\r\n"
      "b.pdf,\"She said \"\"no\"\"\nand left\"\n"
      "c.pdf,\n";
  auto rows = parse_csv(text, "m.csv");
  REQUIRE(rows);
  REQUIRE(rows->size() == 4);
  CHECK((*rows)[0].fields == std::vector<std::string>{"path", "title"});
  CHECK((*rows)[1].fields[1] == "Child A, the review");
  CHECK((*rows)[2].line == 4);
  CHECK((*rows)[2].fields[1] == "She said \"no\"\nand left");
  CHECK((*rows)[3].line == 6);
  CHECK((*rows)[3].fields == std::vector<std::string>{"c.pdf", ""});
}

TEST_CASE("parse_csv: malformed quoting names file and line", "[corpus][metadata]") {
  auto unterminated = parse_csv("path,title\na.pdf,\"open\n", "m.csv");
  REQUIRE_FALSE(unterminated);
  CHECK(unterminated.error().code == ErrorCode::invalid_input);
  CHECK(unterminated.error().message == "m.csv:2: unterminated quoted field");
  auto trailing = parse_csv("path,title\n\nb.pdf,\"x\"y\n", "m.csv");
  REQUIRE_FALSE(trailing);
  CHECK(trailing.error().message == "m.csv:3: text after a closing quote");
}

TEST_CASE("MetadataTable: rows found by path relative to the CSV", "[corpus][metadata]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "reviews/2021");
  write_file(dir / "reviews/metadata.csv",
             "path,title,partnership,year,type\n"
             "2021/a.pdf,Child A review,Northbridge Safeguarding Children Partnership,2021,LCSPR\n"
             "b.pdf,,,,rapid review\n");
  auto table = MetadataTable::load(dir / "reviews/metadata.csv");
  REQUIRE(table);
  CHECK(table->size() == 2);

  const MetadataOverride* a = table->find(dir / "reviews/2021/../2021/a.pdf");
  REQUIRE(a != nullptr);
  CHECK(*a->title == "Child A review");
  CHECK(*a->year == 2021);
  CHECK(*a->doc_type == DocType::lcspr);
  CHECK(a->source.ends_with("metadata.csv:2"));

  const MetadataOverride* b = table->find(dir / "reviews/b.pdf");
  REQUIRE(b != nullptr);
  CHECK_FALSE(b->title);  // empty cells do not override
  CHECK_FALSE(b->year);
  CHECK(*b->doc_type == DocType::rapid_review);
  CHECK(table->find(dir / "reviews/c.pdf") == nullptr);
}

TEST_CASE("MetadataTable: bad rows are errors naming file and line", "[corpus][metadata]") {
  struct Case {
    const char* csv;
    const char* message;
  };
  const Case cases[] = {
      {"title,year\nx,2020\n", "m.csv:1: header has no 'path' column"},
      {"path,year\na.pdf,2020\nb.pdf,twenty\n", "m.csv:3: year 'twenty' is not a year"},
      {"path,type\na.pdf,memo\n", "m.csv:2: type 'memo' is not one of"},
      {"path,title\na.pdf,x,y\n", "m.csv:2: 3 fields, the header has 2"},
      {"path,title\n,x\n", "m.csv:2: empty path"},
  };
  for (const auto& c : cases) {
    INFO(c.csv);
    auto table = MetadataTable::parse(c.csv, "/tmp", "m.csv");
    REQUIRE_FALSE(table);
    CHECK(table.error().code == ErrorCode::invalid_input);
    CHECK(table.error().message.starts_with(c.message));
  }
}

TEST_CASE("parse_sidecar: keys, aliases and non-overriding values", "[corpus][metadata]") {
  auto o = parse_sidecar(R"({"title": "Child B", "type": "serious_case_review", "year": 2014,
                             "partnership": null, "child": "", "notes": "kept elsewhere"})",
                         "b.pdf.json");
  REQUIRE(o);
  CHECK(*o->title == "Child B");
  CHECK(*o->doc_type == DocType::serious_case_review);
  CHECK(*o->year == 2014);
  CHECK_FALSE(o->partnership);
  CHECK_FALSE(o->child);

  auto with_doc_type = parse_sidecar(R"({"doc_type": "national_review", "year": "2020"})", "x.json");
  REQUIRE(with_doc_type);
  CHECK(*with_doc_type->doc_type == DocType::national_review);
  CHECK(*with_doc_type->year == 2020);
}

TEST_CASE("parse_sidecar: malformed sidecars name file and line", "[corpus][metadata]") {
  auto broken = parse_sidecar("{\n  \"title\": \"x\",\n  \"year\": ,\n}", "a.pdf.json");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == ErrorCode::invalid_input);
  CHECK(broken.error().message.starts_with("a.pdf.json:3: not valid JSON"));

  auto bad_year = parse_sidecar("{\n\"title\": \"x\",\n\"year\": \"soon\"\n}", "a.pdf.json");
  REQUIRE_FALSE(bad_year);
  CHECK(bad_year.error().message == "a.pdf.json:3: year 'soon' is not a year");

  auto not_object = parse_sidecar("[1, 2]", "a.pdf.json");
  REQUIRE_FALSE(not_object);
  CHECK(not_object.error().message == "a.pdf.json:1: expected a JSON object");
}

TEST_CASE("find_overrides: CSV, then folder metadata.csv, then sidecar; last wins", "[corpus][metadata]") {
  TempDir dir;
  const auto pdf = dir / "a.pdf";
  write_file(pdf, "%PDF-1.4 not read here");
  write_file(dir / "metadata.csv",
             "path,title,partnership,year,type\n"
             "a.pdf,From folder CSV,Folder Partnership,2019,lcspr\n");
  write_file(dir / "a.pdf.json", R"({"title": "From sidecar"})");

  auto merged = find_overrides(pdf, MetadataLookup::beside_pdf);
  REQUIRE(merged);
  CHECK(*merged->title == "From sidecar");
  CHECK(*merged->partnership == "Folder Partnership");
  CHECK(*merged->year == 2019);

  Document doc;
  doc.title = "Inferred";
  doc.year = 2024;
  doc.child = "Child Z";
  apply_override(*merged, doc);
  CHECK(doc.title == "From sidecar");
  CHECK(doc.year == 2019);
  CHECK(doc.doc_type == DocType::lcspr);
  CHECK(doc.child == "Child Z");  // not curated: inference stands

  auto sidecar_only = find_overrides(pdf, MetadataLookup::sidecar_only);
  REQUIRE(sidecar_only);
  CHECK_FALSE(sidecar_only->year);
  auto none = find_overrides(pdf, MetadataLookup::none);
  REQUIRE(none);
  CHECK(none->empty());
}

TEST_CASE("find_overrides: explicit tables and a broken sidecar", "[corpus][metadata]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "pdfs");
  const auto pdf = dir / "pdfs/b.pdf";
  auto table = MetadataTable::parse("path,year\npdfs/b.pdf,2018\n", dir.path(), "list.csv");
  REQUIRE(table);
  auto found = find_overrides(pdf, MetadataLookup::none, {*table});
  REQUIRE(found);
  CHECK(*found->year == 2018);

  write_file(dir / "pdfs/b.pdf.json", "{\"year\": 2018,\n\"title\": }");
  auto broken = find_overrides(pdf, MetadataLookup::sidecar_only, {*table});
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == ErrorCode::invalid_input);
  CHECK(broken.error().message.find("b.pdf.json:2:") != std::string::npos);
}
