#include "tests/support/pdf_builder.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <stdexcept>

namespace reviewlens::testing {

PdfBuilder::PdfBuilder(double page_width, double page_height)
    : width_(page_width), height_(page_height), pages_(1) {}

PdfBuilder& PdfBuilder::metadata(const PdfMetadata& meta) {
  meta_ = meta;
  return *this;
}

PdfBuilder& PdfBuilder::text(double x, double y, const std::string& utf8, const TextStyle& style) {
  pages_.back().push_back({Op::Kind::text, x, y, 0, 0, utf8, style});
  return *this;
}

PdfBuilder& PdfBuilder::rectangle(double x, double y, double width, double height) {
  pages_.back().push_back({Op::Kind::rectangle, x, y, width, height, {}, {}});
  return *this;
}

PdfBuilder& PdfBuilder::new_page() {
  pages_.emplace_back();
  return *this;
}

double PdfBuilder::lines(double x, double y, const std::vector<std::string>& lines, double leading,
                         const TextStyle& style) {
  for (const auto& line : lines) {
    text(x, y, line, style);
    y += leading;
  }
  return y;
}

std::vector<std::string> PdfBuilder::wrap(const std::string& utf8, double width,
                                          const TextStyle& style) const {
  // A scratch recording surface gives cairo text metrics without a file.
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, style.family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                         style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, style.size);
  auto advance = [&](const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
  };
  std::vector<std::string> out;
  std::string line;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = utf8.find(' ', pos);
    if (end == std::string::npos) end = utf8.size();
    std::string word = utf8.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && advance(candidate) > width) {
      out.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) out.push_back(line);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return out;
}

double PdfBuilder::wrapped(double x, double y, double width, const std::string& utf8,
                           double leading, const TextStyle& style) {
  return lines(x, y, wrap(utf8, width, style), leading, style);
}

void PdfBuilder::save(const std::filesystem::path& path) const {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), width_, height_);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("cairo cannot create " + path.string());
  }
  auto set_meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
  };
  set_meta(CAIRO_PDF_METADATA_TITLE, meta_.title);
  set_meta(CAIRO_PDF_METADATA_AUTHOR, meta_.author);
  set_meta(CAIRO_PDF_METADATA_SUBJECT, meta_.subject);
  set_meta(CAIRO_PDF_METADATA_KEYWORDS, meta_.keywords);
  set_meta(CAIRO_PDF_METADATA_CREATOR, meta_.creator);
  set_meta(CAIRO_PDF_METADATA_CREATE_DATE, meta_.create_date);

  cairo_t* cr = cairo_create(surface);
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    for (const auto& op : pages_[i]) {
      if (op.kind == Op::Kind::rectangle) {
        cairo_rectangle(cr, op.x, op.y, op.w, op.h);
        cairo_fill(cr);
        continue;
      }
      cairo_select_font_face(cr, op.style.family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                             op.style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, op.style.size);
      cairo_move_to(cr, op.x, op.y);
      cairo_show_text(cr, op.text.c_str());
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo failed writing " + path.string() + ": " +
                             cairo_status_to_string(status));
}

}  // namespace reviewlens::testing
