// Tags passages with the themes of a taxonomy.
//
// Construction compiles every rule once (see RuleEngine); `tag` is const and
// thread-safe, so one Tagger serves all parallel workers. Throws FatalError
// (exit 2) at construction if a pattern does not compile, which a taxonomy
// that passed load_taxonomy never does.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/tagging/taxonomy.h"

namespace reviewlens::tagging {

class RuleEngine;
class PassageVeto;

class Tagger {
 public:
  explicit Tagger(const Taxonomy& taxonomy);
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  // Sets passage.themes (sorted, unique) and passage.hits (evidence, in text
  // order) from passage.text, which must already be normalised. Uses
  // passage.sentences; when they are empty, the engine segments the text
  // itself (text::sentence_spans) only if a rule needs sentence boundaries,
  // and passage.sentences is left empty (call text::sentence_spans if you
  // need them).
  void tag(Passage& passage) const;

 private:
  std::unique_ptr<RuleEngine> engine_;
  std::unique_ptr<PassageVeto> veto_;  // rules' exclude_passage, over engine_'s groups
};

}  // namespace reviewlens::tagging
