#include "extractors/layout.h"

#include "extractors/layout_model.h"

namespace reviewlens::extractors {

std::vector<Passage> build_passages(const RawDocument& doc) {
  std::vector<layout::Page> pages;
  pages.reserve(doc.pages.size());
  for (const RawPage& raw : doc.pages)
    pages.push_back(layout::Page{raw.number, raw.width, raw.height, layout::build_lines(raw), {}, {}});
  layout::drop_furniture(pages);
  for (layout::Page& page : pages) layout::order_columns(page);
  const layout::Measures measures = layout::measure(pages);
  layout::Vocabulary vocabulary;
  for (const layout::Page& page : pages)
    for (const layout::Line& line : page.lines) vocabulary.add(line);
  for (layout::Page& page : pages) {
    layout::collapse_tables(page, measures, vocabulary);
    layout::compute_column_extents(page);
  }
  return layout::build_paragraphs(pages, measures, vocabulary);
}

}  // namespace reviewlens::extractors
