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
  struct Node {
    std::uint32_t label_begin = 0;
    std::uint32_t out_begin = 0;
    std::uint32_t child_begin = 0;
    std::uint32_t space_child = 0;  // child whose label starts with kSpaceRun, 0 = none
    std::uint16_t label_size = 0;
    std::uint16_t out_count = 0;
    std::uint16_t child_count = 0;
  };
  struct BuildNode {
    std::map<unsigned char, std::uint32_t> children;
    std::vector<std::uint32_t> outputs;
  };

  std::uint32_t child(std::uint32_t node, unsigned char folded) const;

  std::vector<BuildNode> build_{1};
  std::array<std::uint32_t, 256> root_{};  // text byte -> child of the root
  std::vector<Node> nodes_{1};
  std::vector<unsigned char> labels_, child_key_;
  std::vector<std::uint32_t> child_node_, outs_;
};

// The first words of the strings of a word-start trie, hashed into two
// small bitmaps: words a string spells in full (a non-word byte follows in
// the string) and words a string only begins. A word start whose word
// matches neither cannot begin any string, so its walk is skipped; a false
// positive only costs a walk.
class WordFilter {
 public:
  void add(const std::string& bytes);
  // `pos` must start a word of `text`.
  bool may_start(std::string_view text, std::size_t pos) const;

 private:
  static constexpr int kBits = 16;
  static std::uint64_t step(std::uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001B3ull; }
  static std::uint32_t slot(std::uint64_t h) { return static_cast<std::uint32_t>((h * 0x9E3779B97F4A7C15ull) >> (64 - kBits)); }
  static void set(std::vector<std::uint64_t>& bits, std::uint64_t h) { bits[slot(h) >> 6] |= std::uint64_t{1} << (slot(h) & 63); }
  static bool test(const std::vector<std::uint64_t>& bits, std::uint64_t h) { return (bits[slot(h) >> 6] >> (slot(h) & 63)) & 1; }

  std::vector<std::uint64_t> whole_ = std::vector<std::uint64_t>((std::size_t{1} << kBits) / 64, 0);
  std::vector<std::uint64_t> begun_ = std::vector<std::uint64_t>((std::size_t{1} << kBits) / 64, 0);
  std::uint64_t begun_lengths_ = 0;  // bit k: some string begins with a word of k bytes (k < 64)
  bool long_begun_ = false;          // ... of 64 bytes or more
};

// Bit i of the result is set when text[from + i] (i < 64, within the text)
// starts a word: an RE2 word byte ([0-9A-Za-z_]) not preceded by one.
std::uint64_t word_starts64(std::string_view text, std::size_t from);

// Bit i set when text[from + i] (i < 64, within the text) is one of `bytes`.
std::uint64_t bytes_at64(std::string_view text, std::size_t from, const std::vector<unsigned char>& bytes);

}  // namespace reviewlens::tagging
