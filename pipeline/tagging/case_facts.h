// Case facts as plain values: the `facts:` section of the taxonomy file.
// Each fact (incident, age_band, ...) has values, each value a RuleGroup in
// the same rule language as themes; a resolution policy picks one value when
// several match in a document. The known facts and their values are fixed
// here (like theme ids), so a typo in the file is a problem, not a new
// category. Documented for analysts in docs/rules.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/tagging/rule.h"

namespace reviewlens::tagging {

// How one value is chosen when rules for several values match in a document.
enum class FactResolution {
  listed,      // the first value, in the order listed, that matched anywhere
  first_seen,  // the value whose first match comes earliest in the document
  score,       // the value with the highest total score over all passages
};

std::string_view to_string(FactResolution resolution);
std::optional<FactResolution> fact_resolution_from(std::string_view name);

struct FactValue {
  std::string id;   // one of the fact's known values
  RuleGroup rules;  // rules.id == "<fact>:<value>"
};

struct Fact {
  std::string id;
  std::string name;
  FactResolution resolution = FactResolution::listed;
  std::vector<FactValue> values;  // in file order (the `listed` priority)
  int line = 0;
};

// The value every fact takes when no rule matched.
inline constexpr std::string_view kUnknownValue = "unknown";

struct KnownFact {
  std::string_view id;
  std::span<const std::string_view> values;
};

// incident, age_band, known_to_csc, cp_plan, looked_after, child_mental_health.
std::span<const KnownFact> known_facts();
const KnownFact* find_known_fact(std::string_view id);

}  // namespace reviewlens::tagging
