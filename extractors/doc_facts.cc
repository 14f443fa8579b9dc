#include "extractors/doc_facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <utility>

#include "pipeline/text/normalise.h"

namespace reviewlens::extractors {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Metadata titles written by tools rather than people.
bool plausible_metadata_title(std::string_view title) {
  const std::string t = lower(title);
  if (t.size() < 4) return false;
  for (std::string_view junk : {"microsoft word", "untitled", ".docx", ".doc", ".pdf", ".indd",
                                "powerpoint", "slide 1", "document1", "_"})
    if (contains(t, junk)) return false;
  return std::any_of(t.begin(), t.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string join_line(std::vector<const RawWord*>& words) {
  std::sort(words.begin(), words.end(), [](const RawWord* a, const RawWord* b) { return a->x < b->x; });
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += words[i]->text;
    if (i + 1 < words.size() && words[i]->space_after) out += ' ';
  }
  return text::normalise(out);
}

int year_in(const std::string& s, int low, int high, bool latest) {
  static const std::regex kYear(R"(\b(19|20)\d\d\b)");
  int found = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kYear); it != std::sregex_iterator(); ++it) {
    int y = std::stoi(it->str());
    if (y < low || y > high) continue;
    if (!latest) return y;
    found = std::max(found, y);
  }
  return found;
}

// Words that can precede a partnership name in running text without being
// part of it ("Published by Northbridge Safeguarding Children Partnership").
bool lead_in_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kWords{
      "Published", "By", "The", "Report", "Review", "Commissioned", "For", "On", "Behalf",
      "Of", "Produced", "Overview"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

std::string strip_lead_in(const std::string& match) {
  std::size_t pos = 0;
  while (pos < match.size()) {
    std::size_t end = match.find(' ', pos);
    if (end == std::string::npos || !lead_in_word(std::string_view(match).substr(pos, end - pos)))
      break;
    pos = end + 1;
  }
  return match.substr(pos);
}

}  // namespace

// Line by line first, so words of a neighbouring line ("Child A") are not
// taken into the name; then pairs of lines, for a name wrapped in two.
static std::string partnership_on(const std::vector<PageLine>& lines) {
  for (const auto& l : lines)
    if (auto p = find_partnership(l.text); !p.empty()) return p;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (auto p = find_partnership(lines[i].text + " " + lines[i + 1].text); !p.empty()) return p;
  return {};
}

std::vector<PageLine> page_lines(const RawPage& page) {
  std::vector<const RawWord*> words;
  for (const auto& w : page.words)
    if (!w.text.empty()) words.push_back(&w);
  // Bottoms rather than tops: a line mixing font sizes shares its baseline.
  std::sort(words.begin(), words.end(), [](const RawWord* a, const RawWord* b) {
    return a->y + a->height < b->y + b->height;
  });
  std::vector<PageLine> lines;
  std::vector<const RawWord*> current;
  double bottom = 0, size = 0;
  auto flush = [&] {
    if (current.empty()) return;
    lines.push_back({join_line(current), size, bottom});
    current.clear();
  };
  for (const RawWord* w : words) {
    const double b = w->y + w->height;
    const double tolerance = 0.4 * std::max(w->height, 1.0);
    if (!current.empty() && b - bottom > tolerance) flush();
    if (current.empty()) size = 0;
    current.push_back(w);
    bottom = b;
    size = std::max(size, w->font_size > 0 ? w->font_size : w->height);
  }
  flush();
  std::erase_if(lines, [](const PageLine& l) { return l.text.empty(); });
  return lines;
}

std::string infer_title(const std::vector<PageLine>& first_page, std::string_view metadata_title) {
  const std::string meta = text::normalise(metadata_title);
  if (plausible_metadata_title(meta)) return meta;
  double biggest = 0;
  for (const auto& l : first_page) biggest = std::max(biggest, l.font_size);
  if (biggest <= 0) return {};
  // The first run of lines in (nearly) the biggest size is the title (it may
  // wrap); a run just below it in a size still well above body text is the
  // subtitle, usually the child ("Child Q") or the subject.
  std::string title, subtitle;
  std::size_t i = 0;
  while (i < first_page.size() && first_page[i].font_size < 0.9 * biggest) ++i;
  for (; i < first_page.size() && first_page[i].font_size >= 0.9 * biggest; ++i)
    title += (title.empty() ? "" : " ") + first_page[i].text;
  for (; i < first_page.size() && first_page[i].font_size >= 0.7 * biggest; ++i)
    subtitle += (subtitle.empty() ? "" : " ") + first_page[i].text;
  if (subtitle.size() >= 2 && (subtitle.front() == '"' || subtitle.front() == '\'') &&
      subtitle.back() == subtitle.front())
    subtitle = subtitle.substr(1, subtitle.size() - 2);
  return subtitle.empty() ? title : title + ": " + subtitle;
}

