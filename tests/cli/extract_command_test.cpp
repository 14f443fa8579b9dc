// `reviewlens extract` and `reviewlens normalise` through the real binary.
// Every bad input is made here: zero bytes (empty), an HTML page saved as
// .pdf (not_pdf), the first half of a good PDF (corrupt), a page with only a
// filled rectangle (no_text), qpdf AES-256 with a user password (encrypted),
// junk before "%PDF-" (still extracts), and the test-only fault switch
// REVIEWLENS_FAULT=hang:... (timeout).
#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/support/pdf_builder.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using nlohmann::json;
using reviewlens::testing::PdfBuilder;
using reviewlens::testing::read_file;
using reviewlens::testing::run_process;
using reviewlens::testing::run_reviewlens;
using reviewlens::testing::TempDir;
using reviewlens::testing::write_file;

namespace {

// A fictional review: a title page, then two pages of numbered paragraphs
// (numbers set off by a tab stop, as reviews print them).
fs::path review_pdf(const fs::path& path, const std::string& child = "Child D") {
  PdfBuilder pdf;
  pdf.metadata({.create_date = "2023-01-10T10:00:00"});
  pdf.text(72, 60, "Ambridge Safeguarding Children Partnership", {.size = 13, .bold = true});
  pdf.text(72, 300, "Local Child Safeguarding Practice Review", {.size = 20, .bold = true});
  pdf.text(72, 340, child, {.size = 16, .bold = true});
  pdf.text(72, 380, "Published: May 2022", {.size = 12});
  pdf.new_page();
  pdf.text(72, 80, "1.", {.size = 14, .bold = true});
  pdf.text(108, 80, "Findings", {.size = 14, .bold = true});
  pdf.text(72, 110, "1.1");
  pdf.lines(108, 110, {"The health visitor saw " + child + " at home and noted that the",
                       "flat was cold. Nobody asked the family about money."});
  pdf.text(72, 160, "1.2");
  pdf.text(108, 160, "The school nurse did not know about the earlier referral.");
  pdf.new_page();
  pdf.text(72, 80, "1.3");
  pdf.text(108, 80, "The partnership has since changed its referral form.");
  pdf.save(path);
  return path;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

const json* passage_with_para(const json& doc, const std::string& para) {
  for (const auto& p : doc["passages"])
    if (p["para"] == para) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("extract: JSON carries the facts and the passages", "[cli][extract]") {
  TempDir dir;
  const auto pdf = review_pdf(dir / "child-d.pdf");
  auto r = run_reviewlens({"extract", pdf.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const json doc = json::parse(r.out);
  CHECK(doc["file"] == pdf.string());
  CHECK(doc["title"] == "Local Child Safeguarding Practice Review: Child D");
  CHECK(doc["doc_type"] == "lcspr");
  CHECK(doc["year"] == 2022);
  CHECK(doc["partnership"] == "Ambridge Safeguarding Children Partnership");
  CHECK(doc["child"] == "Child D");
  CHECK(doc["pages"] == 3);
  REQUIRE(doc["passages"].is_array());
  for (const auto& p : doc["passages"])
    for (const char* key : {"id", "page", "para", "heading", "kind", "text"}) CHECK(p.contains(key));
  INFO(r.out);
  const json* first = passage_with_para(doc, "1.1");
  REQUIRE(first != nullptr);
  CHECK((*first)["page"] == 2);
  CHECK((*first)["kind"] == "paragraph");
  CHECK((*first)["text"] ==
        "The health visitor saw Child D at home and noted that the flat was cold. Nobody asked "
        "the family about money.");
  CHECK((*first)["id"].get<std::string>().starts_with("child-d:"));
  // The title page is furniture, not a passage.
  for (const auto& p : doc["passages"])
    CHECK(p["text"].get<std::string>().find("Published") == std::string::npos);
}

TEST_CASE("extract: text format shows facts and labelled passages", "[cli][extract]") {
  TempDir dir;
  const auto pdf = review_pdf(dir / "child-d.pdf");
  auto r = run_reviewlens({"extract", "--format", "text", pdf.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Title:       Local Child Safeguarding Practice Review: Child D\n") !=
        std::string::npos);
  CHECK(r.out.find("Child:       Child D\n") != std::string::npos);
  CHECK(r.out.find("[p.2 \u00b61.2] The school nurse did not know about the earlier referral.\n") !=
        std::string::npos);
}

TEST_CASE("extract: a sidecar overrides the inferred facts", "[cli][extract]") {
  TempDir dir;
  const auto pdf = review_pdf(dir / "a.pdf");
  write_file(dir / "a.pdf.json",
             R"({"title": "Curated title", "type": "serious_case_review", "year": 2015,
                 "partnership": "Ambridge Local Safeguarding Children Board"})");
  auto r = run_reviewlens({"extract", pdf.string()});
  REQUIRE(r.exit_code == 0);
  const json doc = json::parse(r.out);
  CHECK(doc["title"] == "Curated title");
  CHECK(doc["doc_type"] == "serious_case_review");
  CHECK(doc["year"] == 2015);
  CHECK(doc["partnership"] == "Ambridge Local Safeguarding Children Board");
  CHECK(doc["child"] == "Child D");  // not curated: inferred value stays
}

TEST_CASE("extract: metadata.csv beside the PDF and --metadata override; sidecar wins", "[cli][extract]") {
  TempDir dir;
  fs::create_directories(dir / "reviews");
  const auto a = review_pdf(dir / "reviews/a.pdf", "Child A");
  const auto b = review_pdf(dir / "reviews/b.pdf", "Child B");
  write_file(dir / "reviews/metadata.csv",
             "path,title,partnership,year,type\n"
             "a.pdf,\"Child A, a review\",,2020,rapid_review\n"
             "b.pdf,Title from CSV,,2019,\n");
  write_file(dir / "reviews/b.pdf.json", R"({"title": "Title from sidecar"})");
  auto r = run_reviewlens({"extract", a.string(), b.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto out = lines_of(r.out);
  REQUIRE(out.size() == 2);  // JSONL: one object per line
  const json da = json::parse(out[0]), db = json::parse(out[1]);
  CHECK(da["title"] == "Child A, a review");
  CHECK(da["doc_type"] == "rapid_review");
  CHECK(da["year"] == 2020);
  CHECK(da["partnership"] == "Ambridge Safeguarding Children Partnership");  // empty cell
  CHECK(db["title"] == "Title from sidecar");
  CHECK(db["year"] == 2019);
  CHECK(db["doc_type"] == "lcspr");

  write_file(dir / "curated.csv", "path,year\nreviews/a.pdf,2011\n");
  fs::remove(dir / "reviews/metadata.csv");
  auto explicit_csv = run_reviewlens({"extract", "--metadata", (dir / "curated.csv").string(), a.string()});
  REQUIRE(explicit_csv.exit_code == 0);
  CHECK(json::parse(explicit_csv.out)["year"] == 2011);
}

TEST_CASE("extract: malformed metadata is reported with file and line", "[cli][extract]") {
  TempDir dir;
  const auto pdf = review_pdf(dir / "a.pdf");
  write_file(dir / "a.pdf.json", "{\n  \"year\": 20x1\n}\n");
  auto r = run_reviewlens({"extract", pdf.string()});
  CHECK(r.exit_code == 1);
  auto err = lines_of(r.err);
  REQUIRE(err.size() == 1);
  CHECK(err[0].starts_with(pdf.string() + ": invalid_input: "));
  CHECK(err[0].find("a.pdf.json:2:") != std::string::npos);

  fs::remove(dir / "a.pdf.json");
  write_file(dir / "bad.csv", "path,year\na.pdf,\"2020\n");
  auto usage = run_reviewlens({"extract", "--metadata", (dir / "bad.csv").string(), pdf.string()});
  CHECK(usage.exit_code == 2);
  CHECK(usage.err.find("bad.csv:2: unterminated quoted field") != std::string::npos);
}

TEST_CASE("extract: each bad input exits 1 with one line naming file and reason", "[cli][extract]") {
  TempDir dir;
  const auto good = review_pdf(dir / "good.pdf");
  const std::string bytes = read_file(good);
  write_file(dir / "zero.pdf", "");
  write_file(dir / "page.pdf", "<!DOCTYPE html>\n<html><body><h1>Review</h1></body></html>\n");
  write_file(dir / "truncated.pdf", bytes.substr(0, bytes.size() / 2));
  PdfBuilder image_only;
  image_only.rectangle(72, 72, 400, 600);
  image_only.save(dir / "scan.pdf");
  auto qpdf = run_process({"qpdf", "--encrypt", "u", "o", "256", "--", good.string(),
                           (dir / "locked.pdf").string()});
  REQUIRE(qpdf.exit_code == 0);

  struct Case {
    const char* file;
    const char* reason;
  };
  const Case cases[] = {{"zero.pdf", "empty"},       {"page.pdf", "not_pdf"},
                        {"truncated.pdf", "corrupt"}, {"scan.pdf", "no_text"},
                        {"locked.pdf", "encrypted"}};
  for (const auto& c : cases) {
    INFO(c.file);
    const std::string path = (dir / c.file).string();
    auto r = run_reviewlens({"extract", path});
    CHECK(r.exit_code == 1);
    CHECK(r.signal == 0);
    CHECK(r.out.empty());
    auto err = lines_of(r.err);
    REQUIRE(err.size() == 1);
    CHECK(err[0].starts_with(fmt::format("{}: {}: ", path, c.reason)));
  }
}

TEST_CASE("extract: junk before the PDF header still extracts", "[cli][extract]") {
  TempDir dir;
  const auto good = review_pdf(dir / "good.pdf");
  write_file(dir / "junk.pdf", "Content-Type: application/pdf\r\n\r\n" + read_file(good));
  auto r = run_reviewlens({"extract", (dir / "junk.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(passage_with_para(json::parse(r.out), "1.2") != nullptr);
}

TEST_CASE("extract: a hanging extraction stops at --timeout", "[cli][extract]") {
  TempDir dir;
  const auto pdf = review_pdf(dir / "hangs.pdf");
  auto r = run_reviewlens({"extract", "--timeout", "2", pdf.string()},
                          {.env = {"REVIEWLENS_FAULT=hang:hangs.pdf"}});
  CHECK(r.exit_code == 1);
  auto err = lines_of(r.err);
  REQUIRE(err.size() == 1);
  CHECK(err[0].starts_with(pdf.string() + ": timeout: "));
}

TEST_CASE("extract: in a batch the good files still come out", "[cli][extract]") {
  TempDir dir;
  const auto first = review_pdf(dir / "first.pdf", "Child F");
  write_file(dir / "broken.pdf", "%PDF-1.7\nthis is not really a PDF\n");
  write_file(dir / "nothing.pdf", "");
  const auto crash = review_pdf(dir / "crash-me.pdf");
  const auto last = review_pdf(dir / "last.pdf", "Child L");
  auto r = run_reviewlens({"extract", first.string(), (dir / "broken.pdf").string(),
                           (dir / "nothing.pdf").string(), crash.string(), last.string()},
                          {.env = {"REVIEWLENS_FAULT=crash:crash-me"}});
  CHECK(r.exit_code == 1);
  auto out = lines_of(r.out);
  REQUIRE(out.size() == 2);
  CHECK(json::parse(out[0])["child"] == "Child F");
  CHECK(json::parse(out[1])["child"] == "Child L");
  auto err = lines_of(r.err);
  REQUIRE(err.size() == 3);
  CHECK(err[0].starts_with((dir / "broken.pdf").string() + ": corrupt: "));
  CHECK(err[1].starts_with((dir / "nothing.pdf").string() + ": empty: "));
  CHECK(err[2].starts_with(crash.string() + ": crashed: "));
  CHECK(err[2].find("SIGSEGV") != std::string::npos);
}

TEST_CASE("extract: --help explains limits and exit codes", "[cli][extract]") {
  auto r = run_reviewlens({"extract", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* text : {"--timeout", "--memory-limit", "120 s", "2048 MB", "Exit codes", "encrypted"})
    CHECK(r.out.find(text) != std::string::npos);
  CHECK(run_reviewlens({"extract"}).exit_code == 2);
  CHECK(run_reviewlens({"extract", "--format", "xml", "x.pdf"}).exit_code == 2);
}

TEST_CASE("normalise: one normalised line per input line", "[cli][normalise]") {
  auto r = run_reviewlens({"normalise"},
                          {.stdin_text = "multi\u2010agency  \u201cplan\u201d\n\n\u2022 \ufb01rst  visit \n"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "multi-agency \"plan\"\n\nfirst visit\n");
}
