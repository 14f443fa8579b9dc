// Internal to rl_index: reading and writing records (manifest entries,
// document records, index info, stored passages) in an open Xapian database.
// Shared by IndexWriter, IndexReader and Searcher. Xapian types are only
// forward-declared here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "index/document_record.h"
#include "index/index_writer.h"

namespace Xapian {
class Database;
class WritableDatabase;
}  // namespace Xapian

namespace reviewlens::index::store {

// Opens an index read-only. Throws FatalError (3) when there is none at dir
// (telling the user to run `reviewlens ingest`), or its schema is too new.
Xapian::Database open_database(const std::filesystem::path& dir);

nlohmann::json to_json(const SourceRecord& source);
SourceRecord source_record_from_json(const nlohmann::json& j);

void write_source(Xapian::WritableDatabase& db, const SourceRecord& source);
std::optional<SourceRecord> read_source(const Xapian::Database& db, const std::string& path);
std::vector<SourceRecord> read_sources(const Xapian::Database& db);

void write_document_record(Xapian::WritableDatabase& db, const DocumentRecord& record);
// `json` is to_json(record).dump() of the record with that id.
void write_document_record(Xapian::WritableDatabase& db, const std::string& doc_id,
                           const std::string& json);
void erase_document_record(Xapian::WritableDatabase& db, const std::string& doc_id);
std::optional<DocumentRecord> read_document_record(const Xapian::Database& db, const std::string& doc_id);
std::vector<DocumentRecord> read_document_records(const Xapian::Database& db);  // sorted by id

void write_index_info(Xapian::WritableDatabase& db, const IndexInfo& info);
IndexInfo read_index_info(const Xapian::Database& db);
int read_schema_version(const Xapian::Database& db);  // 0 when absent

// The passages stored for a source path, in document order, with document
// fields from its record; nullopt when nothing is stored for it.
std::optional<Document> read_document(const Xapian::Database& db, const std::string& path);

// Throws FatalError(3) when the database was written by a newer schema.
void check_schema(const Xapian::Database& db, const std::string& dir);

}  // namespace reviewlens::index::store
