// Internal to layout repair: the line model the layout steps share.
// Not part of the public API (only extractors/*.cc include it).
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "extractors/raw_document.h"
#include "pipeline/core/document.h"

namespace reviewlens::extractors::layout {

struct Word {
  std::string text;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  double size = 0;
  bool bold = false;
  bool space_after = true;
};

// What a line is once tables have been found.
enum class LineRole { text, table_row };

struct Line {
  int page = 0;    // 1-based
  int column = 0;  // 0 full width, 1 left, 2 right
  std::vector<Word> words;  // left to right
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  double base = 0;     // median word bottom: a baseline proxy that one
                       // fallback-font glyph cannot move
  double size = 0;     // dominant font size (by characters)
  bool bold = false;   // every word bold
  LineRole role = LineRole::text;
  std::string row_text;  // table_row: the cells joined by one space
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;  // reading order once columns are resolved
  // Text extent per column (index = Line::column), from the lines in it.
  std::array<double, 3> left{}, right{};
};

// Document-wide measures the steps calibrate against.
struct Measures {
  double body_size = 10;  // most common font size, by characters
  double pitch = 12;      // most common baseline distance of body lines
};

// line_builder.cc
std::vector<Line> build_lines(const RawPage& page);
void refresh_extent(Line& line);  // recomputes x0..bottom, size, bold from words
std::string line_text(const Line& line);
std::string words_text(const std::vector<Word>& words, std::size_t from, std::size_t to);
bool is_bold_font(const std::string& font_name);
Measures measure(const std::vector<Page>& pages);

// page_furniture.cc: removes running headers/footers, page numbers, the
// title page and contents pages.
void drop_furniture(std::vector<Page>& pages);
bool is_page_number_line(const std::string& text);

// columns.cc: splits two-column pages and puts lines in reading order.
void order_columns(Page& page);
void compute_column_extents(Page& page);

// hyphenation.cc: how often each word (lower case) occurs in the document
// away from line ends, to tell "assess-|ment" from "multi-|agency".
class Vocabulary {
 public:
  void add(const Line& line);
  int count(const std::string& lower_word) const;

 private:
  std::unordered_map<std::string, int> counts_;
};
// Joins the text of a line to the next one: one space, or nothing when a
// word broken at the line end is rejoined (a real hyphen stays).
void append_line(std::string& text, const std::string& next, const Vocabulary& vocabulary);

// numbering.cc: how a text line starts: a printed paragraph number
// ("4.12", "12.", "Finding 3") or a bullet glyph set off by a gap.
enum class StartKind { plain, number, bullet };
struct LineStart {
  StartKind kind = StartKind::plain;
  std::string para;         // number: "4.12" (no trailing dot)
  std::size_t skip = 0;     // words that form the label or glyph
  std::size_t glued = 0;    // bytes of a label run into the first word ("7.101Supervision")
  bool indent_unknown = false;  // the label touches its text: no tab stop to go by
};
// column_left: left edge of the text column the line is in.
LineStart classify_start(const Line& line, double column_left);
// "3.2 Domestic abuse" -> para "3.2", text "Domestic abuse"; no number: para empty.
std::string take_heading_number(std::string& text);
bool is_bullet_word(const std::string& word);

// paragraph_builder.cc: lines (all pages, reading order) -> passages.
std::vector<Passage> build_paragraphs(const std::vector<Page>& pages, const Measures& measures,
                                      const Vocabulary& vocabulary);

// table_rows.cc: replaces table regions with one line per row (role
// table_row); header rows are dropped.
void collapse_tables(Page& page, const Measures& measures, const Vocabulary& vocabulary);

}  // namespace reviewlens::extractors::layout
