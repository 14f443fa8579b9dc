// `reviewlens status`: what the index holds and how the last ingest went,
// for people and for monitoring (--format json). Read-only: it works while
// an ingest is running (Xapian readers see the last commit).
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/index_location.h"
#include "cli/ingest_report.h"
#include "index/index_reader.h"

namespace reviewlens::cli {
namespace {

struct StatusArgs {
  std::string index;
  std::string format = "text";
};

nlohmann::json status_json(const index::IndexReader& reader, const std::string& dir) {
  int documents = 0, failed = 0;
  long pages = 0;
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& s : reader.sources()) {
    if (s.status == "failed") {
      ++failed;
      failures.push_back({{"file", s.path}, {"reason", s.reason}, {"message", s.message}, {"since", s.indexed_at}});
    } else {
      ++documents;
      pages += s.pages;
    }
  }
  index::IndexInfo info = reader.info();
  nlohmann::json last_run = nullptr;
  if (auto text = reader.run_metadata("last_run"); text && !text->empty())
    last_run = nlohmann::json::parse(*text, nullptr, false);
  return {
      {"index", dir},
      {"documents", documents},
      {"failed", failed},
      {"passages", reader.passage_count()},
      {"pages", pages},
      {"taxonomy", {{"version", info.taxonomy_version}, {"hash", info.taxonomy_hash}}},
      {"last_run", last_run.is_discarded() ? nlohmann::json(nullptr) : last_run},
      {"themes", reader.theme_counts()},  // passages per theme
      {"failures", failures},
  };
}

void print_text(const nlohmann::json& s) {
  std::cout << fmt::format("Index:      {}\n", s["index"].get<std::string>());
  std::cout << fmt::format("Documents:  {} indexed, {} failed\n", s["documents"].get<int>(), s["failed"].get<int>());
  std::cout << fmt::format("Passages:   {} (from {} pages)\n", s["passages"].get<long>(), s["pages"].get<long>());
  std::cout << fmt::format("Taxonomy:   version {}, hash {}\n", s["taxonomy"]["version"].get<std::string>(),
                           s["taxonomy"]["hash"].get<std::string>());
  if (s["last_run"].is_object()) {
    IngestReport r = ingest_report_from_json(s["last_run"]);
    std::cout << fmt::format("Last run:   {} ({} build, {:.1f} s, exit code {})\n", r.finished_at, r.mode,
                             r.seconds, r.exit_code());
    std::cout << fmt::format(
        "            {} indexed ({} added, {} changed), {} unchanged, {} touched, {} moved, {} removed, "
        "{} failed, {} retagged\n",
        r.indexed(), r.added, r.changed, r.unchanged, r.touched, r.moved, r.removed, r.failed, r.retagged);
  } else {
    std::cout << "Last run:   none recorded\n";
  }
  for (const auto& f : s["failures"])
    std::cout << fmt::format("Failed:     {}: {}: {}\n", f["file"].get<std::string>(),
                             f["reason"].get<std::string>(), f["message"].get<std::string>());
}

int run(const StatusArgs& args) {
  std::string dir = index_location(args.index).string();
  index::IndexReader reader(dir);
  nlohmann::json s = status_json(reader, dir);
  if (args.format == "json")
    std::cout << s.dump(2) << "\n";
  else
    print_text(s);
  return exit_code::kOk;
}

}  // namespace

Command add_status_command(CLI::App& app) {
  auto args = std::make_shared<StatusArgs>();
  CLI::App* sub = app.add_subcommand("status", "Show what the index holds and how the last ingest went");
  sub->footer("Exit codes: 0 success; 3 no index at the given path (run `reviewlens ingest`).");
  add_index_option(*sub, args->index);
  sub->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
