#include "corpus/source_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace reviewlens::corpus {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSniffBytes = 1024;

enum class Sniff { pdf, not_pdf, empty, unreadable };

struct Sniffed {
  Sniff kind;
  std::string message;
};

Sniffed sniff(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {Sniff::unreadable, std::strerror(errno)};
  char buf[kSniffBytes];
  std::size_t got = 0;
  while (got < sizeof buf) {
    ssize_t n = ::read(fd, buf + got, sizeof buf - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return {Sniff::unreadable, why};
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got == 0) return {Sniff::empty, "zero bytes"};
  if (has_pdf_signature(std::string_view(buf, got))) return {Sniff::pdf, {}};
  return {Sniff::not_pdf, "no %PDF- header in the first 1024 bytes"};
}

bool named_pdf(const fs::path& name) {
  std::string ext = name.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

std::int64_t mtime_ns_of(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

class Walker {
 public:
  Walker(WalkResult& out, const KnownPdf& known) : out_(out), known_(known) {}

  // readdir and fstatat relative to the open folder: a path iterator and a
  // stat of the whole path per entry were most of a no-change ingest's walk.
  void walk_dir(const fs::path& dir, const std::string& rel) {
    DIR* handle = ::opendir(dir.c_str());
    if (!handle) return;
    struct stat st {};
    if (::fstat(::dirfd(handle), &st) != 0 || !visited_.insert({st.st_dev, st.st_ino}).second) {
      ::closedir(handle);  // symlink loop or repeat
      return;
    }
    while (const struct dirent* entry = ::readdir(handle)) {
      const char* name = entry->d_name;
      if (name[0] == '\0' || name[0] == '.') continue;  // hidden, "." and ".."
      visit(::dirfd(handle), dir, name, rel.empty() ? std::string(name) : rel + "/" + name);
    }
    ::closedir(handle);
  }

 private:
  void visit(int dir_fd, const fs::path& dir, const char* name, const std::string& rel) {
    const fs::path entry = dir / name;
    struct stat st {};
    if (::fstatat(dir_fd, name, &st, 0) != 0) {  // dangling symlink or vanished
      if (named_pdf(entry)) reject(entry, rel, st, ErrorCode::io, std::strerror(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) return walk_dir(entry, rel);
    if (!S_ISREG(st.st_mode)) return;
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const std::int64_t mtime = mtime_ns_of(st);
    if (known_ && known_(rel, size, mtime)) {
      out_.files.push_back({rel, entry, size, mtime, {}});
      return;
    }
    Sniffed s = sniff(entry);
    if (s.kind == Sniff::pdf) {
      out_.files.push_back({rel, entry, size, mtime, {}});
    } else if (!named_pdf(entry)) {
      ++out_.ignored;
    } else if (s.kind == Sniff::empty) {
      reject(entry, rel, st, ErrorCode::empty, s.message);
    } else if (s.kind == Sniff::unreadable) {
      reject(entry, rel, st, ErrorCode::io, s.message);
    } else {
      reject(entry, rel, st, ErrorCode::not_pdf, s.message);
    }
  }

  void reject(const fs::path& entry, const std::string& rel, const struct stat& st, ErrorCode code,
              std::string message) {
    Error error{code, std::move(message), rel, 0, "walk"};
    out_.files.push_back({rel, entry, static_cast<std::uint64_t>(st.st_size), mtime_ns_of(st), error});
  }

  WalkResult& out_;
  const KnownPdf& known_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

bool has_pdf_signature(std::string_view head) {
  return head.substr(0, kSniffBytes).find("%PDF-") != std::string_view::npos;
}

std::optional<Error> root_problem(const fs::path& root) {
  std::error_code ec;
  if (fs::is_directory(root, ec)) return std::nullopt;
  return Error{ErrorCode::io, fmt::format("corpus folder {} is not a readable directory", root.string()),
               root.string(), 0, "walk"};
}

Expected<WalkResult> walk_sources(const fs::path& root, const KnownPdf& known) {
  if (auto problem = root_problem(root)) return std::unexpected(*problem);
  WalkResult out;
  Walker(out, known).walk_dir(root, "");
  std::sort(out.files.begin(), out.files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace reviewlens::corpus
