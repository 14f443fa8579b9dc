// The plain-text sentence splitter (sentences.h). For ASCII text without
// control characters, UAX #29 puts a sentence break only after a run of
// terminators ('.', '!', '?'), optional closing punctuation and spaces.
// This handles each terminator in the contexts below, where the rules
// decide without looking further, and gives up (false) on any other:
//
//   ". x"  '.', spaces, a lower-case letter: no break (SB8)
//   ". X"  '.', spaces, an upper-case letter: break before X (SB11)
//   "? x"  '!' or '?', spaces, any letter: break before x (SB11)
//   ".x"   '.', then a digit or lower-case letter: no break (SB6, SB8)
//   "a.X"  a letter, '.', an upper-case letter: no break (SB7)
//   "x."   terminator, optional spaces, end of text: the last sentence
//
// ICU's filtered iterator then drops some breaks after a suppression
// string ("Mr.", ICU's list and ours; it matches backwards, case-
// sensitively, even inside a longer word: see Suppressions); this gives up
// on any break it would drop, rather than follow ICU to the next one.
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pipeline/text/sentences.h"

namespace reviewlens::text {
namespace {

// The filter's suppression strings as ICU's FilteredBreakIteratorBuilder
// lays them out (filteredbrk.cpp, build()): a string with a full stop
// before its end ("e.g.") makes its part up to that stop ("e.") a partial
// entry, and every string starting with that part ("e.g.", "e.") moves to
// a forward table; the other strings are whole entries. At a break, the
// longest entry the text before the space ends with decides: a whole
// entry suppresses the break; a partial one sends ICU forward, where a
// match would have to run on past the space, so (no string holding a
// space) the break stays.
class Suppressions {
 public:
  Suppressions() {
    std::vector<std::string> strings(std::begin(kAbbreviations), std::end(kAbbreviations));
    ok_ = add_icu_list(strings);
    std::sort(strings.begin(), strings.end());
    strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
    std::vector<char> forward(strings.size(), 0);
    for (std::size_t i = 0; i < strings.size(); ++i) {
      const std::string& s = strings[i];
      if (s.find(' ') != std::string::npos || s.empty() || s.back() != '.') ok_ = false;
      std::size_t dot = s.find('.');
      if (dot == std::string::npos || dot + 1 == s.size()) continue;
      forward[i] = 1;
      for (std::size_t j = 0; j < strings.size(); ++j)
        if (strings[j].compare(0, dot + 1, s, 0, dot + 1) == 0) forward[j] = 1;
      add(s.substr(0, dot + 1), Kind::partial);
    }
    for (std::size_t i = 0; i < strings.size(); ++i)
      if (!forward[i]) add(strings[i], Kind::whole);
  }
  bool ok() const { return ok_; }

  // True when ICU drops the break after text[dot] (a '.', then one space).
  bool suppresses(std::string_view text, std::size_t dot) const {
    const Entry* best = nullptr;
    for (const Entry& e : by_last_[static_cast<unsigned char>(text[dot - 1])])
      if (e.s.size() <= dot + 1 && text.compare(dot + 1 - e.s.size(), e.s.size(), e.s) == 0 &&
          (!best || e.s.size() > best->s.size()))
        best = &e;
    return best && best->kind == Kind::whole;
  }

 private:
  enum class Kind { whole, partial };
  struct Entry {
    std::string s;
    Kind kind;
  };

  void add(const std::string& s, Kind kind) {
    if (s.size() < 2) return;  // "." alone: cannot be in the lists
    auto& bucket = by_last_[static_cast<unsigned char>(s[s.size() - 2])];
    for (const Entry& e : bucket)
      if (e.s == s) return;  // the trie keeps one value per string: the first
    bucket.push_back(Entry{s, kind});
  }

