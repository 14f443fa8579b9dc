// Internal to rl_index: the JSON of a passage's document data (index/README.md,
// "Document data"), written straight into a string. It gives the very bytes
// nlohmann's dump() gives for the object passage_document.cc used to build
// (keys in byte order, as its std::map orders them; UTF-8 as is; '"', '\\'
// and control characters escaped as dump() escapes them), for a fraction of
// the cost: building and dumping that object was about 2% of an ingest's
// CPU. Text that is not valid UTF-8 is refused the way dump() refuses it
// (nlohmann::json::type_error), by handing it to dump().
#pragma once

#include <string>

#include "pipeline/core/document.h"

namespace reviewlens::index {

struct PassageDataFields {
  const Document& doc;      // doc, title, doc_type, year, partnership
  const std::string& path;  // file
  int order = 0;
};

std::string passage_data_json(const Passage& passage, const PassageDataFields& fields);

// The same through nlohmann::json, the reference the fast writer is tested against.
std::string passage_data_json_reference(const Passage& passage, const PassageDataFields& fields);

}  // namespace reviewlens::index
