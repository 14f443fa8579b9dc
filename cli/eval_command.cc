// `reviewlens eval`: scores the taxonomy's rules against gold JSONL
// ({"id","text","themes":[...]}) and lists every false positive/negative
// with the rule that fired, so analysts can tune rules.
#include <fstream>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "pipeline/core/error.h"
#include "pipeline/tagging/evaluation.h"
#include "pipeline/tagging/tagger.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::cli {
namespace {

struct EvalOptions {
  std::string gold;
  std::string taxonomy;
  std::string format = "text";
};

std::vector<tagging::GoldPassage> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw FatalError("cannot read gold file " + path, exit_code::kUsage);
  std::vector<tagging::GoldPassage> gold;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto j = nlohmann::json::parse(line);
      gold.push_back({j.value("id", fmt::format("line-{}", n)), j.at("text").get<std::string>(),
                      j.value("themes", std::vector<std::string>{})});
    } catch (const nlohmann::json::exception& e) {
      throw FatalError(fmt::format("{}:{}: malformed gold line: {}", path, n, e.what()),
                       exit_code::kUsage);
    }
  }
  return gold;
}

std::string rules_of(const tagging::EvalError& error) {
  if (error.evidence.empty()) return "none";
  std::string out;
  for (const auto& hit : error.evidence)
    out += fmt::format("{}{} \"{}\"", out.empty() ? "" : "; ", hit.rule,
                       error.passage->text.substr(hit.start, hit.end - hit.start));
  return out;
}

void print_text(const tagging::EvalReport& report) {
  std::cout << fmt::format("{:<26} {:>9} {:>7} {:>7} {:>8}\n", "theme", "precision", "recall",
                           "f1", "support");
  for (const auto& s : report.themes)
    std::cout << fmt::format("{:<26} {:>9.3f} {:>7.3f} {:>7.3f} {:>8}\n", s.theme, s.precision(),
                             s.recall(), s.f1(), s.support());
  std::cout << fmt::format("\nmicro P {:.3f} R {:.3f} F1 {:.3f}   macro F1 {:.3f}\n",
                           report.micro_precision, report.micro_recall, report.micro_f1,
                           report.macro_f1);
  if (report.errors.empty()) return;
  std::cout << "\nerrors:\n";
  for (const auto& e : report.errors) {
    bool fp = e.kind == tagging::ErrorKind::false_positive;
    std::cout << fmt::format("{} {} {}  rule: {}\n    {}\n", fp ? "FP" : "FN", e.passage->id,
                             e.theme, rules_of(e), e.passage->text);
  }
}

nlohmann::json report_json(const tagging::EvalReport& report) {
  nlohmann::json themes = nlohmann::json::array(), errors = nlohmann::json::array();
  for (const auto& s : report.themes)
    themes.push_back({{"theme", s.theme}, {"precision", s.precision()}, {"recall", s.recall()},
                      {"f1", s.f1()}, {"support", s.support()}, {"tp", s.true_positives},
                      {"fp", s.false_positives}, {"fn", s.false_negatives}});
  for (const auto& e : report.errors)
    errors.push_back({{"kind", e.kind == tagging::ErrorKind::false_positive ? "false_positive"
                                                                            : "false_negative"},
                      {"id", e.passage->id}, {"theme", e.theme}, {"rule", rules_of(e)},
                      {"text", e.passage->text}});
  return {{"themes", themes},
          {"micro", {{"precision", report.micro_precision}, {"recall", report.micro_recall},
                     {"f1", report.micro_f1}}},
          {"macro_f1", report.macro_f1},
          {"errors", errors}};
}

int run_eval(const EvalOptions& options) {
  auto tagger = tagging::Tagger(tagging::load_taxonomy_or_throw(options.taxonomy));
  auto gold = read_gold(options.gold);
  std::vector<Passage> tagged(gold.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    tagged[i].id = gold[i].id;
    tagged[i].text = text::normalise(gold[i].text);
    tagger.tag(tagged[i]);
  }
  auto report = tagging::evaluate(gold, tagged);
  if (options.format == "json")
    std::cout << report_json(report).dump(2) << "\n";
  else
    print_text(report);
  return exit_code::kOk;
}

}  // namespace

Command add_eval_command(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  auto* sub = app.add_subcommand(
      "eval", "Score theme rules against gold JSONL {\"id\",\"text\",\"themes\":[...]}: per-theme "
              "precision, recall, F1, support; micro and macro F1; every false positive and "
              "false negative with the rule that fired");
  sub->add_option("--gold", options->gold, "Gold JSONL file")->required()->check(CLI::ExistingFile);
  sub->add_option("--taxonomy", options->taxonomy, "Taxonomy YAML (default: the bundled one)")
      ->check(CLI::ExistingFile);
  sub->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  return Command{sub, [options] { return run_eval(*options); }};
}

}  // namespace reviewlens::cli
