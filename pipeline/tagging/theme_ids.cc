#include "pipeline/tagging/theme_ids.h"

#include <array>

namespace reviewlens::tagging {
namespace {

constexpr std::array<KnownTheme, 21> kThemes{{
    {"leadership_culture", ThemeGroup::practice},
    {"race_ethnicity_culture", ThemeGroup::practice},
    {"whole_family", ThemeGroup::practice},
    {"babies", ThemeGroup::practice},
    {"domestic_abuse", ThemeGroup::practice},
    {"risks_outside_family", ThemeGroup::practice},
    {"disability_health_needs", ThemeGroup::emerging},
    {"child_mental_health", ThemeGroup::emerging},
    {"parental_mental_health", ThemeGroup::emerging},
    {"not_in_school", ThemeGroup::emerging},
    {"young_carers", ThemeGroup::emerging},
    {"gypsy_roma_traveller", ThemeGroup::emerging},
    {"child_lived_experience", ThemeGroup::national},
    {"information_sharing", ThemeGroup::national},
    {"multi_agency_working", ThemeGroup::national},
    {"culture", ThemeGroup::strategic},
    {"partnership_intent", ThemeGroup::strategic},
    {"strategy_to_delivery", ThemeGroup::strategic},
    {"assessing_effectiveness", ThemeGroup::strategic},
    {"getting_upstream", ThemeGroup::strategic},
    {"workforce", ThemeGroup::strategic},
}};

constexpr std::array<std::string_view, 4> kGroupNames{"practice", "emerging", "national",
                                                      "strategic"};

}  // namespace

std::string_view to_string(ThemeGroup group) { return kGroupNames[static_cast<int>(group)]; }

std::optional<ThemeGroup> theme_group_from(std::string_view name) {
  for (std::size_t i = 0; i < kGroupNames.size(); ++i)
    if (kGroupNames[i] == name) return static_cast<ThemeGroup>(i);
  return std::nullopt;
}

std::span<const KnownTheme> known_themes() { return kThemes; }

const KnownTheme* find_known_theme(std::string_view id) {
  for (const auto& theme : kThemes)
    if (theme.id == id) return &theme;
  return nullptr;
}

}  // namespace reviewlens::tagging
