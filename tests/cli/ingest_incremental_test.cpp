// `reviewlens ingest` on real PDFs and a real index: what each kind of
// corpus change costs and leaves behind. Extraction is proven NOT to happen
// where it must not by arming the fault switch to crash every extraction.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/cli/ingest_fixture.h"

using namespace reviewlens::testing;
using namespace reviewlens::testing::ingest;
namespace fs = std::filesystem;

namespace {

struct Corpus {
  TempDir tmp;
  fs::path dir = tmp / "corpus";
  fs::path index = tmp / "index";

  Corpus() {
    make_review(dir / "alpha.pdf", "Child Alpha");
    make_review(dir / "beta.pdf", "Child Beta");
    make_review(dir / "2021" / "gamma.pdf", "Child Gamma");
    write_file(dir / "alpha.pdf.json", R"({"year": 2021})");
    write_file(dir / "notes.txt", "not a review");
  }
  nlohmann::json ingest(const std::vector<std::string>& extra = {}, const ProcessOptions& opts = {},
                        int* code = nullptr) {
    std::vector<std::string> args{dir.string(), "--index", index.string(), "--jobs", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ingest_json(args, opts, code);
  }
  // Any extraction in a run with this environment crashes and is reported.
  ProcessOptions no_extraction() const {
    ProcessOptions o;
    o.env = {"REVIEWLENS_FAULT=crash:" + dir.string()};
    return o;
  }
};

void set_mtime(const fs::path& file, std::chrono::seconds later) {
  fs::last_write_time(file, fs::last_write_time(file) + later);
}

}  // namespace

TEST_CASE("Ingest: first run adds every PDF, second run changes nothing", "[cli][ingest]") {
  Corpus c;
  int code = -1;
  auto first = c.ingest({}, {}, &code);
  CHECK(code == 0);
  CHECK(first["documents"]["added"] == 3);
  CHECK(first["documents"]["indexed"] == 3);
  CHECK(first["documents"]["failed"] == 0);
  CHECK(first["pages"] == 6);
  CHECK(first["passages"].get<int>() > 0);

  auto second = c.ingest({}, c.no_extraction(), &code);
  CHECK(code == 0);
  CHECK(second["documents"]["unchanged"] == 3);
  CHECK(second["documents"]["indexed"] == 0);
  CHECK(second["documents"]["failed"] == 0);

  auto status = status_json(c.index);
  CHECK(status["documents"] == 3);
  CHECK(status["passages"] == first["passages"]);
  CHECK(status["last_run"]["documents"]["unchanged"] == 3);
  auto snap = snapshot(c.index);
  REQUIRE(snap.count("2021/gamma.pdf"));
  CHECK(snap["2021/gamma.pdf"].doc_id == "2021/gamma");
  CHECK(snap["alpha.pdf"].doc_id == "alpha");
}

TEST_CASE("Ingest: a touched file costs a hash, not an extraction", "[cli][ingest]") {
  Corpus c;
  c.ingest();
  auto before = snapshot(c.index);
  set_mtime(c.dir / "beta.pdf", std::chrono::seconds(60));

  int code = -1;
  auto report = c.ingest({}, c.no_extraction(), &code);
  CHECK(code == 0);
  CHECK(report["documents"]["touched"] == 1);
  CHECK(report["documents"]["unchanged"] == 2);
  CHECK(report["documents"]["indexed"] == 0);
  CHECK(report["documents"]["failed"] == 0);
  CHECK(snapshot(c.index) == before);
  // The record learnt the new mtime: the next run does not hash it again.
  auto again = c.ingest({}, c.no_extraction());
  CHECK(again["documents"]["unchanged"] == 3);
}

TEST_CASE("Ingest: changed, removed and moved files", "[cli][ingest]") {
  Corpus c;
  c.ingest();
  auto before = snapshot(c.index);
  make_review(c.dir / "alpha.pdf", "Child Alpha", 2);  // new bytes
  fs::remove(c.dir / "beta.pdf");
  fs::create_directories(c.dir / "2022");
  fs::rename(c.dir / "2021" / "gamma.pdf", c.dir / "2022" / "gamma.pdf");

  int code = -1;
  auto report = c.ingest({}, {}, &code);
  CHECK(code == 0);
  CHECK(report["documents"]["changed"] == 1);
  CHECK(report["documents"]["removed"] == 1);
  CHECK(report["documents"]["moved"] == 1);
  CHECK(report["documents"]["added"] == 0);

  auto after = snapshot(c.index);
  CHECK(after.size() == 2);
  CHECK_FALSE(after.count("beta.pdf"));
  REQUIRE(after.count("2022/gamma.pdf"));
  CHECK(after["2022/gamma.pdf"].doc_id == "2022/gamma");
  CHECK(after["alpha.pdf"].hash != before["alpha.pdf"].hash);
  CHECK(status_json(c.index)["documents"] == 2);

  // The incremental result equals a clean build of the same folder.
  TempDir other;
  ingest_json({c.dir.string(), "--index", (other / "index").string()});
  CHECK(snapshot(other / "index") == after);
}

TEST_CASE("Ingest: a taxonomy change re-tags stored passages without extraction", "[cli][ingest]") {
  Corpus c;
  c.ingest();
  auto tagged = status_json(c.index);
  REQUIRE(tagged["themes"].value("domestic_abuse", 0) > 0);

  // A copy of the bundled taxonomy whose domestic abuse rules match nothing.
  std::string yaml = read_file(source_path("pipeline/tagging/default_taxonomy.yaml"));
  auto start = yaml.find("  - id: domestic_abuse\n");
  auto end = yaml.find("  - id: risks_outside_family\n");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::string theme = yaml.substr(start, end - start);
  auto rules = theme.find("    rules:\n");
  REQUIRE(rules != std::string::npos);
  theme = theme.substr(0, rules) +
          "    rules:\n      - id: never\n        phrases: [zqxj fictional phrase]\n\n";
  yaml = yaml.substr(0, start) + theme + yaml.substr(end);
  write_file(c.tmp / "taxonomy.yaml", yaml);

  int code = -1;
  auto report = c.ingest({"--taxonomy", (c.tmp / "taxonomy.yaml").string()}, c.no_extraction(), &code);
  CHECK(code == 0);
  CHECK(report["documents"]["retagged"] == 3);
  CHECK(report["documents"]["indexed"] == 0);
  CHECK(report["taxonomy"]["changed"] == true);
  auto retagged = status_json(c.index);
  CHECK(retagged["themes"].value("domestic_abuse", 0) == 0);
  CHECK(retagged["themes"].value("information_sharing", 0) == tagged["themes"].value("information_sharing", 0));
  CHECK(retagged["taxonomy"]["hash"] != tagged["taxonomy"]["hash"]);

  // Same taxonomy again: nothing to re-tag. Back to the bundled one: re-tagged back.
  auto same = c.ingest({"--taxonomy", (c.tmp / "taxonomy.yaml").string()}, c.no_extraction());
  CHECK(same["documents"]["retagged"] == 0);
  auto back = c.ingest({}, c.no_extraction());
  CHECK(back["documents"]["retagged"] == 3);
  CHECK(status_json(c.index)["themes"] == tagged["themes"]);
}

TEST_CASE("Ingest: a validated taxonomy keeps its version on reruns, however it is written", "[cli][ingest]") {
  // Reruns take the version from a plain `version:` line instead of parsing
  // the file; anything less plain goes to the YAML parser. Same answer.
  const std::string yaml = read_file(source_path("pipeline/tagging/default_taxonomy.yaml"));
  // The bundled file's own version line, whatever version it holds.
  const auto at = yaml.find("\nversion: \"") + 1;
  REQUIRE(at != 0);
  const auto line_length = yaml.find('\n', at) - at;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"version: \"2031.7\"", "2031.7"},      {"version: '2031.8'", "2031.8"},
      {"version: 2031.9   ", "2031.9"},        {"version: 2032.1 # comment", "2032.1"},
      {"version: \"2032 \\\"b\\\"\"", "2032 \"b\""}};
  for (const auto& [line, version] : cases) {
    Corpus c;
    std::string edited = yaml;
    edited.replace(at, line_length, line);
    write_file(c.tmp / "taxonomy.yaml", edited);
    const std::vector<std::string> args{"--taxonomy", (c.tmp / "taxonomy.yaml").string()};
    CHECK(c.ingest(args)["taxonomy"]["version"] == version);
    auto rerun = c.ingest(args, c.no_extraction());
    CHECK(rerun["taxonomy"]["version"] == version);
    CHECK(rerun["taxonomy"]["changed"] == false);
    CHECK(status_json(c.index)["taxonomy"]["version"] == version);
  }
}

