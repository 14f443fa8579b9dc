// A list of RE2 sources, each compiled on first use. The rule engine keeps
// its slots' alternations and the span finder its alternatives (atoms) in
// these: most are phrases the span finder confirms without RE2, and
// compiling all of them up front was a third of the engine's start-up.
// Internal to the rule engine.
//
// Thread-safe: `get` may be called from many threads (std::call_once per
// entry). The engine has parsed every pattern already (RE2::Set::Add), so a
// compile can fail only on RE2's memory budget; such an RE2 matches
// nothing, as when the engine compiled them all up front.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace reviewlens::tagging {

// RE2's memory budget for every regex of the engine (RE2::Options::max_mem).
inline constexpr std::int64_t kEngineMemory = std::int64_t{256} << 20;

class LazyRegexes {
 public:
  LazyRegexes();
  ~LazyRegexes();
  LazyRegexes(LazyRegexes&&) noexcept;
  LazyRegexes& operator=(LazyRegexes&&) noexcept;

  void add(std::string regex);
  // Call after the last add and before the first get.
  void freeze();
  std::size_t size() const { return sources_.size(); }
  const re2::RE2& get(int index) const;

 private:
  std::vector<std::string> sources_;
  std::unique_ptr<std::once_flag[]> once_;
  mutable std::vector<std::unique_ptr<re2::RE2>> compiled_;
};

}  // namespace reviewlens::tagging
