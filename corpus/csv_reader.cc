#include "corpus/csv_reader.h"

#include <fmt/format.h>

namespace reviewlens::corpus {
namespace {

// Walks the text once; `line` counts physical lines so errors point at the
// line a user sees in an editor, even inside multi-line quoted fields.
class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& source) : text_(text), source_(source) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  Expected<std::vector<CsvRecord>> run() {
    std::vector<CsvRecord> records;
    while (pos_ < text_.size()) {
      if (at_line_end()) {  // blank line
        skip_line_end();
        continue;
      }
      CsvRecord record{line_, {}};
      while (true) {
        auto field = read_field();
        if (!field) return std::unexpected(field.error());
        record.fields.push_back(std::move(*field));
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < text_.size()) skip_line_end();
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  bool at_line_end() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_line_end() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  Expected<std::string> read_field() {
    std::string out;
    if (pos_ >= text_.size() || text_[pos_] != '"') {
      while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
        if (text_[pos_] == '"')
          return make_error(ErrorCode::invalid_input,
                            fmt::format("{}:{}: quote inside an unquoted field", source_, line_),
                            source_);
        out += text_[pos_++];
      }
      return out;
    }
    const int start_line = line_;
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size())
        return make_error(ErrorCode::invalid_input,
                          fmt::format("{}:{}: unterminated quoted field", source_, start_line),
                          source_);
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      out += c;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
      return make_error(ErrorCode::invalid_input,
                        fmt::format("{}:{}: text after a closing quote", source_, line_), source_);
    return out;
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

Expected<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& source) {
  return CsvParser(text, source).run();
}

}  // namespace reviewlens::corpus
