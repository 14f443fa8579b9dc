// JSON strings written straight into a buffer, byte for byte as nlohmann's
// dump() writes them (UTF-8 kept; '"', '\\' and control characters escaped as
// \" \\ \b \f \n \r \t or \u00xx). Shared by the hot writers that bypass
// nlohmann: `tag`'s output (cli/tag_command.cc) and each passage's document
// data at ingest (index/passage_json.cc). Both check UTF-8 themselves and
// give invalid strings to nlohmann, each with its own error policy.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reviewlens {

struct JsonStringScan {
  std::size_t first_escape = 0;  // first byte needing an escape; size() if none
  bool non_ascii = false;        // any byte >= 0x80 (UTF-8 to validate)
};

// One pass over `s`, 16 bytes at a time where SSE2 is there: most passage
// texts need no escape at all, and this scan was a tenth of `tag`'s work.
JsonStringScan scan_json_string(std::string_view s);

// Appends `s`, quoted and escaped; `scan` is scan_json_string(s).
void append_json_string(std::string& out, std::string_view s, const JsonStringScan& scan);
inline void append_json_string(std::string& out, std::string_view s) {
  append_json_string(out, s, scan_json_string(s));
}

}  // namespace reviewlens
