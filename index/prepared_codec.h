// Internal to rl_index: the decoded form of DocumentPreparer's bytes and
// their encoding (see prepared_document.cc).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reviewlens::index {

struct PreparedDocument {
  std::string doc_id;
  int pages = 0;
  std::string record;                 // DocumentRecord JSON
  std::vector<std::string> passages;  // Xapian::Document::serialise(), in order
  std::vector<std::pair<std::string, unsigned>> spelling;  // word, occurrences
};

std::string encode(const PreparedDocument& prepared);
// Throws std::invalid_argument when `bytes` are not an encoding.
PreparedDocument decode(std::string_view bytes);

}  // namespace reviewlens::index
