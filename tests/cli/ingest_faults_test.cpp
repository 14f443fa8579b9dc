// A bad file costs only itself; a killed ingest loses nothing and duplicates
// nothing; two ingests never run on one index. Real processes, real signals.
#include <catch2/catch.hpp>

#include "tests/cli/ingest_fixture.h"

using namespace reviewlens::testing;
using namespace reviewlens::testing::ingest;
namespace fs = std::filesystem;

namespace {

ProcessOptions with_fault(const std::string& fault) {
  ProcessOptions o;
  o.env = {"REVIEWLENS_FAULT=" + fault};
  return o;
}

std::vector<std::string> failure_reasons(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["failures"])
    out.push_back(f["file"].get<std::string>() + ":" + f["reason"].get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("Ingest: crashing, hanging and fake PDFs fail alone, with reasons", "[cli][ingest][faults]") {
  TempDir tmp;
  fs::path dir = tmp / "corpus", index = tmp / "index";
  make_review(dir / "good.pdf", "Child Good");
  make_review(dir / "bad-one.pdf", "Child Bad");
  write_file(dir / "saved-page.pdf", "<!DOCTYPE html><html><body>moved</body></html>");
  std::vector<std::string> args{dir.string(), "--index", index.string(), "--jobs", "2", "--timeout", "2"};

  int code = -1;
  auto first = ingest_json(args, with_fault("crash:bad-one"), &code);
  CHECK(code == 1);
  CHECK(first["documents"]["added"] == 1);
  CHECK(first["documents"]["failed"] == 2);
  CHECK(failure_reasons(first) == std::vector<std::string>{"bad-one.pdf:crashed", "saved-page.pdf:not_pdf"});

  // Unchanged failures are not retried every night...
  auto second = ingest_json(args, with_fault("crash:bad-one"), &code);
  CHECK(code == 0);
  CHECK(second["documents"]["skipped_failed"] == 2);
  CHECK(second["documents"]["failed"] == 0);

  // ...unless asked; a hang is killed at the time limit and named.
  auto retry_args = args;
  retry_args.push_back("--retry-failed");
  auto third = ingest_json(retry_args, with_fault("hang:bad-one"), &code);
  CHECK(code == 1);
  CHECK(failure_reasons(third) == std::vector<std::string>{"bad-one.pdf:timeout", "saved-page.pdf:not_pdf"});

  auto status = status_json(index);
  CHECK(status["documents"] == 1);
  CHECK(status["failed"] == 2);
  CHECK(status["failures"].size() == 2);

  // Once it extracts, it is indexed.
  auto fixed = ingest_json(retry_args, {}, &code);
  CHECK(fixed["documents"]["changed"] == 1);
  CHECK(status_json(index)["documents"] == 2);
}

TEST_CASE("Ingest: a file that exhausts memory fails alone with memory_limit", "[cli][ingest][faults]") {
  // Through the real binary, whatever allocator it links: an allocator whose
  // operator new cannot throw must still end in memory_limit, not crashed.
  TempDir tmp;
  fs::path dir = tmp / "corpus", index = tmp / "index";
  make_review(dir / "good-a.pdf", "Child A");
  make_review(dir / "greedy.pdf", "Child G");
  make_review(dir / "good-b.pdf", "Child B");
  std::vector<std::string> args{dir.string(), "--index", index.string(), "--jobs", "1",
                                "--memory-limit", "768"};
  int code = -1;
  auto report = ingest_json(args, with_fault("alloc:greedy"), &code);
  CHECK(code == 1);
  CHECK(report["documents"]["added"] == 2);
  CHECK(failure_reasons(report) == std::vector<std::string>{"greedy.pdf:memory_limit"});
}

TEST_CASE("Ingest: a second ingest on the same index exits 4 at once", "[cli][ingest][lock]") {
  TempDir tmp;
  fs::path dir = tmp / "corpus", index = tmp / "index";
  make_review(dir / "a.pdf", "Child A");
  make_review(dir / "hold.pdf", "Child H");
  // The first run hangs on hold.pdf (for up to 60 s) and keeps the lock.
  Background first({"ingest", dir.string(), "--index", index.string(), "--jobs", "1", "--timeout", "60"},
                   {"REVIEWLENS_FAULT=hang:hold"}, tmp / "first.log");
  REQUIRE(wait_for([&] { return fs::exists(index.string() + ".lock") && fs::file_size(index.string() + ".lock") > 0; }));

  ProcessResult second = run_reviewlens({"ingest", dir.string(), "--index", index.string()});
  CHECK(second.exit_code == 4);
  CHECK(second.err.find("another ingest is running") != std::string::npos);

  // Readers keep working while the writer runs.
  REQUIRE(wait_for([&] { return run_reviewlens({"status", "--index", index.string()}).exit_code == 0; }));

  // Killed with SIGKILL while its child hangs: the lock must not outlive it.
  first.kill_hard();
  int code = -1;
  REQUIRE(wait_for([&] {
    code = run_reviewlens({"ingest", dir.string(), "--index", index.string(), "--quiet"}).exit_code;
    return code != 4;
  }));
  CHECK(code == 0);
  CHECK(status_json(index)["documents"] == 2);
}

TEST_CASE("Ingest: kill -9 at any point, then a rerun, equals a clean build", "[cli][ingest][crash]") {
  TempDir tmp;
  fs::path dir = tmp / "corpus", index = tmp / "index", clean = tmp / "clean";
  for (int i = 0; i < 8; ++i) make_review(dir / fmt::format("doc-{}.pdf", i), fmt::format("Child {}", i), i);
  make_review(dir / "zz-late.pdf", "Child Late");  // extracted last; hangs to hold the run open
  ingest_json({dir.string(), "--index", clean.string(), "--jobs", "1"});
  const IndexSnapshot expected = snapshot(clean);
  REQUIRE(expected.size() == 9);

  // Kill after k committed documents, for several k; commits every 2 documents.
  for (int k : {1, 3, 5, 8}) {
    DYNAMIC_SECTION("killed after " << k << " documents") {
      Background run({"ingest", dir.string(), "--index", index.string(), "--jobs", "1", "--commit-every", "2",
                      "--timeout", "60"},
                     {"REVIEWLENS_FAULT=hang:zz-late"}, tmp / "run.log");
      REQUIRE(wait_for([&] {
        if (!fs::exists(index)) return false;
        ProcessResult s = run_reviewlens({"status", "--index", index.string(), "--format", "json"});
        return s.exit_code == 0 && nlohmann::json::parse(s.out)["documents"].get<int>() >= k;
      }));
      run.kill_hard();
      int code = -1;
      REQUIRE(wait_for([&] {
        code = run_reviewlens({"ingest", dir.string(), "--index", index.string(), "--quiet"}).exit_code;
        return code != 4;  // the watchdog may need a moment to reap the hung child
      }));
      CHECK(code == 0);
      CHECK(snapshot(index) == expected);
      CHECK(status_json(index)["passages"] == status_json(clean)["passages"]);  // no duplicates
      fs::remove_all(index);
    }
  }
}
