#include "index/schema.h"

#include <cctype>
#include <cstdint>

#include <fmt/format.h>

namespace reviewlens::index::schema {

std::string normalise_partnership(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string source_term(std::string_view path) {
  // Xapian terms are limited to 245 bytes; FNV-1a keeps long paths unique
  // enough while staying deterministic.
  constexpr std::size_t kMaxPath = 200;
  if (path.size() <= kMaxPath) return fmt::format("{}{}", kSourcePrefix, path);
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
  return fmt::format("{}{}#{:016x}", kSourcePrefix, path.substr(0, 100), h);
}

}  // namespace reviewlens::index::schema
