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
    files.push_back({path, "/corpus/" + path, size, mtime, Error{ErrorCode::not_pdf, "html", path}});
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
