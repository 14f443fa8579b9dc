#include "index/index_writer.h"

#include <stdexcept>

#include <fmt/format.h>
#include <xapian.h>

#include "index/prepared_codec.h"
#include "index/prepared_document.h"
#include "index/schema.h"
#include "index/store.h"
#include "index/store_source_stats.h"
#include "index/synonyms.h"

namespace reviewlens::index {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir, OpenMode mode) {
  try {
    std::filesystem::create_directories(dir);
    int action = mode == OpenMode::create_fresh ? Xapian::DB_CREATE_OR_OVERWRITE
                                                : Xapian::DB_CREATE_OR_OPEN;
    return Xapian::WritableDatabase(dir.string(), action);
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexLockedError(fmt::format(
        "index {} is locked by another reviewlens ingest; wait for it to finish", dir.string()));
  } catch (const Xapian::Error& e) {
    throw FatalError(fmt::format("cannot open index {} for writing: {}", dir.string(),
                                 e.get_description()));
  } catch (const std::filesystem::filesystem_error& e) {
    throw FatalError(fmt::format("cannot create index folder {}: {}", dir.string(), e.what()));
  }
}

// Runs a Xapian operation, turning its errors into a FatalError: a writer
// that cannot write has nothing useful left to do.
template <class F>
auto guarded(const std::string& dir, const char* what, F&& f) {
  try {
    return f();
  } catch (const Xapian::Error& e) {
    throw FatalError(fmt::format("index {}: {} failed: {}", dir, what, e.get_description()));
  }
}

}  // namespace

struct IndexWriter::Impl {
  std::string dir;
  IndexInfo info;
  Xapian::WritableDatabase db;
  std::vector<SynonymGroup> synonyms = default_synonyms();
  // Built on first put_document: a run that only checks and records (the
  // no-change ingest) never needs its term generator and synonyms.
  std::optional<DocumentPreparer> preparer;
  // The manifest's stat fields by path, loaded on first use (before this
  // writer's first manifest change) and kept in step with every change.
  std::optional<std::map<std::string, SourceStat>> stats;
  bool stats_changed = false;  // the stored table no longer matches `stats`

  Impl(const std::filesystem::path& d, const IndexInfo& i, OpenMode mode)
      : dir(d.string()), info(i), db(open_writable(d, mode)) {
    store::check_schema(db, dir);
    // Everything until commit() is one transaction, so that destroying the
    // writer discards it (a plain WritableDatabase commits when closed).
    db.begin_transaction();
  }

  std::map<std::string, SourceStat>& stat_map() {
    if (stats) return *stats;
    stats.emplace();
    if (auto table = store::read_source_stats(db)) {
      for (auto& s : *table) stats->emplace(s.path, std::move(s));
    } else {  // no table, or one an older writer left behind: the records are the truth
      for (const auto& r : store::read_sources(db)) stats->emplace(r.path, store::stat_of(r));
      stats_changed = true;
    }
    return *stats;
  }

  // Every manifest write goes through here, so `stats` follows it.
  void write_source(const SourceRecord& entry) {
    stat_map()[entry.path] = store::stat_of(entry);
    stats_changed = true;
    store::write_source(db, entry);
  }

  void erase_source(const std::string& path) {
    stat_map().erase(path);
    stats_changed = true;
    db.set_metadata(std::string(schema::kSourceKeyPrefix) + path, "");
  }

  void stage_stats() {
    auto& map = stat_map();
    std::string table;
    if (stats_changed) table = store::encode_source_stats(map);
    store::stage_source_stats(db, stats_changed ? &table : nullptr);
    stats_changed = false;
  }

  void forget_source(const std::string& path) {
    db.delete_document(schema::source_term(path));
    if (auto old = store::read_source(db, path); old && !old->doc_id.empty())
      store::erase_document_record(db, old->doc_id);
  }

  // Throws Xapian::SerialisationError on bad bytes.
  static std::vector<Xapian::Document> unserialise(const PreparedDocument& prepared) {
    std::vector<Xapian::Document> passages;
    passages.reserve(prepared.passages.size());
    for (const auto& bytes : prepared.passages) passages.push_back(Xapian::Document::unserialise(bytes));
    return passages;
  }

  int put(const PreparedDocument& prepared, const std::vector<Xapian::Document>& passages,
          const SourceRecord& source) {
    forget_source(source.path);
    for (const auto& xd : passages) db.add_document(xd);
    for (const auto& [word, count] : prepared.spelling) db.add_spelling(word, count);
    store::write_document_record(db, prepared.doc_id, prepared.record);
    SourceRecord entry = source;
    entry.status = "indexed";
    entry.doc_id = prepared.doc_id;
    entry.passages = static_cast<int>(passages.size());
    if (entry.pages == 0) entry.pages = prepared.pages;
    write_source(entry);
    return entry.passages;
  }

