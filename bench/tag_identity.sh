#!/usr/bin/env bash
# Checks that `reviewlens tag` (and `tag --explain`) of this build writes
# byte for byte what another build writes, on the same inputs: the check
# for engine changes that must not change results (speed work).
#
#   usage: bench/tag_identity.sh REF_BIN [BUILD_DIR=build] [JSONL ...]
#
# Inputs: the JSONL files given, else the passages of corpus/sample (through
# `extract`) and bench/tag_throughput.sh's inputs where they exist. With
# GOLD=FILE.jsonl, `eval --gold FILE` (text and json) is compared too; with
# TAXONOMY=FILE both builds use that taxonomy. Exit 1 if anything differs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ref="${1:?usage: bench/tag_identity.sh REF_BIN [BUILD_DIR] [JSONL ...]}"
build="${2:-$here/../build}"
shift $(($# >= 2 ? 2 : 1))
bin="$build/cli/reviewlens"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tax=()
[ -n "${TAXONOMY:-}" ] && tax=(--taxonomy "$TAXONOMY")

inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  "$bin" extract "$here/../corpus/sample/"*.pdf 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    for p in json.loads(line)["passages"]: print(json.dumps(p))' >"$work/sample.jsonl"
  inputs=("$work/sample.jsonl")
  for f in "${TMPDIR:-/tmp}"/reviewlens-tag-bench/{real,passages}-*mb.jsonl; do [ -s "$f" ] && inputs+=("$f"); done
fi

status=0
same() {  # label, standard input, then the command's arguments after the binary
  local label=$1 input=$2; shift 2
  "$ref" "$@" <"$input" >"$work/ref.out" 2>"$work/ref.err" || true
  "$bin" "$@" <"$input" >"$work/new.out" 2>"$work/new.err" || true
  if cmp -s "$work/ref.out" "$work/new.out" && cmp -s "$work/ref.err" "$work/new.err"; then
    echo "same: $label ($(wc -l <"$work/new.out") lines)"
  else
    echo "DIFFERENT: $label"
    status=1
  fi
}
for f in "${inputs[@]}"; do
  same "tag < $f" "$f" tag "${tax[@]}"
  same "tag --explain < $f" "$f" tag --explain "${tax[@]}"
done
if [ -n "${GOLD:-}" ]; then
  same "eval --gold $GOLD" /dev/null eval --gold "$GOLD" "${tax[@]}"
  same "eval --gold $GOLD --format json" /dev/null eval --gold "$GOLD" --format json "${tax[@]}"
fi
exit $status
