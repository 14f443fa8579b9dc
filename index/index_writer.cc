#include "index/index_writer.h"

#include <unordered_map>

#include <fmt/format.h>
#include <xapian.h>

#include "index/passage_document.h"
#include "index/schema.h"
#include "index/store.h"
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
  Xapian::TermGenerator generator;
  std::vector<SynonymGroup> synonyms = default_synonyms();
  ConceptDetector concepts{synonyms};

  Impl(const std::filesystem::path& d, const IndexInfo& i, OpenMode mode)
      : dir(d.string()), info(i), db(open_writable(d, mode)) {
    store::check_schema(db, dir);
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // No FLAG_SPELLING: it updates the spelling table once per word
    // occurrence, a large share of the writer's time. add_spelling_of()
    // stores the same words with the same frequencies once per document.
    // Everything until commit() is one transaction, so that destroying the
    // writer discards it (a plain WritableDatabase commits when closed).
    db.begin_transaction();
  }

  void forget_source(const std::string& path) {
    db.delete_document(schema::source_term(path));
    if (auto old = store::read_source(db, path); old && !old->doc_id.empty())
      store::erase_document_record(db, old->doc_id);
  }

  // The spelling data FLAG_SPELLING would add for `xd`: every unprefixed
  // term (prefixes are capitals; words are lower-cased) with its wdf, which
  // is its number of occurrences in the passage text.
  static void count_spelling(const Xapian::Document& xd,
                             std::unordered_map<std::string, Xapian::termcount>& counts) {
    for (auto it = xd.termlist_begin(); it != xd.termlist_end(); ++it) {
      const std::string& word = *it;
      if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
      counts[word] += it.get_wdf();
    }
  }

  void add_spelling(const std::unordered_map<std::string, Xapian::termcount>& counts) {
    for (const auto& [word, count] : counts) db.add_spelling(word, count);
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
    impl_->forget_source(source.path);
    const PassageContext context{doc, source.path, impl_->info, impl_->concepts};
    int order = 0;
    std::unordered_map<std::string, Xapian::termcount> spelling;
    for (const auto& passage : doc.passages) {
      Xapian::Document xd = make_passage_document(impl_->generator, context, passage, ++order);
      Impl::count_spelling(xd, spelling);
      impl_->db.add_document(xd);
    }
    impl_->add_spelling(spelling);
    store::write_document_record(impl_->db, make_document_record(doc, source.path));
    SourceRecord entry = source;
    entry.status = "indexed";
    entry.doc_id = doc.id;
    entry.passages = static_cast<int>(doc.passages.size());
    if (entry.pages == 0) entry.pages = doc.pages;
    store::write_source(impl_->db, entry);
  });
}

void IndexWriter::record_failure(const SourceRecord& source) {
  guarded(impl_->dir, "record_failure", [&] {
    impl_->forget_source(source.path);
    SourceRecord entry = source;
    entry.status = "failed";
    entry.passages = 0;
    store::write_source(impl_->db, entry);
  });
}

void IndexWriter::remove_source(const std::string& path) {
  guarded(impl_->dir, "remove_source", [&] {
    impl_->forget_source(path);
    impl_->db.set_metadata(std::string(schema::kSourceKeyPrefix) + path, "");
  });
}

void IndexWriter::update_source_record(const SourceRecord& source) {
  guarded(impl_->dir, "update_source_record", [&] { store::write_source(impl_->db, source); });
}

std::vector<SourceRecord> IndexWriter::sources() const {
  return guarded(impl_->dir, "sources", [&] { return store::read_sources(impl_->db); });
}

std::optional<Document> IndexWriter::load_document(const std::string& path) const {
  return guarded(impl_->dir, "load_document", [&] { return store::read_document(impl_->db, path); });
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
