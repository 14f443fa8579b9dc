#include "pipeline/core/json_string.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace reviewlens {

JsonStringScan scan_json_string(std::string_view s) {
  JsonStringScan scan{s.size(), false};
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i below_space = _mm_set1_epi8(0x1F);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    scan.non_ascii = scan.non_ascii || _mm_movemask_epi8(v) != 0;
    // unsigned v <= 0x1F: min(v, 0x1F) == v
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);
    __m128i special = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (int mask = _mm_movemask_epi8(special); mask != 0) {
      scan.first_escape = i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      for (std::size_t j = i + 16; j < s.size() && !scan.non_ascii; ++j)
        scan.non_ascii = static_cast<unsigned char>(s[j]) >= 0x80;
      return scan;
    }
  }
#endif
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    scan.non_ascii = scan.non_ascii || c >= 0x80;
    if ((c < 0x20 || c == '"' || c == '\\') && scan.first_escape == s.size()) scan.first_escape = i;
  }
  return scan;
}

void append_json_string(std::string& out, std::string_view s, const JsonStringScan& scan) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  out.append(s.data(), scan.first_escape);
  std::size_t plain = scan.first_escape;  // start of the run not yet copied
  for (std::size_t i = scan.first_escape; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

}  // namespace reviewlens
