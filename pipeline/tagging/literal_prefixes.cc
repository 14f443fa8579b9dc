// A recursive-descent reader of RE2 syntax that computes, instead of a
// parse tree, the set of literal strings a match can start with. Each set
// entry is a string plus two flags: `complete` (the sub-pattern's match is
// exactly this string, so what follows may extend it) and `bounded` (a \b
// was passed before the first byte). Sets are kept small by cutting
// strings shorter, which only makes them less selective, never wrong.
#include "pipeline/tagging/literal_prefixes.h"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "pipeline/tagging/phrase_matcher.h"

namespace reviewlens::tagging {
namespace {

constexpr std::size_t kMaxEntries = 128;
constexpr std::size_t kMaxLength = 24;
constexpr std::size_t kMaxClass = 40;
constexpr int kMaxDepth = 64;

struct Entry {
  std::string s;
  bool complete = true;
  bool bounded = false;
};
using Set = std::vector<Entry>;

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

Set empty_set(bool bounded = false) { return {Entry{{}, true, bounded}}; }
Set wide_set() { return {Entry{{}, false, false}}; }

// Sorts, merges equal strings (incomplete and unbounded win: both keep the
// set a superset) and cuts strings until there are at most kMaxEntries.
void tidy(Set& set) {
  auto merge = [&] {
    std::sort(set.begin(), set.end(), [](const Entry& a, const Entry& b) { return a.s < b.s; });
    Set out;
    for (auto& e : set) {
      if (!out.empty() && out.back().s == e.s) {
        out.back().complete = out.back().complete && e.complete;
        out.back().bounded = out.back().bounded && e.bounded;
      } else {
        out.push_back(std::move(e));
      }
    }
    set = std::move(out);
  };
  auto cut = [&](std::size_t length) {
    for (auto& e : set)
      if (e.s.size() > length) {
        e.s.resize(length);
        e.complete = false;
      }
  };
  cut(kMaxLength);
  merge();
  for (std::size_t length = kMaxLength; set.size() > kMaxEntries && length > 1; --length) {
    cut(length - 1);
    merge();
  }
}

bool starts_with_space(const std::string& s) {
  return !s.empty() && (s[0] == kSpaceRun || is_re2_space_byte(static_cast<unsigned char>(s[0])));
}

Set concat(const Set& a, const Set& b) {
  Set out;
  for (const auto& x : a) {
    if (!x.complete) {
      out.push_back(x);
      continue;
    }
    for (const auto& y : b) {
      // A run (\s+) is taken whole only if what follows is not a space.
      if (!x.s.empty() && x.s.back() == kSpaceRun && starts_with_space(y.s))
        out.push_back(Entry{x.s, false, x.bounded});
      else
        out.push_back(Entry{x.s + y.s, y.complete, x.s.empty() ? (x.bounded || y.bounded) : x.bounded});
    }
  }
  tidy(out);
  return out;
}

Set repeat(Set x, int min, int max) {
  bool once = min == 1 && max == 1;
  if (!once && !(min == 0 && max == 1))
    for (auto& e : x) e.complete = e.complete && e.s.empty();
  if (min == 0) x.push_back(Entry{});
  tidy(x);
  return x;
}

bool is_punct(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x80 && u > 0x20 && u != 0x7F && !std::isalnum(u);
}

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::optional<Set> read() {
    Set set = alternation(0);
    if (failed_ || i_ != p_.size()) return std::nullopt;
    return set;
  }

 private:
  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }
  bool starts(std::string_view s) const { return p_.substr(i_, s.size()) == s; }
  Set fail() {
    failed_ = true;
    return wide_set();
  }

  Set alternation(int depth) {
    if (depth > kMaxDepth) return fail();
    Set set = concatenation(depth);
    while (!failed_ && at('|')) {
      ++i_;
      Set more = concatenation(depth);
      set.insert(set.end(), more.begin(), more.end());
      tidy(set);
    }
    return set;
  }

  Set concatenation(int depth) {
    Set acc = empty_set();
    while (!failed_ && i_ < p_.size() && !at('|') && !at(')')) {
      Set item = atom(depth);
      if (failed_) break;
      item = quantified(std::move(item));
      acc = concat(acc, item);
    }
    return acc;
  }

  // \s+ (or [\s]+): one entry, a run of spaces.
  static bool is_space_class(const Set& item) {
    if (item.size() != 5) return false;
    for (const auto& e : item)
      if (e.s.size() != 1 || !e.complete || e.bounded || !is_re2_space_byte(static_cast<unsigned char>(e.s[0])))
        return false;
    return true;
  }

