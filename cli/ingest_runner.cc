#include "cli/ingest_runner.h"

#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/index_generation.h"
#include "cli/ingest_lock.h"
#include "cli/ingest_manifest.h"
#include "corpus/content_hash.h"
#include "corpus/source_walker.h"
#include "cli/ingest_tagging.h"
#include "extractors/isolated_extract.h"
#include "index/index_writer.h"
#include "index/prepared_document.h"

namespace reviewlens::cli {
namespace fs = std::filesystem;
using corpus::PlanAction;
using corpus::PlanItem;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<corpus::ManifestEntry> manifest_entries(const std::vector<index::SourceRecord>& sources) {
  std::vector<corpus::ManifestEntry> out;
  out.reserve(sources.size());
  for (const auto& s : sources)
    out.push_back({s.path, s.size, s.mtime_ns, s.content_hash,
                   s.status == "failed" ? corpus::SourceStatus::failed : corpus::SourceStatus::indexed});
  return out;
}

index::SourceRecord record_for(const PlanItem& item) {
  index::SourceRecord r;
  r.path = item.path;
  r.doc_id = doc_id_for(item.path);
  r.size = item.file.size;
  r.mtime_ns = item.file.mtime_ns;
  r.content_hash = item.hash;
  r.indexed_at = utc_now_iso8601();
  return r;
}

// Gives an extracted or moved document its identity in the index.
void rekey(Document& doc, const std::string& path) {
  doc.file = path;
  doc.id = doc_id_for(path);
  for (auto& p : doc.passages) {
    auto colon = p.id.rfind(':');
    p.id = doc.id + (colon == std::string::npos ? ":" + p.id : p.id.substr(colon));
  }
}

class IngestRun {
 public:
  IngestRun(const IngestOptions& options, IngestTagging& tagging, index::IndexWriter& writer,
            IngestReport& report, bool retag)
      : options_(options), tagging_(tagging), writer_(writer), report_(report),
        taxonomy_hash_(tagging.hash()), retag_(retag) {}

  void apply(const std::vector<PlanItem>& plan, const std::vector<index::SourceRecord>& manifest) {
    for (const auto& s : manifest) known_[s.path] = s;
    for (const auto& item : plan) apply_cheap(item);
    tags_consistent_ = true;  // every stored document now carries the current tags
    // Recorded before the long extraction; a run with nothing to record
    // (the nightly no-change case) spares a commit and its fsyncs.
    if (since_commit_ > 0 || retag_) commit();
    extract_all(plan);
  }

  void commit() {
    if (tags_consistent_) writer_.set_run_metadata(kTaggedWithKey, taxonomy_hash_);
    writer_.commit();
    since_commit_ = 0;
  }

 private:
  void counted() {
    if (++since_commit_ >= options_.commit_every) commit();
  }

  void apply_cheap(const PlanItem& item) {
    switch (item.action) {
      case PlanAction::unchanged: ++report_.unchanged; return retag(item.path);
      case PlanAction::failed_unchanged: ++report_.skipped_failed; return;
      case PlanAction::touch: return touch(item);
      case PlanAction::remove: ++report_.removed; writer_.remove_source(item.path); return counted();
      case PlanAction::move: return move(item);
      case PlanAction::reject: return fail(item, *item.error);
      case PlanAction::add:
      case PlanAction::change: return;  // extracted later, in parallel
    }
  }

  void touch(const PlanItem& item) {
    ++report_.touched;
    index::SourceRecord r = known_.at(item.path);
    r.size = item.file.size;
    r.mtime_ns = item.file.mtime_ns;
    r.content_hash = item.hash;
    writer_.update_source_record(r);
    counted();
    if (r.status != "failed") retag(item.path);
  }

  void retag(const std::string& path) {
    if (!retag_) return;
    std::optional<Document> doc = writer_.load_document(path);
    if (!doc) return;
    tag(*doc);
    writer_.put_document(*doc, known_.at(path));
    ++report_.retagged;
    counted();
  }

  void move(const PlanItem& item) {
    std::optional<Document> doc = writer_.load_document(item.from);
    if (!doc) {  // nothing stored under the old path after all: extract it as new
      extract_later_.push_back(item);
      return;
    }
    if (retag_) tag(*doc);
    rekey(*doc, item.path);
    index::SourceRecord r = record_for(item);
    const auto& old = known_.at(item.from);
    r.passages = old.passages;
    r.pages = old.pages;
    writer_.remove_source(item.from);
    writer_.put_document(*doc, r);
    ++report_.moved;
    counted();
  }

  void tag(Document& doc) { tagging_.tag(doc); }

  void fail(const PlanItem& item, const Error& error) {
    index::SourceRecord r = record_for(item);
    r.status = "failed";
    r.reason = std::string(to_string(error.code));
    r.message = error.message;
    writer_.record_failure(r);
    ++report_.failed;
    report_.failures.push_back({item.path, r.reason, r.message});
    if (progress_) progress_->failure(item.path, r.reason, r.message);
    counted();
  }

  // `prepared`: the child's DocumentPreparer bytes (doc has no passages).
  void succeed(const PlanItem& item, const Document& doc, const std::string& prepared) {
    index::SourceRecord r = record_for(item);
    r.status = "indexed";
    r.pages = doc.pages;
    auto stored = writer_.put_prepared(prepared, r);
    if (!stored) return fail(item, stored.error());
    r.passages = *stored;
    (item.action == PlanAction::add ? report_.added : report_.changed) += 1;
    report_.passages += r.passages;
    report_.pages += r.pages;
    counted();
  }

