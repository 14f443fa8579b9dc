// read_pdf on real files: the reason classes of bad inputs and what a good
// PDF yields. Every bad file is made here: zero bytes (empty), an HTML page
// saved as .pdf (not_pdf), the first half of a good PDF (corrupt), a page
// with only a filled rectangle (no_text), qpdf's AES-256 encryption with a
// user password (encrypted), and junk bytes before "%PDF-" (reads).
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "extractors/pdf_reader.h"
#include "tests/support/pdf_builder.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using reviewlens::ErrorCode;
using reviewlens::extractors::read_pdf;
using reviewlens::extractors::ReadOptions;
using reviewlens::testing::PdfBuilder;
using reviewlens::testing::TempDir;

namespace {

std::filesystem::path good_pdf(const TempDir& dir, int pages = 2) {
  PdfBuilder pdf;
  pdf.metadata({.title = "Child Q: a practice review", .author = "Thornbury Partnership",
                .create_date = "2021-06-30T10:00:00"});
  for (int i = 1; i <= pages; ++i) {
    if (i > 1) pdf.new_page();
    pdf.text(72, 90, "Findings", {.size = 16, .bold = true});
    pdf.text(72, 120, "The health visitor saw the family on page " + std::to_string(i) + ".");
  }
  auto path = dir / "good.pdf";
  pdf.save(path);
  return path;
}

ErrorCode code_of(const std::filesystem::path& file, const ReadOptions& options = {}) {
  auto result = read_pdf(file, options);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().file == file.string());
  CHECK(result.error().stage == "extract");
  return result.error().code;
}

}  // namespace

TEST_CASE("PdfReader: reads words, fonts and metadata of a good PDF", "[extractors]") {
  TempDir dir;
  auto doc = read_pdf(good_pdf(dir), {});
  REQUIRE(doc.has_value());
  CHECK(doc->page_count == 2);
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->metadata.title == "Child Q: a practice review");
  CHECK(doc->metadata.author == "Thornbury Partnership");
  CHECK(doc->metadata.creation_year == 2021);
  CHECK(doc->warnings.empty());
  const auto& words = doc->pages[1].words;
  REQUIRE(words.size() == 10);
  CHECK(words[0].text == "Findings");
  CHECK(words[0].font_size > words[1].font_size);
  CHECK(words[0].font_name.find("Bold") != std::string::npos);
  CHECK(words[1].text == "The");
  CHECK(words[1].x == Approx(72).margin(1));
  const std::regex subset_tag("^[A-Z]{6}\\+");
  for (const auto& page : doc->pages)
    for (const auto& w : page.words) CHECK_FALSE(std::regex_search(w.font_name, subset_tag));
}

TEST_CASE("PdfReader: strips font subset prefixes", "[extractors]") {
  using reviewlens::extractors::strip_subset_prefix;
  CHECK(strip_subset_prefix("ABCDEF+Carlito-Bold") == "Carlito-Bold");
  CHECK(strip_subset_prefix("Carlito") == "Carlito");
  CHECK(strip_subset_prefix("AbCDEF+Carlito") == "AbCDEF+Carlito");
}

TEST_CASE("PdfReader: zero-byte file is empty", "[extractors]") {
  TempDir dir;
  reviewlens::testing::write_file(dir / "zero.pdf", "");
  CHECK(code_of(dir / "zero.pdf") == ErrorCode::empty);
}

TEST_CASE("PdfReader: HTML saved as .pdf is not_pdf", "[extractors]") {
  TempDir dir;
  reviewlens::testing::write_file(dir / "page.pdf",
                                  "<!DOCTYPE html><html><body><p>Not found</p></body></html>\n");
  CHECK(code_of(dir / "page.pdf") == ErrorCode::not_pdf);
}

TEST_CASE("PdfReader: truncated PDF is corrupt", "[extractors]") {
  TempDir dir;
  std::string bytes = reviewlens::testing::read_file(good_pdf(dir));
  reviewlens::testing::write_file(dir / "half.pdf", bytes.substr(0, bytes.size() / 2));
  CHECK(code_of(dir / "half.pdf") == ErrorCode::corrupt);
}

TEST_CASE("PdfReader: image-only PDF is no_text", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  pdf.rectangle(72, 72, 400, 600);
  pdf.save(dir / "scan.pdf");
  CHECK(code_of(dir / "scan.pdf") == ErrorCode::no_text);
}

TEST_CASE("PdfReader: password-protected PDF is encrypted", "[extractors]") {
  TempDir dir;
  auto plain = good_pdf(dir);
  auto locked = dir / "locked.pdf";
  auto qpdf = reviewlens::testing::run_process(
      {"qpdf", "--encrypt", "u", "o", "256", "--", plain.string(), locked.string()});
  REQUIRE(qpdf.exit_code == 0);
  CHECK(code_of(locked) == ErrorCode::encrypted);
}

TEST_CASE("PdfReader: junk before the %PDF- header still reads", "[extractors]") {
  TempDir dir;
  std::string bytes = reviewlens::testing::read_file(good_pdf(dir));
  reviewlens::testing::write_file(dir / "junk.pdf", "Content-Type: application/pdf\r\n\r\n" + bytes);
  auto doc = read_pdf(dir / "junk.pdf", {});
  REQUIRE(doc.has_value());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].words.front().text == "Findings");
}

TEST_CASE("PdfReader: too many pages is refused", "[extractors]") {
  TempDir dir;
  auto path = good_pdf(dir, 3);
  CHECK(code_of(path, ReadOptions{.max_pages = 2}) == ErrorCode::too_many_pages);
  CHECK(read_pdf(path, ReadOptions{.max_pages = 3}).has_value());
}

TEST_CASE("PdfReader: missing file is an io error", "[extractors]") {
  TempDir dir;
  CHECK(code_of(dir / "absent.pdf") == ErrorCode::io);
}
