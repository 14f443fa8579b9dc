#include "cli/index_location.h"

#include <cstdlib>

#include "index/index_reader.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

std::filesystem::path index_location(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto dir = env("REVIEWLENS_INDEX"); !dir.empty()) return dir;
  std::filesystem::path data = env("XDG_DATA_HOME");
  if (data.empty()) {
    auto home = env("HOME");
    if (home.empty())
      throw FatalError("cannot find the index: pass --index DIR or set REVIEWLENS_INDEX");
    data = std::filesystem::path(home) / ".local" / "share";
  }
  return data / "reviewlens" / "index";
}

void add_index_option(CLI::App& sub, std::string& flag) {
  sub.add_option("--index", flag,
                 "Index folder (default $REVIEWLENS_INDEX, else $XDG_DATA_HOME/reviewlens/index)");
}

std::vector<std::string> index_theme_ids(const std::filesystem::path& dir) {
  std::vector<std::string> ids;
  for (const auto& [theme, group] : index::IndexReader(dir).info().theme_groups) ids.push_back(theme);
  return ids;
}

}  // namespace reviewlens::cli
