#include "index/passage_json.h"

#include <nlohmann/json.hpp>

#include "pipeline/core/json_string.h"

namespace reviewlens::index {
namespace {

// Strict UTF-8 (RFC 3629: no overlong forms, surrogates or code points
// above U+10FFFF), what nlohmann's serializer accepts.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) { n = 2; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) n = 2;
    else if (c == 0xED) { n = 2; hi = 0x9F; }
    else if (c == 0xF0) { n = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) { n = 3; hi = 0x8F; }
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

class Writer {
 public:
  explicit Writer(std::size_t reserve) { out_.reserve(reserve); }

  // Starts a member of the current object: a comma unless it is the first.
  Writer& key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return *this;
  }
  void open(char bracket) {
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  void comma_unless_first() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void number(long long v) { out_ += std::to_string(v); }
  void unsigned_number(std::size_t v) { out_ += std::to_string(v); }
  void null() { out_ += "null"; }
  void string(std::string_view s);
  void string_or_null(const std::string& s) { s.empty() ? null() : string(s); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

void Writer::string(std::string_view s) { append_json_string(out_, s); }

bool all_valid(const Passage& p, const PassageDataFields& f) {
  for (const std::string* s : {&p.id, &p.para, &p.heading, &p.text, &f.doc.id, &f.path, &f.doc.title,
                               &f.doc.partnership})
    if (!valid_utf8(*s)) return false;
  for (const auto& t : p.themes)
    if (!valid_utf8(t)) return false;
  for (const auto& h : p.hits)
    if (!valid_utf8(h.theme) || !valid_utf8(h.rule) || !valid_utf8(p.text.substr(h.start, h.end - h.start)))
      return false;
  return true;
}

}  // namespace

std::string passage_data_json_reference(const Passage& p, const PassageDataFields& f) {
  nlohmann::json j = to_json(p, TagFields::include);
  auto sentences = nlohmann::json::array();
  for (const auto& s : p.sentences) sentences.push_back({s.start, s.end});
  j["sentences"] = std::move(sentences);
  j["order"] = f.order;
  j["doc"] = f.doc.id;
  j["file"] = f.path;
  j["title"] = f.doc.title;
  j["doc_type"] = to_string(f.doc.doc_type);
  j["year"] = f.doc.year > 0 ? nlohmann::json(f.doc.year) : nlohmann::json(nullptr);
  j["partnership"] = f.doc.partnership.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.doc.partnership);
  return j.dump();
}

std::string passage_data_json(const Passage& p, const PassageDataFields& f) {
  if (!all_valid(p, f)) return passage_data_json_reference(p, f);
  Writer w(p.text.size() * 2 + 512);
  w.open('{');
  w.key("doc").string(f.doc.id);
  w.key("doc_type").string(to_string(f.doc.doc_type));
  w.key("evidence").open('[');
  for (const auto& h : p.hits) {
    w.comma_unless_first();
    w.open('{');
    w.key("end").unsigned_number(h.end);
    w.key("match").string(p.text.substr(h.start, h.end - h.start));
    w.key("rule").string(h.rule);
    w.key("start").unsigned_number(h.start);
    w.key("theme").string(h.theme);
    w.close('}');
  }
  w.close(']');
  w.key("file").string(f.path);
  w.key("heading").string_or_null(p.heading);
  w.key("id").string(p.id);
  w.key("kind").string(to_string(p.kind));
  w.key("order").number(f.order);
  w.key("page").number(p.page);
  w.key("para").string_or_null(p.para);
  w.key("partnership").string_or_null(f.doc.partnership);
  w.key("sentences").open('[');
  for (const auto& s : p.sentences) {
    w.comma_unless_first();
    w.open('[');
    w.comma_unless_first();
    w.unsigned_number(s.start);
    w.comma_unless_first();
    w.unsigned_number(s.end);
    w.close(']');
  }
  w.close(']');
  w.key("text").string(p.text);
  w.key("themes").open('[');
  for (const auto& t : p.themes) {
    w.comma_unless_first();
    w.string(t);
  }
  w.close(']');
  w.key("title").string(f.doc.title);
  w.key("year");
  if (f.doc.year > 0) w.number(f.doc.year); else w.null();
  w.close('}');
  return w.take();
}

}  // namespace reviewlens::index
