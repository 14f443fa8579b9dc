#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>

#include "pipeline/text/normalise.h"
#include "pipeline/text/sentences.h"

namespace reviewlens::text {
namespace {

std::unique_ptr<icu::BreakIterator> make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return base;
  for (std::string_view abbreviation : kAbbreviations)
    builder->suppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(abbreviation.data(), static_cast<int32_t>(abbreviation.size()))),
        status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) return nullptr;
  return filtered;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// ASCII text without '.', '!', '?', CR or LF has no sentence break inside
// (UAX #29: breaks only follow ATerm/STerm or a paragraph separator, and the
// only ASCII ones are those five), so ICU would return the whole text as one
// sentence. About a third of real passages (headings, list items, table
// rows) are like that, and ICU costs far more than this scan.
bool one_sentence(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || c == '.' || c == '!' || c == '?' || c == '\r' || c == '\n') return false;
  }
  return true;
}

}  // namespace

std::vector<Span> sentence_spans(std::string_view text) {
  std::vector<Span> spans;
  if (text.empty()) return spans;
  if (one_sentence(text)) {
    std::size_t s = 0, e = text.size();
    while (e > s && is_space(text[e - 1])) --e;
    while (s < e && is_space(text[s])) ++s;
    if (e > s) spans.push_back({s, e});
    return spans;
  }
  if (plain_sentence_spans(text, spans)) return spans;
  return icu_sentence_spans(text);
}

std::vector<Span> icu_sentence_spans(std::string_view text) {
  std::vector<Span> spans;
  if (text.empty()) return spans;
  // Building a break iterator costs far more than using one, so each thread
  // keeps its own (BreakIterator instances are not thread-safe).
  thread_local std::unique_ptr<icu::BreakIterator> iterator = make_sentence_iterator();
  if (!iterator) {
    spans.push_back({0, text.size()});
    return spans;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    spans.push_back({0, text.size()});
    return spans;
  }
  // With a UTF-8 UText the boundaries are byte offsets into `text`.
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator->next()) {
    auto s = static_cast<std::size_t>(start);
    auto e = static_cast<std::size_t>(end);
    while (e > s && is_space(text[e - 1])) --e;
    while (s < e && is_space(text[s])) ++s;
    if (e > s) spans.push_back({s, e});
  }
  // Detach the iterator from the UText before closing it.
  iterator->setText(icu::UnicodeString());
  utext_close(utext);
  return spans;
}

}  // namespace reviewlens::text
