#include "index/index_reader.h"

#include <xapian.h>

#include "index/schema.h"
#include "index/store.h"

namespace reviewlens::index {

struct IndexReader::Impl {
  Xapian::Database db;
};

IndexReader::IndexReader(const std::filesystem::path& dir)
    : impl_(std::make_unique<Impl>(Impl{store::open_database(dir)})) {}
IndexReader::~IndexReader() = default;

IndexInfo IndexReader::info() const { return store::read_index_info(impl_->db); }
int IndexReader::schema_version() const { return store::read_schema_version(impl_->db); }
std::size_t IndexReader::passage_count() const { return impl_->db.get_doccount(); }

std::vector<DocumentRecord> IndexReader::documents() const {
  return store::read_document_records(impl_->db);
}

std::optional<DocumentRecord> IndexReader::document(const std::string& doc_id) const {
  return store::read_document_record(impl_->db, doc_id);
}

std::vector<SourceRecord> IndexReader::sources() const { return store::read_sources(impl_->db); }

std::optional<SourceRecord> IndexReader::source(const std::string& path) const {
  return store::read_source(impl_->db, path);
}

std::optional<Document> IndexReader::load_document(const std::string& path) const {
  return store::read_document(impl_->db, path);
}

std::optional<std::string> IndexReader::resolve(const std::string& doc_or_path) const {
  if (auto s = source(doc_or_path); s && s->status == "indexed") return s->path;
  if (auto record = document(doc_or_path)) return record->file;
  return std::nullopt;
}

std::map<std::string, std::size_t> IndexReader::theme_counts() const {
  std::map<std::string, std::size_t> counts;
  const std::string prefix(schema::kThemePrefix);
  for (auto it = impl_->db.allterms_begin(prefix); it != impl_->db.allterms_end(prefix); ++it)
    counts[(*it).substr(prefix.size())] = it.get_termfreq();
  return counts;
}

std::optional<std::string> IndexReader::run_metadata(const std::string& key) const {
  std::string value = impl_->db.get_metadata(std::string(schema::kRunKeyPrefix) + key);
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace reviewlens::index
