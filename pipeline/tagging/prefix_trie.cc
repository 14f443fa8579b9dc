#include "pipeline/tagging/prefix_trie.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <tuple>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/tagging/literal_prefixes.h"
#include "pipeline/tagging/phrase_matcher.h"

namespace reviewlens::tagging {
namespace {

constexpr auto kRun = static_cast<unsigned char>(kSpaceRun);
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;

bool is_space(unsigned char c) { return is_re2_space_byte(c); }

#if defined(__SSE2__)
// 16 bits: which of the 16 bytes at `p` are RE2 word bytes.
std::uint32_t word_mask16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto in_range = [](__m128i x, char lo, char span) {  // lo <= x <= lo + span, unsigned
    __m128i t = _mm_sub_epi8(x, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(span)), t);
  };
  __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
  __m128i digit = in_range(v, '0', 9);
  __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), under)));
}
#endif

}  // namespace

void PrefixTrie::insert(const std::string& bytes, std::uint32_t id) {
  std::uint32_t node = 0;
  for (char c : bytes) {
    auto key = static_cast<unsigned char>(c);
    auto it = build_[node].children.find(key);
    if (it != build_[node].children.end()) {
      node = it->second;
      continue;
    }
    auto child = static_cast<std::uint32_t>(build_.size());
    build_[node].children.emplace(key, child);
    build_.emplace_back();
    node = child;
  }
  auto& out = build_[node].outputs;
  if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
}

// Breadth first, so the shallow nodes every walk visits stay together in
// cache; each radix node starts at a build node reached by edge `key` and
// runs down single children without outputs, spelling one label.
void PrefixTrie::freeze() {
  struct Pending {
    std::uint32_t build;
    unsigned char key;
  };
  std::vector<Pending> order{{0, 0}};
  nodes_.clear();
  for (std::size_t i = 0; i < order.size(); ++i) {
    Node n;
    n.label_begin = static_cast<std::uint32_t>(labels_.size());
    std::uint32_t b = order[i].build;
    if (i != 0) {
      labels_.push_back(order[i].key);
      while (build_[b].outputs.empty() && build_[b].children.size() == 1 &&
             labels_.size() - n.label_begin < 0x7FFF) {
        labels_.push_back(build_[b].children.begin()->first);
        b = build_[b].children.begin()->second;
      }
    }
    n.label_size = static_cast<std::uint16_t>(labels_.size() - n.label_begin);
    bool plain = n.label_size <= 8;
    for (std::size_t k = 0; k < n.label_size && k < 8; ++k) {
      unsigned char c = labels_[n.label_begin + k];
      n.label8 |= std::uint64_t{c} << (8 * k);
      if (c >= 'a' && c <= 'z') n.fold8 |= std::uint64_t{0x20} << (8 * k);
      if (c == kRun) plain = false;
    }
    if (plain) n.label_size |= kWordCompare;
    if (!build_[b].outputs.empty()) {
      n.out_begin = static_cast<std::uint32_t>(outs_.size());
      outs_.insert(outs_.end(), build_[b].outputs.begin(), build_[b].outputs.end());
      outs_.push_back(kEndOfOuts);
    }
    n.child_begin = static_cast<std::uint32_t>(children_.size());
    for (auto [key, child] : build_[b].children) {  // std::map: sorted by key
      auto number = static_cast<std::uint32_t>(order.size());
      if (number >= (1u << 24)) throw std::length_error("prefix trie too large");
      order.push_back({child, key});
      if (i == 0 && key == kRun) {
        root_space_child_ = number;
      } else if (i == 0) {
        for (int c = 0; c < 256; ++c)
          if (fold_ascii(static_cast<unsigned char>(c)) == key) root_[c] = number;
      } else {
        children_.push_back(number << 8 | key);
      }
    }
    n.child_count = static_cast<std::uint16_t>(children_.size() - n.child_begin);
    nodes_.push_back(n);
  }
  build_.clear();
}

// The child by folded byte `folded` (never kSpaceRun), 0 if none.
std::uint32_t PrefixTrie::child(const Node& n, unsigned char folded) const {
  const std::uint32_t* c = children_.data() + n.child_begin;
  for (std::uint32_t k = 0; k < n.child_count; ++k) {  // keys are sorted
    auto key = static_cast<unsigned char>(c[k]);
    if (key >= folded) return key == folded ? c[k] >> 8 : 0;
  }
  return 0;
}

// Whether the text spells the node's label at `pos`; moves `pos` past it.
// Labels of up to 8 plain bytes (no kSpaceRun) are compared in one go.
inline bool PrefixTrie::spell(const Node& n, std::string_view text, std::size_t& pos) const {
  const std::size_t size = text.size();
  if ((n.label_size & kWordCompare) && pos + 8 <= size) {
    const std::size_t length = n.label_size & ~kWordCompare;
    const std::uint64_t valid = length == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * length)) - 1;
    std::uint64_t raw;
    std::memcpy(&raw, text.data() + pos, 8);
    pos += length;
    return ((raw | n.fold8) & valid) == n.label8;
  }
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char* label = labels_.data() + n.label_begin;
  const std::size_t length = n.label_size & ~kWordCompare;
  for (std::size_t k = 0; k < length; ++k) {
    if (label[k] == kRun) {
      if (!(pos < size && is_space(byte(pos)))) return false;
      while (pos < size && is_space(byte(pos))) ++pos;
    } else {
      if (!(pos < size && fold_ascii(byte(pos)) == label[k])) return false;
      ++pos;
    }
  }
  return true;
}

