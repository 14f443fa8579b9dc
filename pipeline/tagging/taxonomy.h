// The theme taxonomy: the themes of shared/taxonomy/themes.md with the rules
// that decide them, loaded from YAML (the bundled default_taxonomy.yaml or
// a file given with --taxonomy) and validated as a whole.
//
// Loading never stops at the first problem: every problem is collected with
// the theme, the rule and the file line it belongs to, so an analyst can fix
// them all in one pass. Commands refuse to run with an invalid taxonomy
// (FatalError, exit code 2).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tagging/case_facts.h"
#include "pipeline/tagging/rule.h"
#include "pipeline/tagging/taxonomy_hash.h"
#include "pipeline/tagging/theme_ids.h"

namespace reviewlens::tagging {

struct Theme {
  std::string id;           // one of known_themes()
  ThemeGroup group = ThemeGroup::practice;
  std::string name;
  std::string description;
  RuleGroup rules;          // rules.id == id
};

struct Taxonomy {
  std::string version;      // the file's `version`
  std::string hash;         // FNV-1a 64 of the file bytes, 16 hex digits
  std::string source;       // file path, or "<bundled>"
  std::vector<Theme> themes;
  AssertionCues assertion;  // the file's `assertion` section
  std::vector<Fact> facts;  // the file's `facts` section (case facts), may be empty

  std::size_t rule_count() const;
  const Theme* find(std::string_view id) const;
};

struct TaxonomyProblem {
  int line = 0;             // 1-based, 0 when not tied to a line
  std::string theme;        // empty when not inside a theme
  std::string rule;         // empty when not inside a rule
  std::string message;

  // "FILE:LINE: theme T, rule R: message"
  std::string describe(std::string_view source) const;
};

// Either a taxonomy or the list of everything wrong with the file.
struct TaxonomyLoad {
  std::optional<Taxonomy> taxonomy;  // set only when `problems` is empty
  std::vector<TaxonomyProblem> problems;

  bool ok() const { return problems.empty(); }
};

inline constexpr std::string_view kBundledSource = "<bundled>";

// The YAML compiled into the binary (pipeline/tagging/default_taxonomy.yaml).
std::string_view default_taxonomy_yaml();

// Parses and validates taxonomy YAML. `source` names it in problems.
TaxonomyLoad parse_taxonomy(std::string_view yaml, std::string source);

// Reads FILE, or the bundled taxonomy when `path` is empty, and validates it.
// An unreadable file is one problem (line 0).
TaxonomyLoad load_taxonomy(const std::string& path);

// For commands: like load_taxonomy, but throws FatalError (exit 2) whose
// message lists every problem, one per line.
Taxonomy load_taxonomy_or_throw(const std::string& path);

}  // namespace reviewlens::tagging
