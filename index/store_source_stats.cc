#include "index/store_source_stats.h"

#include <charconv>

#include <xapian.h>

#include "index/schema.h"

namespace reviewlens::index::store {
namespace {

constexpr const char* kTableKey = "source_stats";
constexpr const char* kRevisionKey = "source_stats_rev";
// First line of the table: its format, so that a later one can be told apart.
constexpr std::string_view kHeader = "reviewlens-source-stats 1\n";

// Reads a decimal number up to `stop`, advancing `in`; false on anything else.
template <class T>
bool take_number(std::string_view& in, char stop, T& out) {
  auto [end, ec] = std::from_chars(in.data(), in.data() + in.size(), out);
  if (ec != std::errc() || end == in.data() + in.size() || *end != stop) return false;
  in.remove_prefix(static_cast<std::size_t>(end - in.data()) + 1);
  return true;
}

bool take_word(std::string_view& in, std::string& out) {
  auto space = in.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  out.assign(in.substr(0, space));
  in.remove_prefix(space + 1);
  return true;
}

std::optional<SourceStat> take_line(std::string_view& in) {
  SourceStat s;
  std::size_t length = 0;
  if (!take_number(in, ' ', s.size) || !take_number(in, ' ', s.mtime_ns) ||
      !take_number(in, ' ', s.passages) || !take_word(in, s.status) || !take_number(in, ':', length))
    return std::nullopt;
  if (in.size() < length + 1 || in[length] != '\n') return std::nullopt;
  s.path.assign(in.substr(0, length));
  in.remove_prefix(length + 1);
  return s;
}

}  // namespace

SourceStat stat_of(const SourceRecord& r) { return {r.path, r.size, r.mtime_ns, r.status, r.passages}; }

std::string encode_source_stats(const std::map<std::string, SourceStat>& stats) {
  std::string out(kHeader);
  out.reserve(kHeader.size() + stats.size() * 80);
  for (const auto& [path, s] : stats) {
    out += std::to_string(s.size);
    out += ' ';
    out += std::to_string(s.mtime_ns);
    out += ' ';
    out += std::to_string(s.passages);
    out += ' ';
    out += s.status.empty() ? "-" : s.status;  // never empty: the parser splits on spaces
    out += ' ';
    out += std::to_string(path.size());
    out += ':';
    out += path;
    out += '\n';
  }
  return out;
}

std::optional<std::vector<SourceStat>> decode_source_stats(std::string_view bytes) {
  if (!bytes.starts_with(kHeader)) return std::nullopt;
  bytes.remove_prefix(kHeader.size());
  std::vector<SourceStat> out;
  while (!bytes.empty()) {
    auto s = take_line(bytes);
    if (!s) return std::nullopt;
    if (s->status == "-") s->status.clear();
    out.push_back(std::move(*s));
  }
  return out;
}

std::optional<std::vector<SourceStat>> read_source_stats(const Xapian::Database& db) {
  const std::string rev = db.get_metadata(kRevisionKey);
  Xapian::rev written = 0;
  auto [end, ec] = std::from_chars(rev.data(), rev.data() + rev.size(), written);
  if (rev.empty() || ec != std::errc() || end != rev.data() + rev.size() || written != db.get_revision())
    return std::nullopt;
  return decode_source_stats(db.get_metadata(kTableKey));
}

void stage_source_stats(Xapian::WritableDatabase& db, const std::string* table) {
  if (table) db.set_metadata(kTableKey, *table);
  db.set_metadata(kRevisionKey, std::to_string(db.get_revision() + 1));
}

}  // namespace reviewlens::index::store
