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
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "extractors/isolated_child.h"

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

Expected<Document> read_answer(const std::string& output, const std::filesystem::path& file) {
  try {
    const auto j = nlohmann::json::parse(output);
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

}  // namespace

void run_child(int fd, const std::filesystem::path& file, const ParallelOptions& options) {
  // _exit everywhere: the parent's atexit handlers and unflushed stdio
  // buffers belong to the parent and must not run or print twice.
  // Die with the parent. A child stuck in a hostile PDF must not outlive a
  // killed ingest: it shares the parent's open file descriptions, including
  // the index's lock, and would keep every later nightly run locked out.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) ::_exit(kExitOrphaned);  // the parent died before prctl
  limit_memory(options.limits.memory_mb);
  try {
    apply_test_fault(file);
    Expected<Document> result = extract_document(file, options.extract);
    if (result && options.post_process) {
      try {
        options.post_process(*result);
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception& e) {
        result = make_error(ErrorCode::internal, fmt::format("post-processing: {}", e.what()),
                            file.string(), "post_process");
      }
    }
    const std::string out =
        wire_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    write_all(fd, out);
  } catch (const std::bad_alloc&) {
    ::_exit(kExitOutOfMemory);
  } catch (const std::exception& e) {
    write_all(fd, wire_json(make_error(ErrorCode::internal, e.what(), file.string(), "extract"))
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  } catch (...) {
    write_all(fd, wire_json(make_error(ErrorCode::internal, "unknown exception", file.string(),
                                       "extract")).dump());
  }
  ::close(fd);
  ::_exit(0);
}

Expected<Document> interpret(int status, const std::string& output, bool timed_out,
                             const std::filesystem::path& file, const IsolationLimits& limits) {
  const std::string name = file.string();
  if (timed_out)
    return make_error(ErrorCode::timeout,
                      fmt::format("extraction took longer than {} s and was stopped",
                                  limits.timeout.count() / 1000.0),
                      name, "extract");
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    std::string message = fmt::format("extraction process killed by {}", signal_name(sig));
    if (sig == SIGKILL) message += "; the system may have run out of memory";
    return make_error(ErrorCode::crashed, message, name, "extract");
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == kExitOutOfMemory)
    return make_error(ErrorCode::memory_limit,
                      fmt::format("extraction needed more than the {} MB memory limit", limits.memory_mb),
                      name, "extract");
  if (code != 0)
    return make_error(ErrorCode::crashed,
                      fmt::format("extraction process exited with status {}", code), name, "extract");
  return read_answer(output, file);
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
