#include "pipeline/tagging/taxonomy.h"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "pipeline/core/error.h"
#include "pipeline/tagging/fact_reader.h"
#include "pipeline/tagging/rule_reader.h"

extern const char kDefaultTaxonomyYaml[];

namespace reviewlens::tagging {
namespace {

Theme read_theme(const YAML::Node& node, RuleReader& reader) {
  Theme theme;
  if (!node.IsMap()) {
    reader.problem(node, {}, {}, "a theme must be a map");
    return theme;
  }
  theme.id = reader.scalar(node, "id", {});
  reader.check_keys(node, {"id", "group", "name", "description", "rules", "min_score", "min_hits",
                           "kinds", "sections", "note"},
                    theme.id);
  const KnownTheme* known = nullptr;
  if (theme.id.empty())
    reader.problem(node, {}, {}, "theme without 'id'");
  else if (!(known = find_known_theme(theme.id)))
    reader.problem(node["id"], theme.id, {}, "not a theme id of themes.md");
  auto group = reader.scalar(node, "group", theme.id);
  if (group.empty()) {
    if (!node["group"]) reader.problem(node, theme.id, {}, "missing 'group'");
  } else if (auto parsed = theme_group_from(group)) {
    theme.group = *parsed;
    if (known && known->group != *parsed)
      reader.problem(node["group"], theme.id, {},
                     fmt::format("group '{}' is wrong: this theme belongs to '{}'", group,
                                 to_string(known->group)));
  } else {
    reader.problem(node["group"], theme.id, {},
                   fmt::format("bad group '{}' (practice, emerging, national, strategic)", group));
  }
  theme.name = reader.scalar(node, "name", theme.id);
  if (!node["name"]) reader.problem(node, theme.id, {}, "missing 'name'");
  theme.description = reader.scalar(node, "description", theme.id);
  if (!node["description"]) reader.problem(node, theme.id, {}, "missing 'description'");
  theme.rules.id = theme.id;
  reader.read_group(node, theme.rules);
  return theme;
}

void read_themes(const YAML::Node& themes, Taxonomy& taxonomy, RuleReader& reader) {
  if (!themes || !themes.IsSequence()) {
    reader.problem(themes ? themes : YAML::Node(), {}, {}, "'themes' must be a list");
    return;
  }
  std::set<std::string> seen;
  for (const auto& node : themes) {
    Theme theme = read_theme(node, reader);
    if (!theme.id.empty() && !seen.insert(theme.id).second)
      reader.problem(node, theme.id, {}, "duplicate theme id");
    taxonomy.themes.push_back(std::move(theme));
  }
  for (const auto& known : known_themes())
    if (!seen.contains(std::string(known.id)))
      reader.problem(themes, std::string(known.id), {}, "missing theme (every theme of themes.md needs an entry)");
}

}  // namespace

std::size_t Taxonomy::rule_count() const {
  std::size_t n = 0;
  for (const auto& theme : themes) n += theme.rules.rules.size();
  return n;
}

const Theme* Taxonomy::find(std::string_view id) const {
  for (const auto& theme : themes)
    if (theme.id == id) return &theme;
  return nullptr;
}

std::string TaxonomyProblem::describe(std::string_view source) const {
  std::string where = line > 0 ? fmt::format("{}:{}", source, line) : std::string(source);
  std::string context;
  // Fact problems carry "fact F" / "fact F=V" as their owner (fact_reader.cc).
  if (!theme.empty()) context += theme.starts_with("fact") ? theme : fmt::format("theme {}", theme);
  if (!rule.empty()) context += fmt::format("{}rule {}", context.empty() ? "" : ", ", rule);
  return context.empty() ? fmt::format("{}: {}", where, message)
                         : fmt::format("{}: {}: {}", where, context, message);
}

std::string_view default_taxonomy_yaml() { return kDefaultTaxonomyYaml; }

TaxonomyLoad parse_taxonomy(std::string_view yaml, std::string source) {
  TaxonomyLoad load;
  RuleReader reader(load.problems);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    load.problems.push_back(TaxonomyProblem{e.mark.line + 1, {}, {}, "YAML syntax: " + e.msg});
    return load;
  }
  Taxonomy taxonomy;
  taxonomy.source = std::move(source);
  taxonomy.hash = fnv1a_hex(yaml);
  if (!root.IsMap()) {
    load.problems.push_back(TaxonomyProblem{1, {}, {}, "the file must be a map with version and themes"});
    return load;
  }
  reader.check_keys(root, {"version", "themes", "assertion", "facts", "note"}, {});
  taxonomy.version = reader.scalar(root, "version", {});
  if (!root["version"]) reader.problem(root, {}, {}, "missing 'version'");
  read_themes(root["themes"], taxonomy, reader);
  if (root["assertion"]) taxonomy.assertion = reader.read_assertion(root["assertion"]);
  if (root["facts"]) taxonomy.facts = read_facts(root["facts"], reader);
  if (load.problems.empty()) load.taxonomy = std::move(taxonomy);
  return load;
}

TaxonomyLoad load_taxonomy(const std::string& path) {
  if (path.empty()) return parse_taxonomy(default_taxonomy_yaml(), std::string(kBundledSource));
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    TaxonomyLoad load;
    load.problems.push_back(TaxonomyProblem{0, {}, {}, "cannot read taxonomy file"});
    return load;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_taxonomy(bytes.str(), path);
}

Taxonomy load_taxonomy_or_throw(const std::string& path) {
  auto load = load_taxonomy(path);
  if (load.ok()) return std::move(*load.taxonomy);
  std::string source = path.empty() ? std::string(kBundledSource) : path;
  std::string message = fmt::format("invalid taxonomy {} ({} problems):", source, load.problems.size());
  for (const auto& problem : load.problems) message += "\n  " + problem.describe(source);
  throw FatalError(message, exit_code::kUsage);
}

}  // namespace reviewlens::tagging
