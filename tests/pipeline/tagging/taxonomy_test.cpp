#include <algorithm>
#include <string>

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "pipeline/core/error.h"
#include "pipeline/tagging/taxonomy.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::tagging;

namespace {

// A minimal valid taxonomy: every theme of the fixed list with one rule.
std::string theme_entry(std::string_view id, ThemeGroup group, std::string rule_body) {
  return fmt::format(
      "  - id: {}\n    group: {}\n    name: Name of {}\n    description: About {}\n"
      "    rules:\n{}",
      id, to_string(group), id, id, rule_body);
}

std::string valid_yaml(std::string_view replaced_id = {}, std::string replacement = {}) {
  std::string yaml = "version: \"test-1\"\nthemes:\n";
  for (const auto& theme : known_themes()) {
    if (theme.id == replaced_id) {
      yaml += replacement;
      continue;
    }
    yaml += theme_entry(theme.id, theme.group, "      - id: words\n        phrases: [fictional word]\n");
  }
  return yaml;
}

bool has_problem(const TaxonomyLoad& load, int line, std::string_view theme, std::string_view rule,
                 std::string_view fragment) {
  for (const auto& p : load.problems)
    if (p.line == line && p.theme == theme && p.rule == rule &&
        p.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

std::string all_problems(const TaxonomyLoad& load) {
  std::string out;
  for (const auto& p : load.problems) out += p.describe("t.yaml") + "\n";
  return out;
}

// 1-based line of the first occurrence of `needle` in `yaml`.
int line_of(const std::string& yaml, std::string_view needle) {
  auto pos = yaml.find(needle);
  REQUIRE(pos != std::string::npos);
  return 1 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + pos, '\n'));
}

}  // namespace

TEST_CASE("Taxonomy: the bundled taxonomy is valid and covers every theme", "[tagging][taxonomy]") {
  auto load = load_taxonomy("");
  INFO(all_problems(load));
  REQUIRE(load.ok());
  const auto& t = *load.taxonomy;
  CHECK(t.themes.size() == known_themes().size());
  CHECK_FALSE(t.version.empty());
  CHECK(t.hash == fnv1a_hex(default_taxonomy_yaml()));
  CHECK(t.hash.size() == 16);
  for (const auto& known : known_themes()) {
    const Theme* theme = t.find(known.id);
    REQUIRE(theme);
    CHECK(theme->group == known.group);
    CHECK_FALSE(theme->rules.rules.empty());
  }
}

TEST_CASE("Taxonomy: a minimal valid file loads with its lines", "[tagging][taxonomy]") {
  auto yaml = valid_yaml();
  auto load = parse_taxonomy(yaml, "t.yaml");
  INFO(all_problems(load));
  REQUIRE(load.ok());
  CHECK(load.taxonomy->version == "test-1");
  CHECK(load.taxonomy->rule_count() == known_themes().size());
  CHECK(load.taxonomy->themes[0].rules.rules[0].line == line_of(yaml, "- id: words"));
}

TEST_CASE("Taxonomy: every problem is reported with theme, rule and line", "[tagging][taxonomy]") {
  std::string babies =
      "  - id: babies\n    group: emerging\n    name: B\n    description: D\n    colour: red\n"
      "    min_score: -1\n    rules:\n"
      "      - id: bad_regex\n        patterns: ['(unclosed']\n"
      "      - id: empty_one\n        negation: sometimes\n"
      "      - id: bad_regex\n        phrases: [ok]\n        weight: heavy\n"
      "      - id: near_bad\n        near: {first: [a], within: -3}\n";
  auto yaml = valid_yaml("babies", babies) +
              theme_entry("not_a_theme", ThemeGroup::practice, "      - id: r\n        phrases: [x]\n") +
              theme_entry("culture", ThemeGroup::strategic, "      - id: r\n        phrases: [x]\n") +
              "extra_key: 1\n";
  auto load = parse_taxonomy(yaml, "t.yaml");
  INFO(all_problems(load));
  CHECK_FALSE(load.ok());
  CHECK_FALSE(load.taxonomy.has_value());
  CHECK(has_problem(load, line_of(yaml, "group: emerging"), "babies", "", "belongs to 'practice'"));
  CHECK(has_problem(load, line_of(yaml, "colour"), "babies", "", "unknown key 'colour'"));
  CHECK(has_problem(load, line_of(yaml, "min_score"), "babies", "", "not a number >= 0"));
  CHECK(has_problem(load, line_of(yaml, "'(unclosed'"), "babies", "bad_regex", "invalid pattern"));
  CHECK(has_problem(load, line_of(yaml, "- id: empty_one"), "babies", "empty_one", "empty rule"));
  CHECK(has_problem(load, line_of(yaml, "sometimes"), "babies", "empty_one", "'negation' must be"));
  CHECK(has_problem(load, line_of(yaml, "- id: bad_regex\n        phrases"), "babies", "bad_regex",
                    "duplicate rule id"));
  CHECK(has_problem(load, line_of(yaml, "heavy"), "babies", "bad_regex", "not a number"));
  CHECK(has_problem(load, line_of(yaml, "near:"), "babies", "near_bad", "needs 'second'"));
  CHECK(has_problem(load, line_of(yaml, "- id: not_a_theme"), "not_a_theme", "", "not a theme id"));
  CHECK(has_problem(load, line_of(yaml, "extra_key"), "", "", "unknown key 'extra_key'"));
  // The duplicate culture entry is the last theme block.
  bool duplicate = false;
  for (const auto& p : load.problems) duplicate |= p.theme == "culture" && p.message == "duplicate theme id";
  CHECK(duplicate);
}

