// Internal to pipeline/tagging (names yaml-cpp): reads the taxonomy's
// `facts:` section into case_facts.h structs with RuleReader, collecting
// every problem (unknown keys, facts or values, bad resolution, invalid
// patterns) with its line.
#pragma once

#include <vector>

#include <yaml-cpp/yaml.h>

#include "pipeline/tagging/case_facts.h"
#include "pipeline/tagging/rule_reader.h"

namespace reviewlens::tagging {

std::vector<Fact> read_facts(const YAML::Node& node, RuleReader& reader);

}  // namespace reviewlens::tagging
