// IndexWriter: the only code that changes a reviewlens index. One Xapian
// document per passage, per-source-document records and the ingest manifest
// (user metadata), all changed together by one atomic commit. Schema:
// index/schema.h and index/README.md.
//
// Ownership and threads: one IndexWriter owns the database's write lock for
// its lifetime; use it from one thread at a time. Errors: problems that make
// the run pointless are FatalError (IndexLockedError when another writer
// holds the lock); Xapian exceptions are translated here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

namespace reviewlens::index {

// What the index records about the taxonomy it was tagged with.
struct IndexInfo {
  std::string taxonomy_version;
  std::string taxonomy_hash;
  std::map<std::string, std::string> theme_groups;  // theme id -> group
};

// One manifest entry per source file, kept inside the Xapian database as user
// metadata ("source:<path>", JSON) so passages and manifest commit together.
struct SourceRecord {
  std::string path;          // relative to the corpus root, '/' separated
  std::string doc_id;        // Document::id given to its passages
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;  // hex of a fast hash of the bytes
  std::string status;        // "indexed" | "failed"
  std::string reason;        // ErrorCode name when failed
  std::string message;       // failure message
  int passages = 0, pages = 0;
  std::string indexed_at;    // ISO 8601 UTC
};

// The part of a SourceRecord that tells whether a file is unchanged, and the
// run totals: what a no-change ingest reads (kept as one compact table too,
// so reading it does not parse every record; index/store_source_stats.h).
struct SourceStat {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string status;  // as SourceRecord::status
  int passages = 0;
};

// Another process (or object) holds the index's write lock.
class IndexLockedError : public FatalError {
 public:
  explicit IndexLockedError(const std::string& what) : FatalError(what, exit_code::kLocked) {}
};

enum class OpenMode { update, create_fresh };

class IndexWriter {
 public:
  // Opens (creating if needed) the database at dir. Throws IndexLockedError
  // when another writer holds it; FatalError (3) when unwritable or the
  // schema version is newer than ours.
  IndexWriter(const std::filesystem::path& dir, const IndexInfo& info,
              OpenMode mode = OpenMode::update);
  ~IndexWriter();  // does NOT commit: uncommitted work is discarded
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Replaces everything indexed for source.path by doc, and the manifest
  // entry by source (status forced to "indexed"). doc.passages must be tagged.
  void put_document(const Document& doc, const SourceRecord& source);
  // The same from DocumentPreparer::prepare's bytes (built elsewhere, e.g. in
  // an extraction child, with this writer's IndexInfo). Returns the number
  // of passages stored; `internal` when the bytes cannot be decoded, and
  // then nothing is changed.
  Expected<int> put_prepared(const std::string& prepared, const SourceRecord& source);
  // Removes any passages the source had; stores the entry as "failed".
  void record_failure(const SourceRecord& source);
  // Removes a source's passages, document record and manifest entry.
  void remove_source(const std::string& path);
  // Updates only the manifest entry.
  void update_source_record(const SourceRecord& source);
  std::vector<SourceRecord> sources() const;  // sorted by path
  // The same sources' stat fields, including this writer's uncommitted
  // changes; cheap after the first call (and the first is cheap too when
  // the index's stat table is current).
  std::vector<SourceStat> source_stats() const;
  std::optional<Document> load_document(const std::string& path) const;
  void set_run_metadata(const std::string& key, const std::string& value);
  // What the database holds (committed, or set by this writer): a run
  // metadata value (nullopt when absent), and the taxonomy record.
  std::optional<std::string> run_metadata(const std::string& key) const;
  IndexInfo stored_info() const;
  // Replaces the IndexInfo given to the constructor: what later documents
  // are prepared with and what commit() records.
  void set_info(const IndexInfo& info);
  // One atomic Xapian commit of everything above, with the stat table.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Read side helper used by status/search; nullopt when the index or key is
// missing.
std::optional<std::string> read_run_metadata(const std::filesystem::path& dir,
                                             const std::string& key);

}  // namespace reviewlens::index
