// Internal to rl_index: the manifest's compact stat table, one metadata
// value ("source_stats") holding path, size, mtime, status and passage count
// of every source, so that a no-change ingest (cli/ingest_quick.h) learns
// what it needs without parsing one JSON record per source (that parse was
// 15-20% of a no-change run on 2,000 sources).
//
// The table is a cache of the "source:<path>" records, which stay the truth.
// IndexWriter rewrites it at each commit it makes, and records the revision
// that commit creates under "source_stats_rev". A table whose revision is not
// the database's current one was left behind by a writer that does not know
// it (an older reviewlens): read_source_stats then answers nullopt and the
// caller falls back to the records. An index without a table (built before
// it existed) reads the same way, and gets a table at its next commit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_writer.h"

namespace Xapian {
class Database;
class WritableDatabase;
}  // namespace Xapian

namespace reviewlens::index::store {

SourceStat stat_of(const SourceRecord& record);

// A header line ("reviewlens-source-stats 1"), then one line per source,
// sorted by path: "size mtime_ns passages status path-length:path\n" (the
// length, because a path may hold any byte).
std::string encode_source_stats(const std::map<std::string, SourceStat>& stats);
// nullopt when the bytes are not such a table.
std::optional<std::vector<SourceStat>> decode_source_stats(std::string_view bytes);

// The table, when present and written by the commit that made the
// database's current revision; else nullopt (read the records instead).
std::optional<std::vector<SourceStat>> read_source_stats(const Xapian::Database& db);
// Stages the table (when `table` is set) and the revision the next commit
// will create; call just before committing.
void stage_source_stats(Xapian::WritableDatabase& db, const std::string* table);

}  // namespace reviewlens::index::store
