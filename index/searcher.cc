#include "index/searcher.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/docid_matcher.h"
#include "index/facet_counter.h"
#include "index/highlighter.h"
#include "index/query_builder.h"
#include "index/schema.h"
#include "index/store.h"
#include "index/synonyms.h"

namespace reviewlens::index {
namespace {

std::string text_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

SearchHit hit_from_data(const std::string& data) {
  auto j = nlohmann::json::parse(data);
  SearchHit h;
  h.doc = text_or_empty(j, "doc");
  h.file = text_or_empty(j, "file");
  h.title = text_or_empty(j, "title");
  h.doc_type = doc_type_from(text_or_empty(j, "doc_type")).value_or(DocType::other);
  if (auto it = j.find("year"); it != j.end() && it->is_number_integer()) h.year = it->get<int>();
  h.partnership = text_or_empty(j, "partnership");
  h.passage_id = text_or_empty(j, "id");
  h.page = j.value("page", 0);
  h.para = text_or_empty(j, "para");
  h.heading = text_or_empty(j, "heading");
  h.kind = passage_kind_from(text_or_empty(j, "kind")).value_or(PassageKind::paragraph);
  h.text = text_or_empty(j, "text");
  if (auto it = j.find("themes"); it != j.end()) h.themes = it->get<std::vector<std::string>>();
  return h;
}

// Filter-only listings: newest document first, then document id, each in
// reading order.
Xapian::KeyMaker* by_date() {
  auto* keys = new Xapian::MultiValueKeyMaker;
  keys->add_value(schema::kYearSlot, true);
  keys->add_value(schema::kDocSlot);
  keys->add_value(schema::kOrderSlot);
  return keys->release();
}

// The documents one page of a listing covers (adjacent in listing order)
// and how many of their matching passages come before the page.
struct PageDocs {
  std::vector<std::string> ids;
  std::size_t skip = 0;
};

PageDocs page_documents(const FacetCounter& counts, const SearchRequest& r) {
  using Entry = std::pair<const std::string*, const FacetCounter::DocCount*>;
  std::vector<Entry> docs;
  for (const auto& [id, count] : counts.per_doc) docs.emplace_back(&id, &count);
  std::sort(docs.begin(), docs.end(), [](const Entry& a, const Entry& b) {
    if (a.second->year != b.second->year) return a.second->year > b.second->year;
    return *a.first < *b.first;
  });
  PageDocs page;
  const std::size_t end = r.offset + r.limit;
  if (r.grouping == Grouping::by_document) {
    for (std::size_t i = r.offset; i < std::min(end, docs.size()); ++i) page.ids.push_back(*docs[i].first);
    return page;
  }
  std::size_t before = 0;  // matching passages in the documents already passed
  for (const auto& [id, count] : docs) {
    if (before >= end) break;
    if (before + count->passages > r.offset) {
      if (page.ids.empty()) page.skip = r.offset - before;
      page.ids.push_back(*id);
    }
    before += count->passages;
  }
  return page;
}

struct PageHit {
  Xapian::Document doc;
  double weight = 0;
};

std::vector<PageHit> page_of(const Xapian::MSet& mset) {
  std::vector<PageHit> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({it.get_document(), it.get_weight()});
  return out;
}

std::vector<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  std::filesystem::path dir;
  std::vector<SynonymGroup> synonyms = default_synonyms();
  std::optional<std::unique_ptr<FacetTable>> facet_table;  // opened by the first search
  explicit Impl(const std::filesystem::path& d) : db(store::open_database(d)), dir(d) {}

  const FacetTable* facets() {
    if (!facet_table) facet_table = FacetTable::open(db, dir);
    return facet_table->get();
  }

  // Counts the whole match set from the posting lists when the query
  // allows it (index/docid_matcher.h); false: the caller counts through
  // the matcher. The year range is read from the facet table.
  bool count_directly(const BuiltQuery& built, FacetCounter& counts) {
    const FacetTable* table = facets();
    if (!table) return false;
    auto ids = match_docids(db, built.without_year_range);
    if (!ids) return false;
    const bool ranged = built.year_from || built.year_to;
    const int from = built.year_from.value_or(1), to = built.year_to.value_or(kOpenYearTo);
    for (Xapian::docid did : *ids) {
      const int year = ranged ? table->docs()[table->doc_of(did)].year : 0;
      if (!ranged || (year >= from && year <= to)) counts.add(did);
    }
    counts.tally();
    return true;
  }

