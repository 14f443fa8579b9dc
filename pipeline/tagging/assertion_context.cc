#include "pipeline/tagging/assertion_context.h"

#include "pipeline/tagging/text_spans.h"

namespace reviewlens::tagging {
namespace {

bool any_within(std::span<const Span> spans, std::size_t from, std::size_t to) {
  for (const Span& s : spans)
    if (s.start >= from && s.end <= to) return true;
  return false;
}

}  // namespace

bool ruled_out(std::string_view text, Span sentence, Span match, const CueSpans& cues,
               int window_words) {
  auto window = static_cast<std::size_t>(window_words);
  auto open = [&](std::size_t from, std::size_t to) {
    return count_words(text, from, to) <= window && !any_within(cues.terminators, from, to);
  };
  for (const Span& cue : cues.before)
    if (cue.start >= sentence.start && cue.end <= match.start && open(cue.end, match.start))
      return true;
  for (const Span& cue : cues.after)
    if (cue.start >= match.end && cue.start < sentence.end) return open(match.end, cue.start);
  return false;
}

}  // namespace reviewlens::tagging
