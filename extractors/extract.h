// One PDF to one Document, in-process:
//   read_pdf -> build_passages -> text::normalise + sentence_spans per passage
//   -> passage ids "<doc id>:<seq>" -> document facts -> curated overrides.
//
// Runs Poppler in the calling process: a hostile PDF can hang it or exhaust
// memory. Callers that read untrusted corpora use isolated_extract.h, which
// runs this in a child process with limits.
//
// Errors: the reader's codes (not_pdf, empty, encrypted, corrupt,
// too_many_pages, no_text, io); `no_text` too when every passage normalises
// to nothing; `invalid_input` for a malformed sidecar or metadata.csv (the
// message names that file and line). Stray exceptions become `internal`,
// std::bad_alloc is rethrown (the isolation layer maps it to memory_limit).
// Thread-safety: see read_pdf (Poppler's message hook is process-wide).
#pragma once

#include <filesystem>
#include <vector>

#include "corpus/metadata_overrides.h"
#include "extractors/pdf_reader.h"
#include "pipeline/core/document.h"
#include "pipeline/core/error.h"

namespace reviewlens::extractors {

struct ExtractOptions {
  int max_pages = 5000;                               // see ReadOptions
  PopplerMessages messages = PopplerMessages::quiet;  // see ReadOptions
  // Where curated metadata is looked for; `tables` are explicit
  // metadata.csv files (--metadata), loaded once by the caller.
  corpus::MetadataLookup metadata = corpus::MetadataLookup::beside_pdf;
  std::vector<corpus::MetadataTable> tables;
  // Bounds plausible publication years; 0 means this year.
  int current_year = 0;
};

// `file` is kept as given in Document::file; Document::id is its stem.
Expected<Document> extract_document(const std::filesystem::path& file, const ExtractOptions& options);

}  // namespace reviewlens::extractors