  // Relevance order. Counted already: only the page is ranked (Xapian's
  // top k is exact without weighing every match, and breaks ties by
  // lower docid just the same). Otherwise counts are taken while ranking
  // every match.
  std::vector<PageHit> ranked(const Xapian::Query& query, const SearchRequest& request,
                              FacetCounter& counts, bool counted) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    if (counted && request.grouping == Grouping::passages) return page_of(enquire.get_mset(offset, limit));
    enquire.add_matchspy(&counts);
    if (request.grouping == Grouping::by_document && counts.can_keep_best()) {
      counts.keep_best();
      enquire.get_mset(0, 0, db.get_doccount());
      counts.tally();
      std::vector<PageHit> page;
      auto best = counts.best_by_document();
      for (std::size_t i = offset; i < std::min<std::size_t>(best.size(), offset + limit); ++i)
        page.push_back({db.get_document(best[i].docid), best[i].weight});
      return page;
    }
    if (request.grouping == Grouping::by_document) enquire.set_collapse_key(schema::kDocSlot);
    auto mset = enquire.get_mset(offset, limit, db.get_doccount());
    counts.tally();
    return page_of(mset);
  }

  // Date order. Sorting every match by three values cost more than the
  // counting itself, so the counting pass runs unsorted and unweighted,
  // and only the few documents of the page are then sorted.
  std::vector<PageHit> listed(const Xapian::Query& query, const SearchRequest& request,
                              FacetCounter& counts, bool counted) const {
    if (!counted) {
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.add_matchspy(&counts);
      enquire.get_mset(0, 0, db.get_doccount());
      counts.tally();
    }
    PageDocs page = page_documents(counts, request);
    if (page.ids.empty()) return {};
    std::vector<Xapian::Query> docs;
    for (const auto& id : page.ids) docs.emplace_back(std::string(schema::kDocIdPrefix) + id);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(Xapian::Query::OP_OR, docs.begin(), docs.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_key(by_date(), false);
    if (request.grouping == Grouping::by_document) enquire.set_collapse_key(schema::kDocSlot);
    return page_of(enquire.get_mset(static_cast<Xapian::doccount>(page.skip),
                                    static_cast<Xapian::doccount>(request.limit)));
  }

  // Xapian corrects any word missing from the spelling table, including
  // abbreviations that synonyms handle ("DA" -> "day"); a correction is
  // only offered when it would find more.
  std::optional<std::string> useful_suggestion(const SearchRequest& request,
                                               const std::optional<std::string>& suggestion,
                                               std::size_t total) const {
    if (!suggestion) return std::nullopt;
    SearchRequest corrected = request;
    corrected.query = *suggestion;
    BuiltQuery ignored;
    Xapian::Enquire enquire(db);
    enquire.set_query(build_query(db, corrected, ignored));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Only "more than total?" matters: the matcher may stop at total + 1.
    auto more = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(total + 1));
    auto count = more.get_matches_lower_bound();
    return count > total ? suggestion : std::nullopt;
  }
};

Searcher::Searcher(const std::filesystem::path& dir) : impl_(std::make_unique<Impl>(dir)) {}
Searcher::~Searcher() = default;

std::vector<std::string> Searcher::theme_ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, group] : store::read_index_info(impl_->db).theme_groups) ids.push_back(id);
  return ids;
}


SearchResult Searcher::search(const SearchRequest& request) const {
  BuiltQuery built;
  Xapian::Query query = build_query(impl_->db, request, built);
  FacetCounter counts(impl_->facets());
  // Ranking by document weighs every match anyway, and counts as it goes.
  const bool counted =
      !(built.has_text && request.grouping == Grouping::by_document) && impl_->count_directly(built, counts);
  std::vector<PageHit> page = built.has_text ? impl_->ranked(query, request, counts, counted)
                                             : impl_->listed(query, request, counts, counted);
  SearchResult result;
  result.total = counts.total;
  result.documents = counts.per_doc.size();
  result.theme_facet = std::move(counts.themes);
  result.doc_type_facet = std::move(counts.doc_types);
  result.year_facet = std::move(counts.years);
  result.suggestion = impl_->useful_suggestion(request, built.suggestion, result.total);
  Highlighter highlighter(terms_of(query), built.wildcard_prefixes, impl_->synonyms);
  for (const auto& [doc, weight] : page) {
    SearchHit hit = hit_from_data(doc.get_data());
    hit.weight = weight;
    hit.snippet = built.has_text ? highlighter.highlight(hit.text, request.highlight) : hit.text;
    if (request.grouping == Grouping::by_document) hit.matching_passages = counts.per_doc[hit.doc].passages;
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace reviewlens::index