  void add_synonyms() {
    for (const auto& g : synonyms) {
      const std::string concept_id = std::string(schema::kConceptPrefix) + g.abbreviation;
      db.add_synonym(g.abbreviation, concept_id);
      for (const auto& e : g.expansions) db.add_synonym(e, concept_id);
    }
  }
};

IndexWriter::IndexWriter(const std::filesystem::path& dir, const IndexInfo& info, OpenMode mode)
    : impl_(std::make_unique<Impl>(dir, info, mode)) {}

IndexWriter::~IndexWriter() {
  try {
    impl_->db.cancel_transaction();
  } catch (const Xapian::Error&) {
    // Nothing to discard, or the database is already unusable: either way
    // no uncommitted change can become visible.
  }
}

void IndexWriter::put_document(const Document& doc, const SourceRecord& source) {
  guarded(impl_->dir, "put_document", [&] {
    if (!impl_->preparer) impl_->preparer.emplace(impl_->info);
    const PreparedDocument prepared = decode(impl_->preparer->prepare(doc, source.path));
    impl_->put(prepared, Impl::unserialise(prepared), source);
  });
}

Expected<int> IndexWriter::put_prepared(const std::string& prepared, const SourceRecord& source) {
  // Decoded in full before anything is written, so bad bytes change nothing.
  PreparedDocument decoded;
  std::vector<Xapian::Document> passages;
  try {
    decoded = decode(prepared);
    passages = Impl::unserialise(decoded);
  } catch (const std::invalid_argument& e) {
    return make_error(ErrorCode::internal, e.what(), source.path, "index");
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::internal, "undecodable passage: " + e.get_description(),
                      source.path, "index");
  }
  return guarded(impl_->dir, "put_prepared", [&] { return impl_->put(decoded, passages, source); });
}

void IndexWriter::record_failure(const SourceRecord& source) {
  guarded(impl_->dir, "record_failure", [&] {
    impl_->forget_source(source.path);
    SourceRecord entry = source;
    entry.status = "failed";
    entry.passages = 0;
    impl_->write_source(entry);
  });
}

void IndexWriter::remove_source(const std::string& path) {
  guarded(impl_->dir, "remove_source", [&] {
    impl_->forget_source(path);
    impl_->erase_source(path);
  });
}

void IndexWriter::update_source_record(const SourceRecord& source) {
  guarded(impl_->dir, "update_source_record", [&] { impl_->write_source(source); });
}

std::vector<SourceRecord> IndexWriter::sources() const {
  return guarded(impl_->dir, "sources", [&] { return store::read_sources(impl_->db); });
}

std::vector<SourceStat> IndexWriter::source_stats() const {
  return guarded(impl_->dir, "source_stats", [&] {
    std::vector<SourceStat> out;
    const auto& map = impl_->stat_map();
    out.reserve(map.size());
    for (const auto& [path, s] : map) out.push_back(s);
    return out;
  });
}

std::optional<Document> IndexWriter::load_document(const std::string& path) const {
  return guarded(impl_->dir, "load_document", [&] { return store::read_document(impl_->db, path); });
}

std::optional<std::string> IndexWriter::run_metadata(const std::string& key) const {
  return guarded(impl_->dir, "run_metadata", [&]() -> std::optional<std::string> {
    std::string value = impl_->db.get_metadata(std::string(schema::kRunKeyPrefix) + key);
    if (value.empty()) return std::nullopt;
    return value;
  });
}

IndexInfo IndexWriter::stored_info() const {
  return guarded(impl_->dir, "stored_info", [&] { return store::read_index_info(impl_->db); });
}

void IndexWriter::set_info(const IndexInfo& info) {
  impl_->info = info;
  impl_->preparer.reset();  // prepares with the new theme groups from now on
}

void IndexWriter::set_run_metadata(const std::string& key, const std::string& value) {
  guarded(impl_->dir, "set_run_metadata", [&] {
    impl_->db.set_metadata(std::string(schema::kRunKeyPrefix) + key, value);
  });
}

void IndexWriter::commit() {
  guarded(impl_->dir, "commit", [&] {
    store::write_index_info(impl_->db, impl_->info);
    impl_->add_synonyms();
    impl_->stage_stats();
    impl_->db.commit_transaction();
    impl_->db.begin_transaction();
  });
}

std::optional<std::string> read_run_metadata(const std::filesystem::path& dir,
                                             const std::string& key) {
  try {
    Xapian::Database db(dir.string());
    std::string value = db.get_metadata(std::string(schema::kRunKeyPrefix) + key);
    if (value.empty()) return std::nullopt;
    return value;
  } catch (const Xapian::DatabaseOpeningError&) {
    return std::nullopt;
  }
}

}  // namespace reviewlens::index
