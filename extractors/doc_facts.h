// Document facts inferred from a PDF: title, review type, publication year,
// safeguarding partnership and the child's pseudonym.
//
// Title pages are furniture that layout repair drops from the passages, so
// the facts are read from the RawDocument directly: the lines of page 1
// (words grouped by baseline, biggest font first for the title) and the PDF
// metadata. Curated metadata (corpus/metadata_overrides.h) overrides all of
// this later. Every function is pure and never throws; an unknown fact is
// empty / 0 / DocType::other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/raw_document.h"
#include "pipeline/core/document.h"

namespace reviewlens::extractors {

struct DocumentFacts {
  std::string title;
  DocType doc_type = DocType::other;
  int year = 0;
  std::string partnership;
  std::string child;
};

// One printed line of a page: words sharing a baseline, left to right.
struct PageLine {
  std::string text;        // normalised (text::normalise)
  double font_size = 0;    // the largest word's size
  double y = 0;            // baseline, from the top
};

// The lines of a page, top to bottom.
std::vector<PageLine> page_lines(const RawPage& page);

// The title: a plausible metadata title (not "Microsoft Word - draft.docx",
// "untitled", ...), else the page-1 lines set in the largest font (a title
// wraps onto several lines) joined with the subtitle set just below them:
// "Local Child Safeguarding Practice Review: Child Q". Empty if neither.
std::string infer_title(const std::vector<PageLine>& first_page, std::string_view metadata_title);

// The review type from the title, else from the title-page text. Checked in
// a fixed order (national, thematic, annual report, rapid review, serious
// case review, LCSPR) so "Rapid review ... report to the Child Safeguarding
// Practice Review Panel" is a rapid review.
DocType infer_doc_type(std::string_view title, std::string_view title_page_text);

// Publication year: a "Published"/"Publication date"/"Date" line on the
// title page, else the metadata creation year, else the latest year in
// 2010..current_year on the title page; 0 if none.
int infer_year(const std::vector<PageLine>& first_page, int metadata_year, int current_year);

// "Northbridge Safeguarding Children Partnership", "Eastmoor Local
// Safeguarding Children Board", "Safeguarding Children in Westby
// Partnership", "Oakvale Multi-Agency Safeguarding Arrangements"... found in
// `text` (normalised, so curly apostrophes become '); empty if none.
std::string find_partnership(std::string_view text);

// "Child A", "Baby M", "Child LH", "Children A and B", "Children A, B and C";
// a line that is only a quoted given name ("'Leo'") gives "Leo". Empty if none.
std::string find_child(std::string_view text);

// All of the above for one document; `current_year` bounds plausible years.
DocumentFacts infer_facts(const RawDocument& raw, int current_year);

}  // namespace reviewlens::extractors
