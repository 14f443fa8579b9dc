// Internal to pipeline/tagging (names yaml-cpp): reads the rule language
// from YAML nodes into the plain structs of rule.h, collecting every
// problem instead of stopping. Theme loading uses it; the case-fact section
// reuses it for its own rule groups.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "pipeline/tagging/rule.h"
#include "pipeline/tagging/taxonomy.h"

namespace reviewlens::tagging {

class RuleReader {
 public:
  explicit RuleReader(std::vector<TaxonomyProblem>& problems) : problems_(problems) {}

  // Reads `rules`, `min_score`, `min_hits`, `kinds` and `sections` of a
  // theme or fact mapping into `group` (whose id the caller has set).
  void read_group(const YAML::Node& node, RuleGroup& group);
  AssertionCues read_assertion(const YAML::Node& node);

  // Reports keys of mapping `node` not in `allowed`.
  void check_keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                  std::string_view owner, std::string_view rule = {});
  void problem(const YAML::Node& node, std::string_view owner, std::string_view rule,
               std::string message);
  std::string scalar(const YAML::Node& node, std::string_view key, std::string_view owner,
                     std::string_view rule = {});

 private:
  Rule read_rule(const YAML::Node& node, std::string_view owner);
  void read_near(const YAML::Node& node, Rule& rule, std::string_view owner);
  PatternList read_patterns(const YAML::Node& node, std::string_view owner,
                            std::string_view rule, CaseMode case_mode);
  PatternList read_lists(const YAML::Node& node, std::string_view owner, std::string_view rule,
                         CaseMode case_mode);
  std::vector<std::string> read_strings(const YAML::Node& node, std::string_view owner,
                                        std::string_view rule);
  Scope read_scope(const YAML::Node& node, std::string_view owner, std::string_view rule);
  double read_number(const YAML::Node& node, double min, std::string_view owner,
                     std::string_view rule, double fallback);

  std::vector<TaxonomyProblem>& problems_;
};

}  // namespace reviewlens::tagging
