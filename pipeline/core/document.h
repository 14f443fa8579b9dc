// The document model: plain values that move through the pipeline stages
// (extract -> normalise -> tag -> index). Each field names the one stage
// that writes it. No behaviour beyond conversions lives here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace reviewlens {

enum class PassageKind { paragraph, heading, bullet, table_row };

std::string_view to_string(PassageKind kind);
std::optional<PassageKind> passage_kind_from(std::string_view name);

// The review types users filter by. Strings are part of the CLI/JSON contract.
enum class DocType {
  lcspr,
  rapid_review,
  serious_case_review,
  national_review,
  thematic_review,
  annual_report,
  other,
};

std::string_view to_string(DocType type);
std::optional<DocType> doc_type_from(std::string_view name);

// One rule match that made a passage carry a theme. Offsets are bytes into
// Passage::text as stored (after normalisation).
struct ThemeHit {
  std::string theme;  // tag: taxonomy theme id
  std::string rule;   // tag: rule id inside the theme
  std::size_t start = 0;
  std::size_t end = 0;
};

// Byte span [start, end) of one sentence inside Passage::text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Passage {
  std::string id;             // extract: "<doc id>:<seq>", seq 1-based
  std::string text;           // normalise: NFKC, folded quotes/dashes, one paragraph
  int page = 0;               // extract: 1-based page where the passage starts
  std::string para;           // extract: "4.12", "Finding 3"; empty if unnumbered
  std::string heading;        // extract: nearest section heading above
  PassageKind kind = PassageKind::paragraph;  // extract
  std::vector<Span> sentences;        // normalise: ICU sentence boundaries
  std::vector<std::string> themes;    // tag: sorted, unique theme ids
  std::vector<ThemeHit> hits;         // tag: evidence for `themes`
};

// One case fact about the review's child ("the window on the system"): its
// value and the passage that says so. Written by the facts step
// (tagging::FactFinder) after tagging; value "unknown" (no evidence fields)
// when the document does not say.
struct CaseFact {
  std::string fact;        // fact id: incident, age_band, cp_plan, ...
  std::string value;       // value id: death, 10_15, current, yes, unknown
  std::string passage_id;  // evidence passage ("<doc id>:<seq>"); empty if unknown
  int page = 0;            // of that passage; 0 if unknown
  std::string para;        // of that passage; may be empty
  std::string evidence;    // the matched text
};

struct Document {
  std::string file;          // extract: path as given by the caller
  std::string id;            // extract: stable short id (file stem)
  std::string title;         // facts: metadata/sidecar/title page
  DocType doc_type = DocType::other;  // facts
  int year = 0;              // facts: publication year, 0 if unknown
  std::string partnership;   // facts: safeguarding partnership name
  std::string child;         // facts: "Child A", "Baby M"; empty if none
  std::string author;        // extract: PDF metadata
  int pages = 0;             // extract: page count
  std::vector<std::string> warnings;  // any stage: non-fatal problems (a failed page)
  std::vector<Passage> passages;      // extract, normalise, tag
  std::vector<CaseFact> facts;        // facts (after tag): one per taxonomy fact
};

// JSON shapes of the extract/tag contract. `para`, `child`, `year` and
// `partnership` are null when unknown. Themes/evidence are written only when
// the passage has been tagged (non-empty) or `include_tags` is set.
enum class TagFields { omit, include };
nlohmann::json to_json(const Passage& passage, TagFields tags = TagFields::omit);
nlohmann::json to_json(const Document& doc, TagFields tags = TagFields::omit);
// Inverse of to_json (used by caches and the ingest worker protocol).
// Throws nlohmann::json::exception on malformed input.
Passage passage_from_json(const nlohmann::json& j);
Document document_from_json(const nlohmann::json& j);
// The "facts" array of to_json(Document) (also used by index records).
nlohmann::json case_facts_json(const std::vector<CaseFact>& facts);
std::vector<CaseFact> case_facts_from_json(const nlohmann::json& j);

}  // namespace reviewlens
