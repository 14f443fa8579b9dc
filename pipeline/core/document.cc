#include "pipeline/core/document.h"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace reviewlens {
namespace {

constexpr std::array<std::pair<PassageKind, std::string_view>, 4> kKindNames{{
    {PassageKind::paragraph, "paragraph"},
    {PassageKind::heading, "heading"},
    {PassageKind::bullet, "bullet"},
    {PassageKind::table_row, "table_row"},
}};

constexpr std::array<std::pair<DocType, std::string_view>, 7> kTypeNames{{
    {DocType::lcspr, "lcspr"},
    {DocType::rapid_review, "rapid_review"},
    {DocType::serious_case_review, "serious_case_review"},
    {DocType::national_review, "national_review"},
    {DocType::thematic_review, "thematic_review"},
    {DocType::annual_report, "annual_report"},
    {DocType::other, "other"},
}};

template <class Table, class Value>
std::string_view name_of(const Table& table, Value v) {
  for (const auto& [value, name] : table)
    if (value == v) return name;
  return table.back().second;
}

template <class Value, class Table>
std::optional<Value> value_of(const Table& table, std::string_view name) {
  for (const auto& [value, n] : table)
    if (n == name) return value;
  return std::nullopt;
}

nlohmann::json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

std::string string_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->get<std::string>();
}

nlohmann::json facts_json(const std::vector<CaseFact>& facts) {
  auto out = nlohmann::json::array();
  for (const auto& f : facts)
    out.push_back({{"fact", f.fact},
                   {"value", f.value},
                   {"passage", string_or_null(f.passage_id)},
                   {"page", f.page > 0 ? nlohmann::json(f.page) : nlohmann::json(nullptr)},
                   {"para", string_or_null(f.para)},
                   {"evidence", string_or_null(f.evidence)}});
  return out;
}

}  // namespace

std::string_view to_string(PassageKind kind) { return name_of(kKindNames, kind); }
std::optional<PassageKind> passage_kind_from(std::string_view name) {
  return value_of<PassageKind>(kKindNames, name);
}
std::string_view to_string(DocType type) { return name_of(kTypeNames, type); }
std::optional<DocType> doc_type_from(std::string_view name) {
  return value_of<DocType>(kTypeNames, name);
}

nlohmann::json to_json(const Passage& p, TagFields tags) {
  nlohmann::json j = {
      {"id", p.id},
      {"page", p.page},
      {"para", string_or_null(p.para)},
      {"heading", string_or_null(p.heading)},
      {"kind", to_string(p.kind)},
      {"text", p.text},
  };
  if (tags == TagFields::include || !p.themes.empty()) {
    j["themes"] = p.themes;
    auto evidence = nlohmann::json::array();
    for (const auto& h : p.hits)
      evidence.push_back({{"theme", h.theme},
                          {"rule", h.rule},
                          {"start", h.start},
                          {"end", h.end},
                          {"match", p.text.substr(h.start, h.end - h.start)}});
    j["evidence"] = std::move(evidence);
  }
  return j;
}

nlohmann::json to_json(const Document& d, TagFields tags) {
  nlohmann::json passages = nlohmann::json::array();
  for (const auto& p : d.passages) passages.push_back(to_json(p, tags));
  nlohmann::json j = {
      {"file", d.file},
      {"id", d.id},
      {"title", d.title},
      {"doc_type", to_string(d.doc_type)},
      {"year", d.year > 0 ? nlohmann::json(d.year) : nlohmann::json(nullptr)},
      {"partnership", string_or_null(d.partnership)},
      {"child", string_or_null(d.child)},
      {"author", string_or_null(d.author)},
      {"pages", d.pages},
      {"warnings", d.warnings},
      {"passages", std::move(passages)},
  };
  if (!d.facts.empty()) j["facts"] = facts_json(d.facts);  // only once the facts step ran
  return j;
}

std::vector<CaseFact> case_facts_from_json(const nlohmann::json& j) {
  std::vector<CaseFact> facts;
  for (const auto& f : j) {
    CaseFact fact;
    fact.fact = f.at("fact").get<std::string>();
    fact.value = f.at("value").get<std::string>();
    fact.passage_id = string_or_empty(f, "passage");
    if (auto it = f.find("page"); it != f.end() && it->is_number_integer()) fact.page = it->get<int>();
    fact.para = string_or_empty(f, "para");
    fact.evidence = string_or_empty(f, "evidence");
    facts.push_back(std::move(fact));
  }
  return facts;
}

nlohmann::json case_facts_json(const std::vector<CaseFact>& facts) { return facts_json(facts); }

Passage passage_from_json(const nlohmann::json& j) {
  Passage p;
  p.id = string_or_empty(j, "id");
  p.text = j.at("text").get<std::string>();
  p.page = j.value("page", 0);
  p.para = string_or_empty(j, "para");
  p.heading = string_or_empty(j, "heading");
  p.kind = passage_kind_from(j.value("kind", "paragraph")).value_or(PassageKind::paragraph);
  if (auto it = j.find("sentences"); it != j.end())
    for (const auto& s : *it) p.sentences.push_back({s.at(0).get<std::size_t>(), s.at(1).get<std::size_t>()});
  if (auto it = j.find("themes"); it != j.end()) p.themes = it->get<std::vector<std::string>>();
  if (auto it = j.find("evidence"); it != j.end())
    for (const auto& e : *it)
      p.hits.push_back({e.at("theme").get<std::string>(), e.at("rule").get<std::string>(),
                        e.at("start").get<std::size_t>(), e.at("end").get<std::size_t>()});
  return p;
}

Document document_from_json(const nlohmann::json& j) {
  Document d;
  d.file = j.at("file").get<std::string>();
  d.id = string_or_empty(j, "id");
  d.title = string_or_empty(j, "title");
  d.doc_type = doc_type_from(j.value("doc_type", "other")).value_or(DocType::other);
  if (auto it = j.find("year"); it != j.end() && it->is_number_integer()) d.year = it->get<int>();
  d.partnership = string_or_empty(j, "partnership");
  d.child = string_or_empty(j, "child");
  d.author = string_or_empty(j, "author");
  d.pages = j.value("pages", 0);
  if (auto it = j.find("warnings"); it != j.end()) d.warnings = it->get<std::vector<std::string>>();
  for (const auto& p : j.at("passages")) d.passages.push_back(passage_from_json(p));
  d.facts = case_facts_from_json(j.value("facts", nlohmann::json::array()));
  return d;
}

}  // namespace reviewlens
