// IndexReader: read-only access to a reviewlens index's records: index info,
// per-document records, the manifest and stored passages. Search lives in
// index/searcher.h.
//
// Opens a snapshot of the database at construction. One reader per thread.
// Errors: FatalError (3) when there is no index at dir (the message tells the
// user to run `reviewlens ingest`) or its schema is newer than ours.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/document_record.h"
#include "index/index_writer.h"

namespace reviewlens::index {

class IndexReader {
 public:
  explicit IndexReader(const std::filesystem::path& dir);
  ~IndexReader();
  IndexReader(const IndexReader&) = delete;
  IndexReader& operator=(const IndexReader&) = delete;

  IndexInfo info() const;
  int schema_version() const;
  std::size_t passage_count() const;
  std::vector<DocumentRecord> documents() const;  // sorted by id
  std::optional<DocumentRecord> document(const std::string& doc_id) const;
  std::vector<SourceRecord> sources() const;      // sorted by path
  std::optional<SourceRecord> source(const std::string& path) const;
  // Passages of an indexed source, in document order.
  std::optional<Document> load_document(const std::string& path) const;
  // The source path of a document given by id or by path; nullopt if unknown.
  std::optional<std::string> resolve(const std::string& doc_or_path) const;
  // Passages carrying each theme, over the whole index (exact).
  std::map<std::string, std::size_t> theme_counts() const;
  std::optional<std::string> run_metadata(const std::string& key) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reviewlens::index
