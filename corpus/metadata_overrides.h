// Curated metadata that overrides the facts inferred from a PDF.
//
// Real users keep curated metadata, and curated wins over inference. Two
// sources, applied in this order (later wins):
//   1. a corpus-level `metadata.csv` (RFC 4180; header row naming the
//      columns `path,title,partnership,year,type`, optionally `child`;
//      `path` is relative to the CSV's folder; unknown columns are ignored);
//   2. a sidecar `NAME.pdf.json` next to the PDF, an object with any of the
//      keys title, doc_type (or type), year, partnership, child; unknown keys
//      are ignored.
// Missing keys, empty cells, empty strings and JSON nulls do not override.
//
// Errors: a malformed sidecar or CSV is an `invalid_input` Error whose
// message names the file and line ("metadata.csv:4: year 'x' is not a
// number"). No function here throws for bad input.
// Thread-safety: plain values; a loaded MetadataTable is immutable.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

namespace reviewlens::corpus {

// The fields a curator may set. Unset fields leave the inferred value.
struct MetadataOverride {
  std::optional<std::string> title;
  std::optional<DocType> doc_type;
  std::optional<int> year;
  std::optional<std::string> partnership;
  std::optional<std::string> child;
  std::string source;  // "dir/metadata.csv:4" or "a.pdf.json", for messages

  bool empty() const { return !title && !doc_type && !year && !partnership && !child; }
};

// Copies every set field of `override` into `doc`.
void apply_override(const MetadataOverride& override, Document& doc);

// The sidecar path for a PDF: "a/b.pdf" -> "a/b.pdf.json".
std::filesystem::path sidecar_path(const std::filesystem::path& pdf);

// Reads the sidecar of `pdf`. An absent sidecar is an empty optional, not an
// error.
Expected<std::optional<MetadataOverride>> read_sidecar(const std::filesystem::path& pdf);

// Parses sidecar JSON text; `source` names it in error messages.
Expected<MetadataOverride> parse_sidecar(const std::string& json_text, const std::string& source);

// The rows of one metadata.csv, keyed by the PDF they describe.
class MetadataTable {
 public:
  // Reads and parses `csv`; an unreadable file is an `io` error.
  static Expected<MetadataTable> load(const std::filesystem::path& csv);
  // Parses CSV text; `folder` resolves the relative `path` cells and `source`
  // names the file in messages.
  static Expected<MetadataTable> parse(const std::string& csv_text,
                                       const std::filesystem::path& folder,
                                       const std::string& source);

  // The row for `pdf` (matched after resolving both paths), or nullptr.
  const MetadataOverride* find(const std::filesystem::path& pdf) const;
  std::size_t size() const { return rows_.size(); }

 private:
  std::map<std::string, MetadataOverride> rows_;  // key: resolved absolute path
};

// How extraction looks for curated metadata.
enum class MetadataLookup {
  beside_pdf,  // the PDF's sidecar and a metadata.csv in the PDF's own folder
  sidecar_only,
  none,
};

// Everything curated about one PDF, merged: rows of `tables` (in order), then
// `metadata.csv` in the PDF's folder when `lookup` is beside_pdf, then the
// sidecar (last wins field by field). Errors name the bad file and line.
Expected<MetadataOverride> find_overrides(const std::filesystem::path& pdf, MetadataLookup lookup,
                                          const std::vector<MetadataTable>& tables = {});

}  // namespace reviewlens::corpus
