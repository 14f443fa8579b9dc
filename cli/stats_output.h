// Rendering `reviewlens stats` results as a text table, CSV (cli/csv.h) or
// JSON. Every output names the unit, the denominator, the taxonomy version
// and the index build time. Shapes: docs/stats.md.
#pragma once

#include <string>
#include <vector>

#include "index/stats_tables.h"

namespace reviewlens::cli {

enum class StatsFormat { table, csv, json };

struct StatsContext {
  std::string taxonomy_version;
  std::string index_built;
  std::string filters;               // describe_filters()
  index::Suppression suppression;
};

std::string render_counts(const index::CountTable& table, std::string_view by, const StatsContext& c,
                          StatsFormat format);
std::string render_cross(const index::CrossTable& table, const StatsContext& c, StatsFormat format);
std::string render_documents(const index::DocumentThemeTable& table, const StatsContext& c,
                             StatsFormat format);
// `counted`: the documents counted for the theme; `passages` their evidence.
std::string render_evidence(const std::string& theme, std::size_t denominator,
                            const std::vector<const index::DocumentStats*>& counted,
                            const std::vector<index::EvidencePassage>& passages, const StatsContext& c,
                            StatsFormat format);

}  // namespace reviewlens::cli
