// Designated initializers name only the fields a case sets.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include "index/searcher.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "tests/index/sample_library.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using namespace reviewlens::index;
using reviewlens::testing::has_theme;
using reviewlens::testing::TempDir;

namespace {

struct Library {
  TempDir tmp;
  std::vector<Document> docs = testing::sample_library();
  Library() { testing::build_library(tmp.path(), docs); }
  SearchResult search(SearchRequest r) const {
    if (r.limit == 10) r.limit = 100;
    return Searcher(tmp.path()).search(r);
  }
  SearchResult search(const std::string& q) const { return search(SearchRequest{.query = q}); }
};

std::set<std::string> passage_ids(const SearchResult& r) {
  std::set<std::string> ids;
  for (const auto& h : r.hits) ids.insert(h.passage_id);
  return ids;
}

}  // namespace

TEST_CASE("Searcher: theme filters combine with all and any", "[index]") {
  Library lib;
  SearchRequest all{.themes = {"babies", "information_sharing"}};
  auto r = lib.search(all);
  auto want_all = testing::count_passages(lib.docs, [](const Document&, const Passage& p) {
    return has_theme(p, "babies") && has_theme(p, "information_sharing");
  });
  CHECK(r.total == want_all);
  CHECK(passage_ids(r) == std::set<std::string>{"child-a:2", "baby-c:2"});

  SearchRequest any = all;
  any.theme_match = ThemeMatch::any;
  auto want_any = testing::count_passages(lib.docs, [](const Document&, const Passage& p) {
    return has_theme(p, "babies") || has_theme(p, "information_sharing");
  });
  CHECK(lib.search(any).total == want_any);
  CHECK(lib.search(SearchRequest{.groups = {"national"}}).total ==
        testing::count_passages(lib.docs, [](const Document&, const Passage& p) {
          return has_theme(p, "information_sharing") || has_theme(p, "multi_agency_working");
        }));
}

TEST_CASE("Searcher: type, year and partnership filters", "[index]") {
  Library lib;
  auto r = lib.search(SearchRequest{.types = {DocType::lcspr}, .year_from = 2021});
  CHECK(r.total == testing::count_passages(lib.docs, [](const Document& d, const Passage&) {
          return d.doc_type == DocType::lcspr && d.year >= 2021;
        }));
  CHECK(r.documents == 2);
  CHECK(lib.search(SearchRequest{.year_from = 2023, .year_to = 2023}).documents == 1);
  CHECK(lib.search(SearchRequest{.year_to = 2020}).total == 2);
  CHECK(lib.search(SearchRequest{.partnership = "  north VALE safeguarding   partnership"}).total == 6);
  CHECK(lib.search(SearchRequest{.query = "police", .types = {DocType::rapid_review}}).total == 1);
}

TEST_CASE("Searcher: the reviewer's question (babies, information not shared, since 2021)", "[index]") {
  Library lib;
  SearchRequest r{.query = "shared OR share", .themes = {"babies"}, .types = {DocType::lcspr},
                  .year_from = 2021};
  auto result = lib.search(r);
  CHECK(passage_ids(result) == std::set<std::string>{"child-a:2", "baby-c:2"});
  for (const auto& h : result.hits) {
    CHECK(h.page > 0);
    CHECK_FALSE(h.para.empty());
    CHECK(std::find(h.themes.begin(), h.themes.end(), "babies") != h.themes.end());
  }
}

TEST_CASE("Searcher: phrase and NEAR queries use positions", "[index]") {
  Library lib;
  CHECK(passage_ids(lib.search("\"health visitor\"")) == std::set<std::string>{"child-a:1"});
  CHECK(lib.search("\"visitor health\"").total == 0);
  CHECK(passage_ids(lib.search("bruising NEAR/3 baby")) == std::set<std::string>{"baby-c:2"});
  CHECK(lib.search("bruising NEAR/3 records").total == 0);
  CHECK(lib.search("midwife NOT father").total == 1);
  CHECK(lib.search("exclus*").total == 1);
}

TEST_CASE("Searcher: field prefixes in the query string", "[index]") {
  Library lib;
  CHECK(lib.search("theme:babies").total == 4);
  CHECK(lib.search("theme:Babies type:lcspr year:2023").total == 2);
  CHECK(lib.search("theme:babies year:2021..2022").total == 2);
  CHECK(lib.search("type:rapid_review").total == 2);
  CHECK(lib.search("partnership:\"North Vale Safeguarding Partnership\" police").total == 1);
  CHECK(lib.search("group:emerging").total == 1);
  CHECK(passage_ids(lib.search("midwife theme:domestic_abuse")) == std::set<std::string>{"child-a:2"});
}

