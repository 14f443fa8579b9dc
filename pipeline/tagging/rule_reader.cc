#include "pipeline/tagging/rule_reader.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "pipeline/tagging/pattern_text.h"

namespace reviewlens::tagging {
namespace {

constexpr int kMaxWithin = 50;

int line_of(const YAML::Node& node) { return node.IsDefined() ? node.Mark().line + 1 : 0; }

}  // namespace

void RuleReader::problem(const YAML::Node& node, std::string_view owner, std::string_view rule,
                         std::string message) {
  problems_.push_back(
      TaxonomyProblem{line_of(node), std::string(owner), std::string(rule), std::move(message)});
}

void RuleReader::check_keys(const YAML::Node& node,
                            std::initializer_list<std::string_view> allowed,
                            std::string_view owner, std::string_view rule) {
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    auto key = entry.first.as<std::string>("");
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      problem(entry.first, owner, rule, fmt::format("unknown key '{}'", key));
  }
}

std::string RuleReader::scalar(const YAML::Node& node, std::string_view key,
                               std::string_view owner, std::string_view rule) {
  const YAML::Node value = node[std::string(key)];
  if (!value) return {};
  if (!value.IsScalar() || value.Scalar().empty()) {
    problem(value, owner, rule, fmt::format("'{}' must be a non-empty string", key));
    return {};
  }
  return value.Scalar();
}

double RuleReader::read_number(const YAML::Node& node, double min, std::string_view owner,
                               std::string_view rule, double fallback) {
  double value = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value) ||
      value < min) {
    problem(node, owner, rule,
            fmt::format("'{}' is not a number >= {}", node.IsScalar() ? node.Scalar() : "?", min));
    return fallback;
  }
  return value;
}