  // The list FilteredBreakIteratorBuilder::createInstance reads for "en".
  static bool add_icu_list(std::vector<std::string>& strings) {
    UErrorCode status = U_ZERO_ERROR;
    using Bundle = std::unique_ptr<UResourceBundle, decltype(&ures_close)>;
    Bundle root(ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status), &ures_close);
    Bundle exceptions(ures_getByKey(root.get(), "exceptions", nullptr, &status), &ures_close);
    Bundle list(ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status), &ures_close);
    if (U_FAILURE(status)) return false;
    while (ures_hasNext(list.get())) {
      int32_t length = 0;
      const UChar* s = ures_getNextString(list.get(), &length, nullptr, &status);
      if (U_FAILURE(status)) return false;
      std::string utf8;
      icu::UnicodeString(s, length).toUTF8String(utf8);
      strings.push_back(std::move(utf8));
    }
    return true;
  }

  std::array<std::vector<Entry>, 256> by_last_;  // by the byte before the final '.'
  bool ok_ = false;
};

const Suppressions& suppressions() {
  static const Suppressions table;  // immutable once built; C++ makes this thread-safe
  return table;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_terminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool plain_byte(char c) { auto u = static_cast<unsigned char>(c); return u >= 0x20 && u < 0x7F; }
bool is_close(char c) { return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}'; }

enum class Verdict { no_break, break_after_spaces, end, unsure };

// What follows the terminator at text[i].
Verdict judge(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  const bool full_stop = text[i] == '.';
  if (i + 1 == n) return Verdict::end;
  const char next = text[i + 1];
  if (next != ' ') {
    if (!full_stop) return Verdict::unsure;
    if (is_lower(next) || is_digit(next)) return Verdict::no_break;
    if (is_upper(next) && i > 0 && is_letter(text[i - 1])) return Verdict::no_break;
    return Verdict::unsure;
  }
  std::size_t j = i + 1;
  while (j < n && text[j] == ' ') ++j;
  if (j == n) return Verdict::end;
  const char after = text[j];
  if (!is_letter(after)) return Verdict::unsure;
  if (full_stop && is_lower(after)) return Verdict::no_break;
  if (j != i + 2) return Verdict::unsure;  // the filter looks past one space only
  if (full_stop && i > 0 && suppressions().suppresses(text, i)) return Verdict::unsure;
  return Verdict::break_after_spaces;
}

// The first i >= from with text[i] a terminator or not a plain byte
// (text.size() if none): the splitter's loop skips the rest 16 bytes at a
// time where SSE2 is there.
std::size_t next_special(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const __m128i space = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F);
  const __m128i stop = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), query = _mm_set1_epi8('?');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Signed: bytes >= 0x80 are negative, so one compare finds them and those < 0x20.
    __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, stop), _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, query))));
    if (int mask = _mm_movemask_epi8(hit); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < text.size() && plain_byte(text[i]) && !is_terminator(text[i])) ++i;
  return i;
}

}  // namespace

bool plain_sentence_spans(std::string_view text, std::vector<Span>& out) {
  out.clear();
  if (!suppressions().ok()) return false;
  std::size_t start = 0;
  auto close_sentence = [&](std::size_t end) {  // [start, end), spaces trimmed
    std::size_t s = start, e = end;
    while (e > s && text[e - 1] == ' ') --e;
    while (s < e && text[s] == ' ') ++s;
    if (e > s) out.push_back({s, e});
  };
  for (std::size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i + 1)) {
    const char c = text[i];
    if (!plain_byte(c)) return false;
    if (i + 1 < text.size() && (is_terminator(text[i + 1]) || is_close(text[i + 1]))) return false;
    switch (judge(text, i)) {
      case Verdict::unsure: return false;
      case Verdict::no_break: case Verdict::end: break;
      case Verdict::break_after_spaces:
        close_sentence(i + 2);
        start = i + 2;
        break;
    }
  }
  close_sentence(text.size());
  return true;
}

}  // namespace reviewlens::text
