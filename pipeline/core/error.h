// Errors carried between stages.
//
// A problem with one document is a value (`Expected<T>`), never an exception
// across a stage boundary: the batch goes on and reports it. A problem that
// makes the whole run pointless (invalid taxonomy, unwritable index) is a
// `FatalError`, caught only in main.
#pragma once

#include <expected>
#include <stdexcept>
#include <string>
#include <string_view>

namespace reviewlens {

// Reason classes reported to users and scripts; the strings are part of the
// JSON contract (`"reason"`), so never rename one.
enum class ErrorCode {
  encrypted,     // PDF needs a password
  corrupt,       // damaged or truncated PDF
  empty,         // zero bytes, or zero pages
  not_pdf,       // content is not a PDF whatever the name says
  no_text,       // no text layer (scanned / image-only)
  too_many_pages,// absurd page count, refused before work
  timeout,       // extraction exceeded its time limit
  memory_limit,  // extraction exceeded its memory limit
  crashed,       // extraction process died (signal)
  io,            // cannot read or write a file
  invalid_input, // malformed user input (JSON line, metadata file)
  internal,      // unexpected exception inside a stage
};

std::string_view to_string(ErrorCode code);
// Returns ErrorCode::internal for unknown names.
ErrorCode error_code_from(std::string_view name);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;  // human readable cause, one line
  std::string file;     // the document or input file it belongs to
  int page = 0;         // 1-based page, 0 when not page specific
  std::string stage;    // "extract", "normalise", "tag", "index", ...

  // "FILE: reason: message" (page appended when known), for one-line reports.
  std::string describe() const;
};

template <class T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> make_error(ErrorCode code, std::string message,
                                         std::string file = {},
                                         std::string stage = {}) {
  return std::unexpected<Error>(Error{code, std::move(message),
                                      std::move(file), 0, std::move(stage)});
}

// The run cannot go on. `exit_code` is what main returns (3 unless stated).
class FatalError : public std::runtime_error {
 public:
  explicit FatalError(const std::string& what, int exit_code = 3)
      : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// Process exit codes, documented in --help and the README.
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kSomeFailed = 1;  // finished, some documents failed
inline constexpr int kUsage = 2;       // bad flags or bad taxonomy/config
inline constexpr int kFatal = 3;       // nothing useful could be done
inline constexpr int kLocked = 4;      // another ingest holds the index
}  // namespace exit_code

}  // namespace reviewlens
