// The rule engine.
//
// Compilation: each rule component (any-of list, the two sides of a `near`,
// the exclusion list) becomes one RE2 alternation. Identical alternations
// share one slot. All slots go into one RE2::Set, so a passage is scanned
// once by a DFA to learn which slots occur anywhere in it.
//
// Matching: for the rules whose slots were all reported, the slot's own RE2
// finds every span (computed lazily, once per slot and passage). Spans are
// then placed in sentences: `near` pairs must share a sentence and be close
// enough in words; an exclusion span vetoes matches in its sentence; and the
// assertion cues (see AssertionContext) veto ruled-out matches.
//
// If the Set's DFA runs out of memory on some input, the engine falls back
// to testing each slot on its own: slower, never wrong.
#include "pipeline/tagging/rule_engine.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "pipeline/core/error.h"
#include "pipeline/tagging/assertion_context.h"
#include "pipeline/tagging/pattern_text.h"
#include "pipeline/tagging/text_spans.h"

namespace reviewlens::tagging {
namespace {

constexpr int64_t kSetMemory = int64_t{256} << 20;

RE2::Options engine_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kSetMemory);
  return options;
}

struct CompiledRule {
  const Rule* rule = nullptr;
  int any = -1, first = -1, second = -1, exclude = -1;
  std::unique_ptr<RE2> sections;
};

struct CompiledGroup {
  std::vector<CompiledRule> rules;
  std::unique_ptr<RE2> sections;
};

std::unique_ptr<RE2> compile_sections(const Scope& scope) {
  if (scope.sections.empty()) return nullptr;
  auto options = engine_options();
  options.set_case_sensitive(false);
  auto re = std::make_unique<RE2>(scope.sections, options);
  if (!re->ok()) throw FatalError("invalid sections pattern: " + re->error(), exit_code::kUsage);
  return re;
}

bool in_scope(const Scope& scope, const RE2* sections, const PassageView& passage) {
  if (!scope.kinds.empty() &&
      std::find(scope.kinds.begin(), scope.kinds.end(), passage.kind) == scope.kinds.end())
    return false;
  if (!sections) return true;
  return RE2::PartialMatch(passage.heading, *sections) ||
         RE2::PartialMatch(passage.para, *sections);
}

// Spans of each slot in one passage, found on first use.
class SlotSpans {
 public:
  SlotSpans(const std::vector<std::unique_ptr<RE2>>& slots, std::string_view text,
            std::vector<char> present)
      : slots_(slots), text_(text), present_(std::move(present)), spans_(slots.size()) {}

  bool present(int slot) const { return slot < 0 || present_[slot]; }

  const std::vector<Span>& spans(int slot) {
    auto& cached = spans_[slot];
    if (!cached) cached = find_all(*slots_[slot], text_, 0, text_.size());
    return *cached;
  }

 private:
  const std::vector<std::unique_ptr<RE2>>& slots_;
  std::string_view text_;
  std::vector<char> present_;
  std::vector<std::optional<std::vector<Span>>> spans_;
};

}  // namespace

struct RuleEngine::Impl {
  std::vector<RuleGroup> groups;
  std::vector<std::unique_ptr<RE2>> slots;
  std::unordered_map<std::string, int> slot_of;
  RE2::Set set{engine_options(), RE2::UNANCHORED};
  std::vector<CompiledGroup> compiled;
  // Assertion cues are slots too, so a passage without any cue skips the check.
  int cue_before = -1, cue_after = -1, cue_terminators = -1;
  int window_words = 6;

  int add_slot(const PatternList& list, CaseMode case_mode, const std::string& where) {
    std::string regex = component_regex(list, case_mode);
    if (regex.empty()) return -1;
    if (auto it = slot_of.find(regex); it != slot_of.end()) return it->second;
    std::string error;
    int index = set.Add(regex, &error);
    if (index < 0) throw FatalError(fmt::format("{}: invalid pattern: {}", where, error), exit_code::kUsage);
    slots.push_back(std::make_unique<RE2>(regex, engine_options()));
    slot_of.emplace(regex, index);
    return index;
  }

  void compile(const AssertionCues& cues) {
    cue_before = add_slot(cues.before, CaseMode::insensitive, "assertion/before");
    cue_after = add_slot(cues.after, CaseMode::insensitive, "assertion/after");
    cue_terminators = add_slot(cues.terminators, CaseMode::insensitive, "assertion/terminators");
    window_words = cues.window_words;
    for (const auto& group : groups) {
      CompiledGroup cg;
      cg.sections = compile_sections(group.scope);
      for (const auto& rule : group.rules) {
        auto where = fmt::format("{}/{}", group.id, rule.id);
        CompiledRule cr;
        cr.rule = &rule;
        cr.sections = compile_sections(rule.scope);
        cr.any = add_slot(rule.any, rule.case_mode, where);
        if (rule.near) {
          cr.first = add_slot(rule.near->first, rule.case_mode, where);
          cr.second = add_slot(rule.near->second, rule.case_mode, where);
        }
        cr.exclude = add_slot(rule.exclude, rule.case_mode, where);
        cg.rules.push_back(std::move(cr));
      }
      compiled.push_back(std::move(cg));
    }
    if (!slots.empty() && !set.Compile())
      throw FatalError("rule patterns too large to compile together", exit_code::kUsage);
  }

