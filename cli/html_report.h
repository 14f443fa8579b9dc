// The self-contained HTML page of `reviewlens report`: inline CSS (with
// print rules) and inline SVG, no scripts, fonts or links to anything
// outside the file. All document text is HTML-escaped.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "index/stats_tables.h"

namespace reviewlens::cli {

struct ReportData {
  std::string taxonomy_version, index_built, filters;
  std::map<std::string, std::string> theme_names;  // theme id -> display name
  index::CountTable themes, years, facts;
  index::CrossTable cooccurrence;
  // Documents per year for each theme: theme -> year -> documents.
  std::map<std::string, std::map<std::string, std::size_t>> theme_by_year;
  std::map<std::string, std::vector<index::EvidencePassage>> examples;  // theme -> passages
  index::Suppression suppression;
};

std::string render_html_report(const ReportData& data);

}  // namespace reviewlens::cli
