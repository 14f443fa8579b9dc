// `reviewlens tag`: tags passages read on stdin with the taxonomy's themes.
// JSONL in ({"id","text"[,"kind","heading","para"]}) gives JSONL out; any
// other input is one passage, printed for people.
//
// Throughput matters here (whole corpora are piped through): stdin is read
// in large blocks and each line is parsed in place by simdjson (validating,
// so a malformed line is still reported and skipped), only the five fields
// we use are looked at, and output is written by hand into one reused
// buffer. The output is byte-for-byte what nlohmann's dump() gave (keys in
// sorted order, same escapes), see write_json_string.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <optional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>


#include "cli/command.h"
#include "pipeline/core/error.h"
#include "pipeline/core/json_string.h"
#include "pipeline/tagging/tagger.h"
#include "pipeline/text/normalise.h"

namespace reviewlens::cli {
namespace {

struct TagOptions {
  std::string taxonomy;
  bool explain = false;
};

constexpr std::size_t kBlock = std::size_t{4} << 20;
constexpr std::size_t kFlushAt = std::size_t{1} << 20;

// Hands out stdin line by line from large blocks. The buffer always keeps
// simdjson::SIMDJSON_PADDING spare bytes after the data, so a line can be
// parsed where it lies.
class LineReader {
 public:
  explicit LineReader(std::FILE* in) : in_(in), buffer_(kBlock + simdjson::SIMDJSON_PADDING) {}

  // The first byte that is not whitespace, or '\0' for blank input.
  char first_non_space() {
    for (std::size_t offset = 0;;) {  // offset from begin_, which fill() moves
      for (; begin_ + offset < end_; ++offset) {
        char c = buffer_[begin_ + offset];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
      }
      if (!fill()) return '\0';
    }
  }

  // The next line without its '\n', valid until the next call.
  bool next(std::string_view& line) {
    std::size_t searched = begin_;
    for (;;) {
      const char* data = buffer_.data();
      if (const void* nl = std::memchr(data + searched, '\n', end_ - searched)) {
        auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
        line = std::string_view(data + begin_, at - begin_);
        begin_ = at + 1;
        return true;
      }
      searched = end_ - begin_;  // offset after fill() moves the rest to the front
      if (!fill()) break;
    }
    if (begin_ == end_) return false;
    line = std::string_view(buffer_.data() + begin_, end_ - begin_);
    begin_ = end_;
    return true;
  }

  std::string rest() {
    std::string all(buffer_.data() + begin_, end_ - begin_);
    begin_ = end_;
    std::size_t n;
    while ((n = std::fread(buffer_.data(), 1, capacity(), in_)) > 0) all.append(buffer_.data(), n);
    return all;
  }

  std::size_t padded_size() const { return buffer_.size(); }

 private:
  std::size_t capacity() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

  // Moves unread bytes to the front, grows for a line longer than a block,
  // and reads more. False at end of input.
  bool fill() {
    if (eof_) return false;
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    if (end_ == capacity()) buffer_.resize(capacity() * 2 + simdjson::SIMDJSON_PADDING);
    std::size_t n = std::fread(buffer_.data() + end_, 1, capacity() - end_, in_);
    if (n == 0) eof_ = true;
    end_ += n;
    return n > 0;
  }

