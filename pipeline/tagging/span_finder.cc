#include "pipeline/tagging/span_finder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

#include "pipeline/tagging/lazy_regexes.h"
#include "pipeline/tagging/literal_prefixes.h"
#include "pipeline/tagging/pattern_text.h"
#include "pipeline/tagging/phrase_matcher.h"
#include "pipeline/tagging/prefix_trie.h"

namespace reviewlens::tagging {
namespace {

unsigned char fold(unsigned char c) { return fold_ascii(c); }

// The prefixes of a phrase: its literal bytes up to the first token that
// is not a literal, both ways round an optional apostrophe or hyphen
// ('-', spaces or nothing), and with \s+ kept (as kSpaceRun) when a
// literal follows it, because then the match takes the whole run of spaces.
class PhrasePrefixes {
 public:
  PhrasePrefixes(const std::vector<PhraseToken>& tokens, CaseMode case_mode)
      : tokens_(tokens), insensitive_(case_mode == CaseMode::insensitive) {}

  std::optional<std::vector<LiteralPrefix>> get() {
    bool bounded = !tokens_.empty() && tokens_[0].op == PhraseOp::word_boundary;
    expand(bounded ? 1 : 0, {});
    if (out_.size() > kMaxPrefixes) {  // too many: stop at the first optional part
      out_.clear();
      branch_ = false;
      expand(bounded ? 1 : 0, {});
    }
    std::vector<LiteralPrefix> prefixes;
    for (auto& bytes : out_) {
      while (!bytes.empty() && bytes.back() == kSpaceRun) bytes.pop_back();
      if (bytes.empty()) return std::nullopt;
      bool word_start = bounded && is_re2_word_byte(static_cast<unsigned char>(bytes[0]));
      prefixes.push_back(LiteralPrefix{std::move(bytes), word_start});
    }
    return prefixes;
  }

 private:
  static constexpr std::size_t kMaxPrefixes = 16;

  bool literal_next(std::size_t t) const {
    return t + 1 < tokens_.size() && tokens_[t + 1].op == PhraseOp::literal;
  }

  void expand(std::size_t t, std::string bytes) {
    for (; t < tokens_.size() && out_.size() <= kMaxPrefixes; ++t) {
      const PhraseToken& token = tokens_[t];
      auto c = static_cast<unsigned char>(token.byte);
      if (token.op == PhraseOp::literal && !(c >= 0x80 && insensitive_)) {  // RE2 folds those
        bytes += static_cast<char>(fold(c));
        continue;
      }
      if (token.op == PhraseOp::spaces && literal_next(t)) {
        bytes += kSpaceRun;
        continue;
      }
      if (branch_ && token.op == PhraseOp::apostrophe) {
        expand(t + 1, bytes + '\'');
        expand(t + 1, bytes);
        return;
      }
      if (branch_ && token.op == PhraseOp::hyphen) {
        expand(t + 1, bytes + '-');
        if (literal_next(t))
          expand(t + 1, bytes + kSpaceRun);
        else
          out_.push_back(bytes);
        expand(t + 1, bytes);
        return;
      }
      break;
    }
    out_.push_back(std::move(bytes));
  }

  const std::vector<PhraseToken>& tokens_;
  bool insensitive_;
  bool branch_ = true;
  std::vector<std::string> out_;
};

std::optional<std::vector<LiteralPrefix>> phrase_prefixes(const std::vector<PhraseToken>& tokens,
                                                          CaseMode case_mode) {
  return PhrasePrefixes(tokens, case_mode).get();
}

}  // namespace

struct SpanFinder::Impl {
  struct Atom {
    std::optional<PhraseMatcher> phrase;  // empty: confirmed with the slot's RE2
    std::optional<std::vector<LiteralPrefix>> prefixes;
  };
  struct Member {
    std::uint32_t slot, order;
  };

  std::vector<unsigned char> any_first;  // text bytes that can begin an any-position string
  PrefixTrie word_trie, any_trie;
  StartFilter word_filter;
  std::vector<Atom> atoms;
  LazyRegexes atom_regexes;  // per atom: its RE2 alone, under its slot's case mode
  std::vector<std::uint32_t> member_begin;  // atom -> its range in `members` (atoms + 1 entries)
  std::vector<Member> members;              // the covered slots using each atom, and where
  std::size_t uncovered = 0;

