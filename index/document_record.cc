#include "index/document_record.h"

#include <nlohmann/json.hpp>

namespace reviewlens::index {

DocumentRecord make_document_record(const Document& doc, const std::string& path) {
  DocumentRecord r;
  r.id = doc.id;
  r.file = path;
  r.title = doc.title;
  r.doc_type = doc.doc_type;
  r.year = doc.year;
  r.partnership = doc.partnership;
  r.child = doc.child;
  r.author = doc.author;
  r.pages = doc.pages;
  r.passages = static_cast<int>(doc.passages.size());
  for (const auto& p : doc.passages)
    for (const auto& theme : p.themes) ++r.theme_counts[theme];
  r.facts = doc.facts;
  return r;
}

nlohmann::json to_json(const DocumentRecord& r) {
  return {{"id", r.id},
          {"file", r.file},
          {"title", r.title},
          {"doc_type", to_string(r.doc_type)},
          {"year", r.year > 0 ? nlohmann::json(r.year) : nlohmann::json(nullptr)},
          {"partnership", r.partnership.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.partnership)},
          {"child", r.child.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.child)},
          {"author", r.author.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.author)},
          {"pages", r.pages},
          {"passages", r.passages},
          {"theme_counts", r.theme_counts},
          {"facts", case_facts_json(r.facts)}};
}

DocumentRecord document_record_from_json(const nlohmann::json& j) {
  auto text = [&](const char* name) {
    auto it = j.find(name);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
  };
  DocumentRecord r;
  r.id = text("id");
  r.file = text("file");
  r.title = text("title");
  r.doc_type = doc_type_from(text("doc_type")).value_or(DocType::other);
  if (auto it = j.find("year"); it != j.end() && it->is_number_integer()) r.year = it->get<int>();
  r.partnership = text("partnership");
  r.child = text("child");
  r.author = text("author");
  r.pages = j.value("pages", 0);
  r.passages = j.value("passages", 0);
  if (auto it = j.find("theme_counts"); it != j.end())
    r.theme_counts = it->get<std::map<std::string, int>>();
  if (auto it = j.find("facts"); it != j.end()) r.facts = case_facts_from_json(*it);
  return r;
}

}  // namespace reviewlens::index
