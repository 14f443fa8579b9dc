#include "pipeline/tagging/taxonomy_hash.h"

#include <cstdint>

#include <fmt/format.h>

namespace reviewlens::tagging {

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace reviewlens::tagging
