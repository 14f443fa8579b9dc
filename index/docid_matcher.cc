#include "index/docid_matcher.h"

#include <algorithm>
#include <iterator>

namespace reviewlens::index {
namespace {

using Docids = std::vector<Xapian::docid>;

// MatchAll inside an AND constrains nothing, so it is kept symbolic rather
// than read as the whole docid range.
struct Set {
  bool everything = false;
  Docids ids;
};

Docids postings(const Xapian::Database& db, const std::string& term) {
  Docids out;
  out.reserve(db.get_termfreq(term));
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
  return out;
}

Docids all_docids(const Xapian::Database& db) { return postings(db, std::string()); }

std::optional<Set> evaluate(const Xapian::Database& db, const Xapian::Query& q);

std::optional<std::vector<Set>> children(const Xapian::Database& db, const Xapian::Query& q) {
  std::vector<Set> out;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    auto s = evaluate(db, q.get_subquery(i));
    if (!s) return std::nullopt;
    out.push_back(std::move(*s));
  }
  return out;
}

Set intersection(std::vector<Set> sets) {
  std::erase_if(sets, [](const Set& s) { return s.everything; });
  if (sets.empty()) return {true, {}};
  // Smallest first: each step is bounded by the shorter list.
  std::sort(sets.begin(), sets.end(), [](const Set& a, const Set& b) { return a.ids.size() < b.ids.size(); });
  Docids acc = std::move(sets[0].ids);
  for (std::size_t i = 1; i < sets.size() && !acc.empty(); ++i) {
    Docids next;
    std::set_intersection(acc.begin(), acc.end(), sets[i].ids.begin(), sets[i].ids.end(), std::back_inserter(next));
    acc = std::move(next);
  }
  return {false, std::move(acc)};
}

Set union_of(std::vector<Set> sets) {
  Docids acc;
  for (auto& s : sets) {
    if (s.everything) return {true, {}};
    Docids next;
    std::set_union(acc.begin(), acc.end(), s.ids.begin(), s.ids.end(), std::back_inserter(next));
    acc = std::move(next);
  }
  return {false, std::move(acc)};
}

// The first set minus every other one.
std::optional<Set> difference(const Xapian::Database& db, std::vector<Set> sets) {
  if (sets.empty()) return Set{};
  Set removed = union_of({std::make_move_iterator(sets.begin() + 1), std::make_move_iterator(sets.end())});
  if (removed.everything) return Set{};
  Docids base = sets[0].everything ? all_docids(db) : std::move(sets[0].ids);
  Docids out;
  std::set_difference(base.begin(), base.end(), removed.ids.begin(), removed.ids.end(), std::back_inserter(out));
  return Set{false, std::move(out)};
}

std::optional<Set> evaluate(const Xapian::Database& db, const Xapian::Query& q) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      auto term = q.get_unique_terms_begin();
      if (term == q.get_unique_terms_end()) return std::nullopt;
      if ((*term).empty()) return Set{true, {}};  // Query("") matches every document
      return Set{false, postings(db, *term)};
    }
    case Xapian::Query::LEAF_MATCH_ALL: return Set{true, {}};
    case Xapian::Query::LEAF_MATCH_NOTHING: return Set{};
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {
      auto sets = children(db, q);
      if (!sets) return std::nullopt;
      return intersection(std::move(*sets));
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      auto sets = children(db, q);
      if (!sets) return std::nullopt;
      return union_of(std::move(*sets));
    }
    case Xapian::Query::OP_AND_NOT: {
      auto sets = children(db, q);
      if (!sets) return std::nullopt;
      return difference(db, std::move(*sets));
    }
    // The optional side and a weight factor change weights, not the set.
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (q.get_num_subqueries() == 0) return std::nullopt;
      return evaluate(db, q.get_subquery(0));
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::vector<Xapian::docid>> match_docids(const Xapian::Database& db, const Xapian::Query& query) {
  auto set = evaluate(db, query);
  if (!set) return std::nullopt;
  if (set->everything) return all_docids(db);
  return std::move(set->ids);
}

}  // namespace reviewlens::index
