#include "extractors/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <ctime>
#include <exception>
#include <fstream>
#include <memory>
#include <string_view>

#include <fmt/core.h>

namespace reviewlens::extractors {
namespace {

void drop_poppler_message(const std::string&, void*) {}
void print_poppler_message(const std::string& message, void*) {
  fmt::print(stderr, "poppler: {}\n", message);
}

// poppler::ustring is UTF-16; its to_utf8() opens an iconv converter per
// call, which costs more than the rest of reading a word. Converted here.
std::string utf8(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;  // a lone surrogate
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

int year_of(time_t when) {
  if (when <= 0) return 0;
  std::tm parts{};
  if (gmtime_r(&when, &parts) == nullptr) return 0;
  return parts.tm_year + 1900;
}

RawMetadata read_metadata(const poppler::document& doc) {
  RawMetadata meta;
  meta.title = utf8(doc.info_key("Title"));
  meta.author = utf8(doc.info_key("Author"));
  meta.subject = utf8(doc.info_key("Subject"));
  meta.keywords = utf8(doc.info_key("Keywords"));
  meta.creator = utf8(doc.info_key("Creator"));
  meta.producer = utf8(doc.info_key("Producer"));
  meta.creation_year = year_of(doc.info_date_t("CreationDate"));
  meta.modification_year = year_of(doc.info_date_t("ModDate"));
  return meta;
}

RawPage read_page(const poppler::page& page, int number) {
  RawPage out;
  out.number = number;
  poppler::rectf box = page.page_rect(poppler::media_box);
  out.width = box.width();
  out.height = box.height();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  out.words.reserve(boxes.size());
  for (const poppler::text_box& tb : boxes) {
    RawWord word;
    word.text = utf8(tb.text());
    if (word.text.empty()) continue;
    poppler::rectf r = tb.bbox();
    word.x = r.x();
    word.y = r.y();
    word.width = r.width();
    word.height = r.height();
    if (tb.has_font_info()) {
      word.font_size = tb.get_font_size();
      word.font_name = strip_subset_prefix(tb.get_font_name());
    }
    if (word.font_size <= 0) word.font_size = word.height;
    word.space_after = tb.has_space_after();
    out.words.push_back(std::move(word));
  }
  return out;
}

// Reads at most 1024 bytes: enough to tell empty and non-PDF files apart
// without asking Poppler (which would call an HTML page "corrupt").
Expected<std::string> read_head(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(ErrorCode::io, "cannot open file", file.string(), "extract");
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

}  // namespace

std::string strip_subset_prefix(const std::string& font_name) {
  if (font_name.size() > 7 && font_name[6] == '+') {
    bool tag = true;
    for (int i = 0; i < 6; ++i) tag = tag && font_name[i] >= 'A' && font_name[i] <= 'Z';
    if (tag) return font_name.substr(7);
  }
  return font_name;
}

Expected<RawDocument> read_pdf(const std::filesystem::path& file, const ReadOptions& options) {
  const std::string name = file.string();
  auto fail = [&](ErrorCode code, std::string message) {
    return make_error(code, std::move(message), name, "extract");
  };
  auto head = read_head(file);
  if (!head) return std::unexpected(head.error());
  if (head->empty()) return fail(ErrorCode::empty, "file is empty (0 bytes)");
  if (std::string_view(*head).find("%PDF-") == std::string_view::npos)
    return fail(ErrorCode::not_pdf, "no %PDF- header in the first 1024 bytes");

  if (options.messages == PopplerMessages::quiet)
    poppler::set_debug_error_function(drop_poppler_message, nullptr);
  else
    poppler::set_debug_error_function(print_poppler_message, nullptr);

  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(name));
  if (!doc) return fail(ErrorCode::corrupt, "Poppler cannot load the file (damaged or truncated)");
  if (doc->is_locked()) return fail(ErrorCode::encrypted, "the PDF is password protected");
  const int page_count = doc->pages();
  if (page_count <= 0) return fail(ErrorCode::empty, "the PDF has no pages");
  if (page_count > options.max_pages)
    return fail(ErrorCode::too_many_pages,
                fmt::format("{} pages, more than the limit of {}", page_count, options.max_pages));

  RawDocument out;
  out.file = name;
  out.page_count = page_count;
  out.metadata = read_metadata(*doc);
  out.pages.reserve(static_cast<std::size_t>(page_count));
  std::size_t words = 0;
  for (int i = 0; i < page_count; ++i) {
    try {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        out.warnings.push_back(fmt::format("page {}: Poppler cannot open the page", i + 1));
        continue;
      }
      out.pages.push_back(read_page(*page, i + 1));
      words += out.pages.back().words.size();
    } catch (const std::exception& e) {
      out.warnings.push_back(fmt::format("page {}: {}", i + 1, e.what()));
    }
  }
  if (words == 0) return fail(ErrorCode::no_text, "no text layer on any page (scanned or image-only?)");
  return out;
}

}  // namespace reviewlens::extractors
