// The taxonomy's content hash: FNV-1a (64 bit, hex) of the YAML file's bytes,
// recorded by the index to tell whether passages need re-tagging. In a file of
// its own so the light `reviewlens` binary (cli/ingest_quick.h) can hash a
// taxonomy without linking the YAML loader.
#pragma once

#include <string>
#include <string_view>

namespace reviewlens::tagging {

std::string fnv1a_hex(std::string_view bytes);

}  // namespace reviewlens::tagging
