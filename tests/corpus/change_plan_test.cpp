#include "corpus/change_plan.h"

#include <map>

#include <catch2/catch.hpp>

using namespace reviewlens;
using namespace reviewlens::corpus;

namespace {

// Files on disk described by path -> (size, mtime, bytes hash); the hasher
// counts how often it is asked, to prove unchanged files are not hashed.
struct Disk {
  std::map<std::string, std::string> hashes;
  std::vector<SourceFile> files;
  mutable int hashed = 0;

  void file(const std::string& path, std::uint64_t size, std::int64_t mtime, const std::string& hash) {
    files.push_back({path, "/corpus/" + path, size, mtime, {}});
    hashes[path] = hash;
  }
  void rejected(const std::string& path, std::uint64_t size, std::int64_t mtime) {
    files.push_back({path, "/corpus/" + path, size, mtime, Error{ErrorCode::not_pdf, "html", path, 0, "walk"}});
  }
  Hasher hasher() const {
    return [this](const SourceFile& f) -> Expected<std::string> {
      ++hashed;
      auto it = hashes.find(f.path);
      if (it == hashes.end() || it->second.empty()) return make_error(ErrorCode::io, "gone", f.path);
      return it->second;
    };
  }
};

ManifestEntry entry(const std::string& path, std::uint64_t size, std::int64_t mtime,
                    const std::string& hash, SourceStatus status = SourceStatus::indexed) {
  return {path, size, mtime, hash, status};
}

const PlanItem& at(const std::vector<PlanItem>& plan, const std::string& path) {
  for (const auto& p : plan)
    if (p.path == path) return p;
  FAIL("no plan item for " << path);
  throw;
}

}  // namespace

TEST_CASE("ChangePlan: each case of the decision table", "[corpus][plan]") {
  Disk disk;
  disk.file("new.pdf", 10, 1, "h-new");
  disk.file("same.pdf", 20, 2, "h-same");
  disk.file("touched.pdf", 30, 99, "h-touched");
  disk.file("edited.pdf", 41, 4, "h-edited-2");
  disk.file("resized-same-bytes.pdf", 55, 5, "h-resized");
  std::vector<ManifestEntry> manifest = {
      entry("same.pdf", 20, 2, "h-same"),
      entry("touched.pdf", 30, 3, "h-touched"),
      entry("edited.pdf", 40, 4, "h-edited-1"),
      entry("resized-same-bytes.pdf", 50, 5, "h-resized"),
      entry("gone.pdf", 60, 6, "h-gone"),
  };
  auto plan = plan_changes(disk.files, manifest, disk.hasher());

  REQUIRE(plan.size() == 6);
  CHECK(at(plan, "new.pdf").action == PlanAction::add);
  CHECK(at(plan, "new.pdf").hash == "h-new");
  CHECK(at(plan, "same.pdf").action == PlanAction::unchanged);
  CHECK(at(plan, "touched.pdf").action == PlanAction::touch);
  CHECK(at(plan, "touched.pdf").file.mtime_ns == 99);
  CHECK(at(plan, "edited.pdf").action == PlanAction::change);
  CHECK(at(plan, "edited.pdf").hash == "h-edited-2");
  CHECK(at(plan, "resized-same-bytes.pdf").action == PlanAction::touch);
  CHECK(at(plan, "gone.pdf").action == PlanAction::remove);
  // new, touched, edited, resized: the unchanged file costs no hash.
  CHECK(disk.hashed == 4);
  CHECK(std::is_sorted(plan.begin(), plan.end(),
                       [](const PlanItem& a, const PlanItem& b) { return a.path < b.path; }));

  PlanCounts c = count_actions(plan);
  CHECK(c.add == 1);
  CHECK(c.unchanged == 1);
  CHECK(c.touch == 2);
  CHECK(c.change == 1);
  CHECK(c.remove == 1);
  CHECK(c.to_extract() == 2);
}

TEST_CASE("ChangePlan: a file with the bytes of a removed source is a move", "[corpus][plan]") {
  Disk disk;
  disk.file("2022/child-b.pdf", 10, 7, "h-b");
  disk.file("copy-of-failed.pdf", 10, 7, "h-f");
  std::vector<ManifestEntry> manifest = {entry("child-b.pdf", 10, 1, "h-b"),
                                         entry("failed.pdf", 10, 1, "h-f", SourceStatus::failed)};
  auto plan = plan_changes(disk.files, manifest, disk.hasher());

  REQUIRE(plan.size() == 3);
  const PlanItem& moved = at(plan, "2022/child-b.pdf");
  CHECK(moved.action == PlanAction::move);
  CHECK(moved.from == "child-b.pdf");
  // Only indexed sources move; a failed one is removed and its copy retried as new.
  CHECK(at(plan, "copy-of-failed.pdf").action == PlanAction::add);
  CHECK(at(plan, "failed.pdf").action == PlanAction::remove);
}