TEST_CASE("Ingest: an invalid taxonomy is exit 2 before any work", "[cli][ingest]") {
  Corpus c;
  write_file(c.tmp / "bad.yaml", "version: 1\nthemes:\n  - id: not_a_theme\n");
  ProcessResult r = run_reviewlens(
      {"ingest", c.dir.string(), "--index", c.index.string(), "--taxonomy", (c.tmp / "bad.yaml").string()});
  CHECK(r.exit_code == 2);
  CHECK_FALSE(fs::exists(c.index));
}

TEST_CASE("Ingest: --full rebuilds into a new generation and switches atomically", "[cli][ingest]") {
  Corpus c;
  c.ingest();
  auto incremental = snapshot(c.index);
  int code = -1;
  auto report = c.ingest({"--full"}, {}, &code);
  CHECK(code == 0);
  CHECK(report["mode"] == "full");
  CHECK(report["documents"]["added"] == 3);
  CHECK(fs::is_symlink(c.index));
  CHECK(snapshot(c.index) == incremental);
  auto first_generation = fs::read_symlink(c.index);

  c.ingest({"--full"});
  CHECK(fs::read_symlink(c.index) != first_generation);
  CHECK_FALSE(fs::exists(c.tmp.path() / first_generation));  // old generation removed
  int generations = 0;
  for (const auto& e : fs::directory_iterator(c.tmp.path()))
    generations += e.path().filename().string().rfind("index.gen-", 0) == 0;
  CHECK(generations == 1);
  // Incremental runs work through the symlink.
  auto after = c.ingest({}, c.no_extraction());
  CHECK(after["documents"]["unchanged"] == 3);
}

TEST_CASE("Ingest: a corpus folder that does not exist is exit 2 and creates no index", "[cli][ingest]") {
  TempDir tmp;
  const fs::path index = tmp / "index";
  ProcessResult r = run_reviewlens({"ingest", (tmp / "no-such-corpus").string(), "--index", index.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no-such-corpus") != std::string::npos);
  CHECK_FALSE(fs::exists(index));
}
