#include "index/docid_matcher.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

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

// The term of a term query; nullopt for anything else, and for Query("")
// (every document).
std::optional<std::string> leaf_term(const Xapian::Query& q) {
  if (q.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
  auto term = q.get_unique_terms_begin();
  if (term == q.get_unique_terms_end() || (*term).empty()) return std::nullopt;
  return *term;
}

// Keeps the docids that `term` also indexes, probing its posting list with
// skip_to instead of reading it whole: a filter such as a document type can
// index most passages while the words match few.
Docids probe(const Xapian::Database& db, const std::string& term, Docids ids) {
  auto it = db.postlist_begin(term);
  const auto end = db.postlist_end(term);
  std::size_t kept = 0;
  for (Xapian::docid did : ids) {
    it.skip_to(did);
    if (it == end) break;
    if (*it == did) ids[kept++] = did;
  }
  ids.resize(kept);
  return ids;
}

// AND and FILTER: the rarest side is read whole; other terms are probed,
// other subqueries intersected.
std::optional<Set> intersection(const Xapian::Database& db, const Xapian::Query& q) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;  // by frequency
  std::vector<Set> sets;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (auto term = leaf_term(sub)) {
      terms.emplace_back(db.get_termfreq(*term), std::move(*term));
      continue;
    }
    auto s = evaluate(db, sub);
    if (!s) return std::nullopt;
    if (!s->everything) sets.push_back(std::move(*s));
  }
  std::sort(terms.begin(), terms.end());
  std::sort(sets.begin(), sets.end(), [](const Set& a, const Set& b) { return a.ids.size() < b.ids.size(); });
  if (sets.empty() && terms.empty()) return Set{true, {}};
  Docids acc;
  std::size_t first_term = 0;
  if (sets.empty() || (!terms.empty() && terms[0].first < sets[0].ids.size())) {
    acc = postings(db, terms[0].second);
    first_term = 1;
  } else {
    acc = std::move(sets[0].ids);
    sets.erase(sets.begin());
  }
  for (auto& s : sets) {
    Docids next;
    std::set_intersection(acc.begin(), acc.end(), s.ids.begin(), s.ids.end(), std::back_inserter(next));
    acc = std::move(next);
  }
  for (std::size_t i = first_term; i < terms.size() && !acc.empty(); ++i) acc = probe(db, terms[i].second, std::move(acc));
  return Set{false, std::move(acc)};
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
    case Xapian::Query::LEAF_TERM:
      if (auto term = leaf_term(q)) return Set{false, postings(db, *term)};
      return Set{true, {}};  // Query("")
    case Xapian::Query::LEAF_MATCH_ALL: return Set{true, {}};
    case Xapian::Query::LEAF_MATCH_NOTHING: return Set{};
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: return intersection(db, q);
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
