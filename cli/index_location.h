// Where the index lives when a command is not told: --index DIR, else
// $REVIEWLENS_INDEX, else $XDG_DATA_HOME/reviewlens/index (XDG_DATA_HOME
// defaulting to ~/.local/share).
#pragma once

#include <filesystem>
#include <string>

namespace reviewlens::cli {

// `flag` is the value of --index ("" when not given). Throws FatalError when
// no location can be worked out (no flag, no variables, no $HOME).
std::filesystem::path index_location(const std::string& flag);

}  // namespace reviewlens::cli
