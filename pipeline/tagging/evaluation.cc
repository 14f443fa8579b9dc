#include "pipeline/tagging/evaluation.h"

#include <algorithm>
#include <map>
#include <set>

namespace reviewlens::tagging {
namespace {

double ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

double harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

double ThemeScore::precision() const {
  return ratio(true_positives, true_positives + false_positives);
}
double ThemeScore::recall() const { return ratio(true_positives, support()); }
double ThemeScore::f1() const { return harmonic(precision(), recall()); }

EvalReport evaluate(const std::vector<GoldPassage>& gold, const std::vector<Passage>& tagged) {
  EvalReport report;
  std::map<std::string, ThemeScore> scores;
  auto score = [&](const std::string& theme) -> ThemeScore& {
    auto& s = scores[theme];
    s.theme = theme;
    return s;
  };
  for (std::size_t i = 0; i < gold.size() && i < tagged.size(); ++i) {
    std::set<std::string> expected(gold[i].themes.begin(), gold[i].themes.end());
    std::set<std::string> predicted(tagged[i].themes.begin(), tagged[i].themes.end());
    for (const auto& theme : predicted) {
      if (expected.contains(theme)) {
        ++score(theme).true_positives;
        continue;
      }
      ++score(theme).false_positives;
      EvalError error{ErrorKind::false_positive, theme, &tagged[i], {}};
      for (const auto& hit : tagged[i].hits)
        if (hit.theme == theme) error.evidence.push_back(hit);
      report.errors.push_back(std::move(error));
    }
    for (const auto& theme : expected)
      if (!predicted.contains(theme)) {
        ++score(theme).false_negatives;
        report.errors.push_back(EvalError{ErrorKind::false_negative, theme, &tagged[i], {}});
      }
  }
  int tp = 0, fp = 0, fn = 0, supported = 0;
  double f1_sum = 0;
  for (auto& [theme, s] : scores) {
    tp += s.true_positives;
    fp += s.false_positives;
    fn += s.false_negatives;
    if (s.support() > 0) {
      ++supported;
      f1_sum += s.f1();
    }
    report.themes.push_back(s);
  }
  report.micro_precision = ratio(tp, tp + fp);
  report.micro_recall = ratio(tp, tp + fn);
  report.micro_f1 = harmonic(report.micro_precision, report.micro_recall);
  report.macro_f1 = supported == 0 ? 0.0 : f1_sum / supported;
  return report;
}

}  // namespace reviewlens::tagging
