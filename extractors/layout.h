// Layout repair: turns the positioned words of a RawDocument into passages
// in reading order (see extractors/README.md for the algorithm).
//
// Pure function of its input; thread-safe; never throws on odd layouts (a
// page it cannot make sense of is read line by line).
#pragma once

#include <vector>

#include "extractors/raw_document.h"
#include "pipeline/core/document.h"

namespace reviewlens::extractors {

// RawDocument -> passages in reading order. Sets Passage::text (joined,
// de-hyphenated, bullet glyph and printed number removed, NOT yet normalised:
// the caller runs text::normalise), page (where the passage starts), para,
// heading and kind. Leaves id, sentences and themes empty. Running headers
// and footers, page numbers, the title page, contents pages and repeated
// table header rows are dropped.
std::vector<Passage> build_passages(const RawDocument& doc);

}  // namespace reviewlens::extractors
