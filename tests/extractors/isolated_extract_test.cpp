// Isolated extraction with real forked children: every outcome (ok, the
// child's own error, timeout, memory_limit, crashed) is produced for real,
// the failures through the test-only REVIEWLENS_FAULT switch.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <map>
#include <set>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "extractors/isolated_extract.h"
#include "tests/support/pdf_builder.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::extractors;
using reviewlens::testing::PdfBuilder;
using reviewlens::testing::TempDir;

namespace {

// A fictional two-part review: a title page, then `body_pages` pages of
// numbered paragraphs.
std::filesystem::path review_pdf(const TempDir& dir, const std::string& name, int body_pages = 2) {
  PdfBuilder pdf;
  pdf.metadata({.title = "LCSPR: Child D", .create_date = "2022-05-01T10:00:00"});
  pdf.text(72, 60, "Ambridge Safeguarding Children Partnership", {.size = 13, .bold = true});
  pdf.text(72, 300, "Local Child Safeguarding Practice Review", {.size = 20, .bold = true});
  pdf.text(72, 340, "Child D", {.size = 16, .bold = true});
  pdf.text(72, 380, "Published: May 2022", {.size = 12});
  for (int page = 1; page <= body_pages; ++page) {
    pdf.new_page();
    pdf.text(72, 80, std::to_string(page) + ".", {.size = 14, .bold = true});
    pdf.text(108, 80, "Findings on page " + std::to_string(page), {.size = 14, .bold = true});
    double y = 110;
    for (int para = 1; para <= 12; ++para) {
      pdf.text(72, y, fmt::format("{}.{}", page, para));
      pdf.text(108, y, fmt::format("The health visitor saw Child D at home on visit {}. The", para));
      pdf.text(108, y + 14, "family said the flat was cold and that money was short that month.");
      y += 40;
    }
  }
  auto path = dir / name;
  pdf.save(path);
  return path;
}

// Sets REVIEWLENS_FAULT for one test and clears it afterwards.
class FaultSwitch {
 public:
  explicit FaultSwitch(const std::string& spec) { ::setenv("REVIEWLENS_FAULT", spec.c_str(), 1); }
  ~FaultSwitch() { ::unsetenv("REVIEWLENS_FAULT"); }
};

IsolationLimits short_limits() {
  IsolationLimits limits;
  limits.timeout = std::chrono::seconds(2);
  limits.memory_mb = 1024;
  return limits;
}

}  // namespace

TEST_CASE("extract_isolated: a good PDF comes back as it was built in the child", "[extractors][isolation]") {
  TempDir dir;
  // Enough pages that the JSON is bigger than a pipe buffer (64 KiB).
  const auto pdf = review_pdf(dir, "child-d.pdf", 40);
  auto isolated = extract_isolated(pdf, {}, short_limits());
  REQUIRE(isolated.has_value());
  auto in_process = extract_document(pdf, {});
  REQUIRE(in_process.has_value());

  CHECK(to_json(*isolated).dump().size() > 65536);
  CHECK(to_json(*isolated) == to_json(*in_process));
  REQUIRE(isolated->passages.size() == in_process->passages.size());
  for (std::size_t i = 0; i < isolated->passages.size(); ++i) {
    const auto& a = isolated->passages[i].sentences;
    const auto& b = in_process->passages[i].sentences;
    REQUIRE(a.size() == b.size());
    for (std::size_t s = 0; s < a.size(); ++s) CHECK((a[s].start == b[s].start && a[s].end == b[s].end));
  }
  CHECK(isolated->child == "Child D");
  CHECK(isolated->id == "child-d");
  CHECK(isolated->passages.front().id == "child-d:1");
}

TEST_CASE("extract_isolated: post_process runs in the child, before serialising", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "post.pdf");
  int calls_in_parent = 0;
  auto doc = extract_isolated(pdf, {}, short_limits(), [&](Document& d) {
    ++calls_in_parent;  // the child's copy: the parent's counter never moves
    d.passages.front().themes = {"poverty"};
    d.passages.front().hits = {{"poverty", "money_short", 0, 3}};
    d.warnings.push_back(fmt::format("tagged in pid {}", ::getpid()));
  });
  REQUIRE(doc.has_value());
  CHECK(calls_in_parent == 0);
  CHECK(doc->passages.front().themes == std::vector<std::string>{"poverty"});
  REQUIRE(doc->passages.front().hits.size() == 1);
  CHECK(doc->passages.front().hits[0].rule == "money_short");
  REQUIRE(doc->warnings.size() == 1);
  CHECK(doc->warnings[0] != fmt::format("tagged in pid {}", ::getpid()));
}

