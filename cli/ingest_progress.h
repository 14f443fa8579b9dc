// Progress of an ingest on stderr: a one-line bar redrawn in place on a
// terminal (documents done/total, pages/s, ETA), plain log lines otherwise
// (every 10% and each failure, no control characters or colour), nothing
// when quiet. Single-threaded.
#pragma once

#include <chrono>
#include <string>

namespace reviewlens::cli {

enum class ProgressStyle { bar, log, quiet };

// bar when stderr is a terminal, log otherwise; quiet wins.
enum class Quiet { no, yes };
ProgressStyle choose_progress_style(Quiet quiet);

class IngestProgress {
 public:
  IngestProgress(ProgressStyle style, int total);

  void note(const std::string& line);  // a log line (also shown above the bar)
  void document_done(int pages);
  void failure(const std::string& file, const std::string& reason, const std::string& message);
  void finish();  // clears the bar

 private:
  void redraw(bool force);

  ProgressStyle style_;
  int total_;
  int done_ = 0;
  long pages_ = 0;
  int next_log_percent_ = 10;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace reviewlens::cli
