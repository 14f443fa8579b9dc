#include "extractors/isolated_extract.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "extractors/isolated_child.h"

// mimalloc's error hook, when the binary links mimalloc (cli/CMakeLists.txt);
// null otherwise. Its operator new is C and cannot throw std::bad_alloc: out
// of memory it aborts, which would read "crashed" instead of "memory_limit".
extern "C" void mi_register_error(void (*handler)(int error, void* arg), void* arg)
    __attribute__((weak));

namespace reviewlens::extractors::isolation {
namespace {

// The wire format child -> parent: {"document": {...}} or {"error": {...}}.
// Unlike the public JSON it keeps sentence spans and tag evidence, so the
// Document arrives exactly as the child built it.
nlohmann::json wire_json(const Expected<Document>& result) {
  if (!result) {
    const Error& e = result.error();
    return {{"error",
             {{"code", to_string(e.code)}, {"message", e.message}, {"file", e.file},
              {"page", e.page}, {"stage", e.stage}}}};
  }
  nlohmann::json doc = to_json(*result, TagFields::include);
  for (std::size_t i = 0; i < result->passages.size(); ++i) {
    auto spans = nlohmann::json::array();
    for (const auto& s : result->passages[i].sentences) spans.push_back({s.start, s.end});
    doc["passages"][i]["sentences"] = std::move(spans);
  }
  return {{"document", std::move(doc)}};
}

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone: nobody to tell
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void limit_memory(std::size_t memory_mb) {
  if (memory_mb == 0) return;
  const rlim_t bytes = static_cast<rlim_t>(memory_mb) << 20;
  rlimit limit{bytes, bytes};
  ::setrlimit(RLIMIT_AS, &limit);
}

void exit_on_out_of_memory(int error, void*) {
  if (error == ENOMEM) ::_exit(kExitOutOfMemory);
}

// TEST-ONLY fault switch (see isolated_extract.h): REVIEWLENS_FAULT=kind:SUBSTR.
void apply_test_fault(const std::filesystem::path& file) {
  const char* fault = std::getenv("REVIEWLENS_FAULT");
  if (fault == nullptr) return;
  std::string_view spec(fault);
  const auto colon = spec.find(':');
  if (colon == std::string_view::npos || colon + 1 == spec.size()) return;
  const std::string_view kind = spec.substr(0, colon);
  if (file.string().find(spec.substr(colon + 1)) == std::string::npos) return;
  if (kind == "hang") {
    for (;;) ::pause();
  } else if (kind == "crash") {
    ::raise(SIGSEGV);
  } else if (kind == "alloc") {
    // Keeps every block reachable and touched so the allocations cannot be
    // optimised away; only the address-space limit stops it.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (;;) {
      blocks.emplace_back(new char[64u << 20]);
      blocks.back()[0] = static_cast<char>(blocks.size());
    }
  }
}

std::string signal_name(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  const char* text = ::sigdescr_np(sig);
  return fmt::format("SIG{} ({})", abbrev ? abbrev : std::to_string(sig).c_str(),
                     text ? text : "unknown signal");
}

Expected<Document> read_answer(std::string_view json, const std::filesystem::path& file) {
  try {
    const auto j = nlohmann::json::parse(json);
    if (auto it = j.find("document"); it != j.end()) return document_from_json(*it);
    const auto& e = j.at("error");
    Error error{error_code_from(e.at("code").get<std::string>()), e.value("message", ""),
                e.value("file", file.string()), e.value("page", 0), e.value("stage", "extract")};
    if (error.file.empty()) error.file = file.string();
    return std::unexpected(std::move(error));
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCode::internal,
                      fmt::format("unreadable answer from the extraction process: {}", e.what()),
                      file.string(), "extract");
  }
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The answer's frame gives both lengths, so the payload can be arbitrary
// bytes and the parent knows where one answer ends.
void write_answer(int fd, const std::string& json, const std::string& payload) {
  std::string out = fmt::format("{} {} ", json.size(), payload.size());
  out.reserve(out.size() + json.size() + payload.size());
  out += json;
  out += payload;
  write_all(fd, out);
}

// Reads a decimal number followed by one space at `pos`; false if absent.
bool read_length(std::string_view text, std::size_t& pos, std::size_t& value) {
  const std::size_t start = pos;
  value = 0;
  while (pos < text.size() && pos - start < 20 && text[pos] >= '0' && text[pos] <= '9')
    value = value * 10 + static_cast<std::size_t>(text[pos++] - '0');
  if (pos == start || pos >= text.size() || text[pos] != ' ') return false;
  ++pos;
  return true;
}

// Reads one request, "<length> <path>", from the parent; nullopt at EOF
// (the parent retired this worker or is gone). `buffer` keeps what was read
// past it: the parent sends the next request before this one is answered.
std::optional<std::filesystem::path> read_request(int fd, std::string& buffer) {
  char chunk[4096];
  for (;;) {
    std::size_t pos = 0, length = 0;
    if (read_length(buffer, pos, length) && buffer.size() - pos >= length) {
      std::filesystem::path file(buffer.substr(pos, length));
      buffer.erase(0, pos + length);
      return file;
    }
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

// The child's work after extraction: post-processing, then the payload.
// Either may throw; a non-memory exception becomes the document's error.
void finish_in_child(Expected<Document>& result, std::string& payload,
                     const ParallelOptions& options, const std::filesystem::path& file) {
  if (!result || (!options.post_process && !options.payload)) return;
  bool encoding = false;
  try {
    if (options.post_process) options.post_process(*result);
    encoding = true;
    if (options.payload) payload = options.payload(*result);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    payload.clear();
    result = make_error(ErrorCode::internal,
                        fmt::format("{}: {}", encoding ? "encoding" : "post-processing", e.what()),
                        file.string(), encoding ? "payload" : "post_process");
  }
}

void answer_one(int fd, const std::filesystem::path& file, const ParallelOptions& options) {
  try {
    apply_test_fault(file);
    Expected<Document> result = extract_document(file, options.extract);
    std::string payload;
    finish_in_child(result, payload, options, file);
    write_answer(fd, dump(wire_json(result)), payload);
  } catch (const std::bad_alloc&) {
    ::_exit(kExitOutOfMemory);  // the heap may be unusable: this worker ends here
  } catch (const std::exception& e) {
    write_answer(fd, dump(wire_json(make_error(ErrorCode::internal, e.what(), file.string(), "extract"))),
                 {});
  } catch (...) {
    write_answer(fd,
                 dump(wire_json(make_error(ErrorCode::internal, "unknown exception", file.string(),
                                           "extract"))),
                 {});
  }
}

}  // namespace

void run_worker(int fd, const ParallelOptions& options) {
  // _exit everywhere: the parent's atexit handlers and unflushed stdio
  // buffers belong to the parent and must not run or print twice.
  // Die with the parent. A worker stuck in a hostile PDF must not outlive a
  // killed ingest: it shares the parent's open file descriptions, including
  // the index's lock, and would keep every later nightly run locked out.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) ::_exit(kExitOrphaned);  // the parent died before prctl
  limit_memory(options.limits.memory_mb);
  if (mi_register_error != nullptr) mi_register_error(exit_on_out_of_memory, nullptr);
  std::string requests;
  while (auto file = read_request(fd, requests)) answer_one(fd, *file, options);
  ::close(fd);
  ::_exit(0);
}

std::string request(const std::filesystem::path& file) {
  const std::string path = file.string();
  return fmt::format("{} {}", path.size(), path);
}

std::size_t answer_length(std::string_view output) {
  std::size_t pos = 0, json = 0, payload = 0;
  if (!read_length(output, pos, json) || !read_length(output, pos, payload)) return 0;
  return output.size() - pos >= json + payload ? pos + json + payload : 0;
}

namespace {

// The reasons a worker ended without an answer; nullopt when it exited 0.
std::optional<Error> failure_of(int status, bool timed_out, const std::string& name,
                                const IsolationLimits& limits) {
  if (timed_out)
    return make_error(ErrorCode::timeout,
                      fmt::format("extraction took longer than {} s and was stopped",
                                  limits.timeout.count() / 1000.0),
                      name, "extract").error();
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    std::string message = fmt::format("extraction process killed by {}", signal_name(sig));
    if (sig == SIGKILL) message += "; the system may have run out of memory";
    return make_error(ErrorCode::crashed, message, name, "extract").error();
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == kExitOutOfMemory)
    return make_error(ErrorCode::memory_limit,
                      fmt::format("extraction needed more than the {} MB memory limit", limits.memory_mb),
                      name, "extract").error();
  if (code != 0)
    return make_error(ErrorCode::crashed,
                      fmt::format("extraction process exited with status {}", code), name, "extract")
        .error();
  return std::nullopt;
}

}  // namespace

ExtractResult interpret(int status, std::string output, bool timed_out,
                        const std::filesystem::path& file, const IsolationLimits& limits) {
  ExtractResult out{file, make_error(ErrorCode::internal, "", file.string(), "extract"), {}};
  if (auto failure = failure_of(status, timed_out, file.string(), limits)) {
    out.document = std::unexpected(std::move(*failure));
    return out;
  }
  std::size_t pos = 0, json = 0, payload = 0;
  if (answer_length(output) == 0 || !read_length(output, pos, json) ||
      !read_length(output, pos, payload)) {
    out.document = make_error(ErrorCode::internal, "incomplete answer from the extraction process",
                              file.string(), "extract");
    return out;
  }
  out.document = read_answer(std::string_view(output).substr(pos, json), file);
  if (out.document) out.payload = output.substr(pos + json, payload);
  return out;
}

}  // namespace reviewlens::extractors::isolation

namespace reviewlens::extractors {

Expected<Document> extract_isolated(const std::filesystem::path& file, const ExtractOptions& options,
                                    const IsolationLimits& limits, const PostProcess& post_process) {
  ParallelExtractor pool(ParallelOptions{options, limits, 1, post_process});
  pool.submit(file);
  std::optional<Expected<Document>> result;
  pool.drain([&](ExtractResult&& r) { result.emplace(std::move(r.document)); });
  return std::move(*result);
}

}  // namespace reviewlens::extractors