TEST_CASE("extract_isolated: the child's own error comes back", "[extractors][isolation]") {
  TempDir dir;
  reviewlens::testing::write_file(dir / "zero.pdf", "");
  reviewlens::testing::write_file(dir / "page.pdf", "<!DOCTYPE html><html><body>Not found</body></html>");
  auto zero = extract_isolated(dir / "zero.pdf", {}, short_limits());
  REQUIRE_FALSE(zero.has_value());
  CHECK(zero.error().code == ErrorCode::empty);
  CHECK(zero.error().file == (dir / "zero.pdf").string());
  auto html = extract_isolated(dir / "page.pdf", {}, short_limits());
  REQUIRE_FALSE(html.has_value());
  CHECK(html.error().code == ErrorCode::not_pdf);
}

TEST_CASE("extract_isolated: a hanging child is killed at the time limit", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "slow-one.pdf");
  FaultSwitch fault("hang:slow-one");
  IsolationLimits limits = short_limits();
  limits.timeout = std::chrono::milliseconds(500);
  auto doc = extract_isolated(pdf, {}, limits);
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::timeout);
}

TEST_CASE("extract_isolated: a crashing child is reported with its signal", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "crashy.pdf");
  FaultSwitch fault("crash:crashy");
  auto doc = extract_isolated(pdf, {}, short_limits());
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::crashed);
  CHECK(doc.error().message.find("SIGSEGV") != std::string::npos);
}

TEST_CASE("extract_isolated: a child that allocates without end hits the memory limit", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "greedy.pdf");
  FaultSwitch fault("alloc:greedy");
  IsolationLimits limits = short_limits();
  limits.memory_mb = 512;
  limits.timeout = std::chrono::seconds(60);  // the limit, not the clock, must stop it
  auto doc = extract_isolated(pdf, {}, limits);
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::memory_limit);
  CHECK(doc.error().message.find("512 MB") != std::string::npos);
}

TEST_CASE("extract_isolated: the fault switch touches only matching paths", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "innocent.pdf");
  FaultSwitch fault("crash:somebody-else");
  CHECK(extract_isolated(pdf, {}, short_limits()).has_value());
}

TEST_CASE("ParallelExtractor: every file comes back once, good and bad", "[extractors][isolation]") {
  TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 4; ++i) files.push_back(review_pdf(dir, fmt::format("good-{}.pdf", i)));
  files.push_back(review_pdf(dir, "stuck.pdf"));
  files.push_back(review_pdf(dir, "boom.pdf"));
  reviewlens::testing::write_file(dir / "empty.pdf", "");
  files.push_back(dir / "empty.pdf");
  FaultSwitch fault("hang:stuck");

  ParallelOptions options;
  options.limits = short_limits();
  options.limits.timeout = std::chrono::seconds(1);
  options.max_children = 3;
  options.post_process = [](Document& d) { d.title = "processed: " + d.title; };
  ParallelExtractor pool(options);
  for (const auto& f : files) pool.submit(f);
  CHECK(pool.pending() == files.size());

  std::map<std::string, Expected<Document>> results;
  pool.drain([&](ExtractResult&& r) {
    CHECK(results.count(r.path.string()) == 0);
    results.emplace(r.path.string(), std::move(r.document));
  });
  CHECK(pool.pending() == 0);
  REQUIRE(results.size() == files.size());
  for (int i = 0; i < 4; ++i) {
    const auto& r = results.at((dir / fmt::format("good-{}.pdf", i)).string());
    REQUIRE(r.has_value());
    CHECK(r->title == "processed: LCSPR: Child D");  // the PDF metadata title
  }
  CHECK(results.at((dir / "stuck.pdf").string()).error().code == ErrorCode::timeout);
  CHECK(results.at((dir / "empty.pdf").string()).error().code == ErrorCode::empty);
  CHECK(results.at((dir / "boom.pdf").string()).has_value());
  CHECK(pool.poll(std::chrono::milliseconds(0)).empty());
}

TEST_CASE("ParallelExtractor: poll returns results as they finish; destructor reaps", "[extractors][isolation]") {
  TempDir dir;
  const auto good = review_pdf(dir, "quick.pdf");
  const auto stuck = review_pdf(dir, "forever.pdf");
  FaultSwitch fault("hang:forever");
  ParallelOptions options;
  options.limits.timeout = std::chrono::hours(1);
  options.max_children = 2;
  auto pool = std::make_unique<ParallelExtractor>(options);
  pool->submit(stuck);
  pool->submit(good);
  std::vector<ExtractResult> got;
  while (got.empty()) got = pool->poll(std::chrono::milliseconds(200));
  REQUIRE(got.size() == 1);
  CHECK(got[0].path == good);
  CHECK(got[0].document.has_value());
  CHECK(pool->pending() == 1);
  pool.reset();  // kills and reaps the stuck child instead of waiting an hour
  SUCCEED("destructor returned");
}