std::vector<std::string> RuleReader::read_strings(const YAML::Node& node, std::string_view owner,
                                                  std::string_view rule) {
  std::vector<std::string> out;
  if (!node.IsSequence()) {
    problem(node, owner, rule, "expected a list of strings");
    return out;
  }
  for (const auto& item : node) {
    // A nested list is spliced in, so a shared list (a YAML alias such as
    // *procedural) can be combined with a rule's own entries.
    if (item.IsSequence()) {
      for (auto& nested : read_strings(item, owner, rule)) out.push_back(std::move(nested));
      continue;
    }
    if (!item.IsScalar() || item.Scalar().find_first_not_of(" \t*") == std::string::npos) {
      problem(item, owner, rule, "empty or non-string entry in list");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return out;
}

PatternList RuleReader::read_patterns(const YAML::Node& node, std::string_view owner,
                                      std::string_view rule, CaseMode case_mode) {
  PatternList list;
  list.line = line_of(node);
  if (node.IsSequence()) {  // a bare list is a list of phrases
    list.phrases = read_strings(node, owner, rule);
    return list;
  }
  if (!node.IsMap()) {
    problem(node, owner, rule, "expected a list of phrases or a map with phrases/patterns");
    return list;
  }
  check_keys(node, {"phrases", "patterns"}, owner, rule);
  return read_lists(node, owner, rule, case_mode);
}

PatternList RuleReader::read_lists(const YAML::Node& node, std::string_view owner,
                                   std::string_view rule, CaseMode case_mode) {
  PatternList list;
  list.line = line_of(node);
  if (node["phrases"]) list.phrases = read_strings(node["phrases"], owner, rule);
  if (node["patterns"]) {
    const YAML::Node patterns = node["patterns"];
    list.patterns = read_strings(patterns, owner, rule);
    auto check = [&](const YAML::Node& item) {
      if (!item.IsScalar()) return;
      std::string regex = component_regex(PatternList{{}, {item.Scalar()}, 0}, case_mode);
      if (auto error = regex_error(regex))
        problem(item, owner, rule, fmt::format("invalid pattern '{}': {}", item.Scalar(), *error));
    };
    for (const auto& item : patterns) {
      if (item.IsSequence())
        for (const auto& nested : item) check(nested);
      else
        check(item);
    }
  }
  return list;
}

Scope RuleReader::read_scope(const YAML::Node& node, std::string_view owner,
                             std::string_view rule) {
  Scope scope;
  if (const YAML::Node kinds = node["kinds"]) {
    for (const auto& name : read_strings(kinds, owner, rule)) {
      if (auto kind = passage_kind_from(name))
        scope.kinds.push_back(*kind);
      else
        problem(kinds, owner, rule,
                fmt::format("unknown passage kind '{}' (paragraph, heading, bullet, table_row)", name));
    }
  }
  if (const YAML::Node sections = node["sections"]) {
    scope.sections = scalar(node, "sections", owner, rule);
    if (!scope.sections.empty())
      if (auto error = regex_error(scope.sections))
        problem(sections, owner, rule, fmt::format("invalid sections pattern: {}", *error));
  }
  return scope;
}

void RuleReader::read_near(const YAML::Node& node, Rule& rule, std::string_view owner) {
  if (!node.IsMap()) {
    problem(node, owner, rule.id, "'near' must be a map with first, second and within");
    return;
  }
  check_keys(node, {"first", "second", "within"}, owner, rule.id);
  Near near;
  for (auto [key, list] : {std::pair{"first", &near.first}, std::pair{"second", &near.second}}) {
    if (!node[key])
      problem(node, owner, rule.id, fmt::format("'near' needs '{}'", key));
    else
      *list = read_patterns(node[key], owner, rule.id, rule.case_mode);
    if (node[key] && list->empty()) problem(node[key], owner, rule.id, fmt::format("'near.{}' is empty", key));
  }
  if (const YAML::Node within = node["within"]) {
    double words = read_number(within, 0, owner, rule.id, near.within_words);
    if (words != std::floor(words) || words > kMaxWithin)
      problem(within, owner, rule.id, fmt::format("'within' must be a whole number of words 0..{}", kMaxWithin));
    else
      near.within_words = static_cast<int>(words);
  }
  rule.near = std::move(near);
}

Rule RuleReader::read_rule(const YAML::Node& node, std::string_view owner) {
  Rule rule;
  rule.line = line_of(node);
  if (!node.IsMap()) {
    problem(node, owner, {}, "a rule must be a map");
    return rule;
  }
  rule.id = scalar(node, "id", owner);
  if (rule.id.empty()) problem(node, owner, {}, "rule without 'id'");
  check_keys(node, {"id", "phrases", "patterns", "near", "exclude", "exclude_passage", "negation", "case",
                    "weight", "kinds", "sections", "note"},
             owner, rule.id);
  if (auto mode = scalar(node, "case", owner, rule.id); !mode.empty()) {
    if (mode == "sensitive") rule.case_mode = CaseMode::sensitive;
    else if (mode != "insensitive") problem(node["case"], owner, rule.id, "'case' must be insensitive or sensitive");
  }
  if (auto mode = scalar(node, "negation", owner, rule.id); !mode.empty()) {
    if (mode == "ignore") rule.negation = NegationMode::ignore;
    else if (mode != "apply") problem(node["negation"], owner, rule.id, "'negation' must be apply or ignore");
  }
  rule.any = read_lists(node, owner, rule.id, rule.case_mode);
  if (node["near"]) read_near(node["near"], rule, owner);
  if (rule.near && !rule.any.empty())
    problem(node, owner, rule.id, "a rule has either phrases/patterns or near, not both");
  if (!rule.near && rule.any.empty()) problem(node, owner, rule.id, "empty rule: no phrases, patterns or near");
  if (node["exclude"]) rule.exclude = read_patterns(node["exclude"], owner, rule.id, rule.case_mode);
  if (node["exclude_passage"])
    rule.exclude_passage = read_patterns(node["exclude_passage"], owner, rule.id, rule.case_mode);
  if (node["weight"]) {
    rule.weight = read_number(node["weight"], 0, owner, rule.id, 1.0);
    if (rule.weight == 0) problem(node["weight"], owner, rule.id, "'weight' must be > 0");
  }
  rule.scope = read_scope(node, owner, rule.id);
  return rule;
}

void RuleReader::read_group(const YAML::Node& node, RuleGroup& group) {
  group.line = line_of(node);
  const YAML::Node rules = node["rules"];
  if (!rules || !rules.IsSequence() || rules.size() == 0) {
    problem(rules ? rules : node, group.id, {}, "no rules ('rules' must be a non-empty list)");
  } else {
    std::set<std::string> seen;
    for (const auto& item : rules) {
      Rule rule = read_rule(item, group.id);
      if (!rule.id.empty() && !seen.insert(rule.id).second)
        problem(item, group.id, rule.id, "duplicate rule id");
      group.rules.push_back(std::move(rule));
    }
  }
  if (node["min_score"]) {
    group.min_score = read_number(node["min_score"], 0, group.id, {}, 1.0);
    if (group.min_score == 0) problem(node["min_score"], group.id, {}, "'min_score' must be > 0");
  }
  if (node["min_hits"]) {
    double hits = read_number(node["min_hits"], 1, group.id, {}, 1);
    if (hits != std::floor(hits)) problem(node["min_hits"], group.id, {}, "'min_hits' must be a whole number >= 1");
    group.min_hits = static_cast<int>(hits);
  }
  group.scope = read_scope(node, group.id, {});
}

AssertionCues RuleReader::read_assertion(const YAML::Node& node) {
  AssertionCues cues;
  if (!node.IsMap()) {
    problem(node, "assertion", {}, "'assertion' must be a map");
    return cues;
  }
  check_keys(node, {"before", "after", "terminators", "window", "note"}, "assertion");
  if (node["before"]) cues.before = read_patterns(node["before"], "assertion", "before", CaseMode::insensitive);
  if (node["after"]) cues.after = read_patterns(node["after"], "assertion", "after", CaseMode::insensitive);
  if (node["terminators"])
    cues.terminators = read_patterns(node["terminators"], "assertion", "terminators", CaseMode::insensitive);
  if (node["window"]) {
    double words = read_number(node["window"], 0, "assertion", "window", cues.window_words);
    if (words != std::floor(words) || words > kMaxWithin)
      problem(node["window"], "assertion", "window", "'window' must be a whole number of words");
    else
      cues.window_words = static_cast<int>(words);
  }
  return cues;
}

}  // namespace reviewlens::tagging
