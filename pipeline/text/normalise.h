// Text normalisation and sentence segmentation (ICU).
//
// Every stage that compares text (layout repair, the tagger, the index, the
// extraction scorer) uses these functions, so matching and display agree.
// All functions are thread-safe and never throw on bad input: invalid UTF-8
// is repaired (each bad byte becomes U+FFFD) rather than rejected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace reviewlens::text {

// Normalises one passage:
//  - invalid UTF-8 repaired; NFKC (ligatures ﬁ ﬂ become fi fl, full-width
//    forms folded);
//  - typographic quotes to ASCII ' and "; hyphen/dash variants (U+2010..U+2015,
//    U+2212) to '-' ("multi‐agency" -> "multi-agency", "2019–2021" -> "2019-2021");
//  - bullet glyphs (• ◦ ▪ ❑ ➢ ✓ ■ □ ► and Symbol/Wingdings private-use
//    glyphs U+F000..U+F0FF) removed;
//  - soft hyphens, zero-width characters and BOMs dropped; control
//    characters become spaces;
//  - runs of whitespace (including NBSP) collapsed to one space, trimmed.
std::string normalise(std::string_view utf8);

// True for the glyphs `normalise` removes as bullets (one code point).
bool is_bullet_glyph(char32_t code_point);

// Sentence boundaries of (normalised) UTF-8 text, as byte spans into `text`,
// trailing spaces excluded. Uses ICU's sentence BreakIterator for English
// with abbreviation suppressions ("Dr.", "e.g."), so "Dr. Patel saw Child A."
// is one sentence.
std::vector<Span> sentence_spans(std::string_view text);

}  // namespace reviewlens::text
