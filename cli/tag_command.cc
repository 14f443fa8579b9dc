// `reviewlens tag`: tags passages read on stdin with the taxonomy's themes.
// JSONL in ({"id","text"[,"kind","heading","para"]}) gives JSONL out; any
// other input is one passage, printed for people.
#include <algorithm>
#include <iostream>
#include <cstdio>
#include <vector>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "pipeline/core/error.h"
#include "pipeline/tagging/tagger.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::cli {
namespace {

struct TagOptions {
  std::string taxonomy;
  bool explain = false;
};

std::string read_all_stdin() {
  std::string input;
  std::vector<char> buffer(1 << 20);
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), stdin)) > 0) input.append(buffer.data(), n);
  return input;
}

bool looks_like_jsonl(const std::string& input) {
  auto first = input.find_first_not_of(" \t\r\n");
  return first != std::string::npos && input[first] == '{';
}

Passage passage_from_line(const nlohmann::json& j) {
  Passage passage;
  passage.id = j.value("id", "");
  passage.text = text::normalise(j.at("text").get<std::string>());
  if (auto kind = j.find("kind"); kind != j.end() && kind->is_string())
    passage.kind = passage_kind_from(kind->get<std::string>()).value_or(PassageKind::paragraph);
  if (auto heading = j.find("heading"); heading != j.end() && heading->is_string())
    passage.heading = heading->get<std::string>();
  if (auto para = j.find("para"); para != j.end() && para->is_string())
    passage.para = para->get<std::string>();
  return passage;
}

// The sentence holding a hit, with the match in [[ ]], for --explain.
std::string sentence_of(const Passage& passage, const ThemeHit& hit) {
  Span s{0, passage.text.size()};
  for (const auto& sentence : passage.sentences)
    if (sentence.start <= hit.start) s = sentence;
  s.end = std::max(s.end, hit.end);
  return passage.text.substr(s.start, hit.start - s.start) + "[[" +
         passage.text.substr(hit.start, hit.end - hit.start) + "]]" +
         passage.text.substr(hit.end, s.end - hit.end);
}

nlohmann::json tagged_json(const Passage& passage, const TagOptions& options) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& hit : passage.hits) {
    nlohmann::json item{{"theme", hit.theme},
                        {"rule", hit.rule},
                        {"start", hit.start},
                        {"end", hit.end},
                        {"match", passage.text.substr(hit.start, hit.end - hit.start)}};
    if (options.explain) item["sentence"] = sentence_of(passage, hit);
    evidence.push_back(std::move(item));
  }
  nlohmann::json out{{"id", passage.id}, {"themes", passage.themes}, {"evidence", evidence}};
  out["text"] = passage.text;
  return out;
}

void print_readable(const Passage& passage, const TagOptions& options) {
  if (passage.themes.empty()) {
    std::cout << "themes: (none)\n";
    return;
  }
  std::cout << fmt::format("themes: {}\n", fmt::join(passage.themes, ", "));
  for (const auto& hit : passage.hits)
    std::cout << fmt::format("  {:<24} {:<28} [{}, {})  \"{}\"\n", hit.theme, hit.rule, hit.start,
                             hit.end, passage.text.substr(hit.start, hit.end - hit.start))
              << (options.explain ? fmt::format("      in: {}\n", sentence_of(passage, hit)) : "");
}

int run_tag(const TagOptions& options) {
  auto tagger = tagging::Tagger(tagging::load_taxonomy_or_throw(options.taxonomy));
  std::string input = read_all_stdin();
  if (!looks_like_jsonl(input)) {
    Passage passage;
    passage.id = "stdin";
    passage.text = text::normalise(input);
    tagger.tag(passage);
    print_readable(passage, options);
    return exit_code::kOk;
  }
  int skipped = 0, line_no = 0;
  std::size_t pos = 0;
  std::string out;
  while (pos < input.size()) {
    auto end = input.find('\n', pos);
    if (end == std::string::npos) end = input.size();
    std::string_view line(input.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Passage passage;
    try {
      passage = passage_from_line(nlohmann::json::parse(line));
    } catch (const nlohmann::json::exception& e) {
      std::cerr << fmt::format("reviewlens tag: line {}: skipped: malformed JSON line: {}\n", line_no, e.what());
      ++skipped;
      continue;
    }
    tagger.tag(passage);
    out += tagged_json(passage, options).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    if (out.size() > (1u << 20)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out << std::flush;
  return skipped ? exit_code::kSomeFailed : exit_code::kOk;
}

}  // namespace

Command add_tag_command(CLI::App& app) {
  auto options = std::make_shared<TagOptions>();
  auto* sub = app.add_subcommand(
      "tag",
      "Tag passages with themes. Reads JSONL {\"id\",\"text\",[\"kind\",\"heading\",\"para\"]} on stdin "
      "and writes {\"id\",\"themes\",\"evidence\":[{\"theme\",\"rule\",\"start\",\"end\",\"match\"}],"
      "\"text\"} per line; text is normalised first and offsets are bytes into the output \"text\". "
      "Non-JSON input is tagged as one passage and printed readably.");
  sub->add_option("--taxonomy", options->taxonomy, "Taxonomy YAML (default: the bundled one)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--explain", options->explain, "Also show the sentence of each match (JSON: evidence[].sentence)");
  return Command{sub, [options] { return run_tag(*options); }};
}

}  // namespace reviewlens::cli
