// What the full ingest (cli/ingest_runner.cc) and the no-change check
// (cli/ingest_quick.cc) read from the manifest in the same way, so that both
// plan alike and report alike.
#pragma once

#include <vector>

#include "cli/ingest_report.h"
#include "corpus/source_walker.h"
#include "index/index_writer.h"

namespace reviewlens::cli {

// Run metadata key: the taxonomy hash every stored passage was tagged with.
inline constexpr const char* kTaggedWithKey = "tagged_with";

// Sources indexed by an earlier run, by path: the walk need not read them
// again while their size and mtime are unchanged (corpus/source_walker.h).
// Failed ones are read again: one of them may have been rejected as not a PDF.
corpus::KnownPdf known_pdfs(const std::vector<index::SourceStat>& sources);

// report.total_*: the index's documents, failures and passages after the run.
void fill_totals(IngestReport& report, const std::vector<index::SourceStat>& sources);

}  // namespace reviewlens::cli
