#include "pipeline/tagging/tagger.h"

#include <algorithm>

#include "pipeline/tagging/passage_veto.h"
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
    : engine_(std::make_unique<RuleEngine>(theme_groups(taxonomy), taxonomy.assertion)),
      veto_(std::make_unique<PassageVeto>(engine_->groups())) {}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

// Evidence goes into passage.hits in text order, stable across groups, by
// sorting small records; the hits are then written over the existing
// elements, so a Passage reused for the next text keeps its strings'
// storage (tag_command does this: allocation was a visible cost).
void Tagger::tag(Passage& passage) const {
  PassageView view{passage.text, passage.sentences, passage.kind, passage.heading, passage.para,
                   passage.sentences.empty() ? SentenceSource::compute_when_needed
                                             : SentenceSource::given};
  struct Ref {
    std::size_t start, seq;
    const std::string* theme;
    const RuleHit* hit;
  };
  thread_local std::vector<Ref> refs;
  thread_local std::vector<GroupMatch> matches;
  refs.clear();
  const std::size_t matched = veto_->apply(passage.text, matches, engine_->match_into(view, matches));
  std::size_t themes = 0;
  for (std::size_t m = 0; m < matched; ++m) {
    const GroupMatch& match = matches[m];
    const std::string& theme = engine_->groups()[match.group].id;
    if (themes < passage.themes.size())
      passage.themes[themes].assign(theme);
    else
      passage.themes.push_back(theme);
    ++themes;
    for (const auto& hit : match.hits) refs.push_back(Ref{hit.span.start, refs.size(), &theme, &hit});
  }
  passage.themes.resize(themes);
  std::sort(passage.themes.begin(), passage.themes.end());
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
    return a.start != b.start ? a.start < b.start : a.seq < b.seq;
  });
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const Ref& r = refs[i];
    if (i == passage.hits.size()) passage.hits.emplace_back();
    ThemeHit& out = passage.hits[i];
    out.theme.assign(*r.theme);
    out.rule.assign(r.hit->rule->id);
    out.start = r.hit->span.start;
    out.end = r.hit->span.end;
  }
  passage.hits.resize(refs.size());
}

}  // namespace reviewlens::tagging
