#include "index/facet_table.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>
#include <xapian.h>

#include "index/schema.h"

namespace reviewlens::index {
namespace {

// Layout: magic, uuid, revision, docs (id, type, year text), theme sets
// (comma-joined), zero padding to a multiple of 4, then two uint32 per
// docid. Native byte order: the file is a local cache, never shipped.
// Bump the digit when the layout changes; old files are then rebuilt.
constexpr std::string_view kMagic = "RLFACET2";

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Reads what put_* wrote; any overrun leaves ok false.
struct Input {
  std::string_view all, rest;
  bool ok = true;
  std::string_view take(std::size_t n) {
    if (rest.size() < n) ok = false;
    auto out = rest.substr(0, ok ? n : 0);
    rest.remove_prefix(out.size());
    return out;
  }
  template <class T>
  T number() {
    T v{};
    auto bytes = take(sizeof v);
    if (ok) std::memcpy(&v, bytes.data(), sizeof v);
    return v;
  }
  std::string_view str() { return take(number<std::uint32_t>()); }
  // Each entry takes at least 4 bytes, which bounds a count read from a
  // damaged file before anything is allocated for it.
  std::uint32_t count() {
    auto n = number<std::uint32_t>();
    if (n > rest.size() / 4) ok = false;
    return ok ? n : 0;
  }
};

int year_of(std::string_view text) {
  int year = 0;
  std::from_chars(text.data(), text.data() + text.size(), year);
  return year;
}

// Splits a slot-7 value into its four fields; the fourth keeps its commas.
void split_facet(std::string_view v, std::string_view (&f)[4]) {
  for (int i = 0; i < 4; ++i) {
    auto tab = i < 3 ? v.find('\t') : std::string_view::npos;
    f[i] = v.substr(0, tab);
    v = tab == std::string_view::npos ? std::string_view() : v.substr(tab + 1);
  }
}

}  // namespace

FacetTable::~FacetTable() {
  if (map_) ::munmap(map_, map_size_);
}

std::unique_ptr<FacetTable> FacetTable::open(const Xapian::Database& db, const std::filesystem::path& dir) {
  const std::string uuid = db.get_uuid();
  const std::uint64_t revision = db.get_revision();
  const auto file = dir / kCacheFile;
  auto table = std::make_unique<FacetTable>();
  if (table->map_file(file) &&
      table->parse({static_cast<const char*>(table->map_), table->map_size_}, uuid, revision))
    return table;
  // Building reads the whole slot: not worth it when it cannot be kept.
  if (::access(dir.c_str(), W_OK) != 0) return nullptr;
  table = std::make_unique<FacetTable>();
  try {
    table->owned_ = build(db, uuid, revision);
  } catch (const Xapian::Error&) {
    // Most likely DatabaseModifiedError (an ingest committed twice during
    // the scan): this search reads the values; the next one builds.
    return nullptr;
  }
  if (!save(file, table->owned_) || !table->parse(table->owned_, uuid, revision)) return nullptr;
  return table;
}

std::string FacetTable::build(const Xapian::Database& db, std::string_view uuid, std::uint64_t revision) {
  // Entry 0 of each list: a docid without a facet value. Documents are keyed
  // by the whole "id\ttype\tyear" prefix, not the id alone, so the counts
  // equal those from the values even if a document's passages disagreed.
  std::vector<std::string> docs{"\t\t"}, sets{""};
  std::unordered_map<std::string, std::uint32_t> doc_index{{docs[0], 0}}, set_index{{sets[0], 0}};
  std::vector<std::uint32_t> cells(2 * (static_cast<std::size_t>(db.get_lastdocid()) + 1), 0);
  for (auto it = db.valuestream_begin(schema::kFacetSlot); it != db.valuestream_end(schema::kFacetSlot); ++it) {
    const std::string value = *it;
    std::string_view f[4];
    split_facet(value, f);
    std::string prefix = fmt::format("{}\t{}\t{}", f[0], f[1], f[2]);
    auto [d, new_doc] = doc_index.try_emplace(prefix, static_cast<std::uint32_t>(docs.size()));
    if (new_doc) docs.push_back(std::move(prefix));
    auto [s, new_set] = set_index.try_emplace(std::string(f[3]), static_cast<std::uint32_t>(sets.size()));
    if (new_set) sets.emplace_back(f[3]);
    cells[2 * it.get_docid()] = d->second;
    cells[2 * it.get_docid() + 1] = s->second;
  }
  std::string out(kMagic);
  put_str(out, uuid);
  put_u64(out, revision);
  put_u32(out, static_cast<std::uint32_t>(docs.size()));
  for (const auto& prefix : docs) {
    std::string_view f[4];
    split_facet(prefix, f);
    for (int i = 0; i < 3; ++i) put_str(out, f[i]);
  }
  put_u32(out, static_cast<std::uint32_t>(sets.size()));
  for (const auto& s : sets) put_str(out, s);
  put_u32(out, static_cast<std::uint32_t>(cells.size()));
  out.append((4 - out.size() % 4) % 4, '\0');
  out.append(reinterpret_cast<const char*>(cells.data()), cells.size() * sizeof(std::uint32_t));
  return out;
}

bool FacetTable::map_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  void* map = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return false;
  map_ = map;
  map_size_ = static_cast<std::size_t>(st.st_size);
  return true;
}

bool FacetTable::parse(std::string_view bytes, std::string_view uuid, std::uint64_t revision) {
  Input r{bytes, bytes};
  if (r.take(kMagic.size()) != kMagic || r.str() != uuid || r.number<std::uint64_t>() != revision) return false;
  docs_.resize(r.count());
  for (auto& d : docs_) {
    d.id = r.str();
    d.type = r.str();
    d.year_text = r.str();
    d.year = year_of(d.year_text);
  }
  theme_sets_.resize(r.count());
  for (auto& s : theme_sets_) s = r.str();
  n_cells_ = r.count();
  r.take((4 - (bytes.size() - r.rest.size()) % 4) % 4);  // padding: cells are 4-byte aligned
  auto raw = r.take(n_cells_ * sizeof(std::uint32_t));
  if (!r.ok || !r.rest.empty() || docs_.empty() || theme_sets_.empty()) return false;
  cells_ = reinterpret_cast<const std::uint32_t*>(raw.data());
  return true;
}

// Written beside the target and renamed over it, so a concurrent search
// maps either the old file or the complete new one.
bool FacetTable::save(const std::filesystem::path& file, std::string_view bytes) {
  auto tmp = file;
  tmp += ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f || !f.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !f.flush()) {
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, file, ec);
  if (!ec) return true;
  std::filesystem::remove(tmp, ec);
  return false;
}

}  // namespace reviewlens::index
