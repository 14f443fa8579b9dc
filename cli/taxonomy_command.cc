// `reviewlens taxonomy check|show|dump`: validate a taxonomy file, list its
// themes, or print the bundled YAML for analysts to copy and edit.
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "pipeline/core/error.h"
#include "pipeline/tagging/pattern_text.h"
#include "pipeline/tagging/taxonomy.h"

namespace reviewlens::cli {
namespace {

struct TaxonomyOptions {
  std::string check_file;
  std::string show_file;
  CLI::App* check = nullptr;
  CLI::App* show = nullptr;
  CLI::App* dump = nullptr;
  CLI::App* patterns = nullptr;
};

int run_check(const std::string& path) {
  auto load = tagging::load_taxonomy(path);
  std::string source = path.empty() ? std::string(tagging::kBundledSource) : path;
  if (!load.ok()) {
    for (const auto& problem : load.problems) std::cerr << problem.describe(source) << "\n";
    std::cerr << fmt::format("INVALID: {} problem(s) in {}\n", load.problems.size(), source);
    return exit_code::kUsage;
  }
  const auto& t = *load.taxonomy;
  std::cout << fmt::format("OK: {} themes, {} rules, version {}, hash {}\n", t.themes.size(),
                           t.rule_count(), t.version, t.hash);
  return exit_code::kOk;
}

int run_show(const std::string& path) {
  auto taxonomy = tagging::load_taxonomy_or_throw(path);
  std::cout << fmt::format("version {}  hash {}  ({})\n", taxonomy.version, taxonomy.hash,
                           taxonomy.source);
  for (const auto& theme : taxonomy.themes)
    std::cout << fmt::format("{:<10} {:<26} {:>2} rules  {}\n", tagging::to_string(theme.group),
                             theme.id, theme.rules.rules.size(), theme.name);
  return exit_code::kOk;
}

// One line per rule component: theme, rule, component, the RE2 it compiles
// to. Shows analysts what their phrases became; the benchmark feeds these to grep.
int run_patterns(const std::string& path) {
  auto taxonomy = tagging::load_taxonomy_or_throw(path);
  auto print = [](const tagging::Theme& theme, const tagging::Rule& rule, std::string_view part,
                  const tagging::PatternList& list) {
    auto regex = tagging::component_regex(list, rule.case_mode);
    if (!regex.empty()) std::cout << fmt::format("{}\t{}\t{}\t{}\n", theme.id, rule.id, part, regex);
  };
  for (const auto& theme : taxonomy.themes)
    for (const auto& rule : theme.rules.rules) {
      print(theme, rule, "any", rule.any);
      if (rule.near) {
        print(theme, rule, "first", rule.near->first);
        print(theme, rule, "second", rule.near->second);
      }
      print(theme, rule, "exclude", rule.exclude);
    }
  return exit_code::kOk;
}

}  // namespace

Command add_taxonomy_command(CLI::App& app) {
  auto options = std::make_shared<TaxonomyOptions>();
  auto* sub = app.add_subcommand("taxonomy", "Check, list or print the theme taxonomy");
  sub->require_subcommand(1);
  options->check = sub->add_subcommand(
      "check", "Validate a taxonomy file; prints 'OK: N themes, M rules, version V, hash H' or "
               "every problem with its line (exit 2)");
  options->check->add_option("file", options->check_file, "Taxonomy YAML (default: the bundled one)");
  options->show = sub->add_subcommand("show", "List themes, groups and rule counts");
  options->show->add_option("--taxonomy", options->show_file, "Taxonomy YAML (default: the bundled one)");
  options->dump = sub->add_subcommand("dump", "Print the bundled taxonomy YAML (to copy and edit)");
  options->patterns = sub->add_subcommand(
      "patterns", "Print the RE2 pattern of every rule component (theme, rule, component, regex)");
  options->patterns->add_option("--taxonomy", options->show_file, "Taxonomy YAML (default: the bundled one)");
  return Command{sub, [options] {
                   if (options->patterns->parsed()) return run_patterns(options->show_file);
                   if (options->check->parsed()) return run_check(options->check_file);
                   if (options->show->parsed()) return run_show(options->show_file);
                   std::cout << tagging::default_taxonomy_yaml();
                   return exit_code::kOk;
                 }};
}

}  // namespace reviewlens::cli
