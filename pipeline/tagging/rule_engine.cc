// The rule engine.
//
// Compilation: each rule component (any-of list, the two sides of a `near`,
// the exclusion list) becomes one RE2 alternation. Identical alternations
// share one slot. The slots' alternatives also go into a span finder
// (span_finder.h), an index of the literal strings their matches can start
// with; all slots go into one RE2::Set as well, the reference path.
//
// Matching: one scan of the passage by the span finder lists, per slot, the
// positions where it could match; a slot's spans are then found only there
// (its alternatives in order, each by the phrase matcher or its own RE2
// anchored at that position, each alternative and position once per
// passage however many slots share it), which gives exactly the spans of a
// full RE2 scan of the slot (tested against it on the bundled taxonomy). A slot occurs when it has spans, and groups none
// of whose slots has candidates are not visited. Spans are then placed in
// sentences: `near` pairs must share a sentence and be close enough in
// words; an exclusion span vetoes matches in its sentence; and the
// assertion cues (see AssertionContext) veto ruled-out matches.
//
// Reference path: for text the span finder cannot use (it holds U+017F or
// U+212A, which RE2's case folding matches with 's' and 'k'), the Set finds
// which slots occur and each reported slot's own RE2 scans for its spans.
// A slot with an alternative that has no usable prefix (it can match the
// empty string, or start with `.`, \W, [^x] ...) is scanned with its RE2 on
// the fast path too. The Set is compiled on first use; if it cannot be, or
// its DFA runs out of memory on some input, the engine tests each slot on
// its own: slower, never wrong.
//
// Cost (see bench/tag_throughput.sh and docs/rules.md, "Speed"): the scan
// (trie walks at word starts that pass a small filter), then the candidate
// checks; spans, exclusions, terminators and sentence boundaries (ICU only
// for text the plain splitter of text/sentences.h cannot decide) are
// computed only when a rule that got this far needs them. The Set scan alone measured 70-200 MB/s on this taxonomy
// (slower on varied prose, as its DFA keeps meeting new states), and one
// RE2 pass per reported slot about 2 ns/byte each: the reason for the finder.
#include "pipeline/tagging/rule_engine.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "pipeline/core/error.h"
#include "pipeline/tagging/assertion_context.h"
#include "pipeline/tagging/passage_state.h"
#include "pipeline/tagging/pattern_text.h"
#include "pipeline/tagging/span_finder.h"
#include "pipeline/tagging/text_spans.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::tagging {
namespace {

RE2::Options engine_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kEngineMemory);
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

}  // namespace

struct RuleEngine::Impl {
  std::vector<RuleGroup> groups;
  LazyRegexes slots;  // per slot: its alternation
  std::vector<SlotSource> sources;  // per slot, for the span finder
  std::unordered_map<std::string, int> slot_of;
  // Compiled on first use: only text the span finder cannot take needs it,
  // and compiling it was a quarter of the engine's start-up.
  mutable RE2::Set set{engine_options(), RE2::UNANCHORED};
  mutable std::once_flag set_once;
  mutable bool set_compiled = false;
  std::optional<SpanFinder> finder;
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
    slots.add(regex);
    sources.push_back(SlotSource{&list, case_mode});
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
    slots.freeze();
    finder.emplace(sources);
    sources.clear();  // they point into the cues argument
    index_groups_by_slot();
  }

  // Which groups each slot can make match (as `any`, `first` or `second`),
  // so a passage visits only groups one of whose slots has candidates.
  std::vector<std::vector<std::uint32_t>> groups_of_slot;
  std::vector<char> always_visit;  // group with a slot the span finder does not cover

  void index_groups_by_slot() {
    groups_of_slot.assign(slots.size(), {});
    always_visit.assign(compiled.size(), 0);
    for (std::uint32_t g = 0; g < compiled.size(); ++g)
      for (const auto& cr : compiled[g].rules)
        for (int slot : {cr.any, cr.first, cr.second}) {
          if (slot < 0) continue;
          auto& list = groups_of_slot[slot];
          if (list.empty() || list.back() != g) list.push_back(g);
          if (!finder->covers(slot)) always_visit[g] = 1;
        }
  }

  // Marks the slots occurring anywhere in the text; false when none does.
  // A Set too large to compile, or whose DFA runs out of memory, leaves
  // each slot to be tried on its own.
  bool find_present(PassageState& state) const {
    if (slots.size() == 0) return false;
    // RE2::Set::Compile is not const; call_once makes it safe across threads.
    std::call_once(set_once, [this] { set_compiled = set.Compile(); });
    auto& found = state.scratch().found;
    found.clear();
    RE2::Set::ErrorInfo info{};
    if (set_compiled && set.Match(state.text(), &found, &info)) {
      for (int i : found) state.mark_present(i);
      return true;
    }
    if (set_compiled && info.kind == RE2::Set::kNoError) return false;
    bool any = false;
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (RE2::PartialMatch(state.text(), slots.get(static_cast<int>(i)))) {
        state.mark_present(static_cast<int>(i));
        any = true;
      }
    return any;
  }

  static bool slots_present(const CompiledRule& cr, PassageState& state) {
    return state.present(cr.any) && state.present(cr.first) && state.present(cr.second);
  }

  const std::vector<Span>& rule_spans(const CompiledRule& cr, PassageState& state) const;

  std::span<const Span> cue_spans(int slot, PassageState& state) const {
    if (slot < 0 || !state.present(slot)) return {};
    return state.spans(slot);
  }

  // Terminator spans and sentence boundaries are needed only once a
  // before/after cue occurs in the passage ("but" and ";" are common).
  bool ruled_out(Span span, PassageState& state) const {
    CueSpans cues{cue_spans(cue_before, state), cue_spans(cue_after, state), {}};
    if (cues.before.empty() && cues.after.empty()) return false;
    cues.terminators = cue_spans(cue_terminators, state);
    Span sentence = state.sentences().span_of(span.start);
    return tagging::ruled_out(state.text(), sentence, span, cues, window_words);
  }

  // Appends the rule's accepted matches to `hits`; returns how many.
  std::size_t rule_hits(const CompiledRule& cr, PassageState& state,
                        std::vector<RuleHit>& hits) const;
  void match_group(std::size_t g, const PassageView& passage, PassageState& state,
                   std::vector<GroupMatch>& out, std::size_t& used) const;
};

