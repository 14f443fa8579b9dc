#include "index/store_source_stats.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/index_writer.h"
#include "index/store.h"
#include "tests/index/sample_library.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::index;
using reviewlens::testing::TempDir;

namespace {

SourceRecord record(const std::string& path, std::int64_t mtime, const std::string& status = "indexed") {
  SourceRecord r;
  r.path = path;
  r.doc_id = path;
  r.size = 1000 + path.size();
  r.mtime_ns = mtime;
  r.content_hash = "00000000000000aa";
  r.status = status;
  r.passages = status == "indexed" ? 4 : 0;
  return r;
}

void write_two(const std::filesystem::path& dir) {
  IndexWriter writer(dir, testing::sample_info());
  writer.update_source_record(record("a.pdf", 1));
  writer.update_source_record(record("b/c.pdf", 2, "failed"));
  writer.commit();
}

// Mimics a reviewlens from before the table: writes straight into the
// database, as its IndexWriter did, and commits.
void old_writer_sets(const std::filesystem::path& dir, const SourceRecord& r) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
  db.set_metadata("source:" + r.path, store::to_json(r).dump());
  db.commit();
}

bool table_current(const std::filesystem::path& dir) {
  return store::read_source_stats(Xapian::Database(dir.string())).has_value();
}

}  // namespace

TEST_CASE("Source stats: the table round-trips any path, sorted", "[index]") {
  std::map<std::string, SourceStat> in;
  for (std::string path : {"plain.pdf", "with space/x.pdf", "new\nline:colon.pdf", ""})
    in[path] = {path, 123456789012ull, -42, path.empty() ? "" : "indexed", 17};
  auto out = store::decode_source_stats(store::encode_source_stats(in));
  REQUIRE(out);
  REQUIRE(out->size() == in.size());
  auto it = in.begin();
  for (const auto& s : *out) {
    const auto& want = (it++)->second;
    CHECK(s.path == want.path);
    CHECK(s.size == want.size);
    CHECK(s.mtime_ns == want.mtime_ns);
    CHECK(s.status == want.status);
    CHECK(s.passages == want.passages);
  }
  CHECK(store::decode_source_stats(store::encode_source_stats({}))->empty());
  CHECK_FALSE(store::decode_source_stats(""));
  CHECK_FALSE(store::decode_source_stats("reviewlens-source-stats 1\n1 2 3 indexed 9:a.pdf\n"));
}

TEST_CASE("Source stats: a writer's commit leaves a current table equal to the records", "[index]") {
  TempDir tmp;
  write_two(tmp.path());
  REQUIRE(table_current(tmp.path()));
  auto table = *store::read_source_stats(Xapian::Database(tmp.path().string()));
  IndexWriter writer(tmp.path(), testing::sample_info());
  auto records = writer.sources();
  REQUIRE(table.size() == records.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    CHECK(table[i].path == records[i].path);
    CHECK(table[i].mtime_ns == records[i].mtime_ns);
    CHECK(table[i].status == records[i].status);
    CHECK(table[i].passages == records[i].passages);
  }
}

TEST_CASE("Source stats: uncommitted changes and removals show at once", "[index]") {
  TempDir tmp;
  write_two(tmp.path());
  IndexWriter writer(tmp.path(), testing::sample_info());
  writer.update_source_record(record("a.pdf", 5));
  writer.remove_source("b/c.pdf");
  writer.update_source_record(record("d.pdf", 6));
  auto stats = writer.source_stats();
  REQUIRE(stats.size() == 2);
  CHECK(stats[0].path == "a.pdf");
  CHECK(stats[0].mtime_ns == 5);
  CHECK(stats[1].path == "d.pdf");
}

TEST_CASE("Source stats: an index without the table reads its records, and gains the table", "[index]") {
  TempDir tmp;
  write_two(tmp.path());
  {  // what an index built before the table looks like
    Xapian::WritableDatabase db(tmp.path().string(), Xapian::DB_OPEN);
    db.set_metadata("source_stats", "");
    db.set_metadata("source_stats_rev", "");
    db.commit();
  }
  REQUIRE_FALSE(table_current(tmp.path()));
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    auto stats = writer.source_stats();
    REQUIRE(stats.size() == 2);
    CHECK(stats[1].status == "failed");
    writer.commit();
  }
  CHECK(table_current(tmp.path()));
}

TEST_CASE("Source stats: a commit by an older writer makes the table stale, not wrong", "[index]") {
  TempDir tmp;
  write_two(tmp.path());
  old_writer_sets(tmp.path(), record("a.pdf", 77));
  CHECK_FALSE(table_current(tmp.path()));
  IndexWriter writer(tmp.path(), testing::sample_info());
  auto stats = writer.source_stats();
  REQUIRE(stats.size() == 2);
  CHECK(stats[0].mtime_ns == 77);
}
