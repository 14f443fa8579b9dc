// Internal to rl_index: the exact set of passages a query matches, as
// ascending docids read straight from the posting lists. Totals and facets
// need only that set, not weights, and counting it through Xapian's matcher
// (a MatchSpy on get_mset with check_at_least = doccount) cost about three
// times the walk of the same posting lists: per-match virtual calls and
// MSet bookkeeping.
//
// Handles the operators searches are built from: terms, AND, OR, FILTER,
// AND_NOT, AND_MAYBE, SYNONYM, MAX, SCALE_WEIGHT, and MatchAll/MatchNothing.
// Anything else (phrases, NEAR, wildcards, value ranges, posting sources)
// returns nullopt and the caller counts through the matcher instead, so the
// answer is either exact or not given.
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

namespace reviewlens::index {

std::optional<std::vector<Xapian::docid>> match_docids(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace reviewlens::index
