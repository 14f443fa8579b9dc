#include <catch2/catch.hpp>

#include "extractors/doc_facts.h"

using namespace reviewlens;
using namespace reviewlens::extractors;

namespace {

// Words of one line at baseline y, each `size` points high, laid out left to
// right as Poppler reports them.
void add_line(RawPage& page, double y, double size, const std::string& line) {
  double x = 72;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    RawWord w;
    w.text = line.substr(start, end - start);
    w.x = x;
    w.y = y - size;
    w.width = 0.5 * size * static_cast<double>(w.text.size());
    w.height = size;
    w.font_size = size;
    page.words.push_back(w);
    x += w.width + 0.3 * size;
    start = end + 1;
  }
}

std::vector<PageLine> lines(std::initializer_list<std::pair<double, std::string>> spec) {
  std::vector<PageLine> out;
  double y = 100;
  for (const auto& [size, text] : spec) out.push_back({text, size, y += 30});
  return out;
}

}  // namespace

TEST_CASE("page_lines: groups words by baseline, top to bottom", "[extractors][facts]") {
  RawPage page;
  add_line(page, 300, 11, "Published: March 2021");
  add_line(page, 200, 24, "Local Child Safeguarding");
  add_line(page, 230, 24, "Practice Review");
  // A word in a smaller font on the same baseline joins its line.
  RawWord small{"(draft)", 400, 200 - 8, 30, 8, 8, "", true};
  page.words.push_back(small);

  auto out = page_lines(page);
  REQUIRE(out.size() == 3);
  CHECK(out[0].text == "Local Child Safeguarding (draft)");
  CHECK(out[0].font_size == 24);
  CHECK(out[1].text == "Practice Review");
  CHECK(out[2].text == "Published: March 2021");
}

TEST_CASE("infer_title: the biggest-font lines, joined when the title wraps, then the subtitle",
          "[extractors][facts]") {
  auto page = lines({{13, "Northbridge Safeguarding Children Partnership"},
                     {24, "Local Child Safeguarding"},
                     {24, "Practice Review"},
                     {20, "\"Child H\""},
                     {12.5, "Final report"},
                     {24, "Overview"}});
  CHECK(infer_title(page, "") == "Local Child Safeguarding Practice Review: Child H");
  CHECK(infer_title(lines({{24, "Thematic Review"}, {19, "Young people and self-harm:"},
                           {19, "the experiences of P and S"}, {12, "Published: 2024"}}),
                    "") == "Thematic Review: Young people and self-harm: the experiences of P and S");
  CHECK(infer_title(lines({{24, "Rapid Review"}, {12, "Published: May 2021"}}), "") == "Rapid Review");
}

TEST_CASE("infer_title: a plausible metadata title wins; tool-made ones do not", "[extractors][facts]") {
  auto page = lines({{24, "Serious Case Review"}, {18, "Child K"}});
  CHECK(infer_title(page, "SCR Child K overview") == "SCR Child K overview");
  CHECK(infer_title(page, "Microsoft Word - SCR final v3.docx") == "Serious Case Review: Child K");
  CHECK(infer_title(page, "untitled") == "Serious Case Review: Child K");
  CHECK(infer_title(page, "scr_child_k_final") == "Serious Case Review: Child K");
  CHECK(infer_title({}, "Rapid Review: Baby M") == "Rapid Review: Baby M");
  CHECK(infer_title({}, "").empty());
}

TEST_CASE("infer_doc_type: title first, in a fixed order", "[extractors][facts]") {
  struct Case {
    const char* title;
    const char* page;
    DocType want;
  };
  const Case cases[] = {
      {"Local Child Safeguarding Practice Review", "", DocType::lcspr},
      {"LCSPR: Child T", "", DocType::lcspr},
      {"Rapid Review", "Report to the Child Safeguarding Practice Review Panel", DocType::rapid_review},
      {"Serious Case Review: Child K", "", DocType::serious_case_review},
      {"Child Protection in England: National review into the deaths of two children", "",
       DocType::national_review},
      {"A thematic review of neglect in adolescence", "", DocType::thematic_review},
      {"Safeguarding Partnership Annual Report 2022-23", "", DocType::annual_report},
      {"Learning from Baby P", "This serious case review was commissioned", DocType::serious_case_review},
      {"Overview", "Report to the Child Safeguarding Practice Review Panel", DocType::other},
      {"Minutes of a meeting", "", DocType::other},
  };
  for (const auto& c : cases) {
    INFO(c.title);
    CHECK(infer_doc_type(c.title, c.page) == c.want);
  }
}

TEST_CASE("infer_year: publication line, then metadata, then latest year", "[extractors][facts]") {
  auto with_published = lines({{24, "Rapid Review"},
                               {11, "Incident in 2019, review began 2020"},
                               {11, "Published 14 March 2021"}});
  CHECK(infer_year(with_published, 2023, 2025) == 2021);
  CHECK(infer_year(lines({{11, "Publication date: June 2020"}}), 0, 2025) == 2020);

  auto no_line = lines({{24, "Review"}, {11, "Events of 2017 and 2019"}});
  CHECK(infer_year(no_line, 2022, 2025) == 2022);
  CHECK(infer_year(no_line, 0, 2025) == 2019);
  // Years beyond this year or before 2010 are not publication years.
  CHECK(infer_year(lines({{11, "Plan for 2030; events in 2004"}}), 0, 2025) == 0);
}

