// A strict RFC 4180 CSV reader: comma separated, fields optionally quoted
// with '"', '""' inside quotes is one quote, quoted fields may span lines,
// CRLF or LF line ends, a UTF-8 BOM at the start is skipped. Blank lines are
// skipped. Errors (an unterminated quote, text after a closing quote) are
// `invalid_input` values naming "source:line".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/error.h"

namespace reviewlens::corpus {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

Expected<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& source);

}  // namespace reviewlens::corpus
