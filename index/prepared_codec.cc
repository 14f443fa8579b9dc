#include "index/prepared_codec.h"

#include <cstdint>
#include <stdexcept>

namespace reviewlens::index {
namespace {

constexpr std::string_view kMagic = "rlp1";

void put_number(std::string& out, std::uint64_t n) {
  do {
    const auto low = static_cast<unsigned char>(n & 0x7F);
    n >>= 7;
    out += static_cast<char>(n != 0 ? (low | 0x80) : low);
  } while (n != 0);
}

void put_string(std::string& out, std::string_view s) {
  put_number(out, s.size());
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) fail();
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return n;
    }
    fail();
  }

  std::string_view string() {
    const std::uint64_t n = number();
    if (n > rest_.size()) fail();
    std::string_view s = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return s;
  }

  bool done() const { return rest_.empty(); }
  [[noreturn]] static void fail() { throw std::invalid_argument("malformed prepared document"); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string encode(const PreparedDocument& p) {
  std::string out(kMagic);
  put_string(out, p.doc_id);
  put_number(out, static_cast<std::uint64_t>(p.pages < 0 ? 0 : p.pages));
  put_string(out, p.record);
  put_number(out, p.passages.size());
  for (const auto& passage : p.passages) put_string(out, passage);
  put_number(out, p.spelling.size());
  for (const auto& [word, count] : p.spelling) {
    put_string(out, word);
    put_number(out, count);
  }
  return out;
}

PreparedDocument decode(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) Reader::fail();
  Reader in(bytes.substr(kMagic.size()));
  PreparedDocument p;
  p.doc_id = in.string();
  p.pages = static_cast<int>(in.number());
  p.record = in.string();
  const std::uint64_t passages = in.number();
  for (std::uint64_t i = 0; i < passages; ++i) p.passages.emplace_back(in.string());
  const std::uint64_t words = in.number();
  for (std::uint64_t i = 0; i < words; ++i) {
    std::string word(in.string());
    p.spelling.emplace_back(std::move(word), static_cast<unsigned>(in.number()));
  }
  if (!in.done()) Reader::fail();
  return p;
}

}  // namespace reviewlens::index