TEST_CASE("Taxonomy: a shared list (YAML alias) is spliced into a rule's own list",
          "[tagging][taxonomy]") {
  std::string babies =
      "  - id: babies\n    group: practice\n    name: B\n    description: D\n    rules:\n"
      "      - id: first\n        phrases: [infant]\n"
      "        exclude: {patterns: &shared ['shared one', 'shared two']}\n"
      "      - id: second\n        phrases: [baby]\n"
      "        exclude: {phrases: [cot], patterns: [*shared, 'own one']}\n";
  auto load = parse_taxonomy(valid_yaml("babies", babies), "t.yaml");
  INFO(all_problems(load));
  REQUIRE(load.ok());
  const auto& theme = *std::find_if(load.taxonomy->themes.begin(), load.taxonomy->themes.end(),
                                    [](const auto& t) { return t.id == "babies"; });
  const auto& rule = theme.rules.rules.at(1);
  CHECK(rule.exclude.patterns == std::vector<std::string>{"shared one", "shared two", "own one"});
  CHECK(rule.exclude.phrases == std::vector<std::string>{"cot"});

  // A bad pattern inside the spliced list is reported at its own line.
  std::string bad =
      "  - id: babies\n    group: practice\n    name: B\n    description: D\n    rules:\n"
      "      - id: nested\n        phrases: [baby]\n"
      "        exclude:\n          patterns:\n            - ['fine', '(broken']\n";
  auto yaml = valid_yaml("babies", bad);
  auto broken = parse_taxonomy(yaml, "t.yaml");
  CHECK_FALSE(broken.ok());
  CHECK(has_problem(broken, line_of(yaml, "'(broken'"), "babies", "nested", "invalid pattern"));
}

TEST_CASE("Taxonomy: missing themes, bad group, empty rules and YAML syntax", "[tagging][taxonomy]") {
  SECTION("missing theme") {
    auto load = parse_taxonomy(valid_yaml("young_carers", ""), "t.yaml");
    CHECK(std::any_of(load.problems.begin(), load.problems.end(), [](const TaxonomyProblem& p) {
            return p.theme == "young_carers" && p.message.find("missing theme") != std::string::npos &&
                   p.line > 0;
          }));
  }
  SECTION("bad group and no rules") {
    std::string entry = "  - id: young_carers\n    group: vague\n    name: Y\n    description: D\n    rules: []\n";
    auto yaml = valid_yaml("young_carers", entry);
    auto load = parse_taxonomy(yaml, "t.yaml");
    CHECK(has_problem(load, line_of(yaml, "group: vague"), "young_carers", "", "bad group 'vague'"));
    CHECK(has_problem(load, line_of(yaml, "rules: []"), "young_carers", "", "no rules"));
  }
  SECTION("invalid cue and bad window in the assertion section") {
    auto yaml = valid_yaml() + "assertion:\n  window: 2.5\n  before:\n    patterns: ['[a-']\n";
    auto load = parse_taxonomy(yaml, "t.yaml");
    CHECK(has_problem(load, line_of(yaml, "window: 2.5"), "assertion", "window", "whole number"));
    CHECK(has_problem(load, line_of(yaml, "'[a-'"), "assertion", "before", "invalid pattern"));
  }
  SECTION("YAML syntax error") {
    auto load = parse_taxonomy("version: 1\nthemes: [\n  - id: x\n", "t.yaml");
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message.find("YAML syntax") != std::string::npos);
    CHECK(load.problems[0].line > 0);
  }
}

TEST_CASE("Taxonomy: commands refuse an invalid file with exit code 2", "[tagging][taxonomy]") {
  testing::TempDir dir;
  testing::write_file(dir / "bad.yaml", "version: x\nthemes: []\n");
  try {
    load_taxonomy_or_throw((dir / "bad.yaml").string());
    FAIL("expected FatalError");
  } catch (const FatalError& e) {
    CHECK(e.exit_code() == exit_code::kUsage);
    CHECK(std::string(e.what()).find("theme babies: missing theme") != std::string::npos);
  }
  CHECK_FALSE(load_taxonomy((dir / "absent.yaml").string()).ok());
}
