// A fast 64-bit fingerprint of a file's bytes (XXH64, seed 0), as 16
// lower-case hex digits. It decides whether a source whose size or mtime
// changed really changed: a touched file costs a hash, not an extraction.
// Not cryptographic: it detects edits, not tampering.
//
// Errors: an unreadable file is an io Error naming it. Thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/core/error.h"

namespace reviewlens::corpus {

Expected<std::string> hash_file(const std::filesystem::path& file);
std::string hash_bytes(std::string_view bytes);

}  // namespace reviewlens::corpus
