#!/usr/bin/env bash
# Throughput of `reviewlens tag` (one thread) in MB/s of passage text, and,
# on the same text, `grep -E -i -c` with the taxonomy's own patterns as a
# reference point. Target: >= 100 MB/s per core.
#
# usage: bench/tag_throughput.sh [BUILD_DIR=build] [SIZE_MB=200]
# The passages (fictional, generated) are written under /tmp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
size="${2:-200}"
bin="$build/cli/reviewlens"
work="${TMPDIR:-/tmp}/reviewlens-tag-bench"
mkdir -p "$work"
jsonl="$work/passages-${size}mb.jsonl"
[ -s "$jsonl" ] || python3 "$here/make_tag_passages.py" "$jsonl" "$size"

# The plain text grep scans: the same passage texts, one per line.
text="$work/passages-${size}mb.txt"
[ -s "$text" ] || python3 -c '
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        out.write(json.loads(line)["text"] + "\n")' "$jsonl" "$text"
text_mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$text")

# RE2 -> POSIX ERE for GNU grep: no (?i) (grep -i), (?: -> (, \d -> [0-9].
patterns="$work/patterns.ere"
"$bin" taxonomy patterns | cut -f4 |
  sed -e 's/^(?i)//' -e 's/(?i)//g' -e 's/(?:/(/g' -e 's/\\d/[0-9]/g' -e "s/''/'/g" >"$patterns"

seconds() { python3 -c "import sys; print(float(sys.argv[1]))" "$1"; }
run_timed() {  # prints elapsed seconds of "$@"
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$end"
}

tag_s=$(run_timed sh -c "\"$bin\" tag < \"$jsonl\"")
grep_s=$(run_timed sh -c "grep -E -i -c -f \"$patterns\" \"$text\" || true")
printf 'passage text: %.1f MB (%s)\n' "$text_mb" "$jsonl"
printf 'reviewlens tag (1 thread): %.2f s  %.1f MB/s\n' "$tag_s" "$(python3 -c "print($text_mb / $tag_s)")"
printf 'grep -E -i -c (%s patterns): %.2f s  %.1f MB/s\n' "$(wc -l <"$patterns")" "$grep_s" \
  "$(python3 -c "print($text_mb / $grep_s)")"
