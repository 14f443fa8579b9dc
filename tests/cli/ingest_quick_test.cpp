// The no-change ingest answered by the light `reviewlens` binary itself
// (cli/ingest_quick.h). A copy of `reviewlens` without `reviewlens-full`
// beside it proves which runs it answers alone: any run it hands over fails
// with "cannot run .../reviewlens-full" (exit 3) and must leave the index as
// it was.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "cli/ingest_quick.h"
#include "pipeline/tagging/taxonomy.h"
#include "tests/cli/ingest_fixture.h"

using namespace reviewlens::testing;
using namespace reviewlens::testing::ingest;
namespace fs = std::filesystem;

namespace {

struct QuickCorpus {
  TempDir tmp;
  fs::path dir = tmp / "corpus";
  fs::path index = tmp / "index";
  fs::path alone = tmp / "bin" / "reviewlens";  // no reviewlens-full beside it

  QuickCorpus() {
    make_review(dir / "alpha.pdf", "Child Alpha");
    make_review(dir / "2021" / "gamma.pdf", "Child Gamma");
    write_file(dir / "broken.pdf", "<html>not a pdf</html>");
    write_file(dir / "notes.txt", "not a review");
    fs::create_directories(alone.parent_path());
    fs::copy_file(REVIEWLENS_BIN, alone);
  }
  std::vector<std::string> args(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> a{"ingest", dir.string(), "--index", index.string(), "--format", "json"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  ProcessResult run_alone(const std::vector<std::string>& extra = {}) const {
    auto a = args(extra);
    a.insert(a.begin(), alone.string());
    return run_process(a);
  }
  ProcessResult run_full(const std::vector<std::string>& extra = {}) const {
    auto a = args(extra);
    a.insert(a.begin(), (fs::path(REVIEWLENS_BIN).parent_path() / "reviewlens-full").string());
    return run_process(a);
  }
};

// The report without what differs from one run to the next by nature.
nlohmann::json timeless(nlohmann::json report) {
  for (const char* key : {"started_at", "finished_at", "seconds", "extract_seconds", "throughput"})
    report.erase(key);
  return report;
}

bool handed_over(const ProcessResult& r) {
  return r.exit_code == 3 && r.err.find("reviewlens-full") != std::string::npos;
}

}  // namespace

TEST_CASE("Ingest quick: a no-change rerun is answered without reviewlens-full", "[cli][ingest]") {
  QuickCorpus c;
  REQUIRE(run_reviewlens({"ingest", c.dir.string(), "--index", c.index.string(), "--quiet"}).exit_code == 1);
  ProcessResult r = c.run_alone();
  REQUIRE(r.exit_code == 0);
  auto report = parse_json(r);
  CHECK(report["documents"]["unchanged"] == 2);
  CHECK(report["documents"]["skipped_failed"] == 1);
  CHECK(report["documents"]["indexed"] == 0);
  CHECK(report["ignored_files"] == 1);
  CHECK(report["index_totals"]["documents"] == 2);
  CHECK(report["index_totals"]["failed"] == 1);
  CHECK(report["taxonomy"]["changed"] == false);
  // Recorded as the full run records it.
  CHECK(status_json(c.index)["last_run"] == report);
}

TEST_CASE("Ingest quick: its report is the full ingest's, field for field", "[cli][ingest]") {
  QuickCorpus c;
  REQUIRE(c.run_full({"--quiet"}).exit_code == 1);
  ProcessResult full = c.run_full();
  ProcessResult quick = c.run_alone();
  REQUIRE(full.exit_code == 0);
  REQUIRE(quick.exit_code == 0);
  CHECK(timeless(parse_json(quick)) == timeless(parse_json(full)));
  // The text summary too, but for the seconds it states.
  auto text = c.args();
  text.resize(text.size() - 2);
  text.insert(text.begin(), c.alone.string());
  ProcessResult summary = run_process(text);
  CHECK(summary.exit_code == 0);
  CHECK(summary.out.find("unchanged") != std::string::npos);
}

TEST_CASE("Ingest quick: any work is handed over, with the index untouched", "[cli][ingest]") {
  QuickCorpus c;
  REQUIRE(run_reviewlens({"ingest", c.dir.string(), "--index", c.index.string(), "--quiet"}).exit_code == 1);
  const auto before = status_json(c.index)["last_run"];
  SECTION("a new file") { make_review(c.dir / "delta.pdf", "Child Delta"); CHECK(handed_over(c.run_alone())); }
  SECTION("a touched file") {
    fs::last_write_time(c.dir / "alpha.pdf", fs::last_write_time(c.dir / "alpha.pdf") + std::chrono::seconds(5));
    CHECK(handed_over(c.run_alone()));
  }
  SECTION("a removed file") { fs::remove(c.dir / "alpha.pdf"); CHECK(handed_over(c.run_alone())); }
  SECTION("--retry-failed with a known failure") { CHECK(handed_over(c.run_alone({"--retry-failed"}))); }
  SECTION("--full") { CHECK(handed_over(c.run_alone({"--full"}))); }
  SECTION("another taxonomy") {
    std::string yaml = read_file(source_path("pipeline/tagging/default_taxonomy.yaml"));
    write_file(c.tmp / "taxonomy.yaml", yaml + "\n# edited\n");
    CHECK(handed_over(c.run_alone({"--taxonomy", (c.tmp / "taxonomy.yaml").string()})));
  }
  SECTION("another ingest holding the lock") {
    make_review(c.dir / "delta.pdf", "Child Delta");
    Background holder({"ingest", c.dir.string(), "--index", c.index.string()}, {"REVIEWLENS_FAULT=hang:delta"},
                      c.tmp / "holder.log");  // hangs in extraction, holding the lock
    const fs::path log = c.tmp / "holder.log";
    REQUIRE(wait_for([&] { return fs::exists(log) && read_file(log).find("extracting") != std::string::npos; }));
    fs::remove(c.dir / "delta.pdf");  // the corpus is unchanged again, but the lock is held
    CHECK(handed_over(c.run_alone()));
    holder.kill_hard();
  }
  CHECK(status_json(c.index)["last_run"] == before);
}

TEST_CASE("Ingest quick: an index built before the stat table works, and gains it", "[cli][ingest]") {
  QuickCorpus c;
  REQUIRE(run_reviewlens({"ingest", c.dir.string(), "--index", c.index.string(), "--quiet"}).exit_code == 1);
  {  // what an index built by reviewlens before the table looks like
    Xapian::WritableDatabase db(c.index.string(), Xapian::DB_OPEN);
    db.set_metadata("source_stats", "");
    db.set_metadata("source_stats_rev", "");
    db.commit();
  }
  ProcessResult first = c.run_alone();
  REQUIRE(first.exit_code == 0);
  CHECK(parse_json(first)["documents"]["unchanged"] == 2);
  CHECK(Xapian::Database(c.index.string()).get_metadata("source_stats_rev") != "");
  CHECK(c.run_alone().exit_code == 0);
}

TEST_CASE("Ingest quick: its taxonomy hash is the taxonomy loader's", "[cli][ingest]") {
  using reviewlens::cli::taxonomy_file_hash;
  CHECK(taxonomy_file_hash("") == reviewlens::tagging::fnv1a_hex(reviewlens::tagging::default_taxonomy_yaml()));
  TempDir tmp;
  const std::string bytes = std::string("version: 1\n\xff\x00 binary", 20);
  write_file(tmp / "t.yaml", bytes);
  CHECK(taxonomy_file_hash((tmp / "t.yaml").string()) == reviewlens::tagging::fnv1a_hex(bytes));
  CHECK_FALSE(taxonomy_file_hash((tmp / "missing.yaml").string()));
}
