#include "index/facet_counter.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "index/schema.h"

namespace reviewlens::index {

FacetCounter::FacetCounter(const FacetTable* table) : table_(table) {
  if (!table_) return;
  per_table_doc_.assign(table_->docs().size(), 0);
  per_theme_set_.assign(table_->theme_sets().size(), 0);
}

void FacetCounter::operator()(const Xapian::Document& doc, double weight) {
  if (table_) return add(doc.get_docid(), weight);
  ++total;
  std::string value = doc.get_value(schema::kFacetSlot);
  if (run_length_ > 0 && value == run_value_) {
    ++run_length_;
    return;
  }
  flush_run();
  run_value_ = std::move(value);
  run_length_ = 1;
}

void FacetCounter::add(Xapian::docid did, double weight) {
  ++total;
  const std::uint32_t d = table_->doc_of(did);
  ++per_table_doc_[d];
  ++per_theme_set_[table_->theme_set_of(did)];
  if (!best_.empty() && weight > best_[d].weight) best_[d] = {weight, did};
}

std::vector<FacetCounter::Best> FacetCounter::best_by_document() const {
  auto better = [](const Best& a, const Best& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
  };
  // Table entries are per (id, type, year); the collapse key is the id alone.
  std::unordered_map<std::string_view, Best> by_id;
  for (std::size_t i = 0; i < best_.size(); ++i) {
    if (best_[i].docid == 0) continue;
    auto [it, added] = by_id.try_emplace(table_->docs()[i].id, best_[i]);
    if (!added && better(best_[i], it->second)) it->second = best_[i];
  }
  std::vector<Best> out;
  for (const auto& [id, best] : by_id) out.push_back(best);
  std::sort(out.begin(), out.end(), better);
  return out;
}

void FacetCounter::flush_run() {
  if (run_length_ == 0) return;
  matches_by_value_[std::move(run_value_)] += run_length_;
  run_value_.clear();
  run_length_ = 0;
}

void FacetCounter::tally_table() {
  const auto& docs = table_->docs();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::size_t n = per_table_doc_[i];
    if (n == 0) continue;
    DocCount& d = per_doc[std::string(docs[i].id)];
    d.passages += n;
    d.year = docs[i].year;
    doc_types[std::string(docs[i].type)] += n;
    if (!docs[i].year_text.empty()) years[std::string(docs[i].year_text)] += n;
  }
  const auto& sets = table_->theme_sets();
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const std::size_t n = per_theme_set_[i];
    for (std::string_view list = n ? sets[i] : std::string_view(); !list.empty();) {
      auto comma = list.find(',');
      themes[std::string(list.substr(0, comma))] += n;
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
}

void FacetCounter::tally() {
  if (table_) return tally_table();
  flush_run();
  // "doc id\tdoc type\tyear\ttheme,theme" (schema::kFacetSlot).
  for (const auto& [value, n] : matches_by_value_) {
    std::string_view fields[4];
    std::string_view rest = value;
    for (auto& f : fields) {
      auto tab = rest.find('\t');
      f = rest.substr(0, tab);
      rest = tab == std::string_view::npos ? std::string_view() : rest.substr(tab + 1);
    }
    DocCount& d = per_doc[std::string(fields[0])];
    d.passages += n;
    doc_types[std::string(fields[1])] += n;
    if (!fields[2].empty()) {
      years[std::string(fields[2])] += n;
      std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), d.year);
    }
    for (std::string_view list = fields[3]; !list.empty();) {
      auto comma = list.find(',');
      themes[std::string(list.substr(0, comma))] += n;
      list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
  }
  matches_by_value_.clear();
}

}  // namespace reviewlens::index
