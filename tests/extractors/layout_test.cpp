// Layout repair on PDFs drawn with cairo: each test draws the page furniture
// and text it is about and asserts the exact passages that come out (text
// normalised as the pipeline stores it). All text is fictional.
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include "extractors/layout.h"
#include "extractors/pdf_reader.h"
#include "pipeline/text/normalise.h"
#include "tests/support/pdf_builder.h"
#include "tests/support/temp_dir.h"

using reviewlens::Passage;
using reviewlens::PassageKind;
using reviewlens::testing::PdfBuilder;
using reviewlens::testing::TempDir;
using reviewlens::testing::TextStyle;

namespace {

constexpr double kLeft = 72, kWidth = 448;  // text block: x 72..520
const TextStyle kHeading{.size = 16, .bold = true};
const TextStyle kSmall{.size = 8};

const std::string kPara1 =
    "The health visitor saw the family at home on four occasions during the period under review "
    "and recorded that the flat was crowded, but the significance of this was not discussed with "
    "the social worker or the GP practice.";
const std::string kPara2 =
    "Practitioners told the review that the assessment of risk was not updated after the second "
    "police notification, because each agency believed that another agency was leading the work "
    "with the family.";
const std::string kPara3 =
    "The school raised concerns about attendance in the spring term and made a referral to the "
    "Early Help team, which offered the family a parenting programme that the mother attended "
    "twice before it ended.";
const std::string kPara4 =
    "Information held by the housing provider about noise and arguments at the flat was not known "
    "to any other agency, and nobody asked the neighbours what they had seen or heard.";

struct Expected {
  PassageKind kind;
  int page;
  std::string para;
  std::string text;
};

std::vector<Passage> passages_of(const std::filesystem::path& pdf) {
  auto raw = reviewlens::extractors::read_pdf(pdf, {});
  if (!raw) FAIL(raw.error().describe());
  auto passages = reviewlens::extractors::build_passages(*raw);
  for (Passage& p : passages) {
    p.text = reviewlens::text::normalise(p.text);
    p.heading = reviewlens::text::normalise(p.heading);
  }
  return passages;
}

std::vector<std::string> texts_of(const std::vector<Passage>& passages) {
  std::vector<std::string> out;
  for (const Passage& p : passages) out.push_back(p.text);
  return out;
}

void check_passages(const std::vector<Passage>& got, const std::vector<Expected>& want) {
  CHECK(texts_of(got) == [&] {
    std::vector<std::string> t;
    for (const Expected& e : want) t.push_back(e.text);
    return t;
  }());
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("passage " << i << ": " << want[i].text);
    CHECK(got[i].kind == want[i].kind);
    CHECK(got[i].page == want[i].page);
    CHECK(got[i].para == want[i].para);
  }
}

void title_page(PdfBuilder& pdf) {
  pdf.text(72, 60, "Thornbury Safeguarding Children Partnership", {.size = 14, .bold = true});
  pdf.text(72, 300, "Local Child Safeguarding Practice Review", {.size = 24, .bold = true});
  pdf.text(72, 340, "Child Q", {.size = 20, .bold = true});
  pdf.text(72, 380, "Published: May 2023", {.size = 13});
  pdf.new_page();
}

// Running header and footer of body page `n` (printed page number n).
void furniture(PdfBuilder& pdf, int n, const std::string& footer_form) {
  pdf.text(72, 40, "Thornbury Safeguarding Children Partnership - Child Q", kSmall);
  pdf.text(280, 810, fmt::format(fmt::runtime(footer_form), n), kSmall);
}

// A numbered paragraph: label at the margin, text wrapped from a tab stop.
double numbered(PdfBuilder& pdf, double y, const std::string& label, const std::string& text) {
  pdf.text(kLeft, y, label);
  return pdf.wrapped(kLeft + 38, y, kWidth - 38, text) + 8;
}

}  // namespace

TEST_CASE("Layout: drops running headers and page numbers", "[extractors]") {
  const std::string form = GENERATE(as<std::string>{}, "Page {} of 4", "Page {}", "{}", "- {} -",
                                    "{} | Thornbury Partnership");
  INFO("footer form: " << form);
  TempDir dir;
  PdfBuilder pdf;
  title_page(pdf);
  const std::vector<std::string> paras = {kPara1, kPara2, kPara3, kPara4, kPara1 + " Again.",
                                          kPara2 + " Again."};
  std::vector<Expected> want;
  for (int page = 2; page <= 4; ++page) {
    furniture(pdf, page, form);
    double y = 100;
    for (int k = 0; k < 2; ++k) {
      int n = (page - 2) * 2 + k;
      std::string label = fmt::format("1.{}", n + 1);
      y = numbered(pdf, y, label, paras[n]);
      want.push_back({PassageKind::paragraph, page, label, paras[n]});
    }
    if (page < 4) pdf.new_page();
  }
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"), want);
}

