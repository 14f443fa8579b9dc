#include "index/docid_matcher.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "tests/index/sample_library.h"
#include "tests/support/temp_dir.h"

using namespace reviewlens;
using reviewlens::index::match_docids;

namespace {

using Q = Xapian::Query;

// What Xapian's matcher finds for q, in docid order.
std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db, const Q& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  auto mset = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  return ids;
}

}  // namespace

TEST_CASE("match_docids: the same passages as Xapian's matcher, operator by operator", "[index]") {
  testing::TempDir tmp;
  testing::build_library(tmp.path(), testing::sample_library());
  Xapian::Database db(tmp.path().string());
  const Q baby("Zbabi"), midwife("Zmidwif"), police("Zpolic"), shared("Zshare"), absent("Znowher");
  const Q theme_babies("XTbabies");
  const std::vector<std::pair<std::string, Q>> cases = {
      {"term", baby},
      {"absent term", absent},
      {"AND", Q(Q::OP_AND, baby, midwife)},
      {"OR", Q(Q::OP_OR, midwife, police)},
      {"AND_NOT", Q(Q::OP_AND_NOT, Q(Q::OP_OR, baby, midwife), police)},
      {"AND_MAYBE", Q(Q::OP_AND_MAYBE, midwife, baby)},
      {"SYNONYM", Q(Q::OP_SYNONYM, baby, shared)},
      {"MAX", Q(Q::OP_MAX, baby, police)},
      {"scaled", Q(2.5, Q(Q::OP_OR, baby, police))},
      {"FILTER on MatchAll", Q(Q::OP_FILTER, Q::MatchAll, theme_babies)},
      {"pure NOT", Q(Q::OP_AND_NOT, Q::MatchAll, baby)},
      {"MatchAll", Q::MatchAll},
      {"MatchNothing", Q::MatchNothing},
  };
  bool any_nonempty = false;
  for (const auto& [name, q] : cases) {
    INFO(name << ": " << q.get_description());
    auto direct = match_docids(db, q);
    REQUIRE(direct.has_value());
    CHECK(*direct == matcher_docids(db, q));
    any_nonempty = any_nonempty || !direct->empty();
  }
  // The sample library does contain these words (the comparison is not of
  // empty sets throughout).
  CHECK(any_nonempty);
  CHECK_FALSE(match_docids(db, baby)->empty());
  CHECK(match_docids(db, theme_babies)->size() ==
        testing::count_passages(testing::sample_library(),
                                [](const Document&, const Passage& p) { return testing::has_theme(p, "babies"); }));
}

TEST_CASE("match_docids: leaves positional and expanding operators to the matcher", "[index]") {
  testing::TempDir tmp;
  testing::build_library(tmp.path(), testing::sample_library());
  Xapian::Database db(tmp.path().string());
  const Q health("Zhealth"), visitor("Zvisitor");
  CHECK_FALSE(match_docids(db, Q(Q::OP_PHRASE, health, visitor)).has_value());
  CHECK_FALSE(match_docids(db, Q(Q::OP_NEAR, health, visitor)).has_value());
  CHECK_FALSE(match_docids(db, Q(Q::OP_WILDCARD, "bruis")).has_value());
  CHECK_FALSE(match_docids(db, Q(Q::OP_VALUE_RANGE, 3, "a", "z")).has_value());
  // One such operator anywhere in the tree is enough.
  CHECK_FALSE(match_docids(db, Q(Q::OP_OR, health, Q(Q::OP_PHRASE, health, visitor))).has_value());
}
