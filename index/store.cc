#include "index/store.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/schema.h"

namespace reviewlens::index::store {
namespace {

std::string key(std::string_view prefix, const std::string& name) {
  return std::string(prefix) + name;
}

template <class Record, class Parse>
std::vector<Record> read_all(const Xapian::Database& db, std::string_view prefix, Parse parse) {
  std::vector<Record> out;
  const std::string p(prefix);
  for (auto it = db.metadata_keys_begin(p); it != db.metadata_keys_end(p); ++it)
    out.push_back(parse(nlohmann::json::parse(db.get_metadata(*it))));
  return out;
}

}  // namespace

nlohmann::json to_json(const SourceRecord& s) {
  return {{"path", s.path},       {"doc_id", s.doc_id},   {"size", s.size},
          {"mtime_ns", s.mtime_ns}, {"content_hash", s.content_hash},
          {"status", s.status},   {"reason", s.reason},   {"message", s.message},
          {"passages", s.passages}, {"pages", s.pages},   {"indexed_at", s.indexed_at}};
}

SourceRecord source_record_from_json(const nlohmann::json& j) {
  SourceRecord s;
  s.path = j.at("path").get<std::string>();
  s.doc_id = j.value("doc_id", "");
  s.size = j.value("size", std::uint64_t{0});
  s.mtime_ns = j.value("mtime_ns", std::int64_t{0});
  s.content_hash = j.value("content_hash", "");
  s.status = j.value("status", "");
  s.reason = j.value("reason", "");
  s.message = j.value("message", "");
  s.passages = j.value("passages", 0);
  s.pages = j.value("pages", 0);
  s.indexed_at = j.value("indexed_at", "");
  return s;
}

void write_source(Xapian::WritableDatabase& db, const SourceRecord& source) {
  db.set_metadata(key(schema::kSourceKeyPrefix, source.path), to_json(source).dump());
}

std::optional<SourceRecord> read_source(const Xapian::Database& db, const std::string& path) {
  std::string value = db.get_metadata(key(schema::kSourceKeyPrefix, path));
  if (value.empty()) return std::nullopt;
  return source_record_from_json(nlohmann::json::parse(value));
}

std::vector<SourceRecord> read_sources(const Xapian::Database& db) {
  // Metadata keys iterate in byte order, which is the path order we promise.
  return read_all<SourceRecord>(db, schema::kSourceKeyPrefix, source_record_from_json);
}

void write_document_record(Xapian::WritableDatabase& db, const DocumentRecord& record) {
  db.set_metadata(key(schema::kDocKeyPrefix, record.id), to_json(record).dump());
}

void write_document_record(Xapian::WritableDatabase& db, const std::string& doc_id,
                           const std::string& json) {
  db.set_metadata(key(schema::kDocKeyPrefix, doc_id), json);
}

void erase_document_record(Xapian::WritableDatabase& db, const std::string& doc_id) {
  db.set_metadata(key(schema::kDocKeyPrefix, doc_id), "");
}

std::optional<DocumentRecord> read_document_record(const Xapian::Database& db,
                                                   const std::string& doc_id) {
  std::string value = db.get_metadata(key(schema::kDocKeyPrefix, doc_id));
  if (value.empty()) return std::nullopt;
  return document_record_from_json(nlohmann::json::parse(value));
}

std::vector<DocumentRecord> read_document_records(const Xapian::Database& db) {
  return read_all<DocumentRecord>(db, schema::kDocKeyPrefix, document_record_from_json);
}

void write_index_info(Xapian::WritableDatabase& db, const IndexInfo& info) {
  db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kTaxonomyVersionKey), info.taxonomy_version);
  db.set_metadata(std::string(schema::kTaxonomyHashKey), info.taxonomy_hash);
  db.set_metadata(std::string(schema::kThemeGroupsKey), nlohmann::json(info.theme_groups).dump());
}

IndexInfo read_index_info(const Xapian::Database& db) {
  IndexInfo info;
  info.taxonomy_version = db.get_metadata(std::string(schema::kTaxonomyVersionKey));
  info.taxonomy_hash = db.get_metadata(std::string(schema::kTaxonomyHashKey));
  std::string groups = db.get_metadata(std::string(schema::kThemeGroupsKey));
  if (!groups.empty())
    info.theme_groups = nlohmann::json::parse(groups).get<std::map<std::string, std::string>>();
  return info;
}

int read_schema_version(const Xapian::Database& db) {
  std::string v = db.get_metadata(std::string(schema::kSchemaVersionKey));
  int version = 0;
  std::from_chars(v.data(), v.data() + v.size(), version);
  return version;
}

void check_schema(const Xapian::Database& db, const std::string& dir) {
  int version = read_schema_version(db);
  if (version > schema::kSchemaVersion)
    throw FatalError(fmt::format("index {} has schema version {}, newer than this reviewlens "
                                 "understands ({}); upgrade reviewlens or re-ingest into a new index",
                                 dir, version, schema::kSchemaVersion));
}

Xapian::Database open_database(const std::filesystem::path& dir) {
  const std::string missing = fmt::format(
      "no reviewlens index at {}; run `reviewlens ingest <folder>` first (or pass --index DIR)",
      dir.string());
  if (!std::filesystem::exists(dir)) throw FatalError(missing);
  try {
    Xapian::Database db(dir.string());
    check_schema(db, dir.string());
    return db;
  } catch (const Xapian::DatabaseOpeningError&) {
    throw FatalError(missing);
  } catch (const Xapian::Error& e) {
    throw FatalError(fmt::format("cannot read index {}: {}", dir.string(), e.get_description()));
  }
}

std::optional<Document> read_document(const Xapian::Database& db, const std::string& path) {
  auto source = read_source(db, path);
  if (!source || source->status != "indexed") return std::nullopt;
  Document doc;
  doc.file = path;
  doc.id = source->doc_id;
  if (auto record = read_document_record(db, source->doc_id)) {
    doc.title = record->title;
    doc.doc_type = record->doc_type;
    doc.year = record->year;
    doc.partnership = record->partnership;
    doc.child = record->child;
    doc.author = record->author;
    doc.pages = record->pages;
    doc.facts = record->facts;
  }
  std::vector<std::pair<int, Passage>> ordered;
  const std::string term = schema::source_term(path);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    auto data = nlohmann::json::parse(db.get_document(*it).get_data());
    ordered.emplace_back(data.value("order", 0), passage_from_json(data));
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, passage] : ordered) doc.passages.push_back(std::move(passage));
  return doc;
}

}  // namespace reviewlens::index::store