DocType infer_doc_type(std::string_view title, std::string_view title_page_text) {
  // National reviews are commissioned by the Panel; a local review's title
  // page mentions the Panel only as the recipient, hence the exclusion.
  static const std::array<std::pair<std::regex, DocType>, 6> kRules{{
      {std::regex(R"(national (child safeguarding practice )?review|national panel review)"),
       DocType::national_review},
      {std::regex(R"(thematic)"), DocType::thematic_review},
      {std::regex(R"(annual report)"), DocType::annual_report},
      {std::regex(R"(rapid review)"), DocType::rapid_review},
      {std::regex(R"(serious case review|\bscr\b)"), DocType::serious_case_review},
      {std::regex(R"(\blcspr\b|child safeguarding practice review(?! panel)|learning review)"),
       DocType::lcspr},
  }};
  for (std::string_view source : {title, title_page_text}) {
    const std::string text = lower(source);
    for (const auto& [pattern, type] : kRules)
      if (std::regex_search(text, pattern)) return type;
  }
  return DocType::other;
}

int infer_year(const std::vector<PageLine>& first_page, int metadata_year, int current_year) {
  static const std::regex kDateLine(R"(^(published|publication date|date of publication|date published|date:))",
                                    std::regex::icase);
  for (const auto& l : first_page)
    if (std::regex_search(l.text, kDateLine))
      if (int y = year_in(l.text, 1990, current_year + 1, false)) return y;
  if (metadata_year >= 2000 && metadata_year <= current_year + 1) return metadata_year;
  std::string all;
  for (const auto& l : first_page) all += l.text + "\n";
  return year_in(all, 2010, current_year, true);
}

std::string find_partnership(std::string_view text_in) {
  const std::string text = text::normalise(text_in);
  static const std::regex kInForm(R"(Safeguarding Children in (?:[A-Z][\w'&-]* ){1,3}Partnership)");
  static const std::regex kNameForm(
      R"((?:(?:[A-Z][\w'&.-]*|and|&) ){1,7}?(?:Children's )?Safeguarding (?:Children )?(?:Partnership|Board|Arrangements))");
  std::smatch m;
  if (std::regex_search(text, m, kInForm)) return m.str();
  if (std::regex_search(text, m, kNameForm)) return strip_lead_in(m.str());
  return {};
}

std::string find_child(std::string_view text_in) {
  const std::string text = text::normalise(text_in);
  static const std::regex kChildren(R"(\bChildren [A-Z](?:, [A-Z])* (?:and|&) [A-Z]\b)");
  static const std::regex kChild(R"(\b(?:Child|Baby|Infant) [A-Z]{1,2}\d?\b)");
  static const std::regex kQuotedName(R"(^['"]([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['"]$)");
  std::smatch m;
  if (std::regex_search(text, m, kChildren)) return m.str();
  if (std::regex_search(text, m, kChild)) return m.str();
  if (std::regex_match(text, m, kQuotedName)) return m[1].str();
  return {};
}

DocumentFacts infer_facts(const RawDocument& raw, int current_year) {
  DocumentFacts facts;
  std::vector<PageLine> first;
  if (!raw.pages.empty()) first = page_lines(raw.pages.front());
  std::string page_text;
  for (const auto& l : first) page_text += l.text + "\n";

  facts.title = infer_title(first, raw.metadata.title);
  facts.doc_type = infer_doc_type(facts.title, page_text + "\n" + raw.metadata.title);
  facts.year = infer_year(first, raw.metadata.creation_year, current_year);
  facts.partnership = partnership_on(first);
  if (facts.partnership.empty()) facts.partnership = find_partnership(raw.metadata.author);
  // National reviews are published by the Panel itself, not a partnership.
  if (facts.partnership.empty() && facts.doc_type == DocType::national_review &&
      page_text.find("Child Safeguarding Practice Review Panel") != std::string::npos)
    facts.partnership = "The Child Safeguarding Practice Review Panel";
  facts.child = find_child(facts.title);
  // Title-page lines in order, so the child's own line (often just under the
  // title) wins over a name further down.
  for (std::size_t i = 0; facts.child.empty() && i < first.size(); ++i)
    facts.child = find_child(first[i].text);
  if (facts.child.empty()) facts.child = find_child(raw.metadata.title);
  return facts;
}

}  // namespace reviewlens::extractors
