#include "pipeline/core/error.h"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace reviewlens {
namespace {
constexpr std::array<std::pair<ErrorCode, std::string_view>, 12> kNames{{
    {ErrorCode::encrypted, "encrypted"},
    {ErrorCode::corrupt, "corrupt"},
    {ErrorCode::empty, "empty"},
    {ErrorCode::not_pdf, "not_pdf"},
    {ErrorCode::no_text, "no_text"},
    {ErrorCode::too_many_pages, "too_many_pages"},
    {ErrorCode::timeout, "timeout"},
    {ErrorCode::memory_limit, "memory_limit"},
    {ErrorCode::crashed, "crashed"},
    {ErrorCode::io, "io"},
    {ErrorCode::invalid_input, "invalid_input"},
    {ErrorCode::internal, "internal"},
}};
}  // namespace

std::string_view to_string(ErrorCode code) {
  for (const auto& [c, name] : kNames)
    if (c == code) return name;
  return "internal";
}

ErrorCode error_code_from(std::string_view name) {
  for (const auto& [c, n] : kNames)
    if (n == name) return c;
  return ErrorCode::internal;
}

std::string Error::describe() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (page > 0) out += fmt::format(" (page {})", page);
  out += fmt::format(": {}: {}", to_string(code), message);
  return out;
}

}  // namespace reviewlens