  Set quantified(Set item) {
    if (at('*') || at('+') || at('?')) {
      char q = p_[i_++];
      if (at('?')) ++i_;  // non-greedy: same strings
      if (q == '+' && is_space_class(item)) return {Entry{std::string(1, kSpaceRun)}};
      return repeat(std::move(item), q == '+' ? 1 : 0, q == '?' ? 1 : -1);
    }
    if (!at('{')) return item;
    std::size_t j = i_ + 1;
    auto number = [&](int& out) {
      std::size_t from = j;
      out = 0;
      while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])) && j - from < 6)
        out = out * 10 + (p_[j++] - '0');
      return j > from;
    };
    int min = 0, max = 0;
    if (!number(min)) return fail();  // RE2 reads such a '{' as a literal; keep it simple
    max = min;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (!number(max)) max = -1;
    }
    if (j >= p_.size() || p_[j] != '}') return fail();
    i_ = j + 1;
    if (at('?')) ++i_;
    return repeat(std::move(item), min, max);
  }

  Set atom(int depth) {
    char c = p_[i_];
    if (c == '(') return group(depth);
    if (c == '[') return char_class();
    if (c == '\\') return escape();
    ++i_;
    if (c == '.') return wide_set();
    if (c == '^' || c == '$') return empty_set();
    if (c == '*' || c == '+' || c == '?' || c == '{') return fail();
    if (static_cast<unsigned char>(c) >= 0x80) {  // rest of a UTF-8 character
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return wide_set();
    }
    return {Entry{std::string(1, fold(c))}};
  }

  Set group(int depth) {
    ++i_;  // '('
    if (at('?')) {
      ++i_;
      if (at('P') || at('<')) {  // named capture
        if (at('P')) ++i_;
        if (!at('<')) return fail();
        while (i_ < p_.size() && p_[i_] != '>') ++i_;
        if (!at('>')) return fail();
        ++i_;
      } else {
        while (i_ < p_.size() && std::string_view("imsU-").find(p_[i_]) != std::string_view::npos) ++i_;
        if (at(')')) {  // flags only: zero width
          ++i_;
          return empty_set();
        }
        if (!at(':')) return fail();
        ++i_;
      }
    }
    Set inner = alternation(depth + 1);
    if (failed_ || !at(')')) return fail();
    ++i_;
    return inner;
  }

  Set escape() {
    ++i_;  // '\'
    if (i_ >= p_.size()) return fail();
    char c = p_[i_++];
    switch (c) {
      case 'b': return empty_set(true);
      case 'B': case 'A': case 'z': return empty_set();
      case 'D': case 'S': case 'W': return wide_set();
      case 'd': case 's': case 'w': {
        std::string bytes;
        add_perl_class(c, bytes);
        return bytes_set(bytes);
      }
      default: break;
    }
    char byte = 0;
    if (!escaped_byte(c, byte)) return fail();
    return {Entry{std::string(1, fold(byte))}};
  }

  static void add_perl_class(char c, std::string& bytes) {
    for (int b = 0; b < 0x80; ++b) {
      auto u = static_cast<unsigned char>(b);
      bool in = c == 'd' ? (u >= '0' && u <= '9') : c == 's' ? is_re2_space_byte(u) : is_re2_word_byte(u);
      if (in) bytes += static_cast<char>(b);
    }
  }

  static bool escaped_byte(char c, char& byte) {
    switch (c) {
      case 'n': byte = '\n'; return true;
      case 't': byte = '\t'; return true;
      case 'r': byte = '\r'; return true;
      case 'f': byte = '\f'; return true;
      case 'v': byte = '\v'; return true;
      case 'a': byte = '\a'; return true;
      default: break;
    }
    if (!is_punct(c)) return false;
    byte = c;
    return true;
  }

  Set bytes_set(const std::string& bytes) {
    std::string folded;
    for (char b : bytes)
      if (folded.find(fold(b)) == std::string::npos) folded += fold(b);
    if (folded.empty()) return fail();
    if (folded.size() > kMaxClass) return wide_set();
    Set set;
    for (char b : folded) set.push_back(Entry{std::string(1, b)});
    return set;
  }

  Set char_class() {
    ++i_;  // '['
    bool negated = at('^');
    if (negated) ++i_;
    std::string bytes;
    bool wide = negated;
    bool first = true;
    while (i_ < p_.size() && (first || !at(']'))) {
      first = false;
      if (starts("[:")) return fail();
      char lo = 0;
      if (!class_member(bytes, wide, lo)) return failed_ ? wide_set() : fail();
      if (lo != 0 && at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        char hi = 0;
        std::string ignored;
        bool hi_wide = false;
        if (!class_member(ignored, hi_wide, hi) || hi == 0 || hi < lo) return fail();
        for (int b = lo; b <= hi; ++b) bytes += static_cast<char>(b);
      } else if (lo != 0) {
        bytes += lo;
      }
    }
    if (!at(']')) return fail();
    ++i_;
    if (wide) return wide_set();
    return bytes_set(bytes);
  }

  // One class member: a single byte (returned in `single`, to allow a
  // range), a Perl class (added to `bytes`), or a non-ASCII character.
  bool class_member(std::string& bytes, bool& wide, char& single) {
    char c = p_[i_++];
    single = 0;
    if (static_cast<unsigned char>(c) >= 0x80) {
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      wide = true;
      return true;
    }
    if (c != '\\') {
      single = c;
      return true;
    }
    if (i_ >= p_.size()) return false;
    c = p_[i_++];
    if (c == 'd' || c == 's' || c == 'w') {
      add_perl_class(c, bytes);
      return true;
    }
    if (c == 'D' || c == 'S' || c == 'W') {
      wide = true;
      return true;
    }
    return escaped_byte(c, single);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool failed_ = false;
};

void add_space_bytes(std::string& bytes) {
  for (int b = 0; b < 0x80; ++b)
    if (is_re2_space_byte(static_cast<unsigned char>(b))) bytes += static_cast<char>(b);
}

}  // namespace

std::optional<std::vector<LiteralPrefix>> literal_prefixes(std::string_view pattern) {
  auto set = Reader(pattern).read();
  if (!set) return std::nullopt;
  std::vector<LiteralPrefix> out;
  for (const auto& e : *set) {
    if (e.s.empty()) return std::nullopt;  // could match empty, or start anywhere
    if (e.s[0] == kSpaceRun) {
      // The span finder looks for prefixes at bytes that can begin them,
      // and a run begins with any space byte.
      std::string bytes;
      add_space_bytes(bytes);
      for (char b : bytes) out.push_back(LiteralPrefix{std::string(1, b), false});
      continue;
    }
    out.push_back(LiteralPrefix{e.s, e.bounded && is_re2_word_byte(static_cast<unsigned char>(e.s[0]))});
  }
  return out;
}

}  // namespace reviewlens::tagging