TEST_CASE("Layout: drops the title page and a contents page with dot leaders", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  title_page(pdf);
  furniture(pdf, 2, "Page {} of 3");
  pdf.text(72, 100, "Contents", kHeading);
  pdf.text(72, 140, "1. Introduction ................................................ 3");
  pdf.text(72, 160, "2. Findings ..................................................... 3");
  pdf.text(90, 180, "Domestic abuse .............................................. 3");
  pdf.text(72, 200, "3. Recommendations ............................................ 3");
  pdf.new_page();
  furniture(pdf, 3, "Page {} of 3");
  pdf.text(72, 100, "1. Introduction", kHeading);
  double y = pdf.wrapped(kLeft, 130, kWidth, kPara1) + 8;
  pdf.wrapped(kLeft, y, kWidth, kPara2);
  pdf.save(dir / "review.pdf");
  auto got = passages_of(dir / "review.pdf");
  check_passages(got, {{PassageKind::heading, 3, "1", "Introduction"},
                       {PassageKind::paragraph, 3, "", kPara1},
                       {PassageKind::paragraph, 3, "", kPara2}});
  CHECK(got[1].heading == "Introduction");
}

TEST_CASE("Layout: rejoins words hyphenated at line ends and keeps real hyphens", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  // The document's own vocabulary: "assessment", "safeguarding",
  // "information" and "multi-agency" occur whole elsewhere.
  double y = pdf.wrapped(kLeft, 100, kWidth,
                         "The assessment was shared at the multi-agency safeguarding meeting, and "
                         "the information from it reached every agency in time.") + 8;
  auto two_lines = [&](const std::string& first, const std::string& second) {
    y = pdf.lines(kLeft, y, {first, second}) + 8;
  };
  two_lines("Practitioners agreed that the assess-", "ment of the baby was thorough.");
  two_lines("The partnership reviewed its safe\u2010", "guarding arrangements in June.");
  two_lines("The school kept the informa\u00AD", "tion on a separate file.");
  two_lines("A multi-", "agency audit followed in the autumn.");
  two_lines("There were concerns about self-", "harm from the summer onwards.");
  two_lines("She was seen by a well-", "known local charity.");
  pdf.save(dir / "review.pdf");
  auto got = texts_of(passages_of(dir / "review.pdf"));
  CHECK(got == std::vector<std::string>{
                   "The assessment was shared at the multi-agency safeguarding meeting, and the "
                   "information from it reached every agency in time.",
                   "Practitioners agreed that the assessment of the baby was thorough.",
                   "The partnership reviewed its safeguarding arrangements in June.",
                   "The school kept the information on a separate file.",
                   "A multi-agency audit followed in the autumn.",
                   "There were concerns about self-harm from the summer onwards.",
                   "She was seen by a well-known local charity."});
}

TEST_CASE("Layout: paragraph numbers go to para and out of the text", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  double y = numbered(pdf, 100, "4.12", kPara1);
  y = numbered(pdf, y, "12.", kPara2);
  y = numbered(pdf, y, "3.2.1", kPara3);
  pdf.text(kLeft, y, "Finding 3");
  pdf.wrapped(kLeft + 70, y, kWidth - 70, kPara4);
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"),
                 {{PassageKind::paragraph, 1, "4.12", kPara1},
                  {PassageKind::paragraph, 1, "12", kPara2},
                  {PassageKind::paragraph, 1, "3.2.1", kPara3},
                  {PassageKind::paragraph, 1, "Finding 3", kPara4}});
}

