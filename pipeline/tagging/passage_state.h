// The rule engine's per-passage state: which slots occur in the passage,
// their spans and its sentence boundaries, each found on first use, in
// working memory kept per thread and reused between passages. Internal to
// the rule engine (rule_engine.cc); split out to keep that file small.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/tagging/lazy_regexes.h"
#include "pipeline/tagging/rule_engine.h"
#include "pipeline/tagging/span_finder.h"
#include "pipeline/tagging/text_spans.h"

namespace re2 {
class RE2;
}

namespace reviewlens::tagging {

// Working memory for one passage, kept per thread and reused: the engine is
// const and shared between threads, and allocating these for every passage
// cost more than matching most passages. Entries are valid only when their
// stamp equals `epoch`, so starting a passage clears nothing (and a passage
// abandoned by an exception leaves nothing stale behind).
struct EngineScratch {
  std::uint32_t epoch = 0;
  std::vector<std::uint32_t> present_stamp;  // slot -> epoch the Set reported it in
  std::vector<std::uint32_t> spans_stamp;    // slot -> epoch spans[slot] was filled in
  std::vector<std::vector<Span>> spans;
  std::vector<int> found;
  std::vector<Span> near_spans;
  std::vector<Span> sentences;
  SpanFinder::Scratch finder;
  std::vector<std::uint32_t> group_stamp;  // group -> epoch one of its rules' slots had candidates

  void begin(std::size_t slots);
};

// One passage being matched. With a span finder (`finder` set) a slot
// occurs when it has spans; otherwise the Set said so (mark_present).
class PassageState {
 public:
  PassageState(const LazyRegexes& slots, const SpanFinder* finder,
               const PassageView& passage, EngineScratch& scratch)
      : slots_(slots), finder_(finder), passage_(passage), scratch_(scratch) {}

  std::string_view text() const { return passage_.text; }
  EngineScratch& scratch() { return scratch_; }
  const SpanFinder* finder() const { return finder_; }

  bool present(int slot) {
    if (slot < 0) return true;
    if (!finder_) return scratch_.present_stamp[slot] == scratch_.epoch;
    if (finder_->covers(slot) && !finder_->may_match(slot, scratch_.finder)) return false;
    return !spans(slot).empty();
  }
  void mark_present(int slot) { scratch_.present_stamp[slot] = scratch_.epoch; }

  const std::vector<Span>& spans(int slot) {
    auto& cached = scratch_.spans[slot];
    if (scratch_.spans_stamp[slot] != scratch_.epoch) fill_spans(slot, cached);
    return cached;
  }

  const SentenceIndex& sentences();

 private:
  void fill_spans(int slot, std::vector<Span>& out);

  const LazyRegexes& slots_;
  const SpanFinder* finder_;
  const PassageView& passage_;
  EngineScratch& scratch_;
  std::optional<SentenceIndex> sentences_;
};

}  // namespace reviewlens::tagging
