#include "pipeline/tagging/passage_state.h"

#include <algorithm>

#include <re2/re2.h>

#include "pipeline/text/normalise.h"

namespace reviewlens::tagging {

void EngineScratch::begin(std::size_t slots) {
  if (present_stamp.size() < slots) {
    present_stamp.resize(slots, 0);
    spans_stamp.resize(slots, 0);
    spans.resize(slots);
  }
  if (++epoch == 0) {  // wrapped: old stamps could look current
    std::fill(present_stamp.begin(), present_stamp.end(), 0);
    std::fill(spans_stamp.begin(), spans_stamp.end(), 0);
    std::fill(group_stamp.begin(), group_stamp.end(), 0);
    epoch = 1;
  }
}

void PassageState::fill_spans(int slot, std::vector<Span>& out) {
  out.clear();
  if (finder_ && finder_->covers(slot))
    finder_->find(slot, passage_.text, scratch_.finder, out);
  else
    find_all_into(slots_.get(slot), passage_.text, 0, passage_.text.size(), out);
  scratch_.spans_stamp[slot] = scratch_.epoch;
}

const SentenceIndex& PassageState::sentences() {
  if (!sentences_) {
    std::span<const Span> spans = passage_.sentences;
    if (passage_.sentence_source == SentenceSource::compute_when_needed) {
      scratch_.sentences.clear();
      if (!passage_.text.empty()) scratch_.sentences = text::sentence_spans(passage_.text);
      spans = scratch_.sentences;
    }
    sentences_.emplace(spans, passage_.text.size());
  }
  return *sentences_;
}

}  // namespace reviewlens::tagging