TEST_CASE("Layout: detects headings, their numbers and the heading above", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  pdf.text(kLeft, 100, "3. Findings", kHeading);
  double y = numbered(pdf, 130, "3.1", kPara1);
  pdf.text(kLeft, y + 6, "3.2 Domestic abuse", {.size = 13, .bold = true});
  y = numbered(pdf, y + 30, "3.3", kPara2);
  pdf.text(kLeft, y + 6, "LEARNING FOR THE PARTNERSHIP");
  pdf.wrapped(kLeft, y + 30, kWidth, kPara3);
  pdf.save(dir / "review.pdf");
  auto got = passages_of(dir / "review.pdf");
  check_passages(got, {{PassageKind::heading, 1, "3", "Findings"},
                       {PassageKind::paragraph, 1, "3.1", kPara1},
                       {PassageKind::heading, 1, "3.2", "Domestic abuse"},
                       {PassageKind::paragraph, 1, "3.3", kPara2},
                       {PassageKind::heading, 1, "", "LEARNING FOR THE PARTNERSHIP"},
                       {PassageKind::paragraph, 1, "", kPara3}});
  REQUIRE(got.size() == 6);
  CHECK(got[0].heading.empty());
  CHECK(got[1].heading == "Findings");
  CHECK(got[2].heading == "Findings");
  CHECK(got[3].heading == "Domestic abuse");
  CHECK(got[5].heading == "LEARNING FOR THE PARTNERSHIP");
}

TEST_CASE("Layout: one passage per bullet item, whatever the glyph", "[extractors]") {
  const std::string glyph =
      GENERATE(as<std::string>{}, "\u2022", "\u25AA", "\u2751", "\u27A2", "\u2713", "\u25BA",
               "\u25E6", "\uF0B7", "\uF0A7", "-", "o");
  INFO("glyph " << glyph);
  TempDir dir;
  PdfBuilder pdf;
  double y = pdf.wrapped(kLeft, 100, kWidth, "The review panel agreed these lines of enquiry:") + 8;
  const std::vector<std::string> items = {
      "How well did agencies share information about the risks to the baby from the adults in the "
      "household, and were there barriers to sharing it?",
      "Was the voice of the child heard?",
      "How effective was the response to domestic abuse within the family?"};
  for (const std::string& item : items) {
    pdf.text(kLeft + 18, y, glyph, {.size = 10});
    y = pdf.wrapped(kLeft + 34, y, kWidth - 34, item) + 3;
  }
  pdf.wrapped(kLeft, y + 8, kWidth, kPara4);
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"),
                 {{PassageKind::paragraph, 1, "", "The review panel agreed these lines of enquiry:"},
                  {PassageKind::bullet, 1, "", items[0]},
                  {PassageKind::bullet, 1, "", items[1]},
                  {PassageKind::bullet, 1, "", items[2]},
                  {PassageKind::paragraph, 1, "", kPara4}});
}

TEST_CASE("Layout: reads two-column pages column by column", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  pdf.text(kLeft, 100, "Appendix A: Glossary", kHeading);
  const std::vector<std::string> left = {
      "CAMHS \u2013 Child and Adolescent Mental Health Services, which assess and treat young "
      "people with emotional and mental health difficulties.",
      "DSL \u2013 Designated Safeguarding Lead: the member of school staff who takes lead "
      "responsibility for safeguarding."};
  const std::vector<std::string> right = {
      "MARAC \u2013 Multi-Agency Risk Assessment Conference, which shares information about "
      "high-risk domestic abuse cases.",
      "PRU \u2013 Pupil Referral Unit, which educates children who cannot attend a mainstream "
      "school for a while."};
  const double column = (kWidth - 24) / 2;
  double y = 130;
  for (const std::string& entry : left) y = pdf.wrapped(kLeft, y, column, entry) + 6;
  y = 130;
  for (const std::string& entry : right) y = pdf.wrapped(kLeft + column + 24, y, column, entry) + 6;
  pdf.save(dir / "review.pdf");
  auto got = texts_of(passages_of(dir / "review.pdf"));
  CHECK(got == std::vector<std::string>{"Appendix A: Glossary", "CAMHS - " + left[0].substr(10),
                                        "DSL - " + left[1].substr(8),
                                        "MARAC - " + right[0].substr(10),
                                        "PRU - " + right[1].substr(8)});
}

TEST_CASE("Layout: ligatures come out as plain letters", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  pdf.text(kLeft, 100, "The \uFB01nal report was signed o\uFB00 by the \uFB02oor manager.");
  pdf.save(dir / "review.pdf");
  CHECK(texts_of(passages_of(dir / "review.pdf")) ==
        std::vector<std::string>{"The final report was signed off by the floor manager."});
}