TEST_CASE("Searcher: by_document collapses with exact passage counts", "[index]") {
  Library lib;
  SearchRequest r{.themes = {"babies"}, .grouping = Grouping::by_document};
  auto result = lib.search(r);
  CHECK(result.total == 4);
  CHECK(result.documents == 2);
  REQUIRE(result.hits.size() == 2);
  for (const auto& h : result.hits) {
    auto doc = std::find_if(lib.docs.begin(), lib.docs.end(), [&](const auto& d) { return d.id == h.doc; });
    REQUIRE(doc != lib.docs.end());
    std::size_t want = 0;
    for (const auto& p : doc->passages) want += has_theme(p, "babies");
    CHECK(h.matching_passages == want);
  }
  SearchRequest q{.query = "police", .grouping = Grouping::by_document};
  auto police = lib.search(q);
  CHECK(police.hits.size() == 2);
  CHECK(police.total == 2);
}

TEST_CASE("Searcher: facets are exact counts over the whole match set", "[index]") {
  Library lib;
  SearchRequest r{.query = "the", .limit = 1};
  auto result = Searcher(lib.tmp.path()).search(r);
  CHECK(result.hits.size() == 1);
  std::map<std::string, std::size_t> themes, types, years;
  std::size_t total = 0;
  for (const auto& d : lib.docs)
    for (const auto& p : d.passages) {
      if (p.text.find("The ") == std::string::npos && p.text.find(" the ") == std::string::npos) continue;
      ++total;
      for (const auto& t : p.themes) ++themes[t];
      ++types[std::string(to_string(d.doc_type))];
      ++years[std::to_string(d.year)];
    }
  CHECK(result.total == total);
  CHECK(result.theme_facet == themes);
  CHECK(result.doc_type_facet == types);
  CHECK(result.year_facet == years);
}

TEST_CASE("Searcher: spelling suggestion for a misspelt word", "[index]") {
  Library lib;
  auto r = lib.search("bruisng");
  CHECK(r.total == 0);
  CHECK(r.suggestion == std::optional<std::string>("bruising"));
  CHECK_FALSE(lib.search("bruising").suggestion);
  // "HV" is not a word of any passage, but its expansion is: no "Did you mean".
  auto hv = lib.search("HV");
  CHECK(passage_ids(hv) == std::set<std::string>{"child-a:1"});
  CHECK_FALSE(hv.suggestion);
}

TEST_CASE("Searcher: abbreviations and their expansions are synonyms", "[index]") {
  Library lib;
  CHECK(passage_ids(lib.search("DA")) == std::set<std::string>{"child-a:2", "child-b:1"});
  CHECK(passage_ids(lib.search("da")) == std::set<std::string>{"child-a:2", "child-b:1"});
  CHECK(passage_ids(lib.search("domestic abuse")) == std::set<std::string>{"child-a:2", "child-b:1"});
  CHECK(passage_ids(lib.search("GP")) == std::set<std::string>{"child-a:3"});
  CHECK(passage_ids(lib.search("general practitioner")) == std::set<std::string>{"child-a:3"});
  CHECK(lib.search("\"domestic abuse\"").total == 1);  // a phrase means the words
}

TEST_CASE("Searcher: theme-only search lists newest document first, then by page", "[index]") {
  Library lib;
  auto r = lib.search(SearchRequest{.themes = {"babies"}});
  REQUIRE(r.hits.size() == 4);
  std::vector<std::pair<std::string, int>> got;
  for (const auto& h : r.hits) got.emplace_back(h.doc, h.page);
  CHECK(got == std::vector<std::pair<std::string, int>>{{"baby-c", 6}, {"baby-c", 7}, {"child-a", 3}, {"child-a", 4}});
  auto page2 = lib.search(SearchRequest{.themes = {"babies"}, .limit = 2, .offset = 2});
  REQUIRE(page2.hits.size() == 2);
  CHECK(page2.hits[0].doc == "child-a");
  CHECK(page2.total == 4);
}

