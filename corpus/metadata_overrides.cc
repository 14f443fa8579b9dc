#include "corpus/metadata_overrides.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "corpus/csv_reader.h"

namespace reviewlens::corpus {
namespace fs = std::filesystem;
namespace {

std::unexpected<Error> invalid(const std::string& source, int line, const std::string& what) {
  return make_error(ErrorCode::invalid_input, fmt::format("{}:{}: {}", source, line, what), source);
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Paths are compared after resolving "..", symlinks and the working folder,
// so "reviews/../reviews/a.pdf" and an absolute path find the same row.
std::string path_key(const fs::path& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) resolved = fs::absolute(path).lexically_normal();
  return resolved.string();
}

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws) == std::string::npos ? s.size() : s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

std::optional<int> parse_year(const std::string& text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < 1900 || year > 2100)
    return std::nullopt;
  return year;
}

// Both files speak the user's words: "lcspr", "LCSPR", "rapid review".
std::optional<DocType> parse_type(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(c));
  });
  return doc_type_from(text);
}

// Sets one field from a CSV cell or JSON string; empty values leave it unset.
std::optional<std::string> set_field(MetadataOverride& o, const std::string& key,
                                     const std::string& raw) {
  std::string value = trim(raw);
  if (value.empty()) return std::nullopt;
  if (key == "title") {
    o.title = value;
  } else if (key == "partnership") {
    o.partnership = value;
  } else if (key == "child") {
    o.child = value;
  } else if (key == "year") {
    o.year = parse_year(value);
    if (!o.year) return fmt::format("year '{}' is not a year", value);
  } else if (key == "type" || key == "doc_type") {
    o.doc_type = parse_type(value);
    if (!o.doc_type)
      return fmt::format("type '{}' is not one of lcspr, rapid_review, serious_case_review, "
                         "national_review, thematic_review, annual_report, other",
                         value);
  }
  return std::nullopt;
}

// The 1-based line of the first occurrence of "key" in a JSON text, so a bad
// value is reported where the user will look for it.
int line_of_key(const std::string& text, const std::string& key) {
  auto at = text.find("\"" + key + "\"");
  if (at == std::string::npos) return 1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

void merge(MetadataOverride& into, const MetadataOverride& from) {
  if (from.title) into.title = from.title;
  if (from.doc_type) into.doc_type = from.doc_type;
  if (from.year) into.year = from.year;
  if (from.partnership) into.partnership = from.partnership;
  if (from.child) into.child = from.child;
  if (!from.empty())
    into.source = into.source.empty() ? from.source : into.source + ", " + from.source;
}

}  // namespace

void apply_override(const MetadataOverride& o, Document& doc) {
  if (o.title) doc.title = *o.title;
  if (o.doc_type) doc.doc_type = *o.doc_type;
  if (o.year) doc.year = *o.year;
  if (o.partnership) doc.partnership = *o.partnership;
  if (o.child) doc.child = *o.child;
}

fs::path sidecar_path(const fs::path& pdf) {
  fs::path out = pdf;
  out += ".json";
  return out;
}

Expected<MetadataOverride> parse_sidecar(const std::string& text, const std::string& source) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto byte = std::min<std::size_t>(e.byte, text.size());
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + byte, '\n'));
    return invalid(source, line, "not valid JSON");
  }
  if (!j.is_object()) return invalid(source, 1, "expected a JSON object");
  MetadataOverride o;
  o.source = source;
  for (const char* key : {"title", "partnership", "child", "type", "doc_type", "year"}) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    std::string value;
    if (it->is_string()) {
      value = it->get<std::string>();
    } else if (it->is_number_integer() && std::string(key) == "year") {
      value = std::to_string(it->get<long long>());
    } else {
      return invalid(source, line_of_key(text, key), fmt::format("'{}' must be a string", key));
    }
    if (auto problem = set_field(o, key, value)) return invalid(source, line_of_key(text, key), *problem);
  }
  return o;
}

Expected<std::optional<MetadataOverride>> read_sidecar(const fs::path& pdf) {
  const fs::path path = sidecar_path(pdf);
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::optional<MetadataOverride>{};
  auto text = read_text(path);
  if (!text) return make_error(ErrorCode::io, "cannot read " + path.string(), path.string());
  auto parsed = parse_sidecar(*text, path.string());
  if (!parsed) return std::unexpected(parsed.error());
  return std::optional<MetadataOverride>(std::move(*parsed));
}

Expected<MetadataTable> MetadataTable::load(const fs::path& csv) {
  auto text = read_text(csv);
  if (!text) return make_error(ErrorCode::io, "cannot read " + csv.string(), csv.string());
  return parse(*text, csv.parent_path(), csv.string());
}

Expected<MetadataTable> MetadataTable::parse(const std::string& csv_text, const fs::path& folder,
                                             const std::string& source) {
  auto records = parse_csv(csv_text, source);
  if (!records) return std::unexpected(records.error());
  if (records->empty()) return invalid(source, 1, "no header row");
  std::vector<std::string> header;
  for (const auto& name : records->front().fields) {
    std::string key = trim(name);
    std::transform(key.begin(), key.end(), key.begin(), ::tolower);
    header.push_back(key);
  }
  auto path_column = std::find(header.begin(), header.end(), "path");
  if (path_column == header.end()) return invalid(source, 1, "header has no 'path' column");
  const auto path_index = static_cast<std::size_t>(path_column - header.begin());

  MetadataTable table;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    if (rec.fields.size() != header.size())
      return invalid(source, rec.line,
                     fmt::format("{} fields, the header has {}", rec.fields.size(), header.size()));
    std::string rel = trim(rec.fields[path_index]);
    if (rel.empty()) return invalid(source, rec.line, "empty path");
    MetadataOverride o;
    o.source = fmt::format("{}:{}", source, rec.line);
    for (std::size_t c = 0; c < header.size(); ++c)
      if (c != path_index)
        if (auto problem = set_field(o, header[c], rec.fields[c]))
          return invalid(source, rec.line, *problem);
    table.rows_[path_key(folder / rel)] = std::move(o);
  }
  return table;
}

const MetadataOverride* MetadataTable::find(const fs::path& pdf) const {
  auto it = rows_.find(path_key(pdf));
  return it == rows_.end() ? nullptr : &it->second;
}

Expected<MetadataOverride> find_overrides(const fs::path& pdf, MetadataLookup lookup,
                                          const std::vector<MetadataTable>& tables) {
  MetadataOverride merged;
  for (const auto& table : tables)
    if (const auto* row = table.find(pdf)) merge(merged, *row);
  if (lookup == MetadataLookup::beside_pdf) {
    const fs::path csv = pdf.parent_path() / "metadata.csv";
    std::error_code ec;
    if (fs::exists(csv, ec)) {
      auto table = MetadataTable::load(csv);
      if (!table) return std::unexpected(table.error());
      if (const auto* row = table->find(pdf)) merge(merged, *row);
    }
  }
  if (lookup != MetadataLookup::none) {
    auto sidecar = read_sidecar(pdf);
    if (!sidecar) return std::unexpected(sidecar.error());
    if (*sidecar) merge(merged, **sidecar);
  }
  return merged;
}

}  // namespace reviewlens::corpus
