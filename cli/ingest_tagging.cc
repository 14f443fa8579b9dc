#include "cli/ingest_tagging.h"

#include <fstream>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "pipeline/core/error.h"
#include "pipeline/tagging/fact_finder.h"
#include "pipeline/tagging/tagger.h"
#include "pipeline/tagging/taxonomy.h"
#include "pipeline/tagging/theme_ids.h"

namespace reviewlens::cli {
namespace {

// The file's bytes, or nullopt when unreadable (the full load reports that).
std::optional<std::string> taxonomy_bytes(const std::string& path) {
  if (path.empty()) return std::string(tagging::default_taxonomy_yaml());
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

index::IndexInfo info_of(const tagging::Taxonomy& taxonomy) {
  index::IndexInfo info{taxonomy.version, taxonomy.hash, {}};
  for (const auto& theme : taxonomy.themes)
    info.theme_groups[theme.id] = std::string(to_string(theme.group));
  return info;
}

// The identity of an already validated file: its version, and the theme
// groups, which validation guarantees are those of theme_ids.h.
// The value of a top-level `version: 2024.1` line (optionally quoted), or
// nullopt when the line is anything less plain. Parsing the whole file with
// yaml-cpp took about a third of a no-change ingest's CPU time.
std::optional<std::string> plain_version(std::string_view yaml) {
  std::optional<std::string> found;
  while (!yaml.empty()) {
    const auto end = yaml.find('\n');
    std::string_view line = yaml.substr(0, end);
    yaml = end == std::string_view::npos ? std::string_view() : yaml.substr(end + 1);
    if (!line.starts_with("version:")) continue;
    if (found) return std::nullopt;  // twice: leave it to the YAML parser
    std::string_view value = line.substr(8);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
      value.remove_suffix(1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (value.empty() || value.find_first_of("#&*!|>{}[],%@`'\"\\") != std::string_view::npos)
      return std::nullopt;
    found = std::string(value);
  }
  return found;
}

std::optional<index::IndexInfo> validated_info(const std::string& yaml, const std::string& hash) {
  try {
    std::optional<std::string> version = plain_version(yaml);
    if (!version) version = YAML::Load(yaml)["version"].as<std::string>();
    index::IndexInfo info{*version, hash, {}};
    for (const auto& known : tagging::known_themes())
      info.theme_groups[std::string(known.id)] = std::string(to_string(known.group));
    return info;
  } catch (const YAML::Exception&) {
    return std::nullopt;  // cannot happen for a validated file; validate it again
  }
}

}  // namespace

struct IngestTagging::Compiled {
  tagging::Taxonomy taxonomy;
  tagging::Tagger tagger{taxonomy};
  tagging::FactFinder facts{taxonomy};

  explicit Compiled(tagging::Taxonomy t) : taxonomy(std::move(t)) {}
};

IngestTagging::IngestTagging(std::string path, const std::optional<std::string>& validated_hash)
    : path_(std::move(path)) {
  if (validated_hash) {
    if (auto bytes = taxonomy_bytes(path_); bytes && tagging::fnv1a_hex(*bytes) == *validated_hash) {
      if (auto info = validated_info(*bytes, *validated_hash)) {
        info_ = std::move(*info);
        return;
      }
    }
  }
  compiled_ = std::make_unique<Compiled>(tagging::load_taxonomy_or_throw(path_));
  info_ = info_of(compiled_->taxonomy);
}

IngestTagging::~IngestTagging() = default;

void IngestTagging::prepare() {
  if (compiled_) return;
  tagging::Taxonomy taxonomy = tagging::load_taxonomy_or_throw(path_);
  if (taxonomy.hash != info_.taxonomy_hash)  // the file was edited during the run
    throw FatalError(fmt::format("taxonomy {} changed while ingesting; run again", path_),
                     exit_code::kUsage);
  compiled_ = std::make_unique<Compiled>(std::move(taxonomy));
}

void IngestTagging::tag(Document& doc) {
  prepare();
  for (auto& p : doc.passages) compiled_->tagger.tag(p);
  doc.facts = compiled_->facts.find(doc);  // case facts need the whole tagged document
}

}  // namespace reviewlens::cli