// Only a run of spaces can lead two ways (a literal ' ' of a pattern and
// the \s+ of a phrase), hence the stack.
void PrefixTrie::walk(std::string_view text, std::size_t start, std::vector<std::uint32_t>& ids,
                      std::vector<std::pair<std::uint32_t, std::size_t>>& stack) const {
  stack.clear();
  const std::size_t size = text.size();
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::uint32_t node = 0;
  std::size_t pos = start;
  for (;;) {
    std::uint32_t next = 0;
    if (node == 0) {  // the root: empty label, no outputs, children by table
      if (pos < size) {
        next = root_[byte(pos)];
        if (root_space_child_ != 0 && is_space(byte(pos))) {
          if (next != 0) stack.emplace_back(next, pos);
          next = root_space_child_;
        }
      }
    } else {
      const Node& n = nodes_[node];
      if (spell(n, text, pos)) {
        for (const std::uint32_t* o = outs_.data() + n.out_begin; *o != kEndOfOuts; ++o) ids.push_back(*o);
        if (pos < size && n.child_count != 0) {
          next = child(n, fold_ascii(byte(pos)));
          std::uint32_t first = children_[n.child_begin];
          if ((first & 0xFF) == kRun && is_space(byte(pos))) {
            if (next != 0) stack.emplace_back(next, pos);
            next = first >> 8;
          }
        }
      }
    }
    if (next != 0) {
      node = next;
      continue;
    }
    if (stack.empty()) return;
    std::tie(node, pos) = stack.back();
    stack.pop_back();
  }
}

namespace {

// High bit of each byte of `x` that equals `c`.
std::uint64_t bytes_equal(std::uint64_t x, unsigned char c) {
  std::uint64_t t = x ^ (kOnes * c);
  return ~(((t & kLow7) + kLow7) | t | kLow7);
}

}  // namespace

void StartFilter::add(const std::string& bytes) {
  std::uint64_t key = 0;
  std::size_t n = 0;
  for (; n < bytes.size() && n < 8; ++n) {
    auto c = static_cast<unsigned char>(bytes[n]);
    if (c == kRun) c = ' ';
    key |= std::uint64_t{static_cast<unsigned char>(c | 0x20)} << (8 * n);
  }
  lengths_ |= 1u << n;
  std::uint32_t h = slot(key, n);
  bits_[h >> 6] |= std::uint64_t{1} << (h & 63);
  if (n == 1) singles_[key >> 6] |= std::uint64_t{1} << (key & 63);
  if (n >= 2) pairs_[(key & 0xFFFF) >> 6] |= std::uint64_t{1} << (key & 63);
}

bool StartFilter::may_start(std::string_view text, std::size_t pos) const {
  std::uint64_t raw = 0;
  std::size_t n = 8;
  if (pos + 8 <= text.size()) {
    std::memcpy(&raw, text.data() + pos, 8);  // little-endian: byte i at bits 8i
  } else {
    n = text.size() - pos;
    for (std::size_t i = 0; i < n; ++i) raw |= std::uint64_t{static_cast<unsigned char>(text[pos + i])} << (8 * i);
  }
  const std::uint64_t valid = n == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
  std::uint64_t odd_space = (bytes_equal(raw, '\t') | bytes_equal(raw, '\n') | bytes_equal(raw, '\f') |
                             bytes_equal(raw, '\r')) & valid;
  std::uint64_t spaces = bytes_equal(raw, ' ') & valid;
  if ((odd_space | (spaces & (spaces << 8))) != 0) return true;
  const std::uint64_t key = (raw | 0x2020202020202020ull) & valid;
  if (n >= 1 && (singles_[(key & 0xFF) >> 6] >> (key & 63) & 1)) return true;  // a one-byte string is spelled
  if (n < 2 || !(pairs_[(key & 0xFFFF) >> 6] >> (key & 63) & 1)) return false;
  std::uint64_t mask = 0xFFFF;
  for (std::size_t k = 2; k <= n; ++k, mask = (mask << 8) | 0xFF) {
    if (!(lengths_ >> k & 1)) continue;
    std::uint32_t h = slot(key & mask, k);
    if (bits_[h >> 6] >> (h & 63) & 1) return true;
  }
  return false;
}

std::uint64_t word_starts64(std::string_view text, std::size_t from) {
  const std::size_t n = std::min<std::size_t>(64, text.size() - from);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + from;
  std::uint64_t words = 0;
#if defined(__SSE2__)
  unsigned char tail[64];
  if (n < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, n);
    p = tail;
  }
  for (int k = 0; k < 4; ++k) words |= std::uint64_t{word_mask16(p + 16 * k)} << (16 * k);
#else
  for (std::size_t i = 0; i < n; ++i)
    if (is_re2_word_byte(p[i])) words |= std::uint64_t{1} << i;
#endif
  bool before = from > 0 && is_re2_word_byte(static_cast<unsigned char>(text[from - 1]));
  return words & ~((words << 1) | (before ? 1 : 0));
}

std::uint64_t bytes_at64(std::string_view text, std::size_t from, const std::vector<unsigned char>& bytes) {
  const std::size_t n = std::min<std::size_t>(64, text.size() - from);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + from;
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  unsigned char tail[64];
  if (n < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, p, n);
    p = tail;
  }
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    __m128i hit = _mm_setzero_si128();
    for (unsigned char b : bytes) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))));
    mask |= std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(hit))} << (16 * k);
  }
  if (n < 64) mask &= (std::uint64_t{1} << n) - 1;  // a 0 in `bytes` would match the padding
#else
  for (std::size_t i = 0; i < n; ++i)
    if (std::find(bytes.begin(), bytes.end(), p[i]) != bytes.end()) mask |= std::uint64_t{1} << i;
#endif
  return mask;
}

}  // namespace reviewlens::tagging
