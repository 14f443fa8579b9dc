// Internal to rl_index: exact totals and facets over a whole match set, as a
// Xapian MatchSpy that looks each match up in a FacetTable, or (without
// one) reads its facet value (slot 7).
// Xapian calls spies before collapsing, so per-document counts are exact
// with --by-document too. Attach it to one get_mset with check_at_least =
// doccount, then call tally() once. Not thread-safe; one per search.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/facet_table.h"

namespace reviewlens::index {

class FacetCounter : public Xapian::MatchSpy {
 public:
  struct DocCount {
    int year = 0;  // 0: unknown
    std::size_t passages = 0;
  };

  // `table`: nullptr, or one that outlives this counter.
  explicit FacetCounter(const FacetTable* table);

  void operator()(const Xapian::Document& doc, double weight) override;
  // The same, for one match known by docid (needs a table).
  void add(Xapian::docid did, double weight = 0);
  // Turns the raw counts into the fields below.
  void tally();

  // With a table, a counter can also keep each document's best match, which
  // is what Xapian's collapse on slot 2 keeps (highest weight; among equal
  // weights the lowest docid, matches arriving in docid order) without
  // reading slot 2 for every match. Call keep_best() before get_mset.
  struct Best {
    double weight = -1;
    Xapian::docid docid = 0;
  };
  bool can_keep_best() const { return table_ != nullptr; }
  void keep_best() { best_.assign(per_table_doc_.size(), Best{}); }
  // One per matching document id, by weight (descending) then docid.
  std::vector<Best> best_by_document() const;

  std::size_t total = 0;  // counted as matches arrive
  std::unordered_map<std::string, DocCount> per_doc;
  std::map<std::string, std::size_t> themes, doc_types, years;

 private:
  void flush_run();
  void tally_table();

  const FacetTable* table_;
  std::vector<std::size_t> per_table_doc_, per_theme_set_;  // with a table
  std::vector<Best> best_;                                 // per table doc, after keep_best()

  // Without a table: matches arrive in docid order and passages of one document are mostly
  // adjacent, so runs of one value are common: they are counted without a
  // hash lookup. Each distinct value is parsed once, in tally().
  std::string run_value_;
  std::size_t run_length_ = 0;
  std::unordered_map<std::string, std::size_t> matches_by_value_;
};

}  // namespace reviewlens::index