  std::uint32_t atom_for(const std::string& regex, std::vector<PhraseToken> tokens, const std::string* pattern,
                         CaseMode case_mode, std::unordered_map<std::string, std::uint32_t>& index);
  void build_tries();
  void walk(const PrefixTrie& trie, std::string_view text, std::uint32_t start, Scratch& scratch) const;
  void list(std::uint32_t atom, std::uint32_t pos, Scratch& scratch) const;
  std::uint32_t match_end(std::uint32_t atom, std::string_view text, std::size_t at) const;
};

// An atom is one alternative under one case mode, the same RE2 source as
// its part of a slot's alternation (component_regex).
std::uint32_t SpanFinder::Impl::atom_for(const std::string& regex, std::vector<PhraseToken> tokens,
                                         const std::string* pattern, CaseMode case_mode,
                                         std::unordered_map<std::string, std::uint32_t>& index) {
  std::string key = (case_mode == CaseMode::insensitive ? "(?i)" : "") + ("(?:" + regex + ")");
  if (auto it = index.find(key); it != index.end()) return it->second;
  atom_regexes.add(key);
  Atom atom;
  if (pattern) {
    atom.prefixes = literal_prefixes(*pattern);
  } else {
    atom.prefixes = phrase_prefixes(tokens, case_mode);
    PhraseMatcher matcher(std::move(tokens), case_mode);
    if (matcher.exact()) atom.phrase.emplace(std::move(matcher));
  }
  auto id = static_cast<std::uint32_t>(atoms.size());
  atoms.push_back(std::move(atom));
  index.emplace(std::move(key), id);
  return id;
}

void SpanFinder::Impl::build_tries() {
  for (std::uint32_t a = 0; a < atoms.size(); ++a) {
    if (member_begin[a] == member_begin[a + 1]) continue;
    for (const auto& prefix : *atoms[a].prefixes) {
      (prefix.word_start ? word_trie : any_trie).insert(prefix.bytes, a);
      if (prefix.word_start) {
        word_filter.add(prefix.bytes);
        continue;
      }
      for (int b = 0; b < 256; ++b)
        if (fold(static_cast<unsigned char>(b)) == static_cast<unsigned char>(prefix.bytes[0]) &&
            std::find(any_first.begin(), any_first.end(), b) == any_first.end())
          any_first.push_back(static_cast<unsigned char>(b));
    }
  }
  word_trie.freeze();
  any_trie.freeze();
}

SpanFinder::SpanFinder(const std::vector<SlotSource>& slots) : impl_(std::make_unique<Impl>()) {
  std::unordered_map<std::string, std::uint32_t> index;
  covered_.assign(slots.size(), 1);
  std::vector<std::vector<Impl::Member>> members;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const PatternList& list = *slots[s].list;
    std::vector<std::uint32_t> alternatives;
    for (const auto& phrase : list.phrases) {
      auto tokens = phrase_tokens(phrase);
      std::string regex = tokens_regex(tokens);
      if (regex.empty()) continue;  // component_regex skips it too
      alternatives.push_back(impl_->atom_for(regex, std::move(tokens), nullptr, slots[s].case_mode, index));
    }
    for (const auto& pattern : list.patterns)
      alternatives.push_back(impl_->atom_for(pattern, {}, &pattern, slots[s].case_mode, index));
    for (auto a : alternatives)
      if (!impl_->atoms[a].prefixes) covered_[s] = 0;
    if (!covered_[s]) {
      ++impl_->uncovered;
      continue;
    }
    members.resize(impl_->atoms.size());
    for (std::uint32_t order = 0; order < alternatives.size(); ++order)
      members[alternatives[order]].push_back({static_cast<std::uint32_t>(s), order});
  }
  members.resize(impl_->atoms.size());
  for (const auto& m : members) {
    impl_->member_begin.push_back(static_cast<std::uint32_t>(impl_->members.size()));
    impl_->members.insert(impl_->members.end(), m.begin(), m.end());
  }
  impl_->member_begin.push_back(static_cast<std::uint32_t>(impl_->members.size()));
  impl_->atom_regexes.freeze();
  impl_->build_tries();
}

SpanFinder::~SpanFinder() = default;
SpanFinder::SpanFinder(SpanFinder&&) noexcept = default;
SpanFinder& SpanFinder::operator=(SpanFinder&&) noexcept = default;

std::size_t SpanFinder::uncovered_slots() const { return impl_->uncovered; }

bool SpanFinder::usable_for(std::string_view text) {
  return text.size() < 0xFFFFFFFFu && text.find("\xC5\xBF") == std::string_view::npos &&
         text.find("\xE2\x84\xAA") == std::string_view::npos;
}

