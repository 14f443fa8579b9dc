#include "pipeline/tagging/passage_veto.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <re2/re2.h>

#include "pipeline/core/error.h"
#include "pipeline/tagging/pattern_text.h"

namespace reviewlens::tagging {

struct PassageVeto::Impl {
  const std::vector<RuleGroup>* groups = nullptr;
  std::unordered_map<const Rule*, std::unique_ptr<RE2>> vetoes;  // only rules that have one
};

PassageVeto::PassageVeto(const std::vector<RuleGroup>& groups) : impl_(std::make_unique<Impl>()) {
  impl_->groups = &groups;
  for (const auto& group : groups)
    for (const auto& rule : group.rules) {
      if (rule.exclude_passage.empty()) continue;
      auto re = std::make_unique<RE2>(component_regex(rule.exclude_passage, rule.case_mode), RE2::Quiet);
      if (!re->ok())
        throw FatalError(fmt::format("theme {}, rule {}: invalid exclude_passage pattern: {}", group.id,
                                     rule.id, re->error()),
                         2);
      impl_->vetoes.emplace(&rule, std::move(re));
    }
}

PassageVeto::~PassageVeto() = default;
PassageVeto::PassageVeto(PassageVeto&&) noexcept = default;
PassageVeto& PassageVeto::operator=(PassageVeto&&) noexcept = default;

bool PassageVeto::empty() const { return impl_->vetoes.empty(); }

void PassageVeto::apply(std::string_view text, std::vector<GroupMatch>& matches) const {
  matches.resize(apply(text, matches, matches.size()));
}

std::size_t PassageVeto::apply(std::string_view text, std::vector<GroupMatch>& matches, std::size_t n) const {
  if (impl_->vetoes.empty()) return n;
  std::unordered_map<const Rule*, bool> vetoed;  // per passage: each pattern searched at most once
  auto is_vetoed = [&](const Rule* rule) {
    auto veto = impl_->vetoes.find(rule);
    if (veto == impl_->vetoes.end()) return false;
    auto [it, fresh] = vetoed.try_emplace(rule, false);
    if (fresh) it->second = RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *veto->second);
    return it->second;
  };
  const auto end = matches.begin() + static_cast<std::ptrdiff_t>(n);
  for (auto match = matches.begin(); match != end; ++match) {
    std::vector<const Rule*> dropped;
    std::erase_if(match->hits, [&](const RuleHit& hit) {
      if (!is_vetoed(hit.rule)) return false;
      if (std::find(dropped.begin(), dropped.end(), hit.rule) == dropped.end()) dropped.push_back(hit.rule);
      return true;
    });
    for (const Rule* rule : dropped) match->score -= rule->weight;  // the engine adds each rule once
  }
  auto kept = std::remove_if(matches.begin(), end, [&](const GroupMatch& match) {
    const RuleGroup& group = (*impl_->groups)[match.group];
    return match.hits.empty() || match.score + 1e-9 < group.min_score ||
           static_cast<int>(match.hits.size()) < group.min_hits;
  });
  return static_cast<std::size_t>(kept - matches.begin());
}

}  // namespace reviewlens::tagging
