#include "cli/index_generation.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace fs = std::filesystem;

namespace {

fs::path clean(const fs::path& index) {
  fs::path p = fs::absolute(index).lexically_normal();
  return p.has_filename() ? p : p.parent_path();
}

std::string stamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return fmt::format("{}-{}", buf, ::getpid());
}

// The generation folder `index` currently points to, if it is a symlink.
fs::path current_target(const fs::path& index) {
  std::error_code ec;
  if (!fs::is_symlink(index, ec)) return {};
  fs::path target = fs::read_symlink(index, ec);
  if (ec) return {};
  return target.is_absolute() ? target : index.parent_path() / target;
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0)
    throw FatalError(fmt::format("cannot rename {} to {}: {}", from.string(), to.string(),
                                 std::error_code(errno, std::generic_category()).message()));
}

}  // namespace

fs::path new_generation_dir(const fs::path& index) {
  fs::path p = clean(index);
  return p.parent_path() / (p.filename().string() + ".gen-" + stamp());
}

void remove_stale_generations(const fs::path& index) {
  fs::path p = clean(index);
  fs::path keep = current_target(p).lexically_normal();
  std::string prefix = p.filename().string() + ".gen-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(p.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.path().lexically_normal() == keep) continue;
    fs::remove_all(entry.path(), ec);
  }
}

void switch_generation(const fs::path& index, const fs::path& built) {
  fs::path p = clean(index);
  fs::path link = p.parent_path() / (p.filename().string() + ".switch-" + stamp());
  std::error_code ec;
  fs::create_symlink(built.filename(), link, ec);
  if (ec) throw FatalError(fmt::format("cannot create symlink {}: {}", link.string(), ec.message()));
  fs::path old = current_target(p);
  if (old.empty() && fs::exists(p, ec)) {
    // One-time conversion of a plain index directory into a generation.
    old = p.parent_path() / (p.filename().string() + ".old-" + stamp());
    rename_or_throw(p, old);
  }
  rename_or_throw(link, p);  // atomic for readers
  if (!old.empty() && old.lexically_normal() != built.lexically_normal()) fs::remove_all(old, ec);
}

}  // namespace reviewlens::cli
