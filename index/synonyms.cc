#include "index/synonyms.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <xapian.h>

#include "index/word_tokens.h"

extern const char kDefaultSynonyms[];

namespace reviewlens::index {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Lower-case words joined by single spaces, as Xapian's query parser builds
// multiword synonym keys.
std::string normalise_phrase(std::string_view phrase) {
  std::string out;
  for (auto t : word_tokens(phrase)) {
    if (!out.empty()) out += ' ';
    out += ascii_lower(phrase.substr(t.start, t.end - t.start));
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(std::string(s.substr(start, i - start)));
      start = i + 1;
    }
  return out;
}

}  // namespace

std::vector<SynonymGroup> parse_synonyms(std::string_view text) {
  std::vector<SynonymGroup> groups;
  int line_no = 0;
  for (const auto& raw : split(text, '\n')) {
    ++line_no;
    std::string line = trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    auto eq = line.find('=');
    SynonymGroup g;
    if (eq != std::string::npos) g.abbreviation = normalise_phrase(line.substr(0, eq));
    if (eq == std::string::npos || g.abbreviation.empty() ||
        g.abbreviation.find(' ') != std::string::npos)
      throw std::invalid_argument(fmt::format("synonyms line {}: expected 'abbr = expansion | ...'", line_no));
    for (const auto& e : split(line.substr(eq + 1), '|'))
      if (auto phrase = normalise_phrase(e); !phrase.empty()) g.expansions.push_back(phrase);
    if (g.expansions.empty())
      throw std::invalid_argument(fmt::format("synonyms line {}: no expansion", line_no));
    groups.push_back(std::move(g));
  }
  return groups;
}

std::vector<SynonymGroup> default_synonyms() { return parse_synonyms(kDefaultSynonyms); }

ConceptDetector::ConceptDetector(const std::vector<SynonymGroup>& groups) {
  Xapian::Stem stem("english");
  for (const auto& g : groups) {
    std::string upper = g.abbreviation;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    capitals_.emplace(upper, g.abbreviation);
    for (const auto& e : g.expansions) {
      Phrase p{{}, g.abbreviation};
      for (const auto& w : split(e, ' ')) p.stems.push_back(stem(w));
      if (!p.stems.empty()) phrases_.emplace(p.stems.front(), std::move(p));
    }
  }
}

std::vector<std::string> ConceptDetector::concepts_in(std::string_view text) const {
  StemCache stems;
  return concepts_in(text, stems);
}

std::vector<std::string> ConceptDetector::concepts_in(std::string_view text, StemCache& cache) const {
  constexpr std::size_t kMaxCached = 200'000;  // words; a corpus's vocabulary is far smaller
  if (cache.size() > kMaxCached) cache.clear();
  std::optional<Xapian::Stem> stem;  // built only when a word is new to the cache
  std::vector<std::string> found;
  std::vector<const std::string*> stems;  // into `cache`, which only grows during this call
  for (auto t : word_tokens(text)) {
    std::string word(text.substr(t.start, t.end - t.start));
    for (auto [it, end] = capitals_.equal_range(word); it != end; ++it) found.push_back(it->second);
    std::string lower = ascii_lower(word);
    auto it = cache.find(lower);
    if (it == cache.end()) {
      if (!stem) stem.emplace("english");
      std::string s = (*stem)(lower);
      it = cache.emplace(std::move(lower), std::move(s)).first;
    }
    stems.push_back(&it->second);
  }
  for (std::size_t i = 0; i < stems.size(); ++i) {
    for (auto [it, end] = phrases_.equal_range(*stems[i]); it != end; ++it) {
      const auto& want = it->second.stems;
      if (want.size() > stems.size() - i) continue;
      bool all = true;
      for (std::size_t k = 1; k < want.size() && all; ++k) all = *stems[i + k] == want[k];
      if (all) found.push_back(it->second.concept_id);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace reviewlens::index
