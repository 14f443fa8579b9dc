// The per-source-document record kept in index metadata ("doc:<id>"), so
// listings and statistics need not scan passages. Written by IndexWriter.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "pipeline/core/document.h"

namespace reviewlens::index {

struct DocumentRecord {
  std::string id;           // Document::id
  std::string file;         // source path (manifest identity)
  std::string title;
  DocType doc_type = DocType::other;
  int year = 0;             // 0 if unknown
  std::string partnership;  // as extracted (not normalised)
  std::string child;
  std::string author;
  int pages = 0;
  int passages = 0;
  std::map<std::string, int> theme_counts;  // theme id -> passages carrying it
  std::vector<CaseFact> facts;              // Document::facts (value, evidence passage)
};

DocumentRecord make_document_record(const Document& doc, const std::string& path);
nlohmann::json to_json(const DocumentRecord& record);
// Throws nlohmann::json::exception on malformed input.
DocumentRecord document_record_from_json(const nlohmann::json& j);

}  // namespace reviewlens::index
