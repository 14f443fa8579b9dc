// The span finder's index of literal prefixes (span_finder.h): a
// case-folded radix trie walked at chosen positions of a passage, a filter
// of the words prefixes can begin with, and the word starts of a text.
// Prefix strings use literal_prefixes.h's bytes (ASCII letters in lower
// case, kSpaceRun for a run of RE2 \s). Internal to the rule engine.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reviewlens::tagging {

inline unsigned char fold_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

class PrefixTrie {
 public:
  void insert(const std::string& bytes, std::uint32_t id);
  // Lays the trie out for walking; insert no more afterwards.
  void freeze();
  bool empty() const { return nodes_.size() <= 1; }

  // Appends to `ids` the id of every string the text spells from `start`
  // (case-folded; kSpaceRun matches a whole run of spaces). `stack` is
  // scratch space.
  void walk(std::string_view text, std::size_t start, std::vector<std::uint32_t>& ids,
            std::vector<std::pair<std::uint32_t, std::size_t>>& stack) const;

 private:
  // 32 bytes, so a node is one cache line fetch: a walk is a chain of
  // dependent loads, and the first bytes of the label and the child list
  // sit in the node itself rather than in separate arrays.
  struct alignas(32) Node {
    std::uint64_t label8 = 0;       // first (up to) 8 label bytes, little-endian
    std::uint64_t fold8 = 0;        // 0x20 in each byte of label8 that is an ASCII letter
    std::uint32_t label_begin = 0;  // the whole label in labels_
    std::uint32_t out_begin = 0;    // a run in outs_ ended by kEndOfOuts; 0 = no outputs
    std::uint32_t child_begin = 0;  // into children_
    std::uint16_t child_count = 0;
    std::uint16_t label_size = 0;  // kWordCompare set: up to 8 bytes, no kSpaceRun
  };
  static constexpr std::uint16_t kWordCompare = 0x8000;
  static constexpr std::uint32_t kEndOfOuts = ~std::uint32_t{0};
  struct BuildNode {
    std::map<unsigned char, std::uint32_t> children;
    std::vector<std::uint32_t> outputs;
  };

  std::uint32_t child(const Node& n, unsigned char folded) const;
  bool spell(const Node& n, std::string_view text, std::size_t& pos) const;

  std::vector<BuildNode> build_{1};
  std::array<std::uint32_t, 256> root_{};  // text byte -> child of the root
  std::uint32_t root_space_child_ = 0;     // child of the root by kSpaceRun, 0 = none
  std::vector<Node> nodes_{1};
  std::vector<unsigned char> labels_;
  // Per node, its children as (node number << 8 | key), sorted by key (so
  // a child whose label starts with kSpaceRun, key 0, comes first).
  std::vector<std::uint32_t> children_;
  std::vector<std::uint32_t> outs_{kEndOfOuts};
};

// The first (up to) eight bytes of every string of a word-start trie,
// hashed into a small bitmap by length, so that most word starts are passed
// over without touching the trie: a word start is walked only if its first
// k bytes, for some length k of a string (k <= 8), are in the bitmap.
// Bytes are compared with 0x20 set (ASCII case folding, and then some);
// kSpaceRun counts as one space, so a window holding other whitespace or two
// spaces in a row always passes. A false positive only costs a walk.
// Before hashing, an exact table of the first two key bytes (and one of the
// first byte of one-byte strings) turns most word starts away: that test
// and the lengths are checked shortest first, stopping at the first hit.
class StartFilter {
 public:
  void add(const std::string& bytes);
  bool may_start(std::string_view text, std::size_t pos) const;

 private:
  static constexpr int kBits = 18;
  static std::uint32_t slot(std::uint64_t key, std::size_t length) {
    return static_cast<std::uint32_t>(((key ^ (std::uint64_t{length} << 59)) * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  }

  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>((std::size_t{1} << kBits) / 64, 0);
  std::uint32_t lengths_ = 0;  // bit k: some string has k key bytes
  std::vector<std::uint64_t> pairs_ = std::vector<std::uint64_t>(65536 / 64, 0);  // first two key bytes
  std::array<std::uint64_t, 4> singles_{};  // key byte of one-byte strings
};

// Bit i of the result is set when text[from + i] (i < 64, within the text)
// starts a word: an RE2 word byte ([0-9A-Za-z_]) not preceded by one.
std::uint64_t word_starts64(std::string_view text, std::size_t from);

// Bit i set when text[from + i] (i < 64, within the text) is one of `bytes`.
std::uint64_t bytes_at64(std::string_view text, std::size_t from, const std::vector<unsigned char>& bytes);

}  // namespace reviewlens::tagging
