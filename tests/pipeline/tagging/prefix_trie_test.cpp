// The prefix trie against a plain reference: every inserted string the
// text spells at a position (ASCII case folded, kSpaceRun = a whole run of
// RE2 spaces). Labels of up to 8 plain bytes take a word-at-a-time compare,
// longer ones and runs the byte loop: the table mixes both, near text ends.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "pipeline/tagging/literal_prefixes.h"
#include "pipeline/tagging/phrase_matcher.h"
#include "pipeline/tagging/prefix_trie.h"

using namespace reviewlens::tagging;

namespace {

// Length of `s` spelled at text[pos], or -1.
long spelled(const std::string& s, const std::string& text, std::size_t pos) {
  for (char c : s) {
    if (c == kSpaceRun) {
      if (pos >= text.size() || !is_re2_space_byte(static_cast<unsigned char>(text[pos]))) return -1;
      while (pos < text.size() && is_re2_space_byte(static_cast<unsigned char>(text[pos]))) ++pos;
    } else if (pos >= text.size() || fold_ascii(static_cast<unsigned char>(text[pos])) != static_cast<unsigned char>(c)) {
      return -1;
    } else {
      ++pos;
    }
  }
  return static_cast<long>(pos);
}

}  // namespace

TEST_CASE("PrefixTrie: walks find exactly the strings spelled at each position", "[tagging][prefix_trie]") {
  const std::string run(1, kSpaceRun);
  std::vector<std::string> strings = {
      "child", "child protection", "child" + run + "protection", "children", "chi", "c",
      "the review", "the reviewer", "the" + run + "review", "12345678", "123456789", "@`x",
      "[a]", "no", "not", "not" + run + "shared", "a very long label indeed, more than eight",
      "caf\xc3\xa9", ";", "x-y",
  };
  PrefixTrie trie;
  for (std::uint32_t id = 0; id < strings.size(); ++id) trie.insert(strings[id], id);
  trie.freeze();
  std::vector<std::string> texts = {
      "Child Protection and CHILD  protection; children, chi, c",
      "The Review: the reviewer, the\t\treview, THE REVIEWER",
      "123456789 12345678 1234567 @`X `@x [A] {a}",
      "not  shared, no, NOT\nSHARED, nothing",
      "A VERY LONG LABEL INDEED, MORE THAN EIGHT; a very long label indeed, more than eigh",
      "Caf\xc3\xa9 CAF\xc3\x89 X-Y x_y child",
      "chil", "c", "", "child protectio",
  };
  std::vector<std::uint32_t> ids;
  std::vector<std::pair<std::uint32_t, std::size_t>> stack;
  std::size_t found = 0;
  for (const auto& text : texts)
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      ids.clear();
      trie.walk(text, pos, ids, stack);
      std::vector<std::uint32_t> expected;
      for (std::uint32_t id = 0; id < strings.size(); ++id)
        if (spelled(strings[id], text, pos) >= 0) expected.push_back(id);
      std::sort(ids.begin(), ids.end());
      INFO("text: " << text << "\npos: " << pos);
      CHECK(ids == expected);
      found += ids.size();
    }
  CHECK(found > 30);
}
