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

#include <xapian.h>

#include "index/schema.h"

namespace reviewlens::index {
namespace {

// Bump the digit when the layout below changes; old files are then rebuilt.
constexpr std::string_view kMagic = "RLFACET1";

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Reads what put_* wrote; any overrun leaves ok false.
struct Input {
  std::string_view rest;
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
  std::string str() { return std::string(take(number<std::uint32_t>())); }
};

std::vector<std::string> split_themes(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    auto comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return out;
}

int year_of(std::string_view text) {
  int year = 0;
  std::from_chars(text.data(), text.data() + text.size(), year);
  return year;
}

}  // namespace

std::unique_ptr<FacetTable> FacetTable::open(const Xapian::Database& db, const std::filesystem::path& dir) {
  const std::string uuid = db.get_uuid();
  const std::uint64_t revision = db.get_revision();
  const auto file = dir / kCacheFile;
  auto table = std::make_unique<FacetTable>();
  if (table->load(file, uuid, revision)) return table;
  // Building reads the whole slot: not worth it when it cannot be kept.
  if (::access(dir.c_str(), W_OK) != 0) return nullptr;
  table = build(db);
  return table->save(file, uuid, revision) ? std::move(table) : nullptr;
}

std::unique_ptr<FacetTable> FacetTable::build(const Xapian::Database& db) {
  auto t = std::make_unique<FacetTable>();
  t->docs_.emplace_back();
  t->theme_sets_.emplace_back();
  auto& cells = t->owned_cells_;
  cells.assign(2 * (static_cast<std::size_t>(db.get_lastdocid()) + 1), 0);
  // Keyed by the whole "id\ttype\tyear" prefix, not the id alone, so the
  // counts equal those from the values even if a document's passages disagreed.
  std::unordered_map<std::string, std::uint32_t> doc_index, set_index;
  for (auto it = db.valuestream_begin(schema::kFacetSlot); it != db.valuestream_end(schema::kFacetSlot); ++it) {
    const std::string value = *it;
    std::string_view v = value;
    std::string_view f[4];
    std::size_t prefix_end = 0;
    for (int i = 0; i < 4; ++i) {
      auto tab = i < 3 ? v.find('\t') : std::string_view::npos;
      f[i] = v.substr(0, tab);
      v = tab == std::string_view::npos ? std::string_view() : v.substr(tab + 1);
      if (i == 2) prefix_end = value.size() - v.size();
    }
    auto [d, new_doc] = doc_index.try_emplace(value.substr(0, prefix_end), t->docs_.size());
    if (new_doc) t->docs_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), year_of(f[2])});
    auto [s, new_set] = set_index.try_emplace(std::string(f[3]), t->theme_sets_.size());
    if (new_set) t->theme_sets_.push_back(split_themes(f[3]));
    cells[2 * it.get_docid()] = d->second;
    cells[2 * it.get_docid() + 1] = s->second;
  }
  t->cells_ = cells.data();
  t->n_cells_ = cells.size();
  return t;
}

FacetTable::~FacetTable() {
  if (map_) ::munmap(map_, map_size_);
}

bool FacetTable::load(const std::filesystem::path& file, std::string_view uuid, std::uint64_t revision) {
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

  Input r{std::string_view(static_cast<const char*>(map_), map_size_)};
  if (r.take(kMagic.size()) != kMagic || r.str() != uuid || r.number<std::uint64_t>() != revision) return false;
  // Each entry takes at least 4 bytes, which bounds counts read from a
  // damaged file before anything is allocated for them.
  auto count = [&r] {
    auto n = r.number<std::uint32_t>();
    if (n > r.rest.size() / 4) r.ok = false;
    return r.ok ? n : 0;
  };
  docs_.resize(count());
  for (auto& d : docs_) {
    d.id = r.str();
    d.type = r.str();
    d.year_text = r.str();
    d.year = year_of(d.year_text);
  }
  theme_sets_.resize(count());
  for (auto& s : theme_sets_) s = split_themes(r.str());
  n_cells_ = count();
  r.take((4 - (map_size_ - r.rest.size()) % 4) % 4);  // cells start 4-byte aligned
  auto raw = r.take(n_cells_ * sizeof(std::uint32_t));
  if (!r.ok || !r.rest.empty() || docs_.empty() || theme_sets_.empty()) return false;
  cells_ = reinterpret_cast<const std::uint32_t*>(raw.data());
  return true;
}

// Written beside the target and renamed over it, so a concurrent search
// reads either the old file or the complete new one.
bool FacetTable::save(const std::filesystem::path& file, std::string_view uuid, std::uint64_t revision) const {
  std::string out(kMagic);
  put_str(out, uuid);
  put_u64(out, revision);
  put_u32(out, static_cast<std::uint32_t>(docs_.size()));
  for (const auto& d : docs_) {
    put_str(out, d.id);
    put_str(out, d.type);
    put_str(out, d.year_text);
  }
  put_u32(out, static_cast<std::uint32_t>(theme_sets_.size()));
  for (const auto& s : theme_sets_) {
    std::string list;
    for (const auto& t : s) list += (list.empty() ? "" : ",") + t;
    put_str(out, list);
  }
  put_u32(out, static_cast<std::uint32_t>(n_cells_));
  out.append((4 - out.size() % 4) % 4, '\0');
  out.append(reinterpret_cast<const char*>(cells_), n_cells_ * sizeof(std::uint32_t));

  auto tmp = file;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f || !f.write(out.data(), static_cast<std::streamsize>(out.size())) || !f.flush()) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (!ec) return true;
  std::filesystem::remove(tmp, ec);
  return false;
}

}  // namespace reviewlens::index
