// DocumentPreparer: builds, ahead of the writer, everything IndexWriter
// stores for one tagged Document: each passage's Xapian document (terms with
// positions, boolean terms, values, data), the document record and the
// spelling counts. The ingest prepares inside its extraction children, in
// parallel, so its single writer process only adds finished entries
// (IndexWriter::put_prepared); IndexWriter::put_document prepares in-process.
//
// The bytes are private to one build of reviewlens: produce and consume them
// with the same binary (a forked child and its parent). Not thread-safe:
// one preparer per thread or process. Xapian errors become exceptions
// (Xapian::Error) from prepare, which callers in children turn into the
// document's error.
#pragma once

#include <memory>
#include <string>

#include "index/index_writer.h"
#include "pipeline/core/document.h"

namespace reviewlens::index {

class DocumentPreparer {
 public:
  explicit DocumentPreparer(IndexInfo info);
  ~DocumentPreparer();
  DocumentPreparer(const DocumentPreparer&) = delete;
  DocumentPreparer& operator=(const DocumentPreparer&) = delete;

  // `path` is the source path (manifest identity); `doc` must be tagged and
  // carry its index id (Document::id, passage ids).
  std::string prepare(const Document& doc, const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reviewlens::index
