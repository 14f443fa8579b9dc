// Process tests of `reviewlens tag`, `eval` and `taxonomy`: the real binary,
// fictional passages, files written under a TempDir.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using reviewlens::testing::run_reviewlens;
using reviewlens::testing::TempDir;
using reviewlens::testing::write_file;

namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::size_t pos = 0;
  while (pos < out.size()) {
    auto end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) lines.push_back(nlohmann::json::parse(out.substr(pos, end - pos)));
    pos = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("tag: JSONL in, one tagged line out per passage with usable offsets", "[cli][tag]") {
  std::string input =
      R"({"id":"p1","text":"Mr Q assaulted his partner \u2013 twice \u2013 and the case was heard at MARAC.","page":3})"
      "\n\n"
      R"({"id":"p2","text":"The garden was tidy."})"
      "\n";
  auto r = run_reviewlens({"tag"}, {.stdin_text = input});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["id"] == "p1");
  auto text = lines[0]["text"].get<std::string>();
  CHECK(text.find(" - twice - ") != std::string::npos);  // normalised dashes
  auto themes = lines[0]["themes"];
  CHECK(std::find(themes.begin(), themes.end(), "domestic_abuse") != themes.end());
  REQUIRE_FALSE(lines[0]["evidence"].empty());
  for (const auto& e : lines[0]["evidence"]) {
    auto start = e["start"].get<std::size_t>(), end = e["end"].get<std::size_t>();
    CHECK(text.substr(start, end - start) == e["match"].get<std::string>());
    CHECK_FALSE(e["rule"].get<std::string>().empty());
  }
  CHECK(lines[1]["themes"].empty());
  CHECK(lines[1]["evidence"].empty());
}

TEST_CASE("tag: malformed lines are reported with their number and skipped (exit 1)", "[cli][tag]") {
  std::string input = "{\"id\":\"ok\",\"text\":\"She self-harmed.\"}\n{not json\n{\"id\":\"no text\"}\n";
  auto r = run_reviewlens({"tag"}, {.stdin_text = input});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("line 2") != std::string::npos);
  CHECK(r.err.find("line 3") != std::string::npos);
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["id"] == "ok");
}

TEST_CASE("tag: plain text is tagged as one passage and printed readably", "[cli][tag]") {
  auto r = run_reviewlens({"tag", "--explain"},
                          {.stdin_text = "The family lived on a Traveller site.\nThey were moved on often.\n"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("themes: gypsy_roma_traveller") != std::string::npos);
  CHECK(r.out.find("\"Traveller\"") != std::string::npos);
  CHECK(r.out.find("[[Traveller]]") != std::string::npos);
}

TEST_CASE("taxonomy check: OK line for a valid file, every problem and exit 2 otherwise",
          "[cli][taxonomy]") {
  TempDir dir;
  auto dump = run_reviewlens({"taxonomy", "dump"});
  REQUIRE(dump.exit_code == 0);
  write_file(dir / "copy.yaml", dump.out);
  auto ok = run_reviewlens({"taxonomy", "check", (dir / "copy.yaml").string()});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.rfind("OK: 21 themes, ", 0) == 0);
  CHECK(ok.out.find("hash ") != std::string::npos);

  std::string broken = dump.out;
  auto pos = broken.find("phrases: [");
  REQUIRE(pos != std::string::npos);
  broken.replace(pos, 10, "patterns: ['(x', ");  // an invalid pattern in the first rule
  broken += "bogus: 1\n";
  write_file(dir / "broken.yaml", broken);
  auto bad = run_reviewlens({"taxonomy", "check", (dir / "broken.yaml").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown key 'bogus'") != std::string::npos);
  CHECK(bad.err.find("invalid pattern '(x'") != std::string::npos);
  CHECK(bad.err.find("broken.yaml:") != std::string::npos);

  // Other commands refuse the broken taxonomy before doing any work.
  auto tag = run_reviewlens({"tag", "--taxonomy", (dir / "broken.yaml").string()},
                            {.stdin_text = "{\"id\":\"a\",\"text\":\"x\"}\n"});
  CHECK(tag.exit_code == 2);
  CHECK(tag.out.empty());
}

TEST_CASE("taxonomy show lists every theme with its group", "[cli][taxonomy]") {
  auto r = run_reviewlens({"taxonomy", "show"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("strategic  workforce") != std::string::npos);
  CHECK(r.out.find("practice   babies") != std::string::npos);
}

TEST_CASE("eval: scores a small gold file and lists errors with rules", "[cli][eval]") {
  TempDir dir;
  write_file(dir / "gold.jsonl",
             R"({"id":"g1","text":"The infant had bruising while non-mobile.","themes":["babies"]})" "\n"
             R"({"id":"g2","text":"Child S was permanently excluded in Year 9.","themes":["not_in_school","young_carers"]})" "\n"
             R"({"id":"g3","text":"The panel met in the town hall on a wet Tuesday afternoon.","themes":[]})" "\n");
  auto r = run_reviewlens({"eval", "--gold", (dir / "gold.jsonl").string(), "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> by_theme;
  for (const auto& t : report["themes"]) by_theme[t["theme"]] = t;
  CHECK(by_theme["babies"]["f1"].get<double>() == Approx(1.0));
  CHECK(by_theme["young_carers"]["recall"].get<double>() == Approx(0.0));
  CHECK(by_theme["young_carers"]["support"] == 1);
  CHECK(report["macro_f1"].get<double>() == Approx(2.0 / 3));
  bool fn_listed = false;
  for (const auto& e : report["errors"])
    fn_listed |= e["kind"] == "false_negative" && e["id"] == "g2" && e["rule"] == "none";
  CHECK(fn_listed);

  auto text = run_reviewlens({"eval", "--gold", (dir / "gold.jsonl").string()});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("macro F1 0.667") != std::string::npos);
  CHECK(text.out.find("FN g2 young_carers  rule: none") != std::string::npos);
}

TEST_CASE("tag: strings are escaped exactly as nlohmann's dump() does", "[cli][tag]") {
  // The writer scans 16 bytes at a time: escapes and non-ASCII bytes are
  // placed before, inside and after the first 16-byte blocks.
  const std::string texts[] = {
      R"(He said \"no\" to the social worker at MARAC, twice.)",
      R"(A path C:\\temp\\file and a \"quoted\" word placed well after the first block at MARAC.)",
      R"(Caf\u00e9 staff \u2013 \"ok\" \\ MARAC)",
      R"(0123456789abcde\"0123456789abcdef\\ MARAC)",
      R"(plain text with no escapes at all but longer than sixteen bytes, MARAC)",
  };
  std::string input;
  int n = 0;
  for (const auto& text : texts)
    input += R"({"id":"id\t)" + std::to_string(n++) + R"(\u0001\"","text":")" + text + "\"}\n";
  auto r = run_reviewlens({"tag", "--explain"}, {.stdin_text = input});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::size_t pos = 0, lines = 0;
  while (pos < r.out.size()) {
    auto end = r.out.find('\n', pos);
    REQUIRE(end != std::string::npos);
    const std::string line = r.out.substr(pos, end - pos);
    CHECK(nlohmann::json::parse(line).dump() == line);
    CHECK(line.find("MARAC") != std::string::npos);
    pos = end + 1;
    ++lines;
  }
  CHECK(lines == std::size(texts));
}
