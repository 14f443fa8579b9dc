#!/usr/bin/env bash
# Times our extraction of every PDF in a folder against pdftotext on the
# same files in the same run, and prints the ratio (target: <= 1.3x).
#
#   bench/extract_vs_pdftotext.sh CORPUS_DIR [BUILD_DIR]
#
# Ours is `reviewlens extract FILE... --format json` (Poppler + layout repair
# + normalisation, in a forked worker process with per-file limits) when the binary has
# the subcommand, else bench's extract_dump (same stages, one process).
# pdftotext runs once per file, writing to /dev/null. Each side runs twice
# and the faster run counts, so a cold page cache does not decide.
set -euo pipefail
corpus=${1:?usage: extract_vs_pdftotext.sh CORPUS_DIR [BUILD_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-}
if [ -z "$build" ]; then
  for d in "$root"/build*; do
    if [ -x "$d/cli/reviewlens" ] || [ -x "$d/bench/extract_dump" ]; then build=$d; break; fi
  done
fi
[ -n "$build" ] || { echo "no build directory with reviewlens or extract_dump" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)" >&2; exit 2; }

mapfile -t files < <(find "$corpus" -maxdepth 1 -name '*.pdf' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no PDFs in $corpus" >&2; exit 2; }

if [ -x "$build/cli/reviewlens" ] && "$build/cli/reviewlens" extract --help >/dev/null 2>&1; then
  ours_name="reviewlens extract --format json"
  ours() { "$build/cli/reviewlens" extract "${files[@]}" --format json >/dev/null; }
else
  ours_name="extract_dump"
  ours() { "$build/bench/extract_dump" "${files[@]}" >/dev/null; }
fi
theirs() { for f in "${files[@]}"; do pdftotext "$f" /dev/null; done; }

# Wall-clock time and CPU time (user + sys of the children): on a busy
# machine the CPU figure is the fairer comparison.
timed() {  # prints "wall user sys" of one run of function $1
  local TIMEFORMAT='%R %U %S'
  { time "$1" 2>/dev/null; } 2>&1
}
measure() {  # prints "wall cpu", each the best of two runs of function $1
  { timed "$1"; timed "$1"; } | awk '{ w = $1; c = $2 + $3
      if (NR == 1 || w < bw) bw = w
      if (NR == 1 || c < bc) bc = c }
    END { print bw, bc }'
}

read -r wall_ours cpu_ours < <(measure ours)
read -r wall_theirs cpu_theirs < <(measure theirs)
awk -v n="${#files[@]}" -v name="$ours_name" -v wo="$wall_ours" -v co="$cpu_ours" \
    -v wt="$wall_theirs" -v ct="$cpu_theirs" 'BEGIN {
  printf "files:      %d\n", n
  printf "ours:       %.2f s wall, %.2f s CPU  (%s)\n", wo, co, name
  printf "pdftotext:  %.2f s wall, %.2f s CPU\n", wt, ct
  printf "ratio:      %.2fx wall, %.2fx CPU  (target <= 1.3x)\n", wo / wt, (ct > 0 ? co / ct : 0) }'
