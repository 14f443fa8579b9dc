// The taxonomy of one ingest run: validated before any work, but compiled
// into a Tagger and FactFinder only when some document must be tagged.
//
// Compiling every rule (and checking every pattern while loading) costs
// about 0.1 s, most of a run that has nothing to extract or re-tag. When the
// file's hash equals the one the index was last tagged with, the file was
// fully validated when that hash was recorded, so a YAML read of its
// identity (version; the theme groups are fixed by theme_ids.h) is enough
// until a tagger is needed.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "index/index_writer.h"
#include "pipeline/core/document.h"

namespace reviewlens::cli {

class IngestTagging {
 public:
  // `path` empty = the bundled taxonomy. `validated_hash` is the taxonomy
  // hash recorded in the index (`tagged_with`), if any. Throws FatalError
  // (exit 2) when the taxonomy is invalid.
  IngestTagging(std::string path, const std::optional<std::string>& validated_hash);
  ~IngestTagging();
  IngestTagging(const IngestTagging&) = delete;
  IngestTagging& operator=(const IngestTagging&) = delete;

  const index::IndexInfo& info() const { return info_; }
  const std::string& hash() const { return info_.taxonomy_hash; }
  const std::string& version() const { return info_.taxonomy_version; }

  // Compiles the rules now (call before forking extraction children, so
  // each child inherits them instead of compiling its own).
  void prepare();
  // Tags every passage and finds the case facts; compiles on first use.
  void tag(Document& doc);

 private:
  struct Compiled;
  std::string path_;
  index::IndexInfo info_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace reviewlens::cli
