#include "corpus/content_hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

namespace reviewlens::corpus {

namespace {

constexpr std::size_t kChunk = 1 << 20;

std::string hex(XXH64_hash_t h) { return fmt::format("{:016x}", h); }

struct StateFree {
  void operator()(XXH64_state_t* s) const { XXH64_freeState(s); }
};

}  // namespace

std::string hash_bytes(std::string_view bytes) { return hex(XXH64(bytes.data(), bytes.size(), 0)); }

Expected<std::string> hash_file(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(ErrorCode::io, std::strerror(errno), file.string(), "hash");
  std::unique_ptr<XXH64_state_t, StateFree> state(XXH64_createState());
  XXH64_reset(state.get(), 0);
  std::vector<char> buf(kChunk);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return make_error(ErrorCode::io, why, file.string(), "hash");
    }
    if (n == 0) break;
    XXH64_update(state.get(), buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return hex(XXH64_digest(state.get()));
}

}  // namespace reviewlens::corpus
