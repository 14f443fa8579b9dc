#include "pipeline/tagging/fact_reader.h"

#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>

namespace reviewlens::tagging {
namespace {

std::string owner_of(const std::string& fact, const std::string& value = {}) {
  return value.empty() ? "fact " + fact : fmt::format("fact {}={}", fact, value);
}

FactValue read_value(const YAML::Node& node, const Fact& fact, const KnownFact* known,
                     RuleReader& reader) {
  FactValue value;
  if (!node.IsMap()) {
    reader.problem(node, owner_of(fact.id), {}, "a fact value must be a map with id and rules");
    return value;
  }
  value.id = reader.scalar(node, "id", owner_of(fact.id));
  const std::string owner = owner_of(fact.id, value.id);
  reader.check_keys(node, {"id", "rules", "min_score", "min_hits", "kinds", "sections", "note"}, owner);
  if (value.id.empty()) {
    reader.problem(node, owner, {}, "value without 'id'");
  } else if (value.id == kUnknownValue) {
    reader.problem(node["id"], owner, {}, "'unknown' is implied (no rule matched) and cannot have rules");
  } else if (known && std::find(known->values.begin(), known->values.end(), value.id) == known->values.end()) {
    reader.problem(node["id"], owner, {},
                   fmt::format("bad value '{}' (valid: {})", value.id, fmt::join(known->values, ", ")));
  }
  value.rules.id = fact.id + ":" + value.id;
  reader.read_group(node, value.rules);
  return value;
}

Fact read_fact(const YAML::Node& node, RuleReader& reader) {
  Fact fact;
  if (!node.IsMap()) {
    reader.problem(node, "facts", {}, "a fact must be a map");
    return fact;
  }
  fact.line = node.Mark().line + 1;
  fact.id = reader.scalar(node, "id", "facts");
  const std::string owner = owner_of(fact.id);
  reader.check_keys(node, {"id", "name", "resolution", "values", "note"}, owner);
  const KnownFact* known = nullptr;
  if (fact.id.empty())
    reader.problem(node, "facts", {}, "fact without 'id'");
  else if (!(known = find_known_fact(fact.id)))
    reader.problem(node["id"], owner, {},
                   "unknown fact (incident, age_band, known_to_csc, cp_plan, looked_after, child_mental_health)");
  fact.name = reader.scalar(node, "name", owner);
  if (auto name = reader.scalar(node, "resolution", owner); !name.empty()) {
    if (auto parsed = fact_resolution_from(name))
      fact.resolution = *parsed;
    else
      reader.problem(node["resolution"], owner, {},
                     fmt::format("bad resolution '{}' (listed, first_seen, score)", name));
  }
  const YAML::Node values = node["values"];
  if (!values || !values.IsSequence() || values.size() == 0) {
    reader.problem(values ? values : node, owner, {}, "no values ('values' must be a non-empty list)");
    return fact;
  }
  std::set<std::string> seen;
  for (const auto& item : values) {
    FactValue value = read_value(item, fact, known, reader);
    if (!value.id.empty() && !seen.insert(value.id).second)
      reader.problem(item, owner_of(fact.id, value.id), {}, "duplicate value id");
    fact.values.push_back(std::move(value));
  }
  return fact;
}

}  // namespace

std::vector<Fact> read_facts(const YAML::Node& node, RuleReader& reader) {
  std::vector<Fact> facts;
  if (!node.IsSequence()) {
    reader.problem(node, "facts", {}, "'facts' must be a list");
    return facts;
  }
  std::set<std::string> seen;
  for (const auto& item : node) {
    Fact fact = read_fact(item, reader);
    if (!fact.id.empty() && !seen.insert(fact.id).second)
      reader.problem(item, owner_of(fact.id), {}, "duplicate fact id");
    facts.push_back(std::move(fact));
  }
  return facts;
}

}  // namespace reviewlens::tagging
