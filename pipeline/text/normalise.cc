#include "pipeline/text/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace reviewlens::text {
namespace {

enum class Fold { keep, drop, space, single_quote, double_quote, dash };

Fold fold_of(UChar32 c) {
  if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) return Fold::drop;
  if (is_bullet_glyph(static_cast<char32_t>(c))) return Fold::space;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return Fold::space;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
    case 0x0060: case 0x00B4:
      return Fold::single_quote;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return Fold::double_quote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      return Fold::dash;
    default:
      break;
  }
  if (u_isUWhiteSpace(c)) return Fold::space;
  return Fold::keep;
}

// Plain printable ASCII with single spaces needs none of the ICU work; most
// passages of English reviews are like that, so this keeps extraction (and
// `tag`, which normalises every passage it reads) fast: 16 bytes at a time
// where SSE2 is there.
bool is_already_normal(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return s.empty();
  auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7F && c != '`'; };
  if (!plain(static_cast<unsigned char>(s[0]))) return false;
  std::size_t i = 1;  // each byte from here is checked with the one before
#if defined(__SSE2__)
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const __m128i space = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F), grave = _mm_set1_epi8('`');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i - 1));
    // Signed: bytes >= 0x80 are negative, so one compare finds them and those < 0x20.
    __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, grave));
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(before, space)));
    if (_mm_movemask_epi8(bad) != 0) return false;
  }
#endif
  for (; i < s.size(); ++i) {
    if (!plain(static_cast<unsigned char>(s[i]))) return false;
    if (s[i] == ' ' && s[i - 1] == ' ') return false;
  }
  return true;
}

// Decodes UTF-8, replacing each invalid sequence by U+FFFD.
icu::UnicodeString decode_repairing(std::string_view utf8) {
  icu::UnicodeString out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.append(c < 0 ? static_cast<UChar32>(0xFFFD) : c);
  }
  return out;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

bool is_bullet_glyph(char32_t c) {
  switch (c) {
    case U'\u2022': case U'\u2023': case U'\u2043': case U'\u25E6': case U'\u25AA':
    case U'\u25AB': case U'\u25A0': case U'\u25A1': case U'\u25CF': case U'\u25CB':
    case U'\u25BA': case U'\u25B6': case U'\u2751': case U'\u2752': case U'\u274F':
    case U'\u2750': case U'\u27A2': case U'\u27A4': case U'\u2794': case U'\u2713':
    case U'\u2714': case U'\u2717': case U'\u2718': case U'\u25C6': case U'\u25C7':
    case U'\u2666': case U'\u00B7': case U'\u2219': case U'\u29BF':
      return true;
    default:
      // Symbol and Wingdings fonts map their glyphs into this private-use
      // block; in review text they are almost always bullets or ticks.
      return c >= 0xF000 && c <= 0xF0FF;
  }
}

std::string normalise(std::string_view utf8) {
  if (is_already_normal(utf8)) return std::string(utf8);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString decoded = decode_repairing(utf8);
  icu::UnicodeString composed = U_SUCCESS(status) ? nfkc->normalize(decoded, status) : decoded;
  if (U_FAILURE(status)) composed = decoded;

  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < composed.length(); i = composed.moveIndex32(i, 1)) {
    UChar32 c = composed.char32At(i);
    switch (fold_of(c)) {
      case Fold::drop:
        continue;
      case Fold::space:
        pending_space = true;
        continue;
      case Fold::single_quote: c = '\''; break;
      case Fold::double_quote: c = '"'; break;
      case Fold::dash: c = '-'; break;
      case Fold::keep: break;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    append_utf8(out, c);
  }
  return out;
}

}  // namespace reviewlens::text
