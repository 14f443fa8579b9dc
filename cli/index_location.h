// Where the index lives when a command is not told: --index DIR, else
// $REVIEWLENS_INDEX, else $XDG_DATA_HOME/reviewlens/index (XDG_DATA_HOME
// defaulting to ~/.local/share).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace reviewlens::cli {

// `flag` is the value of --index ("" when not given). Throws FatalError when
// no location can be worked out (no flag, no variables, no $HOME).
std::filesystem::path index_location(const std::string& flag);

// Registers --index on a subcommand, with the same help text everywhere.
void add_index_option(CLI::App& sub, std::string& flag);

// The theme ids recorded in the index at dir (for validating --theme).
std::vector<std::string> index_theme_ids(const std::filesystem::path& dir);

}  // namespace reviewlens::cli
