// The ingest itself, once the command line is parsed: walk the corpus, plan
// against the index's manifest, apply the plan with one IndexWriter in this
// process while forked children extract and tag, commit every
// `commit_every` documents, and record the run. See docs/ingest.md.
//
// Crash safety: the manifest lives in the same Xapian database as the
// passages, so each commit changes both atomically; a run killed at any
// moment leaves a consistent index, and the next run redoes exactly the
// uncommitted work.
//
// Errors: FatalError (2 invalid taxonomy, 3 fatal, 4 locked) for run-killing
// problems; per-document problems are counted in the report.
#pragma once

#include <string>

#include "cli/ingest_options.h"
#include "cli/ingest_report.h"

namespace reviewlens::cli {

IngestReport run_ingest(const IngestOptions& options);

// The document id of a source path: the path without a trailing ".pdf",
// so ids are unique across folders and stable across runs ("a.pdf" -> "a",
// "2021/child-b.pdf" -> "2021/child-b").
std::string doc_id_for(const std::string& path);

}  // namespace reviewlens::cli