TEST_CASE("Searcher: hits carry document fields and highlighted snippets", "[index]") {
  Library lib;
  auto r = lib.search("visitors");
  REQUIRE(r.hits.size() == 1);
  const auto& h = r.hits[0];
  CHECK(h.title == "Review of child-a");
  CHECK(h.file == "reviews/child-a.pdf");
  CHECK(h.doc_type == DocType::lcspr);
  CHECK(h.year == 2022);
  CHECK(h.page == 3);
  CHECK(h.para == "4.1");
  CHECK(h.heading == "Findings");
  CHECK(h.snippet == "The baby was seen by the health [[visitor]] at home.");
  auto ansi = lib.search(SearchRequest{.query = "visitor", .highlight = HighlightStyle::ansi});
  CHECK(ansi.hits.at(0).snippet.find("\x1b[") != std::string::npos);
  auto da = lib.search("DA");
  for (const auto& hit : da.hits)
    CHECK((hit.snippet.find("[[DA]]") != std::string::npos ||
           hit.snippet.find("[[domestic]] [[abuse]]") != std::string::npos));
}

TEST_CASE("Searcher: theme ids come from the index metadata", "[index]") {
  Library lib;
  auto ids = Searcher(lib.tmp.path()).theme_ids();
  CHECK(ids == std::vector<std::string>{"babies", "domestic_abuse", "information_sharing",
                                        "multi_agency_working", "not_in_school"});
}

namespace {

std::vector<std::string> hit_ids(const SearchResult& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.hits) ids.push_back(h.passage_id);
  return ids;
}

// Everything a search returns, for comparing two ways of getting it.
void check_same(const SearchResult& a, const SearchResult& b) {
  CHECK(a.total == b.total);
  CHECK(a.documents == b.documents);
  CHECK(a.theme_facet == b.theme_facet);
  CHECK(a.doc_type_facet == b.doc_type_facet);
  CHECK(a.year_facet == b.year_facet);
  CHECK(hit_ids(a) == hit_ids(b));
  for (std::size_t i = 0; i < std::min(a.hits.size(), b.hits.size()); ++i)
    CHECK(a.hits[i].matching_passages == b.hits[i].matching_passages);
}

const std::vector<SearchRequest> kVariedRequests = {
    {.query = "the"},
    {.query = "bruising OR police", .grouping = Grouping::by_document},
    {.themes = {"babies"}},
    {.themes = {"babies", "domestic_abuse"}, .theme_match = ThemeMatch::any, .limit = 2, .offset = 1},
    {.groups = {"national"}, .grouping = Grouping::by_document},
    {.types = {DocType::lcspr}, .year_from = 2023},
    // The direct count (index/docid_matcher.h) against the matcher's: NOT,
    // OR, synonyms, open year ranges, and queries it leaves to the matcher.
    {.query = "baby NOT bruising"},
    {.query = "midwife OR police", .themes = {"babies"}, .year_to = 2022},
    {.query = "DA", .year_from = 2020, .year_to = 2022},
    {.query = "\"health visitor\" OR bruis*"},
    {.query = "information", .limit = 1, .offset = 2},
    {.year_to = 2021},
};

}  // namespace

TEST_CASE("Searcher: counts without the facet cache file equal counts with it", "[index]") {
  Library lib;
  const auto cache = lib.tmp.path() / "search-facets.bin";
  std::vector<SearchResult> cached;
  for (const auto& r : kVariedRequests) cached.push_back(lib.search(r));
  REQUIRE(std::filesystem::is_regular_file(cache));
  // A directory where the file belongs can be neither read nor replaced, so
  // the searcher reads the facet values instead.
  std::filesystem::remove(cache);
  std::filesystem::create_directory(cache);
  for (std::size_t i = 0; i < kVariedRequests.size(); ++i) check_same(lib.search(kVariedRequests[i]), cached[i]);
  CHECK(std::filesystem::is_directory(cache));
}

TEST_CASE("Searcher: a facet cache from an earlier revision or a damaged one is rebuilt", "[index]") {
  Library lib;
  const auto cache = lib.tmp.path() / "search-facets.bin";
  CHECK(lib.search(SearchRequest{.themes = {"babies"}}).total == 4);
  REQUIRE(std::filesystem::is_regular_file(cache));
  {
    index::IndexWriter writer(lib.tmp.path(), testing::sample_info());
    auto d = testing::document("baby-d", DocType::lcspr, 2024, "Westfield Partnership",
                               {testing::passage("The baby slept in an adult bed.", 2, "3.1", {"babies"})});
    writer.put_document(d, testing::source_for(d));
    writer.commit();
  }
  auto after = lib.search(SearchRequest{.themes = {"babies"}});
  CHECK(after.total == 5);
  CHECK(after.documents == 3);
  CHECK(after.year_facet == std::map<std::string, std::size_t>{{"2022", 2}, {"2023", 2}, {"2024", 1}});
  REQUIRE(!after.hits.empty());
  CHECK(after.hits[0].doc == "baby-d");

  const auto full_size = std::filesystem::file_size(cache);
  std::filesystem::resize_file(cache, full_size / 2);
  CHECK(lib.search(SearchRequest{.themes = {"babies"}}).total == 5);
  CHECK(std::filesystem::file_size(cache) == full_size);
}

