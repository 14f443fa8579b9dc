#include "pipeline/tagging/tagger.h"

#include <algorithm>

#include "pipeline/tagging/rule_engine.h"

namespace reviewlens::tagging {
namespace {

std::vector<RuleGroup> theme_groups(const Taxonomy& taxonomy) {
  std::vector<RuleGroup> groups;
  groups.reserve(taxonomy.themes.size());
  for (const auto& theme : taxonomy.themes) groups.push_back(theme.rules);
  return groups;
}

}  // namespace

Tagger::Tagger(const Taxonomy& taxonomy)
    : engine_(std::make_unique<RuleEngine>(theme_groups(taxonomy), taxonomy.assertion)) {}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

void Tagger::tag(Passage& passage) const {
  PassageView view{passage.text, passage.sentences, passage.kind, passage.heading, passage.para,
                   passage.sentences.empty() ? SentenceSource::compute_when_needed
                                             : SentenceSource::given};
  passage.themes.clear();
  passage.hits.clear();
  for (const auto& match : engine_->match(view)) {
    const std::string& theme = engine_->groups()[match.group].id;
    passage.themes.push_back(theme);
    for (const auto& hit : match.hits)
      passage.hits.push_back(ThemeHit{theme, hit.rule->id, hit.span.start, hit.span.end});
  }
  std::sort(passage.themes.begin(), passage.themes.end());
  std::stable_sort(passage.hits.begin(), passage.hits.end(),
                   [](const ThemeHit& a, const ThemeHit& b) { return a.start < b.start; });
}

}  // namespace reviewlens::tagging
