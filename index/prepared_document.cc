// The encoding: "rlp1", then length-prefixed fields (LEB128 lengths): doc id,
// pages, document record JSON, the passages' serialised Xapian documents,
// then the spelling words and counts. Xapian::Document::serialise keeps
// positions, wdf, values and data, so the writer gets exactly what
// make_passage_document built.
#include "index/prepared_document.h"

#include <stdexcept>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/document_record.h"
#include "index/passage_document.h"
#include "index/prepared_codec.h"
#include "index/synonyms.h"

namespace reviewlens::index {

struct DocumentPreparer::Impl {
  IndexInfo info;
  Xapian::TermGenerator generator;
  ConceptDetector concepts{default_synonyms()};
  ConceptDetector::StemCache stems;  // kept from document to document: words recur

  explicit Impl(IndexInfo i) : info(std::move(i)) {
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // No FLAG_SPELLING: it updates the spelling table once per word
    // occurrence, a large share of the writer's time. The counts below give
    // add_spelling() the same words and frequencies once per document.
  }

  // The spelling data FLAG_SPELLING would add for `xd`: every unprefixed
  // term (prefixes are capitals; words are lower-cased) with its wdf, which
  // is its number of occurrences in the passage text.
  static void count_spelling(const Xapian::Document& xd,
                             std::unordered_map<std::string, unsigned>& counts) {
    for (auto it = xd.termlist_begin(); it != xd.termlist_end(); ++it) {
      const std::string& word = *it;
      if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
      counts[word] += it.get_wdf();
    }
  }
};

DocumentPreparer::DocumentPreparer(IndexInfo info) : impl_(std::make_unique<Impl>(std::move(info))) {}
DocumentPreparer::~DocumentPreparer() = default;

std::string DocumentPreparer::prepare(const Document& doc, const std::string& path) {
  PreparedDocument out;
  out.doc_id = doc.id;
  out.pages = doc.pages;
  out.record = to_json(make_document_record(doc, path)).dump();
  const PassageContext context{doc, path, impl_->info, impl_->concepts, impl_->stems};
  std::unordered_map<std::string, unsigned> spelling;
  int order = 0;
  out.passages.reserve(doc.passages.size());
  for (const auto& passage : doc.passages) {
    Xapian::Document xd = make_passage_document(impl_->generator, context, passage, ++order);
    Impl::count_spelling(xd, spelling);
    out.passages.push_back(xd.serialise());
  }
  out.spelling.assign(spelling.begin(), spelling.end());
  return encode(out);
}

}  // namespace reviewlens::index
