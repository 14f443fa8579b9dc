// `ingest --full`: build from nothing into a fresh sibling directory
// "<index>.gen-<stamp>", then switch it in atomically, so a searcher never
// sees a half-built index.
//
// After the first full build, <index> is a symlink to the current generation
// (relative, within the same folder); switching writes a new symlink beside it
// and rename(2)s it over <index>, which POSIX makes atomic: a reader opens
// either the old or the new generation. The old generation is then removed
// (a reader that already opened it keeps its files until it closes them).
// If <index> was a plain directory, it is first renamed aside: during that
// one-time conversion there is an instant when <index> does not exist.
//
// Call these only while holding the IngestLock. Errors are FatalError (3).
#pragma once

#include <filesystem>

namespace reviewlens::cli {

// A fresh, not yet existing directory path next to `index`.
std::filesystem::path new_generation_dir(const std::filesystem::path& index);

// Removes "<index>.gen-*" folders left by a killed --full run (never the one
// <index> points to).
void remove_stale_generations(const std::filesystem::path& index);

// Makes `index` point at `built` and removes the previous generation.
void switch_generation(const std::filesystem::path& index, const std::filesystem::path& built);

}  // namespace reviewlens::cli
