// The Xapian schema of a reviewlens index: term prefixes, value slots and
// metadata keys. Documented for users in index/README.md; bump
// kSchemaVersion whenever a change makes old databases unreadable.
#pragma once

#include <string>
#include <string_view>

namespace reviewlens::index::schema {

inline constexpr int kSchemaVersion = 1;

// Boolean term prefixes. Values after a prefix are lower-case, so an
// upper-case prefix never runs into its value.
inline constexpr std::string_view kThemePrefix = "XT";        // XTbabies
inline constexpr std::string_view kGroupPrefix = "XG";        // XGpractice
inline constexpr std::string_view kDocTypePrefix = "XDT";     // XDTlcspr
inline constexpr std::string_view kYearPrefix = "XY";         // XY2021
inline constexpr std::string_view kPartnershipPrefix = "XP";  // XPnorth vale
inline constexpr std::string_view kDocIdPrefix = "XD";        // XDchild-a-2021
inline constexpr std::string_view kSourcePrefix = "XF";       // XFsub/dir/a.pdf
inline constexpr std::string_view kKindPrefix = "XK";         // XKparagraph
inline constexpr std::string_view kConceptPrefix = "XS";      // XSda: synonym concept
inline constexpr std::string_view kFactPrefix = "XCF";        // XCFcp_plan:current: document case fact
// Probabilistic prefix: words of the passage's heading.
inline constexpr std::string_view kHeadingPrefix = "XH";

// Value slots.
enum Slot : unsigned {
  kYearSlot = 0,      // sortable_serialise(year)
  kPageSlot = 1,      // sortable_serialise(page)
  kDocSlot = 2,       // document id (collapse key)
  kOrderSlot = 3,     // sortable_serialise(passage sequence in its document)
  kDocTypeSlot = 4,   // doc type string (facet)
  kThemesSlot = 5,    // theme ids joined by '\n' (facet)
  kYearTextSlot = 6,  // year as decimal text, empty if unknown
  // "doc id\tdoc type\tyear text\ttheme,theme": everything the facet spy
  // needs in one value, because each value read costs a cursor seek.
  kFacetSlot = 7,
};

// User metadata keys.
inline constexpr std::string_view kSchemaVersionKey = "schema_version";
inline constexpr std::string_view kTaxonomyVersionKey = "taxonomy_version";
inline constexpr std::string_view kTaxonomyHashKey = "taxonomy_hash";
inline constexpr std::string_view kThemeGroupsKey = "theme_groups";  // JSON object
inline constexpr std::string_view kSourceKeyPrefix = "source:";      // + path -> SourceRecord JSON
inline constexpr std::string_view kDocKeyPrefix = "doc:";            // + doc id -> DocumentRecord JSON
inline constexpr std::string_view kRunKeyPrefix = "run:";            // + key -> set_run_metadata value

// Lower-cased, whitespace-collapsed partnership name used in XP terms.
std::string normalise_partnership(std::string_view name);
// The XF term for a source path (long paths are hashed to fit Xapian's
// term length limit).
std::string source_term(std::string_view path);

}  // namespace reviewlens::index::schema
