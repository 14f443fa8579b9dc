// Sentence segmentation internals (the public entry point is
// text::sentence_spans in normalise.h, which picks among these).
//
// ICU's sentence iterator is the reference, and costly: on tagged passages
// it took about a fifth of the tagger's instructions. Most passages are
// plain ASCII prose whose every '.', '!' and '?' is in one of a few
// contexts where UAX #29's rules (and the abbreviation filter) are easy to
// apply exactly; plain_sentence_spans handles those and reports anything
// else, so the caller can ask ICU. tests/pipeline/text/sentences_test.cpp
// compares the two.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace reviewlens::text {

// Abbreviations after which a full stop does not end a sentence in reviews.
// ICU's own suppression list (brkitr data, en) is added to these.
inline constexpr std::string_view kAbbreviations[] = {
    "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "e.g.", "i.e.", "etc.", "No.",
    "para.", "paras.", "approx.", "Cllr.", "Insp.", "Sgt.", "DC.", "PC.", "vs.", "cf.",
};

// What ICU's English sentence iterator with reviewlens's abbreviation
// suppressions gives (boundaries trimmed of spaces, empty sentences left
// out). The reference.
std::vector<Span> icu_sentence_spans(std::string_view text);

// The same spans for plain text, in `out` (cleared first); false, with
// `out` unspecified, when the text has anything this does not decide:
// non-ASCII bytes, control characters, a terminator next to a quote,
// bracket or another terminator, a terminator followed by spaces and then
// neither a letter nor the end, a break after a string of the abbreviation
// suppression lists, or a break followed by more than one space.
bool plain_sentence_spans(std::string_view text, std::vector<Span>& out);

}  // namespace reviewlens::text
