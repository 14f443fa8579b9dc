// What the PDF reader hands to layout repair: words with positions, per
// page, plus document metadata. Plain values; no Poppler types leak out.
#pragma once

#include <string>
#include <vector>

namespace reviewlens::extractors {

// One word (Poppler text box) in PDF user space, origin top-left, points.
struct RawWord {
  std::string text;  // UTF-8 as Poppler gives it (not yet normalised)
  double x = 0, y = 0, width = 0, height = 0;
  double font_size = 0;
  std::string font_name;  // subset prefix ("ABCDEF+") removed
  bool space_after = true;  // Poppler's has_space_after()
};

struct RawPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<RawWord> words;  // in Poppler's reading order
};

struct RawMetadata {
  std::string title, author, subject, keywords, creator, producer;
  int creation_year = 0;      // 0 when absent
  int modification_year = 0;  // 0 when absent
};

struct RawDocument {
  std::string file;
  RawMetadata metadata;
  int page_count = 0;
  std::vector<RawPage> pages;
  std::vector<std::string> warnings;  // pages that failed, etc.
};

}  // namespace reviewlens::extractors
