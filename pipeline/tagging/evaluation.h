// Scores tagging against hand-labelled (gold) passages: per-theme
// precision/recall/F1 and the individual errors, so analysts can tune rules.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace reviewlens::tagging {

struct GoldPassage {
  std::string id;
  std::string text;                 // as given; the evaluator tags its normalised form
  std::vector<std::string> themes;  // expected theme ids
};

struct ThemeScore {
  std::string theme;
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;

  int support() const { return true_positives + false_negatives; }
  double precision() const;  // 0 when nothing was predicted
  double recall() const;     // 0 when support is 0
  double f1() const;
};

enum class ErrorKind { false_positive, false_negative };

struct EvalError {
  ErrorKind kind = ErrorKind::false_positive;
  std::string theme;
  const Passage* passage = nullptr;  // the tagged passage (points into the caller's vector)
  std::vector<ThemeHit> evidence;    // the theme's hits (empty for a false negative)
};

struct EvalReport {
  std::vector<ThemeScore> themes;  // every theme seen in gold or predictions, sorted by id
  double micro_precision = 0, micro_recall = 0, micro_f1 = 0;
  double macro_f1 = 0;             // mean F1 over themes with gold support
  std::vector<EvalError> errors;   // in passage order
};

// `tagged[i]` is the tagging of `gold[i]` (same order and size).
EvalReport evaluate(const std::vector<GoldPassage>& gold, const std::vector<Passage>& tagged);

}  // namespace reviewlens::tagging