TEST_CASE("ParallelExtractor: workers are reused, and a dead one is replaced", "[extractors][isolation]") {
  TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 3; ++i) files.push_back(review_pdf(dir, fmt::format("a-{}.pdf", i)));
  files.push_back(review_pdf(dir, "kaput.pdf"));
  for (int i = 3; i < 5; ++i) files.push_back(review_pdf(dir, fmt::format("a-{}.pdf", i)));
  FaultSwitch fault("crash:kaput");
  ParallelOptions options;
  options.limits = short_limits();
  options.max_children = 1;  // one worker at a time: submission order is completion order
  options.post_process = [](Document& d) { d.warnings = {std::to_string(::getpid())}; };
  ParallelExtractor pool(options);
  for (const auto& f : files) pool.submit(f);
  std::vector<ExtractResult> results;
  pool.drain([&](ExtractResult&& r) { results.push_back(std::move(r)); });
  REQUIRE(results.size() == files.size());
  auto pid_of = [&](std::size_t i) {
    REQUIRE(results[i].document.has_value());
    return results[i].document->warnings.at(0);
  };
  for (std::size_t i = 0; i < files.size(); ++i) CHECK(results[i].path == files[i]);
  CHECK(pid_of(0) == pid_of(1));
  CHECK(pid_of(1) == pid_of(2));
  REQUIRE_FALSE(results[3].document.has_value());
  CHECK(results[3].document.error().code == ErrorCode::crashed);
  CHECK(pid_of(4) == pid_of(5));
  CHECK(pid_of(4) != pid_of(0));  // a fresh worker after the crash
  CHECK(pid_of(0) != std::to_string(::getpid()));
}

TEST_CASE("ParallelExtractor: the payload comes back byte for byte", "[extractors][isolation]") {
  TempDir dir;
  const auto pdf = review_pdf(dir, "payload.pdf", 30);
  const auto broken = review_pdf(dir, "payload-throws.pdf");
  ParallelOptions options;
  options.limits = short_limits();
  options.payload = [](Document& d) {
    if (d.file.find("throws") != std::string::npos) throw std::runtime_error("cannot encode");
    std::string bytes = fmt::format("{} passages", d.passages.size());
    bytes += std::string("\0\xff\x80 ", 4);  // not JSON-safe: must not be mangled
    for (int copy = 0; copy < 6; ++copy)  // bigger than a socket buffer
      for (const auto& p : d.passages) bytes += p.text;
    d.passages.clear();
    return bytes;
  };
  ParallelExtractor pool(options);
  pool.submit(pdf);
  pool.submit(broken);
  std::map<std::string, ExtractResult> results;
  pool.drain([&](ExtractResult&& r) { results.emplace(r.path.string(), std::move(r)); });
  auto in_process = extract_document(pdf, {});
  REQUIRE(in_process.has_value());
  std::string expected = fmt::format("{} passages", in_process->passages.size());
  expected += std::string("\0\xff\x80 ", 4);
  for (int copy = 0; copy < 6; ++copy)
    for (const auto& p : in_process->passages) expected += p.text;
  const auto& good = results.at(pdf.string());
  REQUIRE(good.document.has_value());
  CHECK(good.document->passages.empty());
  CHECK(good.document->title == in_process->title);
  CHECK(expected.size() > 200000);
  CHECK(good.payload == expected);
  const auto& bad = results.at(broken.string());
  REQUIRE_FALSE(bad.document.has_value());
  CHECK(bad.document.error().code == ErrorCode::internal);
  CHECK(bad.document.error().stage == "payload");
  CHECK(bad.payload.empty());
}

// Each worker holds its next file while it extracts one (kFilesInFlight);
// the file waiting behind one that hangs must be extracted by a fresh
// worker, not failed with it or lost.
TEST_CASE("ParallelExtractor: a file queued behind a hanging one is extracted elsewhere", "[extractors][isolation]") {
  TempDir dir;
  const auto stuck = review_pdf(dir, "wedged.pdf");
  std::vector<std::filesystem::path> after;
  for (int i = 0; i < 3; ++i) after.push_back(review_pdf(dir, fmt::format("behind-{}.pdf", i)));
  FaultSwitch fault("hang:wedged");
  ParallelOptions options;
  options.limits = short_limits();
  options.limits.timeout = std::chrono::seconds(1);
  options.max_children = 1;  // so the next file can only be queued in the hanging worker
  ParallelExtractor pool(options);
  pool.submit(stuck);
  for (const auto& f : after) pool.submit(f);
  pool.poll(std::chrono::milliseconds(0));  // sends the first file and, behind it, the next
  CHECK(pool.pending() == 1 + after.size());
  std::vector<ExtractResult> results;
  pool.drain([&](ExtractResult&& r) { results.push_back(std::move(r)); });
  REQUIRE(results.size() == 1 + after.size());
  CHECK(results[0].path == stuck);
  REQUIRE_FALSE(results[0].document.has_value());
  CHECK(results[0].document.error().code == ErrorCode::timeout);
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(results[i + 1].path == after[i]);  // still in submission order
    CHECK(results[i + 1].document.has_value());
  }
}
