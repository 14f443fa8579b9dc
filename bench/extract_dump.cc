// extract_dump FILE.pdf...: one JSON line per passage, as the layout stage
// sees them after text::normalise:
//   {"file", "page", "para", "kind", "heading", "text"}
// Failed documents go to stderr as "FILE: reason: message". Exit 1 if any failed.
// extract_dump --normalise: prints text::normalise of each stdin line (the
// scorer's fallback when no reviewlens binary with `normalise` is built).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "extractors/layout.h"
#include "extractors/pdf_reader.h"
#include "pipeline/text/normalise.h"

int main(int argc, char** argv) {
  using namespace reviewlens;
  if (argc == 2 && std::string(argv[1]) == "--normalise") {
    std::string line;
    while (std::getline(std::cin, line)) std::cout << text::normalise(line) << '\n';
    return 0;
  }
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path file = argv[i];
    auto raw = extractors::read_pdf(file, {});
    if (!raw) {
      fmt::print(stderr, "{}\n", raw.error().describe());
      ++failed;
      continue;
    }
    const std::string name = file.filename().string();
    for (const Passage& p : extractors::build_passages(*raw)) {
      nlohmann::json j = {{"file", name},
                          {"page", p.page},
                          {"para", p.para.empty() ? nlohmann::json() : nlohmann::json(p.para)},
                          {"kind", to_string(p.kind)},
                          {"heading", text::normalise(p.heading)},
                          {"text", text::normalise(p.text)}};
      std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  }
  return failed == 0 ? 0 : 1;
}
