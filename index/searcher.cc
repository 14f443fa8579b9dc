#include "index/searcher.h"

#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/highlighter.h"
#include "index/query_builder.h"
#include "index/schema.h"
#include "index/store.h"
#include "index/synonyms.h"

namespace reviewlens::index {
namespace {

// Counts every document the matcher accepts (check_at_least = doccount makes
// that the whole match set), so totals and facets are exact, not estimates.
// Xapian calls spies before collapsing, so per-document counts are exact too.
class FacetSpy : public Xapian::MatchSpy {
 public:
  // Called once per match, so it only counts the raw facet value: passages
  // of one document mostly share it, and parsing each distinct value once
  // (in tally) keeps broad queries cheap.
  void operator()(const Xapian::Document& doc, double) override {
    ++total;
    ++matches_by_value[doc.get_value(schema::kFacetSlot)];
  }

  // Turns the raw counts into the facets; call once after get_mset.
  void tally() {
    for (const auto& [value, n] : matches_by_value) {
      std::string_view fields[4];
      std::string_view rest = value;
      for (auto& f : fields) {
        auto tab = rest.find('\t');
        f = rest.substr(0, tab);
        rest = tab == std::string_view::npos ? std::string_view() : rest.substr(tab + 1);
      }
      per_doc[std::string(fields[0])] += n;
      doc_types[std::string(fields[1])] += n;
      if (!fields[2].empty()) years[std::string(fields[2])] += n;
      for (std::string_view themes = fields[3]; !themes.empty();) {
        auto comma = themes.find(',');
        this->themes[std::string(themes.substr(0, comma))] += n;
        themes = comma == std::string_view::npos ? std::string_view() : themes.substr(comma + 1);
      }
    }
    matches_by_value.clear();
  }

  std::size_t total = 0;
  std::unordered_map<std::string, std::size_t> matches_by_value;
  std::unordered_map<std::string, std::size_t> per_doc;
  std::map<std::string, std::size_t> themes, doc_types, years;
};

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

std::vector<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  std::vector<SynonymGroup> synonyms = default_synonyms();
  explicit Impl(const std::filesystem::path& dir) : db(store::open_database(dir)) {}

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
    auto count = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
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
  Xapian::Enquire enquire(impl_->db);
  enquire.set_query(query);
  // Filter-only searches have no relevance: list newest documents first,
  // each in reading order.
  Xapian::MultiValueKeyMaker by_date;
  by_date.add_value(schema::kYearSlot, true);
  by_date.add_value(schema::kDocSlot);
  by_date.add_value(schema::kOrderSlot);
  Xapian::BoolWeight no_relevance;
  if (!built.has_text) {
    // Sorted by date, so weights would be computed for nothing.
    enquire.set_weighting_scheme(no_relevance);
    enquire.set_sort_by_key(&by_date, false);
  }
  if (request.grouping == Grouping::by_document) enquire.set_collapse_key(schema::kDocSlot);
  FacetSpy spy;
  enquire.add_matchspy(&spy);

  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit),
                                       impl_->db.get_doccount());
  spy.tally();
  SearchResult result;
  result.total = spy.total;
  result.documents = spy.per_doc.size();
  result.theme_facet = std::move(spy.themes);
  result.doc_type_facet = std::move(spy.doc_types);
  result.year_facet = std::move(spy.years);
  result.suggestion = impl_->useful_suggestion(request, built.suggestion, result.total);
  Highlighter highlighter(terms_of(query), built.wildcard_prefixes, impl_->synonyms);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit = hit_from_data(it.get_document().get_data());
    hit.weight = it.get_weight();
    hit.snippet = built.has_text ? highlighter.highlight(hit.text, request.highlight) : hit.text;
    if (request.grouping == Grouping::by_document) hit.matching_passages = spy.per_doc[hit.doc];
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace reviewlens::index
