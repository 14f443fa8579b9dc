#include "cli/ingest_manifest.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace reviewlens::cli {

corpus::KnownPdf known_pdfs(const std::vector<index::SourceStat>& sources) {
  auto indexed = std::make_shared<std::unordered_map<std::string, std::pair<std::uint64_t, std::int64_t>>>();
  indexed->reserve(sources.size());
  for (const auto& s : sources)
    if (s.status == "indexed") indexed->emplace(s.path, std::pair{s.size, s.mtime_ns});
  return [indexed](const std::string& path, std::uint64_t size, std::int64_t mtime_ns) {
    auto it = indexed->find(path);
    return it != indexed->end() && it->second == std::pair{size, mtime_ns};
  };
}

void fill_totals(IngestReport& report, const std::vector<index::SourceStat>& sources) {
  for (const auto& s : sources) {
    if (s.status == "failed") {
      ++report.total_failed;
    } else {
      ++report.total_documents;
      report.total_passages += s.passages;
    }
  }
}

}  // namespace reviewlens::cli
