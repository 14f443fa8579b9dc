// The fixed theme identifiers and groups of the taxonomy contract
// (shared/taxonomy/themes.md). Taxonomy files may change rules, names and
// descriptions, never this list: the index and the gold data use these ids.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace reviewlens::tagging {

enum class ThemeGroup { practice, emerging, national, strategic };

std::string_view to_string(ThemeGroup group);
std::optional<ThemeGroup> theme_group_from(std::string_view name);

struct KnownTheme {
  std::string_view id;
  ThemeGroup group;
};

// All 21 themes, in the order of themes.md.
std::span<const KnownTheme> known_themes();
// nullptr when `id` is not a theme id.
const KnownTheme* find_known_theme(std::string_view id);

}  // namespace reviewlens::tagging
