// `reviewlens show DOC`: one indexed document's passages in reading order,
// with page, paragraph number and themes; --theme keeps only passages that
// carry it. DOC is a document id or its source path.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/index_location.h"
#include "index/index_reader.h"
#include "pipeline/core/error.h"

namespace reviewlens::cli {
namespace {

struct ShowArgs {
  std::string doc;
  std::string index;
  std::string theme;
  std::string format = "text";
};

bool keep(const Passage& p, const std::string& theme) {
  return theme.empty() || std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
}

nlohmann::json show_json(const Document& d, const std::string& theme) {
  auto passages = nlohmann::json::array();
  for (const auto& p : d.passages)
    if (keep(p, theme)) passages.push_back(to_json(p, TagFields::include));
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"doc", d.id},
          {"file", d.file},
          {"title", d.title},
          {"doc_type", to_string(d.doc_type)},
          {"year", d.year > 0 ? nlohmann::json(d.year) : nlohmann::json(nullptr)},
          {"partnership", or_null(d.partnership)},
          {"child", or_null(d.child)},
          {"pages", d.pages},
          {"theme", or_null(theme)},
          {"total_passages", d.passages.size()},
          {"passages", std::move(passages)}};
}

void print_text(const Document& d, const std::string& theme) {
  std::cout << fmt::format("{}\n{}  {}  {}{}  {} pages, {} passages\n", d.title.empty() ? d.id : d.title,
                           d.file, to_string(d.doc_type), d.year > 0 ? std::to_string(d.year) : "year unknown",
                           d.partnership.empty() ? "" : "  " + d.partnership, d.pages, d.passages.size());
  if (!theme.empty()) std::cout << fmt::format("Only passages with theme {}\n", theme);
  for (const auto& p : d.passages) {
    if (!keep(p, theme)) continue;
    std::cout << fmt::format("\np.{}{}  [{}]{}\n", p.page, p.para.empty() ? "" : "  para " + p.para,
                             to_string(p.kind), p.heading.empty() ? "" : "  | " + p.heading);
    std::cout << "    " << p.text << "\n";
    if (!p.themes.empty()) std::cout << fmt::format("    themes: {}\n", fmt::join(p.themes, ", "));
  }
}

int run(const ShowArgs& args) {
  index::IndexReader reader(index_location(args.index));
  if (!args.theme.empty() && !reader.info().theme_groups.contains(args.theme)) {
    std::vector<std::string> ids;
    for (const auto& [id, group] : reader.info().theme_groups) ids.push_back(id);
    std::cerr << fmt::format("reviewlens show: unknown theme '{}'; valid theme ids: {}\n", args.theme,
                             fmt::join(ids, ", "));
    return exit_code::kUsage;
  }
  auto path = reader.resolve(args.doc);
  auto doc = path ? reader.load_document(*path) : std::nullopt;
  if (!doc) {
    std::cerr << fmt::format("reviewlens show: no indexed document '{}' (give a document id or its "
                             "source path; `reviewlens status` lists failures)\n", args.doc);
    return exit_code::kUsage;
  }
  if (args.format == "json")
    std::cout << show_json(*doc, args.theme).dump(2) << "\n";
  else
    print_text(*doc, args.theme);
  return exit_code::kOk;
}

}  // namespace

Command add_show_command(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* sub = app.add_subcommand("show", "Show an indexed document's passages with pages and themes");
  sub->footer("Exit codes: 0 success; 2 unknown document or theme; 3 no index (run `reviewlens ingest`).");
  sub->add_option("doc", args->doc, "Document id or source path")->required();
  add_index_option(*sub, args->index);
  sub->add_option("--theme", args->theme, "Only passages carrying this theme id");
  sub->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {sub, [args] { return run(*args); }};
}

}  // namespace reviewlens::cli
