// Finds the source PDFs of a corpus folder.
//
// Walks CORPUS_DIR recursively and recognises PDFs by content ("%PDF-" in
// the first 1024 bytes), never by name: a file called *.pdf that is not a PDF
// (real corpora hold HTML pages saved as .pdf) is reported as rejected with
// reason not_pdf (or empty for zero bytes, io when unreadable), and every
// other non-PDF file (sidecar .json, metadata.csv, .txt) is ignored.
// Symlinked files and folders are followed, but a folder already visited
// (same device and inode) is not entered again, so symlink loops end.
// Hidden entries (name starting with '.') are skipped.
//
// Errors: an unreadable root is an io Error; unreadable entries below it are
// rejected files, never exceptions. Thread-safety: a free function.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/error.h"

namespace reviewlens::corpus {

// One file found by the walk.
struct SourceFile {
  std::string path;                // relative to the root, '/' separated: its identity
  std::filesystem::path absolute;  // where to read it
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::optional<Error> rejected;   // set for a *.pdf that is not a PDF (not_pdf, empty, io)
};

struct WalkResult {
  std::vector<SourceFile> files;  // PDFs and rejected *.pdf files, sorted by path
  int ignored = 0;                // other files skipped
};

// Whether the file at `path` (relative, as in SourceFile) with this size and
// mtime was recognised as a PDF by an earlier run. Such a file is taken as a
// PDF without reading it again: the change plan trusts the same size and
// mtime to mean "unchanged", and opening every file was most of a no-change
// rerun's time.
using KnownPdf = std::function<bool(const std::string& path, std::uint64_t size, std::int64_t mtime_ns)>;

Expected<WalkResult> walk_sources(const std::filesystem::path& root, const KnownPdf& known = {});

// The error walk_sources would give for `root` itself (not a readable
// folder), so a caller can refuse before taking locks or creating anything.
std::optional<Error> root_problem(const std::filesystem::path& root);

// True when the first 1024 bytes contain "%PDF-" (PDF 1.7 §7.5.2 allows junk
// before the header, and readers accept it within the first KiB).
bool has_pdf_signature(std::string_view head);

}  // namespace reviewlens::corpus
