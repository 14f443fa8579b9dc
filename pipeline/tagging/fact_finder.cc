#include "pipeline/tagging/fact_finder.h"

#include <cstddef>
#include <limits>

#include "pipeline/tagging/passage_veto.h"
#include "pipeline/tagging/rule_engine.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::tagging {
namespace {

std::vector<RuleGroup> value_groups(const std::vector<Fact>& facts) {
  std::vector<RuleGroup> groups;
  for (const auto& fact : facts)
    for (const auto& value : fact.values) groups.push_back(value.rules);
  return groups;
}

// What the document says for one fact value: its total score and its first
// match (passage index, span), for the resolution policies.
struct Sighting {
  bool seen = false;
  double score = 0;
  std::size_t passage = 0;
  Span span;
};

bool earlier(const Sighting& a, const Sighting& b) {
  if (!b.seen) return a.seen;
  if (!a.seen) return false;
  if (a.passage != b.passage) return a.passage < b.passage;
  return a.span.start < b.span.start;
}

// Index (into `sightings`) of the chosen value, or npos when none was seen.
// Ties go to the value listed first.
std::size_t choose(FactResolution policy, const Sighting* sightings, std::size_t n) {
  std::size_t best = std::numeric_limits<std::size_t>::max();
  for (std::size_t i = 0; i < n; ++i) {
    if (!sightings[i].seen) continue;
    if (best == std::numeric_limits<std::size_t>::max()) {
      best = i;
      if (policy == FactResolution::listed) break;
      continue;
    }
    if (policy == FactResolution::first_seen && earlier(sightings[i], sightings[best])) best = i;
    if (policy == FactResolution::score && sightings[i].score > sightings[best].score) best = i;
  }
  return best;
}

PassageView view_of(const Passage& p, const std::vector<Span>& sentences) {
  return PassageView{p.text, sentences, p.kind, p.heading, p.para};
}

}  // namespace

FactFinder::FactFinder(const Taxonomy& taxonomy)
    : facts_(taxonomy.facts),
      engine_(std::make_unique<RuleEngine>(value_groups(taxonomy.facts), taxonomy.assertion)),
      veto_(std::make_unique<PassageVeto>(engine_->groups())) {}

FactFinder::~FactFinder() = default;
FactFinder::FactFinder(FactFinder&&) noexcept = default;
FactFinder& FactFinder::operator=(FactFinder&&) noexcept = default;

std::vector<CaseFact> FactFinder::find(const Document& doc) const {
  std::vector<Sighting> sightings(engine_->groups().size());
  for (std::size_t i = 0; i < doc.passages.size(); ++i) {
    const Passage& p = doc.passages[i];
    std::vector<Span> computed;
    if (p.sentences.empty() && !p.text.empty()) computed = text::sentence_spans(p.text);
    auto matches = engine_->match(view_of(p, p.sentences.empty() ? computed : p.sentences));
    veto_->apply(p.text, matches);
    for (const auto& match : matches) {
      Sighting& s = sightings[match.group];
      s.score += match.score;
      if (!s.seen && !match.hits.empty()) {
        s.seen = true;
        s.passage = i;
        s.span = match.hits.front().span;
      }
    }
  }
  std::vector<CaseFact> out;
  std::size_t first_group = 0;
  for (const auto& fact : facts_) {
    CaseFact result{fact.id, std::string(kUnknownValue), {}, 0, {}, {}};
    std::size_t chosen = choose(fact.resolution, sightings.data() + first_group, fact.values.size());
    if (chosen < fact.values.size()) {
      const Sighting& s = sightings[first_group + chosen];
      const Passage& p = doc.passages[s.passage];
      result.value = fact.values[chosen].id;
      result.passage_id = p.id;
      result.page = p.page;
      result.para = p.para;
      result.evidence = p.text.substr(s.span.start, s.span.end - s.span.start);
    }
    out.push_back(std::move(result));
    first_group += fact.values.size();
  }
  return out;
}

}  // namespace reviewlens::tagging