  std::FILE* in_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
};

// The fields of one input line; later duplicates win, as they did with
// nlohmann::json.
// Fills `passage` (reused between lines, so its strings keep their storage);
// returns the reason when the line is not a passage.
std::optional<std::string> passage_from_line(simdjson::dom::parser& parser, std::string_view line,
                                             Passage& passage) {
  simdjson::dom::element doc;
  if (auto error = parser.parse(line.data(), line.size(), false).get(doc))
    return std::string(simdjson::error_message(error));
  simdjson::dom::object object;
  if (doc.get(object)) return "not a JSON object";
  std::string_view id, text, kind, heading, para;
  bool id_string = true, has_text = false, text_string = false, has_kind = false;
  for (auto field : object) {
    const std::string_view key = field.key;
    const bool is_string = field.value.is_string();
    std::string_view value = is_string ? std::string_view(field.value.get_string().value_unsafe())
                                       : std::string_view();
    if (key == "id") {
      id = value;
      id_string = is_string;
    } else if (key == "text") {
      text = value;
      has_text = true;
      text_string = is_string;
    } else if (key == "kind") {
      kind = value;
      has_kind = is_string;
    } else if (key == "heading") {
      heading = value;
    } else if (key == "para") {
      para = value;
    }
  }
  if (!id_string) return "\"id\" is not a string";
  if (!has_text) return "no \"text\"";
  if (!text_string) return "\"text\" is not a string";
  passage.id.assign(id);
  passage.text = text::normalise(text);
  passage.kind = has_kind ? passage_kind_from(kind).value_or(PassageKind::paragraph) : PassageKind::paragraph;
  passage.heading.assign(heading);
  passage.para.assign(para);
  passage.sentences.clear();
  return std::nullopt;
}

// The sentence holding a hit, with the match in [[ ]], for --explain.
std::string sentence_of(const Passage& passage, const ThemeHit& hit) {
  Span s{0, passage.text.size()};
  for (const auto& sentence : passage.sentences)
    if (sentence.start <= hit.start) s = sentence;
  s.end = std::max(s.end, hit.end);
  return passage.text.substr(s.start, hit.start - s.start) + "[[" +
         passage.text.substr(hit.start, hit.end - hit.start) + "]]" +
         passage.text.substr(hit.end, s.end - hit.end);
}

// A JSON string as nlohmann's dump() writes it (UTF-8 kept, control
// characters as \b \t \n \f \r or \u00xx). Strings that are not valid UTF-8
// (not expected: input is validated and text normalised) go through
// nlohmann itself so they get the same U+FFFD replacement as before.
void write_json_string(std::string& out, std::string_view s) {
  const JsonStringScan scan = scan_json_string(s);
  if (scan.non_ascii && !simdjson::validate_utf8(s.data(), s.size())) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
    return;
  }
  append_json_string(out, s, scan);
}

void append_number(std::string& out, std::size_t n) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

// {"evidence":[{"end","match","rule"[,"sentence"],"start","theme"}],"id","text","themes"}:
// nlohmann's key order, kept so the output did not change.
void write_tagged_json(std::string& out, const Passage& passage, const TagOptions& options) {
  out += "{\"evidence\":[";
  for (std::size_t i = 0; i < passage.hits.size(); ++i) {
    const ThemeHit& hit = passage.hits[i];
    out += i ? ",{\"end\":" : "{\"end\":";
    append_number(out, hit.end);
    out += ",\"match\":";
    write_json_string(out, std::string_view(passage.text).substr(hit.start, hit.end - hit.start));
    out += ",\"rule\":";
    write_json_string(out, hit.rule);
    if (options.explain) {
      out += ",\"sentence\":";
      write_json_string(out, sentence_of(passage, hit));
    }
    out += ",\"start\":";
    append_number(out, hit.start);
    out += ",\"theme\":";
    write_json_string(out, hit.theme);
    out += '}';
  }
  out += "],\"id\":";
  write_json_string(out, passage.id);
  out += ",\"text\":";
  write_json_string(out, passage.text);
  out += ",\"themes\":[";
  for (std::size_t i = 0; i < passage.themes.size(); ++i) {
    if (i) out += ',';
    write_json_string(out, passage.themes[i]);
  }
  out += "]}\n";
}

void print_readable(const Passage& passage, const TagOptions& options) {
  if (passage.themes.empty()) {
    std::cout << "themes: (none)\n";
    return;
  }
  std::cout << fmt::format("themes: {}\n", fmt::join(passage.themes, ", "));
  for (const auto& hit : passage.hits)
    std::cout << fmt::format("  {:<24} {:<28} [{}, {})  \"{}\"\n", hit.theme, hit.rule, hit.start,
                             hit.end, passage.text.substr(hit.start, hit.end - hit.start))
              << (options.explain ? fmt::format("      in: {}\n", sentence_of(passage, hit)) : "");
}

// The tagger segments sentences only when a rule needs them; --explain
// shows the sentence of every hit, so it asks for them up front.
void tag(const tagging::Tagger& tagger, Passage& passage, const TagOptions& options) {
  if (options.explain && !passage.text.empty()) passage.sentences = text::sentence_spans(passage.text);
  tagger.tag(passage);
}

int tag_jsonl(const tagging::Tagger& tagger, LineReader& reader, const TagOptions& options) {
  simdjson::dom::parser parser;
  int skipped = 0, line_no = 0;
  std::string out;
  out.reserve(kFlushAt * 2);
  std::string_view line;
  Passage passage;
  while (reader.next(line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (auto problem = passage_from_line(parser, line, passage)) {
      std::cerr << fmt::format("reviewlens tag: line {}: skipped: malformed JSON line: {}\n", line_no,
                               *problem);
      ++skipped;
      continue;
    }
    tag(tagger, passage, options);
    write_tagged_json(out, passage, options);
    if (out.size() > kFlushAt) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return skipped ? exit_code::kSomeFailed : exit_code::kOk;
}

int run_tag(const TagOptions& options) {
  auto tagger = tagging::Tagger(tagging::load_taxonomy_or_throw(options.taxonomy));
  LineReader reader(stdin);
  if (reader.first_non_space() == '{') return tag_jsonl(tagger, reader, options);
  Passage passage;
  passage.id = "stdin";
  passage.text = text::normalise(reader.rest());
  tag(tagger, passage, options);
  print_readable(passage, options);
  return exit_code::kOk;
}

}  // namespace

Command add_tag_command(CLI::App& app) {
  auto options = std::make_shared<TagOptions>();
  auto* sub = app.add_subcommand(
      "tag",
      "Tag passages with themes. Reads JSONL {\"id\",\"text\",[\"kind\",\"heading\",\"para\"]} on stdin "
      "and writes {\"id\",\"themes\",\"evidence\":[{\"theme\",\"rule\",\"start\",\"end\",\"match\"}],"
      "\"text\"} per line; text is normalised first and offsets are bytes into the output \"text\". "
      "Non-JSON input is tagged as one passage and printed readably.");
  sub->add_option("--taxonomy", options->taxonomy, "Taxonomy YAML (default: the bundled one)")
      ->check(CLI::ExistingFile);
  sub->add_flag("--explain", options->explain, "Also show the sentence of each match (JSON: evidence[].sentence)");
  return Command{sub, [options] { return run_tag(*options); }};
}

}  // namespace reviewlens::cli