TEST_CASE("find_partnership: the name forms partnerships use", "[extractors][facts]") {
  CHECK(find_partnership("Northbridge Safeguarding Children Partnership") ==
        "Northbridge Safeguarding Children Partnership");
  CHECK(find_partnership("Published by the Eastmoor and Westby Safeguarding Children Partnership") ==
        "Eastmoor and Westby Safeguarding Children Partnership");
  CHECK(find_partnership("Northbridge Local Safeguarding Children Board") ==
        "Northbridge Local Safeguarding Children Board");
  CHECK(find_partnership("Kelmarsh Safeguarding Partnership") == "Kelmarsh Safeguarding Partnership");
  CHECK(find_partnership("Safeguarding Children in Oakvale Partnership, 2022") ==
        "Safeguarding Children in Oakvale Partnership");
  CHECK(find_partnership("Ravenholt Children\u2019s Safeguarding Partnership") ==
        "Ravenholt Children's Safeguarding Partnership");
  CHECK(find_partnership("Oakvale Multi-Agency Safeguarding Arrangements") ==
        "Oakvale Multi-Agency Safeguarding Arrangements");
  CHECK(find_partnership("The safeguarding partners agreed").empty());
}

TEST_CASE("find_child: pseudonyms in titles and title-page lines", "[extractors][facts]") {
  CHECK(find_child("Local Child Safeguarding Practice Review: Child A") == "Child A");
  CHECK(find_child("Rapid Review - Baby M") == "Baby M");
  CHECK(find_child("Child Q") == "Child Q");
  CHECK(find_child("Serious Case Review: Children A and B") == "Children A and B");
  CHECK(find_child("Children C, D and E") == "Children C, D and E");
  CHECK(find_child("\u2018Leo\u2019") == "Leo");
  CHECK(find_child("Local Child Safeguarding Practice Review").empty());
  CHECK(find_child("Child Protection in England").empty());
  CHECK(find_child("Report to the Child Safeguarding Practice Review Panel").empty());
}

TEST_CASE("infer_facts: a whole title page", "[extractors][facts]") {
  RawDocument doc;
  doc.metadata.title = "Microsoft Word - LCSPR H v2.docx";
  doc.metadata.author = "Northbridge Safeguarding Children Partnership";
  doc.metadata.creation_year = 2023;
  RawPage page;
  page.number = 1;
  add_line(page, 40, 13, "Northbridge and Eastmoor Safeguarding");
  add_line(page, 56, 13, "Children Partnership");
  add_line(page, 300, 24, "Local Child Safeguarding Practice Review");
  add_line(page, 340, 20, "Child H");
  add_line(page, 380, 13, "Overview report");
  add_line(page, 400, 13, "Publication date: July 2022");
  doc.pages.push_back(page);

  auto facts = infer_facts(doc, 2025);
  CHECK(facts.title == "Local Child Safeguarding Practice Review: Child H");
  CHECK(facts.doc_type == DocType::lcspr);
  CHECK(facts.year == 2022);
  CHECK(facts.partnership == "Northbridge and Eastmoor Safeguarding Children Partnership");
  CHECK(facts.child == "Child H");
}

TEST_CASE("infer_facts: metadata fills what the title page lacks", "[extractors][facts]") {
  RawDocument doc;
  doc.metadata.title = "Serious Case Review: Baby T";
  doc.metadata.author = "Westby Local Safeguarding Children Board";
  doc.metadata.creation_year = 2016;
  auto facts = infer_facts(doc, 2025);
  CHECK(facts.title == "Serious Case Review: Baby T");
  CHECK(facts.doc_type == DocType::serious_case_review);
  CHECK(facts.year == 2016);
  CHECK(facts.partnership == "Westby Local Safeguarding Children Board");
  CHECK(facts.child == "Baby T");
}

TEST_CASE("infer_facts: a national review is published by the Panel", "[extractors][facts]") {
  RawDocument doc;
  RawPage page;
  add_line(page, 60, 15, "The Child Safeguarding Practice Review Panel");
  add_line(page, 300, 24, "National Review");
  add_line(page, 340, 19, "Child W: disabled children in residential settings");
  add_line(page, 380, 12.5, "Published: October 2020");
  doc.pages.push_back(page);
  auto facts = infer_facts(doc, 2025);
  CHECK(facts.title == "National Review: Child W: disabled children in residential settings");
  CHECK(facts.doc_type == DocType::national_review);
  CHECK(facts.partnership == "The Child Safeguarding Practice Review Panel");
  CHECK(facts.child == "Child W");
  CHECK(facts.year == 2020);
}
