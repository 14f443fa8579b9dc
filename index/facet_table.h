// Internal to rl_index: the facet fields of every passage of one index
// revision, as two small integers per docid (its document; its set of
// themes), so a search counts facets with array increments instead of
// reading the facet value (slot 7) of each match. Those value reads touch
// nearly every block of the slot for a broad query and were most of its
// time.
//
// Built from slot 7 by the first search after an ingest and kept as a cache
// file in the index folder (kCacheFile), valid for exactly one database
// uuid and revision: a file from any other revision is rebuilt, so counts
// never come from stale data. Where the file can be neither read nor
// written (read-only index), or the scan fails, open() returns nullptr and
// callers read the values as before. A search killed while saving may leave
// a "search-facets.bin.tmp-<pid>" beside it. Immutable once built; share
// freely between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
}

namespace reviewlens::index {

class FacetTable {
 public:
  static constexpr std::string_view kCacheFile = "search-facets.bin";

  FacetTable() = default;
  ~FacetTable();
  FacetTable(const FacetTable&) = delete;
  FacetTable& operator=(const FacetTable&) = delete;

  // Views into the table's bytes: valid while the table lives.
  struct Doc {
    std::string_view id, type, year_text;  // fields of schema::kFacetSlot
    int year = 0;                          // 0: unknown
  };

  // The table for db's current revision: from dir/kCacheFile if that file
  // matches, else built and saved there; nullptr when it cannot be saved.
  static std::unique_ptr<FacetTable> open(const Xapian::Database& db, const std::filesystem::path& dir);

  // Entry 0 of both lists is empty: a docid without a facet value.
  const std::vector<Doc>& docs() const { return docs_; }
  // Each theme set as its comma-separated theme ids ("" for none).
  const std::vector<std::string_view>& theme_sets() const { return theme_sets_; }
  // Out-of-range entries (a damaged file) read as 0.
  std::uint32_t doc_of(std::uint32_t docid) const { return cell(2 * std::size_t{docid}, docs_.size()); }
  std::uint32_t theme_set_of(std::uint32_t docid) const {
    return cell(2 * std::size_t{docid} + 1, theme_sets_.size());
  }

 private:
  std::uint32_t cell(std::size_t i, std::size_t limit) const {
    return i < n_cells_ && cells_[i] < limit ? cells_[i] : 0;
  }
  // The file's bytes: built from slot 7, or mapped from the cache file;
  // parse() then only makes views into them, so opening allocates little.
  static std::string build(const Xapian::Database& db, std::string_view uuid, std::uint64_t revision);
  static bool save(const std::filesystem::path& file, std::string_view bytes);
  bool map_file(const std::filesystem::path& file);
  bool parse(std::string_view bytes, std::string_view uuid, std::uint64_t revision);

  std::string owned_;  // the bytes, when built here
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::vector<Doc> docs_;
  std::vector<std::string_view> theme_sets_;
  // [2 * docid]: doc, [2 * docid + 1]: theme set, in the bytes (a mapped
  // file is only paged in where a search's matches are).
  const std::uint32_t* cells_ = nullptr;
  std::size_t n_cells_ = 0;
};

}  // namespace reviewlens::index