void SpanFinder::Impl::list(std::uint32_t atom, std::uint32_t pos, Scratch& scratch) const {
  std::uint64_t key = (std::uint64_t{scratch.epoch} << 32) | pos;
  if (scratch.atom_seen[atom] == key) return;  // already listed here through another prefix
  scratch.atom_seen[atom] = key;
  const auto listing = static_cast<std::uint32_t>(scratch.listings.size());
  scratch.listings.push_back({atom, Scratch::kUnknown});
  for (std::uint32_t m = member_begin[atom]; m < member_begin[atom + 1]; ++m) {
    auto [slot, order] = members[m];
    if (scratch.slot_stamp[slot] != scratch.epoch) {
      scratch.slot_stamp[slot] = scratch.epoch;
      scratch.candidates[slot].clear();
      scratch.touched.push_back(slot);
    }
    scratch.candidates[slot].push_back({pos, order, listing});
  }
}

void SpanFinder::Impl::walk(const PrefixTrie& trie, std::string_view text, std::uint32_t start,
                            Scratch& scratch) const {
  scratch.ids.clear();
  trie.walk(text, start, scratch.ids, scratch.stack);
  for (std::uint32_t atom : scratch.ids) list(atom, start, scratch);
}

void SpanFinder::scan(std::string_view text, Scratch& scratch) const {
  const Impl& im = *impl_;
  if (scratch.slot_stamp.size() < covered_.size()) {
    scratch.slot_stamp.resize(covered_.size(), 0);
    scratch.candidates.resize(covered_.size());
  }
  if (scratch.atom_seen.size() < im.atoms.size()) scratch.atom_seen.resize(im.atoms.size(), ~std::uint64_t{0});
  if (++scratch.epoch == 0) {
    std::fill(scratch.slot_stamp.begin(), scratch.slot_stamp.end(), 0);
    std::fill(scratch.atom_seen.begin(), scratch.atom_seen.end(), ~std::uint64_t{0});
    scratch.epoch = 1;
  }
  scratch.touched.clear();
  scratch.listings.clear();
  const bool any = !im.any_first.empty();
  for (std::size_t from = 0; from < text.size(); from += 64) {
    std::uint64_t words = word_starts64(text, from);
    std::uint64_t others = any ? bytes_at64(text, from, im.any_first) : 0;
    for (std::uint64_t all = words | others; all != 0; all &= all - 1) {
      int bit = std::countr_zero(all);
      auto i = static_cast<std::uint32_t>(from + bit);
      if ((words >> bit & 1) && im.word_filter.may_start(text, i)) im.walk(im.word_trie, text, i, scratch);
      if (others >> bit & 1) im.walk(im.any_trie, text, i, scratch);
    }
  }
}

// Where the atom's match anchored at `at` ends, or kNoMatch: the phrase
// matcher when it can tell, else the atom's own RE2.
std::uint32_t SpanFinder::Impl::match_end(std::uint32_t atom, std::string_view text, std::size_t at) const {
  if (const auto& phrase = atoms[atom].phrase) {
    auto r = phrase->match_at(text, at);
    if (r.outcome == PhraseMatcher::Outcome::no_match) return Scratch::kNoMatch;
    if (r.outcome == PhraseMatcher::Outcome::match) return static_cast<std::uint32_t>(r.end);
  }
  re2::StringPiece m;
  if (!atom_regexes.get(static_cast<int>(atom))
           .Match(re2::StringPiece(text.data(), text.size()), at, text.size(), RE2::ANCHOR_START, &m, 1))
    return Scratch::kNoMatch;
  return static_cast<std::uint32_t>(at + m.size());
}

void SpanFinder::find(int slot, std::string_view text, Scratch& scratch, std::vector<Span>& out) const {
  if (!may_match(slot, scratch)) return;
  auto& c = scratch.candidates[slot];
  std::size_t pos = 0;
  for (std::size_t i = 0; i < c.size();) {
    std::size_t j = i + 1;
    while (j < c.size() && c[j].pos == c[i].pos) ++j;
    const std::size_t at = c[i].pos;
    if (at >= pos) {
      if (j - i > 1)
        std::sort(c.begin() + i, c.begin() + j, [](const auto& a, const auto& b) { return a.order < b.order; });
      std::size_t end = 0;
      for (std::size_t k = i; k < j; ++k) {
        Scratch::Listing& listing = scratch.listings[c[k].listing];
        if (listing.end == Scratch::kUnknown) listing.end = impl_->match_end(listing.atom, text, at);
        if (listing.end != Scratch::kNoMatch) {
          end = listing.end;
          break;
        }
      }
      if (end > at) {
        out.push_back(Span{at, end});
        pos = end;
      }
    }
    i = j;
  }
}

}  // namespace reviewlens::tagging
