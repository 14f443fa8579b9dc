// `--fact` values of search, stats and report: "looked_after" (a yes/no
// fact: means =yes) or "cp_plan=current", checked against the known facts
// and values (pipeline/tagging/case_facts.h), turned into the "fact:value"
// form of SearchRequest::facts.
#pragma once

#include <expected>
#include <string>
#include <vector>

namespace reviewlens::cli {

// Error: a message naming the bad flag and the valid facts/values.
std::expected<std::vector<std::string>, std::string> parse_fact_filters(
    const std::vector<std::string>& flags);

}  // namespace reviewlens::cli
