// Lines -> passages. Walks every line of every page in reading order and
// keeps one open block. A line continues the open block when nothing says a
// new one starts: no number label or bullet glyph, same font size, the
// usual line pitch (a paragraph gap is wider), and the block's continuation
// indent. Across a page or column break the indent is compared relative to
// the column and a greedy-wrapping test decides: if the first word of the
// new line would have fitted at the end of the block's last line, that
// line ended its paragraph. Headings are lines clearly larger than body
// text, or short lines all in bold, or short all-capital lines standing
// alone; consecutive heading lines of one size join.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "extractors/layout_model.h"

namespace reviewlens::extractors::layout {
namespace {

constexpr double kUnknownIndent = -1e9;

struct Block {
  PassageKind kind = PassageKind::paragraph;
  int page = 0;
  std::string para;
  std::string text;
  double size = 0;
  double cont_x = 0;       // where continuation lines start
  double region_left = 0;  // extent of the column the last line is in
  double region_right = 0;
  const Line* last = nullptr;
  int lines = 0;
  double max_x1 = 0;      // right edge of the widest line so far
  double own_pitch = 0;   // baseline distance of its first two lines
};

bool ends_sentence(const std::string& text) {
  return !text.empty() && std::string_view(".:;?!").find(text.back()) != std::string_view::npos;
}

bool ends_with_hyphen(const std::string& t) {
  return t.ends_with("-") || t.ends_with("\xE2\x80\x90") || t.ends_with("\xC2\xAD");
}

// "Recommendation 3:", "Action 12." - a capitalised word, a number, a colon or dot.
bool starts_with_item_label(const Line& line) {
  if (line.words.size() < 3) return false;
  const std::string& word = line.words[0].text;
  const std::string& number = line.words[1].text;
  if (word.size() < 3 || !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  for (unsigned char c : word)
    if (!std::isalpha(c)) return false;
  if (number.size() < 2 || (number.back() != ':' && number.back() != '.')) return false;
  for (std::size_t i = 0; i + 1 < number.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(number[i]))) return false;
  return true;
}

bool all_caps(const std::string& text) {
  int upper = 0;
  for (unsigned char c : text) {
    if (std::islower(c)) return false;
    upper += std::isupper(c) ? 1 : 0;
  }
  return upper >= 4;
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(const Measures& m, const Vocabulary& v) : m_(m), vocabulary_(v) {}

  std::vector<Passage> run(const std::vector<Page>& pages) {
    for (const Page& page : pages) {
      const Line* prev = nullptr;
      for (const Line& line : page.lines) {
        take(page, line, prev);
        prev = &line;
      }
    }
    close();
    return std::move(out_);
  }

 private:
  void take(const Page& page, const Line& line, const Line* prev) {
    if (line.role == LineRole::table_row) {
      close();
      emit(PassageKind::table_row, line.page, {}, line.row_text);
      return;
    }
    const std::string text = line_text(line);
    if (is_heading(line, text, prev)) {
      if (open_ && block_.kind == PassageKind::heading && same_region(line) &&
          std::abs(line.size - block_.size) < 0.5 && line.top - block_.last->bottom < 0.8 * line.size) {
        append(page, line, text);
        return;
      }
      close();
      start(page, line, PassageKind::heading, {}, text, line.x0);
      return;
    }
    const LineStart ls = classify_start(line, page.left[line.column]);
    if (open_ && ls.kind == StartKind::plain && continues(page, line)) {
      append(page, line, text);
      return;
    }
    close();
    if (ls.kind == StartKind::plain) {
      start(page, line, PassageKind::paragraph, {}, text, line.x0);
      return;
    }
    // A glued label hides the text's tab stop: the next line will show it.
    const double text_x = ls.indent_unknown ? kUnknownIndent : line.words[ls.skip].x0;
    std::string body = words_text(line.words, ls.skip, line.words.size());
    body.erase(0, ls.glued);
    start(page, line, ls.kind == StartKind::bullet ? PassageKind::bullet : PassageKind::paragraph,
          ls.para, std::move(body), text_x);
  }

  bool is_heading(const Line& line, const std::string& text, const Line* prev) const {
    if (line.words.size() > 30) return false;
    if (line.size >= m_.body_size + 1.2) return true;
    if (line.size < m_.body_size - 0.3 || text.size() > 90 || ends_sentence(text)) return false;
    if (classify_start(line, line.x0).kind == StartKind::bullet) return false;
    const bool isolated = prev == nullptr || line.column != prev->column ||
                          line.base - prev->base > pitch(line) + gap_tolerance(line);
    if (line.bold && (isolated || (open_ && block_.kind == PassageKind::heading))) return true;
    return isolated && line.words.size() >= 2 && all_caps(text);
  }

  double pitch(const Line& line) const { return m_.pitch * line.size / m_.body_size; }
  static double gap_tolerance(const Line& line) { return std::max(2.0, 0.2 * line.size); }

  bool same_region(const Line& line) const {
    return block_.last != nullptr && block_.last->page == line.page &&
           block_.last->column == line.column;
  }

  bool continues(const Page& page, const Line& line) const {
    if (block_.kind == PassageKind::heading || block_.kind == PassageKind::table_row) return false;
    if (std::abs(line.size - block_.size) > 0.8) return false;
    if (same_region(line)) {
      const double gap = line.base - block_.last->base;
      if (gap <= 0 || gap > 1.45 * pitch(line)) return false;
      // A line with a hyphen from a fallback font can sit a little off its
      // baseline, so pitches next to broken words are compared loosely.
      const bool near_break = ends_with_hyphen(block_.text) || ends_with_hyphen(line_text(line));
      if (block_.own_pitch > 0 && std::abs(gap - block_.own_pitch) > (near_break ? 4.0 : 1.5))
        return false;
      // A gap a little wider than the body pitch may be a box set with more
      // leading; the block's own pitch and the wrapping test decide. An
      // unlabelled indented block is taken to be a box, indented on both
      // sides, so its right limit mirrors its left indent.
      const bool boxed = block_.kind == PassageKind::paragraph && block_.para.empty();
      const double inset = boxed ? std::max(0.0, block_.cont_x - block_.region_left) : 0.0;
      if (!wrapped_here(line, inset)) return false;
      if (std::abs(line.x0 - block_.cont_x) <= 3) return true;
      if (block_.cont_x == kUnknownIndent) return line.x0 > block_.last->x0;
      // First-line indent: the second line starts left of the first.
      return block_.lines == 1 && block_.kind == PassageKind::paragraph && block_.para.empty() &&
             line.x0 < block_.cont_x - 3 && line.x0 - page.left[line.column] < 3;
    }
    // "Recommendation 3: ..." at the top of a page starts an item of its own
    // even when the previous page happened to end with a full line.
    if (starts_with_item_label(line)) return false;
    const double rel_block = block_.cont_x - block_.region_left;
    const double rel_line = line.x0 - page.left[line.column];
    if (std::abs(rel_block - rel_line) > 3) return false;
    return wrapped_here(line);
  }

  // Greedy wrapping: a word that would have fitted at the end of the
  // block's last line was not carried over, so that line ended its
  // paragraph. A broken word always continues.
  bool wrapped_here(const Line& line, double inset = 0) const {
    if (ends_with_hyphen(block_.text)) return true;
    const Word& first = line.words.front();
    const double right = block_.lines >= 2 ? block_.max_x1 : block_.region_right - inset;
    const double room = right - block_.last->x1;
    return first.x1 - first.x0 + 0.25 * line.size > room - 1.0;
  }

  void start(const Page& page, const Line& line, PassageKind kind, std::string para,
             std::string text, double cont_x) {
    open_ = true;
    block_ = Block{};
    block_.kind = kind;
    block_.page = line.page;
    block_.para = std::move(para);
    block_.text = std::move(text);
    block_.size = line.size;
    block_.cont_x = cont_x;
    block_.lines = 1;
    note_last(page, line);
  }

  void append(const Page& page, const Line& line, const std::string& text) {
    if (block_.own_pitch == 0 && same_region(line) && !ends_with_hyphen(block_.text) &&
        !ends_with_hyphen(text))
      block_.own_pitch = line.base - block_.last->base;
    append_line(block_.text, text, vocabulary_);
    if (block_.lines == 1 && block_.kind == PassageKind::paragraph &&
        (line.x0 < block_.cont_x - 3 || block_.cont_x == kUnknownIndent))
      block_.cont_x = line.x0;
    // After a column or page break the continuation indent moves with the column.
    if (!same_region(line)) block_.cont_x = line.x0;
    ++block_.lines;
    note_last(page, line);
  }

  void note_last(const Page& page, const Line& line) {
    block_.last = &line;
    block_.max_x1 = std::max(block_.max_x1, line.x1);
    block_.region_left = page.left[line.column];
    block_.region_right = page.right[line.column];
  }

  void close() {
    if (!open_) return;
    open_ = false;
    if (block_.kind == PassageKind::heading) {
      std::string text = block_.text;
      std::string para = take_heading_number(text);
      while (!headings_.empty() && headings_.back().first <= block_.size + 0.25) headings_.pop_back();
      std::string parent = headings_.empty() ? std::string() : headings_.back().second;
      emit(PassageKind::heading, block_.page, para, text, parent);
      headings_.emplace_back(block_.size, text);
      current_heading_ = text;
      return;
    }
    emit(block_.kind, block_.page, block_.para, block_.text);
  }

  void emit(PassageKind kind, int page, std::string para, std::string text) {
    emit(kind, page, std::move(para), std::move(text), current_heading_);
  }
  void emit(PassageKind kind, int page, std::string para, std::string text, std::string heading) {
    if (text.empty()) return;
    Passage p;
    p.kind = kind;
    p.page = page;
    p.para = std::move(para);
    p.text = std::move(text);
    p.heading = std::move(heading);
    out_.push_back(std::move(p));
  }

  const Measures& m_;
  const Vocabulary& vocabulary_;
  bool open_ = false;
  Block block_;
  std::vector<std::pair<double, std::string>> headings_;  // (font size, text), outermost first
  std::string current_heading_;
  std::vector<Passage> out_;
};

}  // namespace

std::vector<Passage> build_paragraphs(const std::vector<Page>& pages, const Measures& measures,
                                      const Vocabulary& vocabulary) {
  return ParagraphBuilder(measures, vocabulary).run(pages);
}

}  // namespace reviewlens::extractors::layout