  // Both hooks run in the workers, in parallel: tagging, then the finished
  // index entries, so this process's writer only stores them.
  extractors::ParallelOptions worker_options(const std::unordered_map<std::string, PlanItem>& by_file,
                                             index::DocumentPreparer& preparer) {
    extractors::ParallelOptions po;
    po.limits.timeout = options_.timeout;
    po.limits.memory_mb = options_.memory_mb;
    po.max_children = options_.jobs;
    po.post_process = [this](Document& doc) { tag(doc); };
    po.payload = [&by_file, &preparer](Document& doc) {
      const std::string& path = by_file.at(doc.file).path;
      rekey(doc, path);
      std::string prepared = preparer.prepare(doc, path);
      doc.passages.clear();  // they travel in `prepared`, not as JSON
      return prepared;
    };
    return po;
  }

  void extract_all(const std::vector<PlanItem>& plan) {
    std::unordered_map<std::string, PlanItem> by_file;
    for (const auto& item : plan)
      if (item.needs_extraction()) by_file.emplace(item.file.absolute.string(), item);
    for (auto& item : extract_later_) {
      item.action = PlanAction::add;
      by_file.emplace(item.file.absolute.string(), item);
    }
    IngestProgress progress(options_.progress, static_cast<int>(by_file.size()));
    progress_ = &progress;
    if (!by_file.empty())
      progress.note(fmt::format("extracting {} documents with {} jobs", by_file.size(), options_.jobs));
    auto start = Clock::now();
    if (!by_file.empty()) tagging_.prepare();  // once, before forking, not once per worker
    index::DocumentPreparer preparer(tagging_.info());
    extractors::ParallelExtractor extractor(worker_options(by_file, preparer));
    for (const auto& item : plan)  // plan order: deterministic submission
      if (by_file.count(item.file.absolute.string())) extractor.submit(item.file.absolute);
    for (const auto& item : extract_later_) extractor.submit(item.file.absolute);
    while (extractor.pending() > 0) {
      for (auto& result : extractor.poll(std::chrono::milliseconds(250))) {
        const PlanItem& item = by_file.at(result.path.string());
        if (result.document) {
          succeed(item, *result.document, result.payload);
          progress.document_done(result.document->pages);
        } else {
          fail(item, result.document.error());
          progress.document_done(0);
        }
      }
    }
    progress.finish();
    progress_ = nullptr;
    report_.extract_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }

  const IngestOptions& options_;
  IngestTagging& tagging_;
  index::IndexWriter& writer_;
  IngestReport& report_;
  std::string taxonomy_hash_;
  bool retag_;
  bool tags_consistent_ = false;
  int since_commit_ = 0;
  IngestProgress* progress_ = nullptr;
  std::unordered_map<std::string, index::SourceRecord> known_;
  std::vector<PlanItem> extract_later_;
};

}  // namespace

std::string doc_id_for(const std::string& path) {
  if (path.size() > 4) {
    std::string ext = path.substr(path.size() - 4);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf") return path.substr(0, path.size() - 4);
  }
  return path;
}

IngestReport run_ingest(const IngestOptions& options) {
  auto start = Clock::now();
  IngestReport report;
  report.started_at = utc_now_iso8601();
  report.corpus = fs::absolute(options.corpus).lexically_normal().string();
  report.index = fs::absolute(options.index).lexically_normal().string();
  report.mode = options.mode == BuildMode::full ? "full" : "incremental";
  report.jobs = options.jobs;

  // Validated before any work: an invalid taxonomy is exit 2 and touches nothing.
  // The hash the index was tagged with spares re-validating an unchanged
  // file; rules are compiled only if some document must be tagged.
  const bool full = options.mode == BuildMode::full;
  std::optional<std::string> validated;
  if (!full && fs::exists(options.index)) validated = index::read_run_metadata(options.index, kTaggedWithKey);
  IngestTagging tagging(options.taxonomy, validated);
  report.taxonomy_version = tagging.version();
  report.taxonomy_hash = tagging.hash();

  // Refused before the lock, so a wrong corpus path creates no index.
  if (auto problem = corpus::root_problem(options.corpus)) throw FatalError(problem->describe(), exit_code::kUsage);

  IngestLock lock(options.index);
  remove_stale_generations(options.index);
  fs::path target = full ? new_generation_dir(options.index) : options.index;
  std::optional<std::string> tagged_with;
  if (!full && fs::exists(target)) tagged_with = index::read_run_metadata(target, kTaggedWithKey);
  {
    index::IndexWriter writer(target, tagging.info(),
                              full ? index::OpenMode::create_fresh : index::OpenMode::update);
    std::vector<index::SourceRecord> manifest = writer.sources();
    auto walk = corpus::walk_sources(options.corpus, known_pdfs(writer.source_stats()));
    if (!walk) throw FatalError(walk.error().describe(), exit_code::kUsage);
    report.ignored_files = walk->ignored;
    bool retag = !manifest.empty() && tagged_with != tagging.hash();
    report.taxonomy_changed = retag;
    corpus::PlanOptions plan_options{options.retry_failed};
    auto plan = corpus::plan_changes(
        walk->files, manifest_entries(manifest),
        [](const corpus::SourceFile& f) { return corpus::hash_file(f.absolute); }, plan_options);

    IngestRun run(options, tagging, writer, report, retag);
    run.apply(plan, manifest);
    fill_totals(report, writer.source_stats());
    report.finished_at = utc_now_iso8601();
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    writer.set_run_metadata("last_run", to_json(report).dump());
    run.commit();
  }
  if (full) switch_generation(options.index, target);
  return report;
}

}  // namespace reviewlens::cli
