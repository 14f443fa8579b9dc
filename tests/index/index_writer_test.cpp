#include "index/index_writer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "index/document_record.h"
#include "index/index_reader.h"
#include "index/prepared_document.h"
#include "index/schema.h"
#include "index/searcher.h"
#include "tests/index/sample_library.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::index;
using reviewlens::testing::TempDir;

namespace {

std::size_t total_for(const std::filesystem::path& dir, const std::string& query) {
  SearchRequest r;
  r.query = query;
  return Searcher(dir).search(r).total;
}

}  // namespace

TEST_CASE("IndexWriter: put_document stores one Xapian document per passage", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  testing::build_library(tmp.path(), docs);
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 8);
  CHECK(reader.documents().size() == 3);
  auto record = reader.document("child-a");
  REQUIRE(record);
  CHECK(record->file == "reviews/child-a.pdf");
  CHECK(record->passages == 3);
  CHECK(record->theme_counts.at("babies") == 2);
  CHECK(record->theme_counts.at("information_sharing") == 2);
  CHECK(record->partnership == "North Vale Safeguarding Partnership");
}

TEST_CASE("IndexWriter: re-putting a source replaces it without duplicates", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  testing::build_library(tmp.path(), docs);
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    writer.put_document(docs[0], testing::source_for(docs[0]));
    auto shorter = docs[1];
    shorter.passages.pop_back();
    writer.put_document(shorter, testing::source_for(shorter));
    writer.commit();
  }
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 7);
  CHECK(total_for(tmp.path(), "exclusion") == 0);
  CHECK(total_for(tmp.path(), "midwife") == 2);
  CHECK(reader.source("reviews/child-b.pdf")->passages == 1);
}

TEST_CASE("IndexWriter: remove_source drops passages, record and manifest entry", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  testing::build_library(tmp.path(), docs);
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    writer.remove_source("reviews/baby-c.pdf");
    CHECK(writer.sources().size() == 2);
    writer.commit();
  }
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 5);
  CHECK_FALSE(reader.document("baby-c"));
  CHECK_FALSE(reader.source("reviews/baby-c.pdf"));
  CHECK(total_for(tmp.path(), "sleeping") == 0);
}

TEST_CASE("IndexWriter: record_failure removes passages and keeps the reason", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  testing::build_library(tmp.path(), docs);
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    auto failed = testing::source_for(docs[2]);
    failed.reason = "encrypted";
    failed.message = "PDF needs a password";
    writer.record_failure(failed);
    writer.commit();
  }
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 5);
  auto s = reader.source("reviews/baby-c.pdf");
  REQUIRE(s);
  CHECK(s->status == "failed");
  CHECK(s->reason == "encrypted");
  CHECK(s->message == "PDF needs a password");
  CHECK_FALSE(reader.load_document("reviews/baby-c.pdf"));
  CHECK_FALSE(reader.document("baby-c"));
}

TEST_CASE("IndexWriter: the manifest round-trips every field, sorted by path", "[index]") {
  TempDir tmp;
  SourceRecord a;
  a.path = "z/last.pdf";
  a.doc_id = "last";
  a.size = 123456789012ull;
  a.mtime_ns = -42;
  a.content_hash = "0123456789abcdef";
  a.status = "indexed";
  a.passages = 7;
  a.pages = 3;
  a.indexed_at = "2024-01-02T03:04:05Z";
  SourceRecord b = a;
  b.path = "a/first.pdf";
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    writer.update_source_record(a);
    writer.update_source_record(b);
    b.mtime_ns = 99;  // a touched file: only the entry changes
    writer.update_source_record(b);
    writer.commit();
  }
  IndexWriter writer(tmp.path(), testing::sample_info());
  auto sources = writer.sources();
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].path == "a/first.pdf");
  CHECK(sources[0].mtime_ns == 99);
  const auto& z = sources[1];
  CHECK(z.path == a.path);
  CHECK(z.doc_id == a.doc_id);
  CHECK(z.size == a.size);
  CHECK(z.mtime_ns == a.mtime_ns);
  CHECK(z.content_hash == a.content_hash);
  CHECK(z.status == a.status);
  CHECK(z.passages == a.passages);
  CHECK(z.pages == a.pages);
  CHECK(z.indexed_at == a.indexed_at);
}

TEST_CASE("IndexWriter: nothing is visible until commit", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    for (const auto& d : docs) writer.put_document(d, testing::source_for(d));
    writer.set_run_metadata("last_run", "{}");
    // destroyed without commit
  }
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 0);
  CHECK(reader.sources().empty());
  CHECK(reader.documents().empty());
  CHECK_FALSE(read_run_metadata(tmp.path(), "last_run"));
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    writer.put_document(docs[0], testing::source_for(docs[0]));
    writer.commit();
    writer.put_document(docs[1], testing::source_for(docs[1]));
  }
  CHECK(IndexReader(tmp.path()).passage_count() == docs[0].passages.size());
}

