#include "corpus/source_walker.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/support/pdf_builder.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::corpus;
using reviewlens::testing::PdfBuilder;
using reviewlens::testing::TempDir;
using reviewlens::testing::write_file;
namespace fs = std::filesystem;

namespace {

void make_pdf(const fs::path& path) {
  fs::create_directories(path.parent_path());
  PdfBuilder pdf;
  pdf.text(72, 72, "1. A fictional paragraph about a fictional review.");
  pdf.save(path);
}

const SourceFile* find(const WalkResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("SourceWalker: finds PDFs by content, recursively, sorted", "[corpus][walker]") {
  TempDir dir;
  make_pdf(dir / "b.pdf");
  make_pdf(dir.path() / "sub" / "deeper" / "a.pdf");
  make_pdf(dir / "no-extension");  // a PDF whatever its name
  write_file(dir / "b.pdf.json", R"({"title": "Fictional"})");
  write_file(dir / "metadata.csv", "path,title\nb.pdf,Fictional\n");
  write_file(dir / "notes.txt", "plain text");

  auto result = walk_sources(dir.path());
  REQUIRE(result);
  REQUIRE(result->files.size() == 3);
  CHECK(result->files[0].path == "b.pdf");
  CHECK(result->files[1].path == "no-extension");
  CHECK(result->files[2].path == "sub/deeper/a.pdf");
  CHECK(result->ignored == 3);
  for (const auto& f : result->files) {
    CHECK_FALSE(f.rejected);
    CHECK(f.size == fs::file_size(f.absolute));
    CHECK(f.mtime_ns > 0);
  }
}

TEST_CASE("SourceWalker: a .pdf that is not a PDF is rejected with a reason", "[corpus][walker]") {
  TempDir dir;
  write_file(dir / "saved-page.pdf", "<!DOCTYPE html><html><body>Not found</body></html>");
  write_file(dir / "zero.PDF", "");
  make_pdf(dir / "real.pdf");

  auto result = walk_sources(dir.path());
  REQUIRE(result);
  REQUIRE(result->files.size() == 3);
  const SourceFile* html = find(*result, "saved-page.pdf");
  REQUIRE(html);
  REQUIRE(html->rejected);
  CHECK(html->rejected->code == ErrorCode::not_pdf);
  CHECK(html->rejected->file == "saved-page.pdf");
  const SourceFile* zero = find(*result, "zero.PDF");
  REQUIRE(zero);
  REQUIRE(zero->rejected);
  CHECK(zero->rejected->code == ErrorCode::empty);
  CHECK_FALSE(find(*result, "real.pdf")->rejected);
}

TEST_CASE("SourceWalker: symlinked folders are followed once, loops end", "[corpus][walker]") {
  TempDir dir;
  make_pdf(dir.path() / "real" / "a.pdf");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  fs::create_directory_symlink(dir.path(), dir.path() / "real" / "loop");

  auto result = walk_sources(dir.path());
  REQUIRE(result);
  REQUIRE(result->files.size() == 1);  // the folder is entered once, under one name
}

TEST_CASE("SourceWalker: a missing root is an io error", "[corpus][walker]") {
  TempDir dir;
  auto result = walk_sources(dir / "absent");
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::io);
}

TEST_CASE("SourceWalker: the PDF signature may follow some junk within 1 KiB", "[corpus][walker]") {
  CHECK(has_pdf_signature("%PDF-1.7\n"));
  CHECK(has_pdf_signature(std::string(500, ' ') + "%PDF-1.4"));
  CHECK_FALSE(has_pdf_signature(std::string(1100, ' ') + "%PDF-1.4"));
  CHECK_FALSE(has_pdf_signature("<html>%PD F-</html>"));
}

TEST_CASE("SourceWalker: a file known as a PDF at the same size and mtime is not read again", "[corpus][walker]") {
  TempDir dir;
  // Not a PDF: if the walker read it, it would reject it as not_pdf.
  write_file(dir / "known.pdf", "<html>a saved web page</html>");
  make_pdf(dir / "other.pdf");
  auto first = walk_sources(dir.path());
  REQUIRE(first);
  const SourceFile* seen = find(*first, "known.pdf");
  REQUIRE(seen);
  REQUIRE(seen->rejected);
  CHECK(seen->rejected->code == ErrorCode::not_pdf);

  const std::uint64_t size = seen->size;
  const std::int64_t mtime = seen->mtime_ns;
  std::vector<std::string> asked;
  KnownPdf known = [&](const std::string& path, std::uint64_t s, std::int64_t m) {
    asked.push_back(path);
    return path == "known.pdf" && s == size && m == mtime;
  };
  auto trusted = walk_sources(dir.path(), known);
  REQUIRE(trusted);
  REQUIRE(find(*trusted, "known.pdf"));
  CHECK_FALSE(find(*trusted, "known.pdf")->rejected);  // taken on trust: not opened
  CHECK(find(*trusted, "known.pdf")->size == size);
  REQUIRE(find(*trusted, "other.pdf"));
  CHECK_FALSE(find(*trusted, "other.pdf")->rejected);
  CHECK(asked.size() == 2);

  // Once the mtime moves, the file is read again and found out.
  fs::last_write_time(dir / "known.pdf", fs::last_write_time(dir / "known.pdf") + std::chrono::seconds(5));
  auto changed = walk_sources(dir.path(), known);
  REQUIRE(changed);
  REQUIRE(find(*changed, "known.pdf"));
  REQUIRE(find(*changed, "known.pdf")->rejected);
  CHECK(find(*changed, "known.pdf")->rejected->code == ErrorCode::not_pdf);
}

TEST_CASE("SourceWalker: root_problem names a missing corpus folder", "[corpus][walker]") {
  TempDir dir;
  CHECK_FALSE(root_problem(dir.path()).has_value());
  auto problem = root_problem(dir / "missing");
  REQUIRE(problem);
  CHECK(problem->code == ErrorCode::io);
  CHECK(problem->message.find("missing") != std::string::npos);
}
