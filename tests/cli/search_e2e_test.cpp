// End to end: ingest corpus/sample with the real binary into a temporary
// index, then check `search` and `show` against corpus/sample/expected.json
// (hand-worked) and against counts made independently from `reviewlens
// extract` + `reviewlens tag` output.
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using nlohmann::json;
using namespace reviewlens::testing;
namespace fs = std::filesystem;

namespace {

struct Corpus {
  TempDir tmp;
  fs::path root = tmp / "corpus";
  fs::path index = tmp / "index";
  json expected;

  Corpus() {
    fs::copy(source_path("corpus/sample"), root, fs::copy_options::recursive);
    expected = json::parse(read_file(root / "expected.json"));
    auto r = run_reviewlens({"ingest", root.string(), "--index", index.string(), "-j", "2", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  json run_json(std::vector<std::string> args) const {
    args.insert(args.end(), {"--index", index.string(), "--format", "json"});
    auto r = run_reviewlens(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  json search(std::vector<std::string> args) const {
    args.insert(args.begin(), "search");
    return run_json(args);
  }
};

const Corpus& corpus() {
  static const Corpus c;  // one ingest for the whole file
  return c;
}

bool simple_word(const std::string& w) {
  if (w.empty()) return false;
  for (unsigned char c : w)
    if (!std::isalnum(c)) return false;
  return true;
}

// The longest run of plain words in an anchor's text prefix (the last word
// may be cut), as a quoted phrase query.
std::string phrase_for(const std::string& prefix) {
  std::istringstream in(prefix);
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.pop_back();
    words.push_back(w);
  }
  if (!words.empty()) words.pop_back();
  std::vector<std::string> best, run;
  for (const auto& w : words) {
    if (simple_word(w)) run.push_back(w); else run.clear();
    if (run.size() > best.size()) best = run;
  }
  if (best.size() > 8) best.resize(8);
  std::string q = "\"";
  for (const auto& w : best) q += (q.size() > 1 ? " " : "") + w;
  return best.size() >= 3 ? q + "\"" : "";
}

}  // namespace

TEST_CASE("search e2e: anchor passages are found with their page and paragraph", "[cli][e2e]") {
  const auto& c = corpus();
  int checked = 0;
  for (const auto& anchor : c.expected["anchors"]) {
    std::string q = phrase_for(anchor["text_prefix"].get<std::string>());
    if (q.empty()) continue;
    ++checked;
    auto result = c.search({q, "--limit", "50"});
    const json* found = nullptr;
    for (const auto& hit : result["hits"])
      if (hit["file"] == anchor["file"]) found = &hit;
    INFO(anchor["file"].get<std::string>() << " " << q);
    REQUIRE(found != nullptr);
    CHECK((*found)["page"] == anchor["page"]);
    CHECK((*found)["para"] == anchor["para"]);
    CHECK((*found)["kind"] == anchor["kind"]);
  }
  CHECK(checked >= 40);
}

TEST_CASE("search e2e: running headers and footers find nothing", "[cli][e2e]") {
  const auto& c = corpus();
  for (const auto& f : c.expected["furniture"]) {
    std::string q = "\"" + f["text"].get<std::string>() + "\"";
    INFO(q);
    CHECK(c.search({q})["total"] == 0);
  }
}

TEST_CASE("search e2e: facets equal counts from extract + tag", "[cli][e2e]") {
  const auto& c = corpus();
  std::vector<std::string> args{"extract"};
  for (const auto& d : c.expected["documents"]) args.push_back((c.root / d["file"].get<std::string>()).string());
  auto extracted = run_reviewlens(args);
  REQUIRE(extracted.exit_code == 0);

  std::map<std::string, json> docs;  // file name -> extracted document
  std::string tag_input;
  std::istringstream lines(extracted.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto d = json::parse(line);
    for (const auto& p : d["passages"])
      tag_input += json{{"id", p["id"]}, {"text", p["text"]}, {"kind", p["kind"]},
                        {"heading", p["heading"]}, {"para", p["para"]}}.dump() + "\n";
    std::string name = fs::path(d["file"].get<std::string>()).filename().string();
    docs[name] = std::move(d);
  }
  REQUIRE(docs.size() == c.expected["documents"].size());
  auto tagged = run_reviewlens({"tag"}, {.stdin_text = tag_input});
  REQUIRE(tagged.exit_code == 0);
  std::map<std::string, std::size_t> themes;
  std::map<std::string, std::set<std::string>> docs_with_theme;
  std::istringstream tag_lines(tagged.out);
  for (std::string line; std::getline(tag_lines, line);) {
    if (line.empty()) continue;
    auto t = json::parse(line);
    std::string id = t["id"];
    for (const auto& theme : t["themes"]) {
      ++themes[theme.get<std::string>()];
      docs_with_theme[theme.get<std::string>()].insert(id.substr(0, id.rfind(':')));
    }
  }
  // Types and years from the hand-worked metadata, weighted by passages.
  std::map<std::string, std::size_t> types, years;
  std::size_t total = 0;
  for (const auto& d : c.expected["documents"]) {
    std::size_t n = docs.at(d["file"].get<std::string>())["passages"].size();
    total += n;
    types[d["doc_type"].get<std::string>()] += n;
    years[std::to_string(d["year"].get<int>())] += n;
  }

  auto all = c.search({"--limit", "1"});
  CHECK(all["total"] == total);
  CHECK(all["documents"] == c.expected["documents"].size());
  CHECK(all["facets"]["theme"] == json(themes));
  CHECK(all["facets"]["doc_type"] == json(types));
  CHECK(all["facets"]["year"] == json(years));

  for (const auto& [theme, n] : themes) {
    auto r = c.search({"--theme", theme, "--by-document", "--limit", "100"});
    INFO(theme);
    CHECK(r["total"] == n);
    CHECK(r["documents"] == docs_with_theme[theme].size());
    std::size_t sum = 0;
    for (const auto& hit : r["hits"]) sum += hit["matching_passages"].get<std::size_t>();
    CHECK(sum == n);
  }
}

TEST_CASE("search e2e: the reviewer's question returns babies passages from LCSPRs since 2021",
          "[cli][e2e]") {
  const auto& c = corpus();
  auto r = c.search({"shared OR sharing OR told", "--theme", "babies", "--type", "lcspr", "--from", "2021",
                     "--limit", "100"});
  std::set<std::string> lcspr_since_2021;
  for (const auto& d : c.expected["documents"])
    if (d["doc_type"] == "lcspr" && d["year"].get<int>() >= 2021) lcspr_since_2021.insert(d["file"]);
  CHECK(r["total"].get<int>() > 0);
  for (const auto& hit : r["hits"]) {
    CHECK(lcspr_since_2021.contains(hit["file"].get<std::string>()));
    auto themes = hit["themes"].get<std::vector<std::string>>();
    CHECK(std::find(themes.begin(), themes.end(), "babies") != themes.end());
    CHECK(hit["snippet"].get<std::string>().find("[[") != std::string::npos);
  }
}

TEST_CASE("show e2e: a document's passages in order, and filtered by theme", "[cli][e2e]") {
  const auto& c = corpus();
  auto doc = c.run_json({"show", "northbridge-child-a-2022"});
  CHECK(doc["file"] == "northbridge-child-a-2022.pdf");
  int last_page = 0;
  for (const auto& p : doc["passages"]) {
    CHECK(p["page"].get<int>() >= last_page);
    last_page = p["page"].get<int>();
  }
  for (const auto& anchor : c.expected["anchors"]) {
    if (anchor["file"] != "northbridge-child-a-2022.pdf" || anchor["para"].is_null()) continue;
    bool seen = false;
    for (const auto& p : doc["passages"])
      seen = seen || (p["para"] == anchor["para"] && p["page"] == anchor["page"]);
    INFO(anchor["para"].get<std::string>());
    CHECK(seen);
  }
  auto by_path = c.run_json({"show", "northbridge-child-a-2022.pdf", "--theme", "babies"});
  auto search = c.search({"--theme", "babies", "--by-document", "--limit", "100"});
  std::size_t want = 0;
  for (const auto& hit : search["hits"])
    if (hit["doc"] == "northbridge-child-a-2022") want = hit["matching_passages"];
  CHECK(by_path["passages"].size() == want);
  for (const auto& p : by_path["passages"]) {
    auto themes = p["themes"].get<std::vector<std::string>>();
    CHECK(std::find(themes.begin(), themes.end(), "babies") != themes.end());
  }
}

TEST_CASE("search e2e: usage errors and a missing index", "[cli][e2e]") {
  const auto& c = corpus();
  auto bad = run_reviewlens({"search", "--index", c.index.string(), "--theme", "no_such_theme"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("babies") != std::string::npos);  // lists the valid ids
  auto missing = run_reviewlens({"search", "x", "--index", (c.tmp / "none").string()});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("reviewlens ingest") != std::string::npos);
  auto nodoc = run_reviewlens({"show", "nobody", "--index", c.index.string()});
  CHECK(nodoc.exit_code == 2);
}

TEST_CASE("search e2e: reviewlens hands every other command to reviewlens-full", "[cli][e2e]") {
  const auto& c = corpus();
  auto help = run_reviewlens({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command : {"ingest", "extract", "tag", "search", "report"})
    CHECK(help.out.find(command) != std::string::npos);
  auto version = run_reviewlens({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("reviewlens 0.1.0") != std::string::npos);
  CHECK(run_reviewlens({"no-such-command"}).exit_code == 2);
  // Exit codes of the forwarded binary come through unchanged.
  auto bad = run_reviewlens({"ingest", (c.tmp / "no-such-folder").string(), "--index", c.index.string()});
  CHECK(bad.exit_code == 2);
  auto status = run_reviewlens({"status", "--index", c.index.string()});
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("Documents:") != std::string::npos);
}

TEST_CASE("search e2e: the facet cache follows the index and never changes results", "[cli][e2e]") {
  TempDir tmp;
  const fs::path root = tmp / "corpus", index = tmp / "index";
  fs::copy(source_path("corpus/sample"), root, fs::copy_options::recursive);
  REQUIRE(run_reviewlens({"ingest", root.string(), "--index", index.string(), "-j", "2", "--quiet"}).exit_code == 0);
  auto search = [&] {
    auto r = run_reviewlens({"search", "--theme", "babies", "--index", index.string(), "--format", "json"});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  const json first = search();  // builds the cache
  REQUIRE(fs::is_regular_file(index / "search-facets.bin"));
  CHECK(search() == first);  // read from it
  CHECK(first["total"] == corpus().search({"--theme", "babies"})["total"]);

  // Removing a document makes a new revision: the old cache must not be used.
  std::string removed;
  for (const auto& e : fs::directory_iterator(root))
    if (e.path().extension() == ".pdf" && first.dump().find(e.path().stem().string()) != std::string::npos)
      removed = e.path().string();
  REQUIRE(!removed.empty());
  fs::remove(removed);
  REQUIRE(run_reviewlens({"ingest", root.string(), "--index", index.string(), "-j", "2", "--quiet"}).exit_code == 0);
  const json after = search();
  CHECK(after["total"].get<int>() < first["total"].get<int>());
  CHECK(after["documents"].get<int>() == first["documents"].get<int>() - 1);
}
