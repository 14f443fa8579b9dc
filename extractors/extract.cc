#include "extractors/extract.h"

#include <chrono>
#include <exception>
#include <new>

#include <fmt/format.h>

#include "extractors/doc_facts.h"
#include "extractors/layout.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::extractors {
namespace {

int this_year() {
  const auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return static_cast<int>(today.year());
}

// Normalises each passage, drops the ones that become empty (a line of
// bullet glyphs) and numbers the rest.
std::vector<Passage> finish_passages(std::vector<Passage> raw, const std::string& doc_id) {
  std::vector<Passage> out;
  out.reserve(raw.size());
  for (auto& p : raw) {
    p.text = text::normalise(p.text);
    if (p.text.empty()) continue;
    p.heading = text::normalise(p.heading);
    p.sentences = text::sentence_spans(p.text);
    p.id = fmt::format("{}:{}", doc_id, out.size() + 1);
    out.push_back(std::move(p));
  }
  return out;
}

Expected<Document> extract_unguarded(const std::filesystem::path& file, const ExtractOptions& options) {
  const std::string name = file.string();
  auto raw = read_pdf(file, ReadOptions{options.max_pages, options.messages});
  if (!raw) {
    Error e = raw.error();
    if (e.file.empty()) e.file = name;
    if (e.stage.empty()) e.stage = "extract";
    return std::unexpected(std::move(e));
  }

  Document doc;
  doc.file = name;
  doc.id = file.stem().string();
  doc.pages = raw->page_count;
  doc.author = text::normalise(raw->metadata.author);
  doc.warnings = raw->warnings;
  doc.passages = finish_passages(build_passages(*raw), doc.id);
  if (doc.passages.empty())
    return make_error(ErrorCode::no_text, "no text left after layout repair", name, "extract");

  const DocumentFacts facts =
      infer_facts(*raw, options.current_year > 0 ? options.current_year : this_year());
  doc.title = facts.title;
  doc.doc_type = facts.doc_type;
  doc.year = facts.year;
  doc.partnership = facts.partnership;
  doc.child = facts.child;
  if (doc.title.empty()) doc.title = doc.id;

  auto curated = corpus::find_overrides(file, options.metadata, options.tables);
  if (!curated) {
    Error e = curated.error();
    e.file = name;  // the document fails; the message names the metadata file and line
    e.stage = "metadata";
    return std::unexpected(std::move(e));
  }
  corpus::apply_override(*curated, doc);
  return doc;
}

}  // namespace

Expected<Document> extract_document(const std::filesystem::path& file, const ExtractOptions& options) {
  try {
    return extract_unguarded(file, options);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal, e.what(), file.string(), "extract");
  }
}

}  // namespace reviewlens::extractors
