// Shared by the ingest process tests: small fictional review PDFs, a
// background reviewlens process that can be SIGKILLed, and a comparable
// snapshot of an index read with the index module's reader.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "index/index_reader.h"
#include "tests/support/pdf_builder.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace reviewlens::testing::ingest {

namespace fs = std::filesystem;

// A two-page fictional review; `variant` changes the wording (so the bytes).
inline void make_review(const fs::path& path, const std::string& name, int variant = 0) {
  fs::create_directories(path.parent_path());
  PdfBuilder pdf;
  PdfMetadata meta;
  meta.title = name + " review";
  pdf.metadata(meta);
  const double x = 72;
  pdf.text(x, 80, "1. Introduction", {.size = 14, .bold = true});
  pdf.lines(x, 110,
            {fmt::format("1.1 This fictional review concerns {} and the family of the child.", name),
             "The practitioners met the family at home on several occasions.",
             fmt::format("Version note {} for this fictional document.", variant)});
  pdf.lines(x, 200,
            {"1.2 Police attended a report of domestic abuse between the adults in",
             "the household, and a MARAC referral was made the next week."});
  pdf.new_page();
  pdf.text(72, 80, "2. Findings", {.size = 14, .bold = true});
  pdf.lines(x, 110,
            {"2.1 Information sharing between the school and health visitors was",
             "slow, and the multi-agency meeting did not include the GP."});
  pdf.save(path);
}

inline nlohmann::json parse_json(const ProcessResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  return nlohmann::json::parse(r.out);
}

inline nlohmann::json ingest_json(const std::vector<std::string>& args, const ProcessOptions& opts = {},
                                  int* exit_code = nullptr) {
  std::vector<std::string> all{"ingest"};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back("--format");
  all.push_back("json");
  ProcessResult r = run_reviewlens(all, opts);
  if (exit_code) *exit_code = r.exit_code;
  return parse_json(r);
}

inline nlohmann::json status_json(const fs::path& index) {
  return parse_json(run_reviewlens({"status", "--index", index.string(), "--format", "json"}));
}

// Everything a search could see: per source its record and its passages.
struct SourceSnapshot {
  std::string doc_id, status, hash;
  std::vector<std::string> passages;  // "id|page|kind|text|themes"
  bool operator==(const SourceSnapshot&) const = default;
};
using IndexSnapshot = std::map<std::string, SourceSnapshot>;

inline IndexSnapshot snapshot(const fs::path& index) {
  index::IndexReader reader(index);
  IndexSnapshot out;
  for (const auto& s : reader.sources()) {
    SourceSnapshot snap{s.doc_id, s.status, s.content_hash, {}};
    if (auto doc = reader.load_document(s.path))
      for (const auto& p : doc->passages) {
        std::string themes;
        for (const auto& t : p.themes) themes += t + ",";
        snap.passages.push_back(fmt::format("{}|{}|{}|{}|{}", p.id, p.page, to_string(p.kind), p.text, themes));
      }
    out[s.path] = std::move(snap);
  }
  return out;
}

// A reviewlens process running in the background (output to files).
class Background {
 public:
  Background(const std::vector<std::string>& args, const std::vector<std::string>& env, const fs::path& log) {
    pid_ = fork();
    if (pid_ == 0) {
      FILE* out = std::fopen(log.c_str(), "w");
      if (out) {
        dup2(fileno(out), 1);
        dup2(fileno(out), 2);
      }
      for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> argv{const_cast<char*>(REVIEWLENS_BIN)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(REVIEWLENS_BIN, argv.data());
      _exit(127);
    }
  }
  ~Background() {
    if (pid_ > 0) kill_hard();
  }
  void kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  bool running() const {
    int status = 0;
    return pid_ > 0 && waitpid(pid_, &status, WNOHANG) == 0;
  }

 private:
  pid_t pid_ = -1;
};

// Polls `ready` every 50 ms, up to about 60 s (a wait, not a timing assertion).
template <class Pred>
bool wait_for(Pred ready) {
  for (int i = 0; i < 1200; ++i) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace reviewlens::testing::ingest