TEST_CASE("Searcher: pages of a filter-only listing join up to the whole listing", "[index]") {
  Library lib;
  for (auto grouping : {Grouping::passages, Grouping::by_document}) {
    SearchRequest all{.groups = {"practice", "national", "emerging"}, .grouping = grouping, .limit = 100};
    auto whole = hit_ids(lib.search(all));
    REQUIRE(whole.size() == (grouping == Grouping::passages ? 8u : 3u));
    for (std::size_t size : {1u, 2u, 3u}) {
      std::vector<std::string> joined;
      for (std::size_t offset = 0; offset < whole.size() + 2; offset += size) {
        SearchRequest page = all;
        page.limit = size;
        page.offset = offset;
        auto ids = hit_ids(lib.search(page));
        CHECK(ids.size() == std::min(size, whole.size() - std::min(offset, whole.size())));
        joined.insert(joined.end(), ids.begin(), ids.end());
      }
      CHECK(joined == whole);
    }
  }
  // Newest document first, each in reading order.
  auto first = hit_ids(lib.search(SearchRequest{.groups = {"practice", "national", "emerging"}, .limit = 100}));
  CHECK(first == std::vector<std::string>{"baby-c:1", "baby-c:2", "baby-c:3", "child-a:1", "child-a:2",
                                          "child-a:3", "child-b:1", "child-b:2"});
}

TEST_CASE("Searcher: by_document keeps the first of equally good passages, with or without the cache", "[index]") {
  TempDir tmp;
  const std::string text = "The strategy discussion did not include the school nurse.";
  std::vector<Document> docs = {
      testing::document("dup-a", DocType::lcspr, 2021, "A Partnership",
                        {testing::passage(text, 1, "1.1", {"babies"}), testing::passage(text, 2, "1.2", {"babies"})}),
      testing::document("dup-b", DocType::lcspr, 2021, "B Partnership", {testing::passage(text, 3, "2.1", {})}),
  };
  testing::build_library(tmp.path(), docs);
  SearchRequest r{.query = "nurse", .grouping = Grouping::by_document};
  auto cached = Searcher(tmp.path()).search(r);
  REQUIRE(std::filesystem::is_regular_file(tmp.path() / "search-facets.bin"));
  CHECK(hit_ids(cached) == std::vector<std::string>{"dup-a:1", "dup-b:1"});
  CHECK(cached.hits.at(0).matching_passages == 2);
  CHECK(cached.hits.at(1).matching_passages == 1);
  std::filesystem::remove(tmp.path() / "search-facets.bin");
  std::filesystem::create_directory(tmp.path() / "search-facets.bin");
  check_same(Searcher(tmp.path()).search(r), cached);
}

TEST_CASE("Searcher: a year range leaves out documents of unknown year, as stats does", "[index]") {
  TempDir tmp;
  auto docs = testing::sample_library();
  docs.push_back(testing::document("undated", DocType::other, 0, "",
                                   {testing::passage("The midwife saw the baby at home.", 1, "1.1", {"babies"})}));
  testing::build_library(tmp.path(), docs);
  Searcher searcher(tmp.path());
  auto docs_of = [](const SearchResult& r) {
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.doc);
    return ids;
  };
  CHECK(docs_of(searcher.search({.query = "midwife"})).count("undated") == 1);
  for (const SearchRequest& r : {SearchRequest{.query = "midwife", .year_to = 2030},
                                 SearchRequest{.themes = {"babies"}, .year_to = 2030},
                                 SearchRequest{.query = "\"the baby\"", .year_to = 2030}}) {
    auto result = searcher.search(r);
    CHECK(docs_of(result).count("undated") == 0);
    CHECK(result.total == result.hits.size());
    CHECK(result.year_facet.count("") == 0);
  }
}
