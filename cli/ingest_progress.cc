#include "cli/ingest_progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace reviewlens::cli {

namespace {

constexpr int kBarWidth = 28;

std::string clock_text(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressStyle choose_progress_style(Quiet quiet) {
  if (quiet == Quiet::yes) return ProgressStyle::quiet;
  return ::isatty(STDERR_FILENO) ? ProgressStyle::bar : ProgressStyle::log;
}

IngestProgress::IngestProgress(ProgressStyle style, int total)
    : style_(style), total_(total), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void IngestProgress::note(const std::string& line) {
  if (style_ == ProgressStyle::quiet) return;
  if (bar_shown_) std::fputs("\r\033[K", stderr);
  std::fprintf(stderr, "ingest: %s\n", line.c_str());
  if (bar_shown_) redraw(true);
}

void IngestProgress::failure(const std::string& file, const std::string& reason, const std::string& message) {
  note(fmt::format("failed: {}: {}: {}", file, reason, message));
}

void IngestProgress::document_done(int pages) {
  ++done_;
  pages_ += pages;
  if (style_ == ProgressStyle::bar) {
    redraw(done_ == total_);
  } else if (style_ == ProgressStyle::log && total_ > 0) {
    int percent = static_cast<int>(100L * done_ / total_);
    if (percent >= next_log_percent_ || done_ == total_) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      note(fmt::format("{}/{} documents ({}%), {} pages, {:.1f} pages/s", done_, total_, percent, pages_,
                       secs > 0 ? pages_ / secs : 0.0));
      next_log_percent_ = (percent / 10 + 1) * 10;
    }
  }
}

void IngestProgress::redraw(bool force) {
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? done_ / secs : 0;
  int filled = total_ > 0 ? kBarWidth * done_ / total_ : kBarWidth;
  std::string bar(static_cast<std::size_t>(filled), '=');
  bar.resize(kBarWidth, ' ');
  std::string eta = rate > 0 && done_ < total_ ? clock_text((total_ - done_) / rate) : "--:--";
  std::fprintf(stderr, "\r\033[K[%s] %d/%d docs  %.1f pages/s  ETA %s", bar.c_str(), done_, total_,
               secs > 0 ? pages_ / secs : 0.0, eta.c_str());
  std::fflush(stderr);
  bar_shown_ = true;
}

void IngestProgress::finish() {
  if (bar_shown_) std::fputs("\r\033[K", stderr);
  bar_shown_ = false;
}

}  // namespace reviewlens::cli
