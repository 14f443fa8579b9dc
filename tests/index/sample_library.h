// A small fictional library of tagged documents for index tests, and a way
// to count expectations from the constructed documents themselves (not from
// the code under test).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "pipeline/core/document.h"

namespace reviewlens::testing {

inline Passage passage(std::string text, int page, std::string para,
                       std::vector<std::string> themes, std::string heading = "Findings") {
  Passage p;
  p.text = std::move(text);
  p.page = page;
  p.para = std::move(para);
  p.heading = std::move(heading);
  p.themes = std::move(themes);
  for (const auto& t : p.themes) p.hits.push_back({t, t + "_rule", 0, 3});
  return p;
}

inline Document document(std::string id, DocType type, int year, std::string partnership,
                         std::vector<Passage> passages) {
  Document d;
  d.id = id;
  d.file = id + ".pdf";
  d.title = "Review of " + id;
  d.doc_type = type;
  d.year = year;
  d.partnership = std::move(partnership);
  d.pages = 10;
  int seq = 0;
  for (auto& p : passages) p.id = id + ":" + std::to_string(++seq);
  d.passages = std::move(passages);
  return d;
}

inline std::vector<Document> sample_library() {
  return {
      document("child-a", DocType::lcspr, 2022, "North Vale Safeguarding Partnership",
               {passage("The baby was seen by the health visitor at home.", 3, "4.1", {"babies"}),
                passage("Information about the father's history of domestic abuse was not shared "
                        "with the midwife.", 4, "4.2", {"babies", "domestic_abuse", "information_sharing"}),
                passage("Records show the GP surgery was not told about the bruising.", 5, "4.3",
                        {"information_sharing"})}),
      document("child-b", DocType::rapid_review, 2020, "Eastmoor Children's Partnership",
               {passage("DA incidents were reported to police twice before the referral.", 2, "2.1",
                        {"domestic_abuse"}),
                passage("The school raised concerns about exclusion and missing education.", 2, "2.2",
                        {"not_in_school"})}),
      document("baby-c", DocType::lcspr, 2023, "North Vale Safeguarding Partnership",
               {passage("Safe sleeping advice was given to both parents by the midwife.", 6, "5.1",
                        {"babies"}),
                passage("Professionals did not share information about the bruising on the baby.", 7,
                        "5.2", {"babies", "information_sharing"}),
                passage("Strategy meetings were held but the police were not invited.", 8, "5.3",
                        {"multi_agency_working"})}),
  };
}

inline index::IndexInfo sample_info() {
  return {"2024.1", "abc123",
          {{"babies", "practice"},
           {"domestic_abuse", "practice"},
           {"not_in_school", "emerging"},
           {"information_sharing", "national"},
           {"multi_agency_working", "national"}}};
}

inline index::SourceRecord source_for(const Document& d) {
  index::SourceRecord s;
  s.path = "reviews/" + d.file;
  s.doc_id = d.id;
  s.size = 1000 + d.passages.size();
  s.mtime_ns = 1700000000000000000;
  s.content_hash = "feedface" + d.id;
  s.pages = d.pages;
  s.indexed_at = "2024-05-01T10:00:00Z";
  return s;
}

inline void build_library(const std::filesystem::path& dir, const std::vector<Document>& docs) {
  index::IndexWriter writer(dir, sample_info());
  for (const auto& d : docs) writer.put_document(d, source_for(d));
  writer.commit();
}

// Passages of `docs` for which keep(doc, passage) holds.
inline std::size_t count_passages(const std::vector<Document>& docs,
                                  const std::function<bool(const Document&, const Passage&)>& keep) {
  std::size_t n = 0;
  for (const auto& d : docs)
    for (const auto& p : d.passages) n += keep(d, p) ? 1 : 0;
  return n;
}

inline bool has_theme(const Passage& p, const std::string& theme) {
  for (const auto& t : p.themes)
    if (t == theme) return true;
  return false;
}

}  // namespace reviewlens::testing
