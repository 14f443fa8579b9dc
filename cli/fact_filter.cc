#include "cli/fact_filter.h"

#include <algorithm>

#include <fmt/format.h>

#include "pipeline/tagging/case_facts.h"

namespace reviewlens::cli {
namespace {

std::string valid_facts() {
  std::vector<std::string> names;
  for (const auto& f : tagging::known_facts())
    names.push_back(fmt::format("{}={}", f.id, fmt::join(f.values, "|")));
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

std::expected<std::vector<std::string>, std::string> parse_fact_filters(
    const std::vector<std::string>& flags) {
  std::vector<std::string> out;
  for (const auto& flag : flags) {
    auto eq = flag.find('=');
    std::string fact = flag.substr(0, eq);
    std::string value = eq == std::string::npos ? "yes" : flag.substr(eq + 1);
    const auto* known = tagging::find_known_fact(fact);
    bool ok = known && (value == tagging::kUnknownValue ||
                        std::find(known->values.begin(), known->values.end(), value) != known->values.end());
    if (!ok)
      return std::unexpected(fmt::format("bad --fact '{}' (a bare fact means =yes); valid: {} (or =unknown)",
                                         flag, valid_facts()));
    out.push_back(fact + ":" + value);
  }
  return out;
}

}  // namespace reviewlens::cli
