#!/usr/bin/env bash
# Search latency: `reviewlens search` (one process per query, as a user runs
# it) with and without theme filters, next to Xapian omega's `quest` over an
# omindex database of the same PDFs, and (bench/search_bench, built with the
# project) the same queries in one process. Prints median and p95 per group.
#
# quest runs twice per query: as omega ships it (OR, estimated counts, 10
# hits) and like reviewlens (-o and, -c all: every match checked, so its
# count is exact). Note the unit differs: omindex makes one Xapian document
# per PDF, reviewlens one per passage (~175 per PDF), so quest matches far
# fewer documents; so quest also runs on the reviewlens index itself (same
# passages, exact count, but no facets, synonyms or snippets): Xapian's own
# cost for the match. The first search after an ingest builds the facet cache
# (index/facet_table.h); it is timed once on its own, before the groups.
#
#   bench/search_bench.sh CORPUS_DIR [WORK_DIR] [RUNS]
#
# CORPUS_DIR: PDFs, e.g. from /work/shared/bench/make_corpus.py --out /tmp/c.
# WORK_DIR (default /tmp/rl-search-bench) receives both indexes; they are
# built once and reused. RUNS (default 20) repetitions of each query.
# Needs xapian-omega (omindex, quest) and poppler-utils (pdftotext).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(cd "${1:?usage: search_bench.sh CORPUS_DIR [WORK_DIR] [RUNS]}" && pwd)
work=${2:-/tmp/rl-search-bench}
runs=${3:-20}
bin=${REVIEWLENS:-$here/../build/cli/reviewlens}
inproc=${SEARCH_BENCH:-$(dirname "$bin")/../bench/search_bench}
queries=$here/search_queries.txt
mkdir -p "$work"

if [ ! -e "$work/index" ]; then
  echo "== reviewlens ingest $corpus" >&2
  /usr/bin/time -f "ingest: %e s, %M KB max RSS" "$bin" ingest "$corpus" --index "$work/index" --quiet || true
fi
if [ ! -e "$work/omega" ] && command -v omindex >/dev/null; then
  echo "== omindex $corpus" >&2
  /usr/bin/time -f "omindex: %e s" omindex --db "$work/omega" --url / "$corpus" >/dev/null
fi
"$bin" status --index "$work/index" | head -3
echo "load before: $(uptime)"

python3 - "$bin" "$work" "$queries" "$runs" <<'PY'
import shlex, statistics, subprocess, sys, time, json, shutil
bin_, work, qfile, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
groups = {"reviewlens: words only": [], "reviewlens: with filters": [],
          "quest (omega default)": [], "quest -o and -c all (exact)": [],
          "quest -o and -c all on the reviewlens index": [],
          "process start (reviewlens search --help)": []}
def timed(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    dt = (time.perf_counter() - t) * 1000
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {shlex.join(cmd)}\n{r.stderr.decode()}")
    return dt, r.stdout
import os
cache = f"{work}/index/search-facets.bin"
if os.path.exists(cache): os.remove(cache)
first, _ = timed([bin_, "search", "the", "--index", f"{work}/index", "--format", "json"])
print(f"first search after ingest (builds the facet cache): {first:.1f} ms")
rows = []
for line in open(qfile, encoding="utf-8"):
    if not line.strip() or line.startswith("#"): continue
    query, _, flags = line.rstrip("\n").partition("\t")
    cmd = [bin_, "search"] + ([query] if query else []) + shlex.split(flags) + \
          ["--index", f"{work}/index", "--format", "json", "--limit", "10"]
    times = []
    for _ in range(runs):
        dt, out = timed(cmd); times.append(dt)
    total = json.loads(out)["total"]
    groups["reviewlens: with filters" if flags else "reviewlens: words only"] += times
    rows.append((statistics.median(times), total, query, flags))
    if not flags and shutil.which("quest"):
        for _ in range(runs):
            groups["quest (omega default)"].append(timed(["quest", "-d", f"{work}/omega", query])[0])
            groups["quest -o and -c all (exact)"].append(
                timed(["quest", "-d", f"{work}/omega", "-o", "and", "-c", "100000000", query])[0])
            groups["quest -o and -c all on the reviewlens index"].append(
                timed(["quest", "-d", f"{work}/index", "-o", "and", "-c", "100000000", query])[0])
# Start-up only: no index opened.
for _ in range(runs):
    groups["process start (reviewlens search --help)"].append(timed([bin_, "search", "--help"])[0])
print(f"{'median ms':>9}  {'total':>7}  query")
for med, total, q, f in rows:
    print(f"{med:9.1f}  {total:7d}  {q!r} {f}")
print()
print(f"{'group':42} {'n':>5} {'median ms':>10} {'p95 ms':>8}")
for name, t in groups.items():
    if not t: continue
    t = sorted(t)
    p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
    print(f"{name:42} {len(t):5d} {statistics.median(t):10.1f} {p95:8.1f}")
PY

# The same queries inside one process: the query cost without start-up.
if [ -x "$inproc" ]; then
  echo
  "$inproc" "$work/index" "$queries" "$runs"
fi
echo "load after: $(uptime)"
