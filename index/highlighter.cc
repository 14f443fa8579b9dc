#include "index/highlighter.h"

#include <cctype>

#include <xapian.h>

#include "index/schema.h"
#include "index/word_tokens.h"

namespace reviewlens::index {
namespace {

constexpr const char* kAnsiStart = "\x1b[1;33m";
constexpr const char* kAnsiEnd = "\x1b[0m";

}  // namespace

Highlighter::Highlighter(const std::vector<std::string>& query_terms,
                         const std::vector<std::string>& wildcard_prefixes,
                         const std::vector<SynonymGroup>& synonyms)
    : prefixes_(wildcard_prefixes) {
  Xapian::Stem stem("english");
  auto add_phrase_words = [&](std::string_view phrase) {
    for (auto t : word_tokens(phrase)) stems_.insert(stem(ascii_lower(phrase.substr(t.start, t.end - t.start))));
  };
  for (const auto& term : query_terms) {
    if (term.empty()) continue;
    if (term[0] == 'Z') {
      stems_.insert(term.substr(1));
    } else if (term.starts_with(schema::kConceptPrefix)) {
      std::string abbr = term.substr(schema::kConceptPrefix.size());
      words_.insert(abbr);
      for (const auto& g : synonyms)
        if (g.abbreviation == abbr)
          for (const auto& e : g.expansions) add_phrase_words(e);
    } else if (!std::isupper(static_cast<unsigned char>(term[0]))) {
      words_.insert(term);
    }
  }
}

std::string Highlighter::highlight(std::string_view text, HighlightStyle style) const {
  if (style == HighlightStyle::none) return std::string(text);
  const char* open = style == HighlightStyle::ansi ? kAnsiStart : kHighlightStart;
  const char* close = style == HighlightStyle::ansi ? kAnsiEnd : kHighlightEnd;
  Xapian::Stem stem("english");
  auto matches = [&](std::string_view word) {
    std::string lower = ascii_lower(word);
    if (words_.contains(lower)) return true;
    for (const auto& p : prefixes_)
      if (lower.starts_with(p)) return true;
    return !stems_.empty() && stems_.contains(stem(lower));
  };
  std::string out;
  std::size_t done = 0;
  for (auto t : word_tokens(text)) {
    if (!matches(text.substr(t.start, t.end - t.start))) continue;
    out.append(text.substr(done, t.start - done));
    out += open;
    out.append(text.substr(t.start, t.end - t.start));
    out += close;
    done = t.end;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace reviewlens::index