TEST_CASE("Layout: one passage per chronology row, repeated header rows dropped", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  const TextStyle cell{.size = 10};
  const TextStyle head{.size = 10, .bold = true};
  const double cols[] = {72, 160, 280};
  struct Row {
    std::string date, agency, summary;
  };
  const std::vector<Row> rows = {
      {"03/02/2021", "Police", "Officers attended a report of shouting at the flat; no further action."},
      {"17/02/2021", "Health Visiting", "New birth visit; safe sleeping advice given and recorded."},
      {"02/03/2021", "School", "Attendance below 80% for the half term; letter sent home."},
      {"11/03/2021", "GP", "Mother seen with low mood and referred to talking therapies."}};
  std::vector<Expected> want;
  for (int page = 1; page <= 2; ++page) {
    double y = 100;
    pdf.text(cols[0], y, "Date", head).text(cols[1], y, "Agency", head);
    pdf.text(cols[2], y, "Summary of contact or event", head);
    y += 20;
    for (int r = 0; r < 2; ++r) {
      const Row& row = rows[static_cast<std::size_t>((page - 1) * 2 + r)];
      pdf.text(cols[0], y, row.date, cell).text(cols[1], y, row.agency, cell);
      double end = pdf.wrapped(cols[2], y, 230, row.summary, 12, cell);
      y = end + 10;
      want.push_back({PassageKind::table_row, page, "",
                      row.date + " " + row.agency + " " + row.summary});
    }
    if (page == 1) pdf.new_page();
  }
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"), want);
}

TEST_CASE("Layout: a paragraph crossing a page break is one passage on its start page",
          "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  const std::string long_para = kPara1 + " " + kPara2 + " " + kPara3;
  auto lines = pdf.wrap(long_para, kWidth - 38);
  REQUIRE(lines.size() >= 6);
  furniture(pdf, 1, "Page {} of 2");
  double y = numbered(pdf, 100, "2.1", kPara4);
  pdf.text(kLeft, 740, "2.2");
  pdf.lines(kLeft + 38, 740, {lines.begin(), lines.begin() + 3});
  pdf.new_page();
  furniture(pdf, 2, "Page {} of 2");
  y = pdf.lines(kLeft + 38, 100, {lines.begin() + 3, lines.end()}) + 8;
  numbered(pdf, y, "2.3", kPara1);
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"),
                 {{PassageKind::paragraph, 1, "2.1", kPara4},
                  {PassageKind::paragraph, 1, "2.2", long_para},
                  {PassageKind::paragraph, 2, "2.3", kPara1}});
}

TEST_CASE("Layout: a number starting a wrapped, justified line is not a paragraph number",
          "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  // Regression: "18" followed by a justified (wide) space was taken for a
  // paragraph label and split the paragraph.
  pdf.text(kLeft, 100, "4.3");
  pdf.lines(kLeft + 38, 100,
            {"The strategy meeting that agencies had planned for the morning of",
             "18  February  2023  was  postponed  by  two  weeks."});
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"),
                 {{PassageKind::paragraph, 1, "4.3",
                   "The strategy meeting that agencies had planned for the morning of 18 February "
                   "2023 was postponed by two weeks."}});
}

TEST_CASE("Layout: a numbered item at the top of a page starts a new passage", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  // Regression: the first item ends in a full line at the page foot, so only
  // the "Recommendation 2:" label tells the items apart.
  const std::string first = "Recommendation 1: The partnership should audit the use of interpreters.";
  const std::string second = "Recommendation 2: Schools should record every missed appointment.";
  pdf.text(kLeft, 700, first);
  pdf.new_page();
  pdf.text(kLeft, 100, second);
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"), {{PassageKind::paragraph, 1, "", first},
                                                   {PassageKind::paragraph, 2, "", second}});
}

TEST_CASE("Layout: a paragraph number wider than its tab stop is still a label", "[extractors]") {
  TempDir dir;
  PdfBuilder pdf;
  // Regression: "7.100" leaves almost no gap before its text (or touches it)
  // and the label went into the text.
  double y = 100;
  for (const auto& [label, indent] : {std::pair<std::string, double>{"7.100", 33}, {"7.101", 30.5}}) {
    pdf.text(kLeft, y, label);
    pdf.lines(kLeft + indent, y, {"The review panel met six times between March and July."});
    y += 30;
  }
  pdf.save(dir / "review.pdf");
  check_passages(passages_of(dir / "review.pdf"),
                 {{PassageKind::paragraph, 1, "7.100",
                   "The review panel met six times between March and July."},
                  {PassageKind::paragraph, 1, "7.101",
                   "The review panel met six times between March and July."}});
}
