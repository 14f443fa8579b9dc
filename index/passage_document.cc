#include "index/passage_document.h"

#include <xapian.h>

#include "index/passage_json.h"
#include "index/schema.h"

namespace reviewlens::index {
namespace {

std::string term(std::string_view prefix, std::string_view value) {
  return std::string(prefix) + std::string(value);
}

void add_boolean_terms(Xapian::Document& xd, const PassageContext& c, const Passage& p) {
  for (const auto& theme : p.themes) {
    xd.add_boolean_term(term(schema::kThemePrefix, theme));
    if (auto it = c.info.theme_groups.find(theme); it != c.info.theme_groups.end())
      xd.add_boolean_term(term(schema::kGroupPrefix, it->second));
  }
  xd.add_boolean_term(term(schema::kDocTypePrefix, to_string(c.doc.doc_type)));
  if (c.doc.year > 0) xd.add_boolean_term(term(schema::kYearPrefix, std::to_string(c.doc.year)));
  if (auto name = schema::normalise_partnership(c.doc.partnership); !name.empty())
    xd.add_boolean_term(term(schema::kPartnershipPrefix, name));
  xd.add_boolean_term(term(schema::kDocIdPrefix, c.doc.id));
  xd.add_boolean_term(schema::source_term(c.path));
  xd.add_boolean_term(term(schema::kKindPrefix, to_string(p.kind)));
  for (const auto& fact : c.doc.facts)  // every passage carries its document's case facts
    xd.add_boolean_term(term(schema::kFactPrefix, fact.fact + ":" + fact.value));
  for (const auto& concept_id : c.concepts.concepts_in(p.text, c.stems))
    xd.add_boolean_term(term(schema::kConceptPrefix, concept_id));
}

void add_values(Xapian::Document& xd, const PassageContext& c, const Passage& p, int order) {
  xd.add_value(schema::kYearSlot, Xapian::sortable_serialise(c.doc.year));
  xd.add_value(schema::kPageSlot, Xapian::sortable_serialise(p.page));
  xd.add_value(schema::kDocSlot, c.doc.id);
  xd.add_value(schema::kOrderSlot, Xapian::sortable_serialise(order));
  xd.add_value(schema::kDocTypeSlot, std::string(to_string(c.doc.doc_type)));
  std::string themes;
  for (const auto& t : p.themes) themes += (themes.empty() ? "" : "\n") + t;
  xd.add_value(schema::kThemesSlot, themes);
  const std::string year = c.doc.year > 0 ? std::to_string(c.doc.year) : std::string();
  xd.add_value(schema::kYearTextSlot, year);
  std::string facet = c.doc.id + '\t' + std::string(to_string(c.doc.doc_type)) + '\t' + year + '\t';
  for (std::size_t i = 0; i < p.themes.size(); ++i) facet += (i ? "," : "") + p.themes[i];
  xd.add_value(schema::kFacetSlot, facet);
}

}  // namespace

Xapian::Document make_passage_document(Xapian::TermGenerator& generator,
                                       const PassageContext& context, const Passage& passage,
                                       int order) {
  Xapian::Document xd;
  generator.set_document(xd);
  generator.index_text(passage.text);
  if (!passage.heading.empty()) {
    generator.increase_termpos();
    generator.index_text(passage.heading, 1, std::string(schema::kHeadingPrefix));
  }
  add_boolean_terms(xd, context, passage);
  add_values(xd, context, passage, order);
  xd.set_data(passage_data_json(passage, {context.doc, context.path, order}));
  return xd;
}

}  // namespace reviewlens::index
