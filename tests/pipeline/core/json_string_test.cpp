#include "pipeline/core/json_string.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

std::string written(std::string_view s) {
  std::string out = "x";  // appends, never overwrites
  reviewlens::append_json_string(out, s);
  return out.substr(1);
}

}  // namespace

TEST_CASE("JSON string: every byte that needs an escape, at every place around the 16-byte block",
          "[core]") {
  for (int c = 0; c < 0x20; ++c) {
    for (std::size_t at : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 40u}) {
      std::string s(41, 'a');
      s[at] = static_cast<char>(c);
      CHECK(written(s) == nlohmann::json(s).dump());
    }
  }
  for (std::string s : {"say \"no\"", "back\\slash", "caf\xc3\xa9 \xe2\x80\x93 \"d\"", "", "plain text only"})
    CHECK(written(s) == nlohmann::json(s).dump());
}

TEST_CASE("JSON string: the scan finds the first escape and any non-ASCII byte", "[core]") {
  using reviewlens::scan_json_string;
  CHECK(scan_json_string("abc").first_escape == 3);
  CHECK_FALSE(scan_json_string("abc").non_ascii);
  std::string long_text = std::string(20, 'a') + "\"" + std::string(20, 'b') + "\xc3\xa9";
  auto scan = scan_json_string(long_text);
  CHECK(scan.first_escape == 20);
  CHECK(scan.non_ascii);  // found after the first escape too
}
