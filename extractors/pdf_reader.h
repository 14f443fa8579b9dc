// Reads a PDF with Poppler into a RawDocument: every word with its box, font
// size and font name, page by page, plus the document metadata.
//
// Thread-safety: read_pdf may run on several threads at once (each call owns
// its Poppler document); the Poppler message hook is process-wide, so set
// `messages` the same way in every call of one process.
#pragma once

#include <filesystem>

#include "extractors/raw_document.h"
#include "pipeline/core/error.h"

namespace reviewlens::extractors {

// Whether Poppler's own warnings ("Syntax Error: ...") reach stderr.
enum class PopplerMessages { quiet, shown };

struct ReadOptions {
  int max_pages = 5000;  // more pages than this: too_many_pages, before any page is read
  PopplerMessages messages = PopplerMessages::quiet;
};

// Errors (Error::stage "extract", Error::file = `file`):
//   io             the file cannot be opened;
//   empty          zero bytes, or zero pages;
//   not_pdf        no "%PDF-" in the first 1024 bytes (an HTML page saved as .pdf);
//   encrypted      the PDF needs a password;
//   corrupt        Poppler cannot load it (damaged, truncated);
//   too_many_pages more than options.max_pages pages;
//   no_text        not one word on any page (scanned, image-only).
// A page that fails is skipped and named in RawDocument::warnings.
Expected<RawDocument> read_pdf(const std::filesystem::path& file, const ReadOptions& options = {});

// "ABCDEF+Carlito-Bold" -> "Carlito-Bold": the six-capital subset tag is noise.
std::string strip_subset_prefix(const std::string& font_name);

}  // namespace reviewlens::extractors
