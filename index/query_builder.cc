#include "index/query_builder.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <xapian.h>

#include "index/schema.h"
#include "index/word_tokens.h"
#include "pipeline/core/error.h"

namespace reviewlens::index {
namespace {

enum class ValueForm { lower, type, partnership };

std::string normalise_value(std::string_view value, ValueForm form) {
  if (form == ValueForm::partnership) return schema::normalise_partnership(value);
  std::string out = ascii_lower(value);
  if (form == ValueForm::type) std::replace_if(out.begin(), out.end(), [](char c) { return c == '-' || c == ' '; }, '_');
  return out;
}

// Boolean fields users type in any case ("theme:Babies", "type:LCSPR").
class NormalisingField : public Xapian::FieldProcessor {
 public:
  NormalisingField(std::string_view prefix, ValueForm form) : prefix_(prefix), form_(form) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(prefix_ + normalise_value(value, form_));
  }

 private:
  std::string prefix_;
  ValueForm form_;
};

void add_field(Xapian::QueryParser& qp, const char* name, std::string_view prefix, ValueForm form) {
  qp.add_boolean_prefix(name, (new NormalisingField(prefix, form))->release());
}

Xapian::QueryParser make_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  add_field(qp, "theme", schema::kThemePrefix, ValueForm::lower);
  add_field(qp, "group", schema::kGroupPrefix, ValueForm::lower);
  add_field(qp, "type", schema::kDocTypePrefix, ValueForm::type);
  add_field(qp, "partnership", schema::kPartnershipPrefix, ValueForm::partnership);
  add_field(qp, "doc", schema::kDocIdPrefix, ValueForm::lower);
  add_field(qp, "kind", schema::kKindPrefix, ValueForm::type);
  qp.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  qp.add_prefix("heading", std::string(schema::kHeadingPrefix));
  qp.add_rangeprocessor((new Xapian::NumberRangeProcessor(schema::kYearSlot, "year:"))->release());
  return qp;
}

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_SPELLING_CORRECTION | Xapian::QueryParser::FLAG_SYNONYM |
    Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;

std::vector<std::string> wildcard_prefixes(std::string_view query) {
  std::vector<std::string> out;
  for (auto t : word_tokens(query))
    if (t.end < query.size() && query[t.end] == '*')
      out.push_back(ascii_lower(query.substr(t.start, t.end - t.start)));
  return out;
}

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values, ValueForm form) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(std::string(prefix) + normalise_value(v, form));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query theme_filter(const SearchRequest& r) {
  std::vector<Xapian::Query> terms;
  for (const auto& t : r.themes) terms.emplace_back(std::string(schema::kThemePrefix) + t);
  auto op = r.theme_match == ThemeMatch::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
  return Xapian::Query(op, terms.begin(), terms.end());
}

std::vector<Xapian::Query> filters(const SearchRequest& r) {
  std::vector<Xapian::Query> out;
  if (!r.themes.empty()) out.push_back(theme_filter(r));
  if (!r.groups.empty()) out.push_back(any_of(schema::kGroupPrefix, r.groups, ValueForm::lower));
  if (!r.types.empty()) {
    std::vector<std::string> names;
    for (auto t : r.types) names.emplace_back(to_string(t));
    out.push_back(any_of(schema::kDocTypePrefix, names, ValueForm::type));
  }
  if (!r.partnership.empty())
    out.push_back(any_of(schema::kPartnershipPrefix, {r.partnership}, ValueForm::partnership));
  for (const auto& fact : r.facts) out.emplace_back(std::string(schema::kFactPrefix) + fact);
  return out;
}

// Unknown years are stored as 0 (passage_document.cc); a range never
// includes them, as in `stats` (index/statistics.cc).
Xapian::Query year_range(const SearchRequest& r) {
  auto from = Xapian::sortable_serialise(r.year_from.value_or(1));
  auto to = Xapian::sortable_serialise(r.year_to.value_or(kOpenYearTo));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kYearSlot, from, to);
}

Xapian::Query filtered(const Xapian::Query& query, const std::vector<Xapian::Query>& extra) {
  if (extra.empty()) return query;
  Xapian::Query all(Xapian::Query::OP_AND, extra.begin(), extra.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, all);
}

// Text terms are lower-case words, "Z" stems, or heading words; boolean
// filter terms have other upper-case prefixes.
bool has_text_terms(const Xapian::Query& query) {
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& t = *it;
    if (t.empty()) continue;
    if (!std::isupper(static_cast<unsigned char>(t[0])) || t[0] == 'Z' ||
        t.starts_with(schema::kHeadingPrefix))
      return true;
  }
  return false;
}

}  // namespace

Xapian::Query build_query(const Xapian::Database& db, const SearchRequest& request,
                          BuiltQuery& built) {
  Xapian::Query query = Xapian::Query::MatchAll;
  built = {};
  if (request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
    auto qp = make_parser(db);
    try {
      query = qp.parse_query(request.query, kParseFlags);
    } catch (const Xapian::QueryParserError& e) {
      throw FatalError(fmt::format("cannot parse query '{}': {}", request.query, e.get_msg()),
                       exit_code::kUsage);
    }
    if (auto corrected = qp.get_corrected_query_string(); !corrected.empty())
      built.suggestion = corrected;
    built.wildcard_prefixes = wildcard_prefixes(request.query);
    // A query of field filters only ("theme:babies") ranks nothing: list it
    // like a filter search, newest first.
    built.has_text = !built.wildcard_prefixes.empty() || has_text_terms(query);
  }
  auto extra = filters(request);
  built.without_year_range = filtered(query, extra);
  if (!request.year_from && !request.year_to) return built.without_year_range;
  built.year_from = request.year_from;
  built.year_to = request.year_to;
  extra.push_back(year_range(request));
  return filtered(query, extra);
}

}  // namespace reviewlens::index