  std::vector<char> present_slots(std::string_view text) const {
    std::vector<char> present(slots.size(), 0);
    if (slots.empty()) return present;
    std::vector<int> found;
    RE2::Set::ErrorInfo info{};
    if (set.Match(text, &found, &info)) {
      for (int i : found) present[i] = 1;
    } else if (info.kind != RE2::Set::kNoError) {
      for (std::size_t i = 0; i < slots.size(); ++i)
        present[i] = RE2::PartialMatch(text, *slots[i]) ? 1 : 0;
    }
    return present;
  }

  std::vector<Span> rule_spans(const CompiledRule& cr, SlotSpans& cache,
                               const SentenceIndex& sentences, std::string_view text) const;
  std::span<const Span> cue_spans(int slot, SlotSpans& cache) const {
    if (slot < 0 || !cache.present(slot)) return {};
    return cache.spans(slot);
  }

  bool ruled_out(std::string_view text, Span sentence, Span span, SlotSpans& cache) const {
    CueSpans cues{cue_spans(cue_before, cache), cue_spans(cue_after, cache),
                  cue_spans(cue_terminators, cache)};
    if (cues.before.empty() && cues.after.empty()) return false;
    return tagging::ruled_out(text, sentence, span, cues, window_words);
  }

  std::vector<RuleHit> rule_hits(const CompiledRule& cr, SlotSpans& cache,
                                 const SentenceIndex& sentences, std::string_view text) const;
};

std::vector<Span> RuleEngine::Impl::rule_spans(const CompiledRule& cr, SlotSpans& cache,
                                               const SentenceIndex& sentences,
                                               std::string_view text) const {
  if (cr.any >= 0) return cache.spans(cr.any);
  std::vector<Span> out;
  const auto& seconds = cache.spans(cr.second);
  for (const Span& a : cache.spans(cr.first)) {
    std::optional<Span> best;
    std::size_t best_gap = 0;
    std::size_t sentence = sentences.sentence_of(a.start);
    for (const Span& b : seconds) {
      if (sentences.sentence_of(b.start) != sentence) continue;
      std::size_t gap = a.end <= b.start   ? count_words(text, a.end, b.start)
                        : b.end <= a.start ? count_words(text, b.end, a.start)
                                           : 0;
      if (gap > static_cast<std::size_t>(cr.rule->near->within_words)) continue;
      if (!best || gap < best_gap) {
        best = Span{std::min(a.start, b.start), std::max(a.end, b.end)};
        best_gap = gap;
      }
    }
    if (best && (out.empty() || out.back().start != best->start || out.back().end != best->end))
      out.push_back(*best);
  }
  return out;
}

std::vector<RuleHit> RuleEngine::Impl::rule_hits(const CompiledRule& cr, SlotSpans& cache,
                                                 const SentenceIndex& sentences,
                                                 std::string_view text) const {
  std::vector<RuleHit> hits;
  if (!cache.present(cr.any) || !cache.present(cr.first) || !cache.present(cr.second))
    return hits;
  const std::vector<Span>* excluded = nullptr;
  if (cr.exclude >= 0 && cache.present(cr.exclude)) excluded = &cache.spans(cr.exclude);
  for (const Span& span : rule_spans(cr, cache, sentences, text)) {
    Span sentence = sentences.span_of(span.start);
    if (excluded && std::any_of(excluded->begin(), excluded->end(), [&](const Span& x) {
          return x.start < sentence.end && x.end > sentence.start;
        }))
      continue;
    if (cr.rule->negation == NegationMode::apply && ruled_out(text, sentence, span, cache))
      continue;
    hits.push_back(RuleHit{cr.rule, span});
  }
  return hits;
}

RuleEngine::RuleEngine(std::vector<RuleGroup> groups, AssertionCues cues)
    : impl_(std::make_unique<Impl>()) {
  impl_->groups = std::move(groups);
  impl_->compile(cues);
}

RuleEngine::~RuleEngine() = default;
RuleEngine::RuleEngine(RuleEngine&&) noexcept = default;
RuleEngine& RuleEngine::operator=(RuleEngine&&) noexcept = default;

const std::vector<RuleGroup>& RuleEngine::groups() const { return impl_->groups; }

std::vector<GroupMatch> RuleEngine::match(const PassageView& passage) const {
  std::vector<GroupMatch> out;
  SlotSpans cache(impl_->slots, passage.text, impl_->present_slots(passage.text));
  SentenceIndex sentences(passage.sentences, passage.text.size());
  for (std::size_t g = 0; g < impl_->groups.size(); ++g) {
    const RuleGroup& group = impl_->groups[g];
    const CompiledGroup& cg = impl_->compiled[g];
    if (!in_scope(group.scope, cg.sections.get(), passage)) continue;
    GroupMatch gm{g, 0, {}};
    for (const auto& cr : cg.rules) {
      if (!in_scope(cr.rule->scope, cr.sections.get(), passage)) continue;
      auto hits = impl_->rule_hits(cr, cache, sentences, passage.text);
      if (hits.empty()) continue;
      gm.score += cr.rule->weight;
      gm.hits.insert(gm.hits.end(), hits.begin(), hits.end());
    }
    if (gm.hits.empty() || gm.score + 1e-9 < group.min_score ||
        static_cast<int>(gm.hits.size()) < group.min_hits)
      continue;
    std::stable_sort(gm.hits.begin(), gm.hits.end(), [](const RuleHit& a, const RuleHit& b) {
      return a.span.start < b.span.start;
    });
    out.push_back(std::move(gm));
  }
  return out;
}

}  // namespace reviewlens::tagging
