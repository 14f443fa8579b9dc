// In-process search latency: opens the index once and runs each query of a
// query file RUNS times through index::Searcher (exactly what `reviewlens
// search` does after start-up), printing per-query median and group
// median/p95 in milliseconds. Used by bench/search_bench.sh.
//
//   search_bench INDEX_DIR QUERY_FILE [RUNS]
//
// Query file: QUERY<TAB>FLAGS per line (flags: --theme ID, --any-theme,
// --group G, --type T, --from Y, --to Y, --by-document); '#' comments.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "index/searcher.h"

using namespace reviewlens;

namespace {

index::SearchRequest parse_line(const std::string& line) {
  index::SearchRequest r;
  auto tab = line.find('\t');
  r.query = line.substr(0, tab);
  std::istringstream flags(tab == std::string::npos ? "" : line.substr(tab + 1));
  for (std::string f; flags >> f;) {
    std::string v;
    if (f == "--any-theme") r.theme_match = index::ThemeMatch::any;
    else if (f == "--by-document") r.grouping = index::Grouping::by_document;
    else if (flags >> v) {
      if (f == "--theme") r.themes.push_back(v);
      if (f == "--group") r.groups.push_back(v);
      if (f == "--type") r.types.push_back(doc_type_from(v).value_or(DocType::other));
      if (f == "--from") r.year_from = std::stoi(v);
      if (f == "--to") r.year_to = std::stoi(v);
    }
  }
  return r;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: search_bench INDEX_DIR QUERY_FILE [RUNS]\n";
    return 2;
  }
  int runs = argc > 3 ? std::stoi(argv[3]) : 20;
  index::Searcher searcher(argv[1]);
  std::ifstream in(argv[2]);
  std::map<std::string, std::vector<double>> groups;
  fmt::print("{:>9}  {:>7}  query\n", "median ms", "total");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto request = parse_line(line);
    std::vector<double> times;
    std::size_t total = 0;
    for (int i = 0; i < runs; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      total = searcher.search(request).total;
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    bool filtered = line.find('\t') != std::string::npos;
    auto& group = groups[filtered ? "in-process: with filters" : "in-process: words only"];
    group.insert(group.end(), times.begin(), times.end());
    fmt::print("{:9.2f}  {:7}  {}\n", percentile(times, 0.5), total, line);
  }
  fmt::print("\n{:42} {:>5} {:>10} {:>8}\n", "group", "n", "median ms", "p95 ms");
  for (const auto& [name, t] : groups)
    fmt::print("{:42} {:5} {:10.2f} {:8.2f}\n", name, t.size(), percentile(t, 0.5), percentile(t, 0.95));
}
