#include "pipeline/tagging/case_facts.h"

#include <array>
#include <utility>

namespace reviewlens::tagging {
namespace {

constexpr std::array<std::string_view, 2> kIncident{"death", "serious_harm"};
constexpr std::array<std::string_view, 5> kAgeBand{"under_1", "1_4", "5_9", "10_15", "16_17"};
constexpr std::array<std::string_view, 2> kYesNo{"yes", "no"};
constexpr std::array<std::string_view, 3> kCpPlan{"current", "previous", "never"};

constexpr std::array<KnownFact, 6> kKnownFacts{{
    {"incident", kIncident},
    {"age_band", kAgeBand},
    {"known_to_csc", kYesNo},
    {"cp_plan", kCpPlan},
    {"looked_after", kYesNo},
    {"child_mental_health", kYesNo},
}};

constexpr std::array<std::pair<FactResolution, std::string_view>, 3> kResolutionNames{{
    {FactResolution::listed, "listed"},
    {FactResolution::first_seen, "first_seen"},
    {FactResolution::score, "score"},
}};

}  // namespace

std::string_view to_string(FactResolution resolution) {
  for (const auto& [value, name] : kResolutionNames)
    if (value == resolution) return name;
  return "listed";
}

std::optional<FactResolution> fact_resolution_from(std::string_view name) {
  for (const auto& [value, n] : kResolutionNames)
    if (n == name) return value;
  return std::nullopt;
}

std::span<const KnownFact> known_facts() { return kKnownFacts; }

const KnownFact* find_known_fact(std::string_view id) {
  for (const auto& fact : kKnownFacts)
    if (fact.id == id) return &fact;
  return nullptr;
}

}  // namespace reviewlens::tagging