TEST_CASE("ChangePlan: failed files are skipped while unchanged unless retried", "[corpus][plan]") {
  Disk disk;
  disk.file("broken.pdf", 10, 1, "h-broken");
  disk.file("fixed.pdf", 12, 9, "h-fixed-2");
  disk.rejected("html.pdf", 5, 1);
  std::vector<ManifestEntry> manifest = {
      entry("broken.pdf", 10, 1, "h-broken", SourceStatus::failed),
      entry("fixed.pdf", 10, 1, "h-fixed-1", SourceStatus::failed),
      entry("html.pdf", 5, 1, "", SourceStatus::failed),
  };

  auto plan = plan_changes(disk.files, manifest, disk.hasher());
  CHECK(at(plan, "broken.pdf").action == PlanAction::failed_unchanged);
  CHECK(at(plan, "fixed.pdf").action == PlanAction::change);
  CHECK(at(plan, "html.pdf").action == PlanAction::failed_unchanged);

  auto retry = plan_changes(disk.files, manifest, disk.hasher(), {.retry_failed = RetryFailed::yes});
  CHECK(at(retry, "broken.pdf").action == PlanAction::change);
  CHECK(at(retry, "broken.pdf").hash == "h-broken");
  CHECK(at(retry, "html.pdf").action == PlanAction::reject);
  REQUIRE(at(retry, "html.pdf").error);
  CHECK(at(retry, "html.pdf").error->code == ErrorCode::not_pdf);
}

TEST_CASE("ChangePlan: rejects and unhashable files are failures, not crashes", "[corpus][plan]") {
  Disk disk;
  disk.rejected("page.pdf", 5, 2);     // was indexed, now an HTML page
  disk.file("vanished.pdf", 10, 1, "");  // hashing fails
  std::vector<ManifestEntry> manifest = {entry("page.pdf", 5, 1, "h-old")};

  auto plan = plan_changes(disk.files, manifest, disk.hasher());
  REQUIRE(plan.size() == 2);
  CHECK(at(plan, "page.pdf").action == PlanAction::reject);
  const PlanItem& vanished = at(plan, "vanished.pdf");
  CHECK(vanished.action == PlanAction::reject);
  REQUIRE(vanished.error);
  CHECK(vanished.error->code == ErrorCode::io);
}

TEST_CASE("ChangePlan: an empty manifest plans every file as new", "[corpus][plan]") {
  Disk disk;
  disk.file("a.pdf", 1, 1, "h1");
  disk.file("b.pdf", 1, 1, "h1");  // identical bytes at two paths: two documents
  auto plan = plan_changes(disk.files, {}, disk.hasher());
  PlanCounts c = count_actions(plan);
  CHECK(c.add == 2);
  CHECK(c.move == 0);
}

TEST_CASE("ChangePlan: unchanged_counts agrees with plan_changes, without a plan or a hash", "[corpus]") {
  // Each case: the disk, the manifest, the options; unchanged_counts must
  // answer exactly when plan_changes has only unchanged/failed_unchanged items.
  struct Case {
    std::string name;
    Disk disk;
    std::vector<ManifestEntry> manifest;
    PlanOptions options;
  };
  std::vector<Case> cases;
  auto base = [] {
    Case c;
    c.disk.file("a.pdf", 10, 1, "ha");
    c.disk.rejected("b.pdf", 5, 2);
    c.disk.file("c/d.pdf", 30, 3, "hd");
    c.manifest = {entry("a.pdf", 10, 1, "ha"), entry("b.pdf", 5, 2, "", SourceStatus::failed),
                  entry("c/d.pdf", 30, 3, "hd")};
    return c;
  };
  cases.push_back(base());
  cases.back().name = "all unchanged, one known failure";
  cases.push_back(base());
  cases.back().name = "retry failed";
  cases.back().options.retry_failed = RetryFailed::yes;
  cases.push_back(base());
  cases.back().name = "touched";
  cases.back().disk.files[0].mtime_ns = 9;
  cases.push_back(base());
  cases.back().name = "grown";
  cases.back().disk.files[2].size = 31;
  cases.push_back(base());
  cases.back().name = "removed";
  cases.back().disk.files.pop_back();
  cases.push_back(base());
  cases.back().name = "added";
  cases.back().disk.file("e.pdf", 1, 1, "he");
  cases.push_back(base());
  cases.back().name = "indexed file now rejected";
  cases.back().manifest[1].status = SourceStatus::indexed;
  cases.push_back(base());
  cases.back().name = "failed file now a PDF";
  cases.back().disk.files[1].rejected.reset();
  cases.push_back(base());
  cases.back().name = "renamed";
  cases.back().disk.files[2].path = "c/z.pdf";
  cases.push_back(base());
  cases.back().name = "unsorted";
  std::swap(cases.back().disk.files[0], cases.back().disk.files[2]);
  std::swap(cases.back().manifest[0], cases.back().manifest[2]);
  cases.push_back(Case{"empty", {}, {}, {}});

  for (const auto& c : cases) {
    INFO(c.name);
    auto plan = plan_changes(c.disk.files, c.manifest, c.disk.hasher(), c.options);
    PlanCounts full = count_actions(plan);
    const bool nothing_to_do =
        c.disk.hashed == 0 && full.unchanged + full.failed_unchanged == static_cast<int>(plan.size()) &&
        c.name != "unsorted";  // plan_changes sorts; unchanged_counts asks for sorted input
    auto quick = unchanged_counts(c.disk.files, c.manifest, c.options);
    REQUIRE(quick.has_value() == nothing_to_do);
    if (quick) {
      CHECK(quick->unchanged == full.unchanged);
      CHECK(quick->failed_unchanged == full.failed_unchanged);
    }
  }
}
