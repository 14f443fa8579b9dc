// RFC 4180 CSV for spreadsheets: fields quoted when they hold a comma,
// quote, CR or LF (quotes doubled), records ended by CRLF, UTF-8 without a
// byte-order mark (a BOM shows up as junk in the first header cell of most
// command-line tools; Excel and LibreOffice read UTF-8 CSV without it when
// opened through their import dialogs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reviewlens::cli {

std::string csv_field(std::string_view value);
// The fields joined by commas, then CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace reviewlens::cli
