// Draws small, real PDFs for tests with cairo: text at exact positions, so a
// test controls headers, columns, hyphenation and page breaks and knows the
// passages the extractor must recover.
//
//   PdfBuilder pdf;
//   pdf.metadata({.title = "Child A LCSPR"});
//   pdf.text(72, 72, "1. Introduction", {.size = 14, .bold = true});
//   pdf.new_page();
//   pdf.save(dir / "a.pdf");
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace reviewlens::testing {

struct TextStyle {
  double size = 11;                    // points
  bool bold = false;
  std::string family = "DejaVu Sans";  // any fontconfig family
};

struct PdfMetadata {
  std::string title, author, subject, keywords, creator;
  std::string create_date;  // ISO 8601, "2021-06-30T10:00:00"
};

class PdfBuilder {
 public:
  // A4 portrait by default (points).
  explicit PdfBuilder(double page_width = 595, double page_height = 842);

  PdfBuilder& metadata(const PdfMetadata& meta);
  // Draws UTF-8 text with its baseline at (x, y), y measured from the top.
  PdfBuilder& text(double x, double y, const std::string& utf8, const TextStyle& style = {});
  // Fills a rectangle (e.g. a picture on an image-only page).
  PdfBuilder& rectangle(double x, double y, double width, double height);
  // Starts a new page; the first page exists from the start.
  PdfBuilder& new_page();

  // Lays out `lines` one under another from (x, y) with `leading` points
  // between baselines; returns the y after the last line.
  double lines(double x, double y, const std::vector<std::string>& lines, double leading = 14,
               const TextStyle& style = {});

  // Greedy word wrapping of `utf8` into lines no wider than `width`
  // (measured with cairo in `style`), drawn from (x, y) like lines().
  // Returns the y after the last line. A paragraph drawn this way obeys the
  // "next word did not fit" rule layout repair relies on.
  double wrapped(double x, double y, double width, const std::string& utf8, double leading = 14,
                 const TextStyle& style = {});
  // The lines wrapped() would draw.
  std::vector<std::string> wrap(const std::string& utf8, double width, const TextStyle& style = {}) const;

  int page_count() const { return static_cast<int>(pages_.size()); }
  // Writes the PDF; throws std::runtime_error when cairo fails.
  void save(const std::filesystem::path& path) const;

 private:
  struct Op {
    enum class Kind { text, rectangle } kind;
    double x, y, w, h;
    std::string text;
    TextStyle style;
  };
  double width_, height_;
  PdfMetadata meta_;
  std::vector<std::vector<Op>> pages_;
};

}  // namespace reviewlens::testing