TEST_CASE("IndexWriter: load_document returns stored passages in order", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  docs[0].passages[1].sentences = {{0, 10}, {11, 20}};
  testing::build_library(tmp.path(), docs);
  IndexWriter writer(tmp.path(), testing::sample_info());
  auto loaded = writer.load_document("reviews/child-a.pdf");
  REQUIRE(loaded);
  CHECK(loaded->id == "child-a");
  CHECK(loaded->title == docs[0].title);
  CHECK(loaded->year == 2022);
  CHECK(loaded->doc_type == DocType::lcspr);
  REQUIRE(loaded->passages.size() == docs[0].passages.size());
  for (std::size_t i = 0; i < loaded->passages.size(); ++i) {
    const auto& got = loaded->passages[i];
    const auto& want = docs[0].passages[i];
    CHECK(got.id == want.id);
    CHECK(got.text == want.text);
    CHECK(got.page == want.page);
    CHECK(got.para == want.para);
    CHECK(got.heading == want.heading);
    CHECK(got.themes == want.themes);
    CHECK(got.hits.size() == want.hits.size());
  }
  CHECK(loaded->passages[1].sentences.size() == 2);
  CHECK_FALSE(writer.load_document("reviews/nothing.pdf"));
}

TEST_CASE("IndexWriter: schema and taxonomy metadata are recorded", "[index]") {
  TempDir tmp;
  testing::build_library(tmp.path(), testing::sample_library());
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    writer.set_run_metadata("last_run", R"({"ok":true})");
    writer.commit();
  }
  IndexReader reader(tmp.path());
  CHECK(reader.schema_version() == schema::kSchemaVersion);
  auto info = reader.info();
  CHECK(info.taxonomy_version == "2024.1");
  CHECK(info.taxonomy_hash == "abc123");
  CHECK(info.theme_groups == testing::sample_info().theme_groups);
  CHECK(read_run_metadata(tmp.path(), "last_run") == std::optional<std::string>(R"({"ok":true})"));
  CHECK(reader.run_metadata("last_run") == std::optional<std::string>(R"({"ok":true})"));
  CHECK_FALSE(read_run_metadata(tmp / "missing", "last_run"));
}

TEST_CASE("IndexWriter: a second writer gets IndexLockedError", "[index]") {
  TempDir tmp;
  IndexWriter first(tmp.path(), testing::sample_info());
  try {
    IndexWriter second(tmp.path(), testing::sample_info());
    FAIL("second writer opened a locked index");
  } catch (const IndexLockedError& e) {
    CHECK(e.exit_code() == exit_code::kLocked);
  }
}

TEST_CASE("IndexReader: a missing index is fatal and says to run ingest", "[index]") {
  TempDir tmp;
  try {
    IndexReader reader(tmp / "nope");
    FAIL("opened a missing index");
  } catch (const FatalError& e) {
    CHECK(e.exit_code() == exit_code::kFatal);
    CHECK(std::string(e.what()).find("reviewlens ingest") != std::string::npos);
  }
}

TEST_CASE("IndexReader: resolve accepts a doc id or a source path", "[index]") {
  TempDir tmp;
  testing::build_library(tmp.path(), testing::sample_library());
  IndexReader reader(tmp.path());
  CHECK(reader.resolve("child-b") == std::optional<std::string>("reviews/child-b.pdf"));
  CHECK(reader.resolve("reviews/child-b.pdf") == std::optional<std::string>("reviews/child-b.pdf"));
  CHECK_FALSE(reader.resolve("nobody"));
  auto counts = reader.theme_counts();
  CHECK(counts.at("babies") == 4);
  CHECK(counts.at("not_in_school") == 1);
}

TEST_CASE("IndexWriter: put_prepared stores what put_document stores", "[index]") {
  TempDir direct, prepared;
  auto docs = testing::sample_library();
  testing::build_library(direct.path(), docs);
  {
    DocumentPreparer preparer(testing::sample_info());
    IndexWriter writer(prepared.path(), testing::sample_info());
    for (const auto& d : docs) {
      auto stored = writer.put_prepared(preparer.prepare(d, testing::source_for(d).path),
                                        testing::source_for(d));
      REQUIRE(stored.has_value());
      CHECK(*stored == static_cast<int>(d.passages.size()));
    }
    writer.commit();
  }
  IndexReader a(direct.path()), b(prepared.path());
  CHECK(b.passage_count() == a.passage_count());
  REQUIRE(b.documents().size() == a.documents().size());
  CHECK(to_json(*b.document("child-a")) == to_json(*a.document("child-a")));
  CHECK(b.source("reviews/child-a.pdf")->passages == 3);
  CHECK(b.source("reviews/child-a.pdf")->doc_id == "child-a");
  for (const char* query : {"midwife", "exclusion", "sleeping", "\"health visitor\""})
    CHECK(total_for(prepared.path(), query) == total_for(direct.path(), query));
  IndexWriter writer(prepared.path(), testing::sample_info());
  auto loaded = writer.load_document("reviews/child-a.pdf");
  REQUIRE(loaded);
  REQUIRE(loaded->passages.size() == docs[0].passages.size());
  CHECK(loaded->passages[1].text == docs[0].passages[1].text);
}

TEST_CASE("IndexWriter: put_prepared refuses bad bytes and changes nothing", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  testing::build_library(tmp.path(), docs);
  DocumentPreparer preparer(testing::sample_info());
  const std::string good = preparer.prepare(docs[0], testing::source_for(docs[0]).path);
  {
    IndexWriter writer(tmp.path(), testing::sample_info());
    for (const std::string& bad : {std::string(), std::string("rlp1"), good.substr(0, good.size() / 2),
                                   good + "x"}) {
      auto stored = writer.put_prepared(bad, testing::source_for(docs[0]));
      REQUIRE_FALSE(stored.has_value());
      CHECK(stored.error().code == ErrorCode::internal);
    }
    writer.commit();
  }
  IndexReader reader(tmp.path());
  CHECK(reader.passage_count() == 8);
  CHECK(reader.source("reviews/child-a.pdf")->passages == 3);
}
