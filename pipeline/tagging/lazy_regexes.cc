#include "pipeline/tagging/lazy_regexes.h"

#include <re2/re2.h>

namespace reviewlens::tagging {

LazyRegexes::LazyRegexes() = default;
LazyRegexes::~LazyRegexes() = default;
LazyRegexes::LazyRegexes(LazyRegexes&&) noexcept = default;
LazyRegexes& LazyRegexes::operator=(LazyRegexes&&) noexcept = default;

void LazyRegexes::add(std::string regex) { sources_.push_back(std::move(regex)); }

void LazyRegexes::freeze() {
  once_ = std::make_unique<std::once_flag[]>(sources_.size());
  compiled_.resize(sources_.size());
}

const RE2& LazyRegexes::get(int index) const {
  std::call_once(once_[index], [&] {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kEngineMemory);
    compiled_[index] = std::make_unique<RE2>(sources_[index], options);
  });
  return *compiled_[index];
}

}  // namespace reviewlens::tagging