const std::vector<Span>& RuleEngine::Impl::rule_spans(const CompiledRule& cr,
                                                      PassageState& state) const {
  if (cr.any >= 0) return state.spans(cr.any);
  auto& out = state.scratch().near_spans;
  out.clear();
  const auto& firsts = state.spans(cr.first);
  const auto& seconds = state.spans(cr.second);
  if (firsts.empty() || seconds.empty()) return out;
  const SentenceIndex& sentences = state.sentences();
  std::string_view text = state.text();
  for (const Span& a : firsts) {
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

std::size_t RuleEngine::Impl::rule_hits(const CompiledRule& cr, PassageState& state,
                                        std::vector<RuleHit>& hits) const {
  const std::size_t before = hits.size();
  const std::vector<Span>& spans = rule_spans(cr, state);
  if (spans.empty()) return 0;
  const std::vector<Span>* excluded = nullptr;
  if (cr.exclude >= 0 && state.present(cr.exclude)) excluded = &state.spans(cr.exclude);
  for (const Span& span : spans) {
    if (excluded) {
      Span sentence = state.sentences().span_of(span.start);
      if (std::any_of(excluded->begin(), excluded->end(), [&](const Span& x) {
            return x.start < sentence.end && x.end > sentence.start;
          }))
        continue;
    }
    if (cr.rule->negation == NegationMode::apply && ruled_out(span, state)) continue;
    hits.push_back(RuleHit{cr.rule, span});
  }
  return hits.size() - before;
}

// Slot presence is checked before scope: it is a table lookup, while a
// `sections` scope runs a regex on the heading and para label.
// Writes into out[used] (reusing its hits' storage) and counts it only if
// the group holds.
void RuleEngine::Impl::match_group(std::size_t g, const PassageView& passage, PassageState& state,
                                   std::vector<GroupMatch>& out, std::size_t& used) const {
  const RuleGroup& group = groups[g];
  const CompiledGroup& cg = compiled[g];
  std::optional<bool> group_in_scope;
  if (used == out.size()) out.emplace_back();
  GroupMatch& gm = out[used];
  gm.group = g;
  gm.score = 0;
  gm.hits.clear();
  for (const auto& cr : cg.rules) {
    if (!slots_present(cr, state)) continue;
    if (!group_in_scope) group_in_scope = in_scope(group.scope, cg.sections.get(), passage);
    if (!*group_in_scope) return;
    if (!in_scope(cr.rule->scope, cr.sections.get(), passage)) continue;
    if (rule_hits(cr, state, gm.hits) > 0) gm.score += cr.rule->weight;
  }
  if (gm.hits.empty() || gm.score + 1e-9 < group.min_score ||
      static_cast<int>(gm.hits.size()) < group.min_hits)
    return;
  // Stable by start; an insertion sort when there are few hits, as
  // std::stable_sort allocates a buffer for every passage.
  auto by_start = [](const RuleHit& a, const RuleHit& b) { return a.span.start < b.span.start; };
  if (gm.hits.size() > 32) std::stable_sort(gm.hits.begin(), gm.hits.end(), by_start);
  for (std::size_t i = 1; i < gm.hits.size() && gm.hits.size() <= 32; ++i)
    for (std::size_t j = i; j > 0 && gm.hits[j].span.start < gm.hits[j - 1].span.start; --j)
      std::swap(gm.hits[j], gm.hits[j - 1]);
  ++used;
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
  out.resize(match_into(passage, out));
  return out;
}

std::size_t RuleEngine::match_into(const PassageView& passage, std::vector<GroupMatch>& out) const {
  std::size_t used = 0;
  // Per thread because `match` is const and called concurrently; see EngineScratch (passage_state.h).
  thread_local EngineScratch scratch;
  scratch.begin(impl_->slots.size());
  const SpanFinder* finder =
      impl_->finder && SpanFinder::usable_for(passage.text) ? &*impl_->finder : nullptr;
  PassageState state(impl_->slots, finder, passage, scratch);
  if (!finder) {
    if (!impl_->find_present(state)) return used;
    for (std::size_t g = 0; g < impl_->groups.size(); ++g) impl_->match_group(g, passage, state, out, used);
    return used;
  }
  finder->scan(passage.text, scratch.finder);
  scratch.group_stamp.resize(impl_->groups.size(), 0);
  for (std::uint32_t slot : scratch.finder.touched)
    for (std::uint32_t g : impl_->groups_of_slot[slot]) scratch.group_stamp[g] = scratch.epoch;
  for (std::size_t g = 0; g < impl_->groups.size(); ++g)
    if (scratch.group_stamp[g] == scratch.epoch || impl_->always_visit[g])
      impl_->match_group(g, passage, state, out, used);
  return used;
}

}  // namespace reviewlens::tagging
