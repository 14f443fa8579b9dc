#include "corpus/content_hash.h"

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::corpus;
using reviewlens::testing::TempDir;
using reviewlens::testing::write_file;

TEST_CASE("ContentHash: XXH64 of the bytes, 16 hex digits", "[corpus][hash]") {
  // Reference values of XXH64 with seed 0 (from the xxHash specification's test vectors).
  CHECK(hash_bytes("") == "ef46db3751d8e999");
  CHECK(hash_bytes("a") == "d24ec4f1a98c6e5b");
}

TEST_CASE("ContentHash: a file hashes like its bytes, across chunk boundaries", "[corpus][hash]") {
  TempDir dir;
  std::string big(3 * (1 << 20) + 17, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4093) big[i] = static_cast<char>('a' + i % 26);
  write_file(dir / "big.bin", big);
  auto h = hash_file(dir / "big.bin");
  REQUIRE(h);
  CHECK(*h == hash_bytes(big));
  big[big.size() - 1] = 'y';
  CHECK(*h != hash_bytes(big));
}

TEST_CASE("ContentHash: an unreadable file is an io error", "[corpus][hash]") {
  TempDir dir;
  auto h = hash_file(dir / "missing.pdf");
  REQUIRE_FALSE(h);
  CHECK(h.error().code == ErrorCode::io);
}
