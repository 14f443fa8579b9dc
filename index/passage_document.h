// Internal to rl_index: turns one tagged passage into the Xapian document the
// schema (index/schema.h) describes.
#pragma once

#include <string>

#include "index/index_writer.h"
#include "index/synonyms.h"
#include "pipeline/core/document.h"

namespace Xapian {
class Document;
class TermGenerator;
}  // namespace Xapian

namespace reviewlens::index {

struct PassageContext {
  const Document& doc;
  const std::string& path;  // source path (manifest identity)
  const IndexInfo& info;    // theme -> group
  const ConceptDetector& concepts;
  ConceptDetector::StemCache& stems;  // the caller's, reused across passages
};

// `order` is the passage's 1-based position in its document. The term
// generator must already be configured (stemmer); spelling data is the
// caller's (IndexWriter adds it once per document).
Xapian::Document make_passage_document(Xapian::TermGenerator& generator,
                                       const PassageContext& context, const Passage& passage,
                                       int order);

}  // namespace reviewlens::index
