#include "index/statistics.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/query_builder.h"
#include "index/schema.h"
#include "index/store.h"

namespace reviewlens::index {
namespace {

bool has_passage_condition(const SearchRequest& r) {
  return !r.query.empty() || !r.themes.empty() || !r.groups.empty();
}

bool has_fact(const DocumentRecord& record, const std::string& wanted) {
  return std::any_of(record.facts.begin(), record.facts.end(),
                     [&](const CaseFact& f) { return f.fact + ":" + f.value == wanted; });
}

// The document-level filters, applied to a record (same meaning as the
// boolean terms the searcher uses).
bool selected(const DocumentRecord& r, const SearchRequest& f) {
  if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), r.doc_type) == f.types.end()) return false;
  if (f.year_from && (r.year == 0 || r.year < *f.year_from)) return false;
  if (f.year_to && (r.year == 0 || r.year > *f.year_to)) return false;
  if (!f.partnership.empty() &&
      schema::normalise_partnership(r.partnership) != schema::normalise_partnership(f.partnership))
    return false;
  return std::all_of(f.facts.begin(), f.facts.end(), [&](const auto& w) { return has_fact(r, w); });
}

// Per-document passage and theme counts of the matching passages, from the
// facet slot only ("doc\ttype\tyear\ttheme,theme").
class DocumentSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(schema::kFacetSlot);
    auto tab = value.find('\t');
    auto& counts = per_doc[value.substr(0, tab)];
    ++counts.first;
    auto last = value.rfind('\t');
    std::string_view themes = last == std::string::npos ? std::string_view() : std::string_view(value).substr(last + 1);
    while (!themes.empty()) {
      auto comma = themes.find(',');
      ++counts.second[std::string(themes.substr(0, comma))];
      themes = comma == std::string_view::npos ? std::string_view() : themes.substr(comma + 1);
    }
  }
  std::unordered_map<std::string, std::pair<int, std::map<std::string, int>>> per_doc;
};

std::string index_built(const Xapian::Database& db) {
  std::string run = db.get_metadata(std::string(schema::kRunKeyPrefix) + "last_run");
  if (run.empty()) return {};
  auto j = nlohmann::json::parse(run, nullptr, false);
  return j.is_object() ? j.value("finished_at", "") : std::string();
}

Xapian::MSet match_all(const Xapian::Database& db, const SearchRequest& filter, Xapian::MatchSpy* spy) {
  BuiltQuery built;
  Xapian::Enquire enquire(db);
  enquire.set_query(build_query(db, filter, built));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (spy) enquire.add_matchspy(spy);
  return enquire.get_mset(0, spy ? 0 : db.get_doccount(), db.get_doccount());
}

}  // namespace

StatsInput collect_stats(const std::filesystem::path& dir, const SearchRequest& filter) {
  Xapian::Database db = store::open_database(dir);
  StatsInput input;
  IndexInfo info = store::read_index_info(db);
  input.taxonomy_version = info.taxonomy_version;
  input.index_built = index_built(db);
  for (const auto& [theme, group] : info.theme_groups) input.theme_ids.push_back(theme);
  std::sort(input.theme_ids.begin(), input.theme_ids.end());

  const bool by_passage = has_passage_condition(filter);
  DocumentSpy spy;
  if (by_passage) match_all(db, filter, &spy);
  for (auto& record : store::read_document_records(db)) {
    if (!selected(record, filter)) continue;
    DocumentStats stats;
    if (by_passage) {
      auto it = spy.per_doc.find(record.id);
      if (it == spy.per_doc.end()) continue;
      stats.matching_passages = it->second.first;
      stats.theme_passages = std::move(it->second.second);
    } else {
      stats.matching_passages = record.passages;
      stats.theme_passages = record.theme_counts;
    }
    stats.record = std::move(record);
    input.documents.push_back(std::move(stats));
  }
  return input;
}

namespace {

EvidencePassage read_evidence(const Xapian::Document& doc, const std::string& theme) {
  auto j = nlohmann::json::parse(doc.get_data());
  EvidencePassage p;
  p.doc = j.value("doc", "");
  p.title = j.value("title", "");
  p.passage_id = j.value("id", "");
  if (auto para = j.find("para"); para != j.end() && para->is_string()) p.para = para->get<std::string>();
  p.text = j.value("text", "");
  p.page = j.value("page", 0);
  if (auto y = j.find("year"); y != j.end() && y->is_number_integer()) p.year = y->get<int>();
  for (const auto& e : j.value("evidence", nlohmann::json::array()))
    if (e.value("theme", "") == theme) p.matches.push_back(e.value("match", ""));
  return p;
}

}  // namespace

std::vector<EvidencePassage> theme_evidence(const std::filesystem::path& dir, const SearchRequest& filter,
                                            const std::string& theme, EvidenceLimits limits) {
  Xapian::Database db = store::open_database(dir);
  SearchRequest request = filter;
  request.themes.push_back(theme);
  request.theme_match = ThemeMatch::all;
  if (filter.theme_match == ThemeMatch::any && !filter.themes.empty()) request.themes = {theme};
  BuiltQuery built;
  Xapian::Enquire enquire(db);
  enquire.set_query(build_query(db, request, built));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Xapian sorts by document then reading order, so only the passages that
  // are returned have their data read: the report asks for a few examples
  // of themes that match tens of thousands of passages.
  Xapian::MultiValueKeyMaker order;
  order.add_value(schema::kDocSlot);
  order.add_value(schema::kOrderSlot);
  enquire.set_sort_by_key(&order, false);
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<EvidencePassage> out;
  std::string taken_doc;
  std::size_t taken_in_doc = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (limits.total != 0 && out.size() >= limits.total) break;
    Xapian::Document doc = it.get_document();
    const std::string doc_id = doc.get_value(schema::kDocSlot);
    if (doc_id != taken_doc) taken_doc = doc_id, taken_in_doc = 0;
    if (limits.per_document != 0 && taken_in_doc >= limits.per_document) continue;
    ++taken_in_doc;
    out.push_back(read_evidence(doc, theme));
  }
  return out;
}

}  // namespace reviewlens::index
