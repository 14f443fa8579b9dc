#!/usr/bin/env bash
# Benchmarks `reviewlens ingest` against pdftotext alone, omindex and
# recollindex on a synthetic corpus, side by side in one run.
#
#   bench/ingest_bench.sh [--docs N] [--from DIR] [--bin PATH] [--work DIR] [--no-recoll]
#
# Needs the corpus generator of the project's shared bench kit
# (MAKE_CORPUS, default /work/shared/bench/make_corpus.py, see its README),
# or --from DIR: a folder of already generated PDFs, whose first N (by name)
# are copied (copied, not linked: the touch rerun must not touch the
# originals, and omindex and recoll skip symlinks). Installs recoll itself
# (bench-only dependency, not in dev.sh).
# Targets: jobs 2 >= 1.8x jobs 1 throughput; whole pipeline <= 1.3x
# pdftotext time at equal parallelism; no-change rerun no slower than
# omindex's; touched files cost a hash, not an extraction.
set -euo pipefail

DOCS=300
BIN=${BIN:-$(dirname "$0")/../build/cli/reviewlens}
WORK=${WORK:-/tmp/reviewlens-ingest-bench}
MAKE_CORPUS=${MAKE_CORPUS:-/work/shared/bench/make_corpus.py}
RECOLL=1
FROM=
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --from) FROM=$(readlink -f "$2"); shift 2 ;;
    --no-recoll) RECOLL=0; shift ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
BIN=$(readlink -f "$BIN")
CORPUS=$WORK/corpus-$DOCS
mkdir -p "$WORK"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ "$RECOLL" = 1 ] && ! command -v recollindex >/dev/null; then
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends recoll >/dev/null
fi

[ -n "$FROM" ] && CORPUS=$WORK/corpus-$DOCS-from-$(basename "$FROM")
if [ ! -f "$CORPUS/.complete" ]; then
  rm -rf "$CORPUS"
  if [ -n "$FROM" ]; then
    mkdir -p "$CORPUS"
    find "$FROM" -maxdepth 1 -name '*.pdf' | sort | awk -v n="$DOCS" 'NR <= n' | xargs cp -t "$CORPUS"
    [ "$(find "$CORPUS" -name '*.pdf' | wc -l)" -eq "$DOCS" ] || { echo "$FROM has fewer than $DOCS PDFs" >&2; exit 2; }
  else
    /usr/bin/python3 "$MAKE_CORPUS" --out "$CORPUS" --docs "$DOCS" --no-truth --quiet
  fi
  touch "$CORPUS/.complete"
fi
PAGES=$(find "$CORPUS" -name '*.pdf' -print0 | xargs -0 -n 1 sh -c 'pdfinfo "$0" 2>/dev/null || true' | awk '/^Pages:/{s+=$2} END{print s}')

now() { date +%s.%N; }
# secs LABEL CMD...: wall-clock seconds of CMD (output discarded; exit 1
# accepted for reviewlens, which means "some documents failed"). Its CPU
# seconds (user + sys of every process it ran, workers included) go to
# $WORK/cpu.LABEL: on a busy machine CPU time is the steadier figure.
secs() {
  local label=$1 s e rc=0
  shift
  s=$(now)
  "$@" >/dev/null 2>"$WORK/last.err" || rc=$?
  e=$(now)
  if [ "$rc" -gt 1 ]; then echo "command failed ($rc): $*" >&2; cat "$WORK/last.err" >&2; exit 1; fi
  times > "$WORK/times.$label"  # not piped: a pipeline stage would be a fresh subshell
  awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); n += p[1] * 60 + p[2] }
                 printf "%.2f", n }' "$WORK/times.$label" > "$WORK/cpu.$label"
  awk -v s="$s" -v e="$e" 'BEGIN{printf "%.3f", e - s}'
}
cpu() { cat "$WORK/cpu.$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

pdftotext_all() {  # JOBS
  find "$CORPUS" -name '*.pdf' -print0 | xargs -0 -n 1 -P "$1" sh -c 'pdftotext -q "$0" /dev/null || true'
}
rl_ingest() { "$BIN" ingest "$CORPUS" --index "$1" --quiet "${@:2}"; }

echo "corpus: $CORPUS ($DOCS PDFs, $PAGES pages); cores: $(nproc)"
rm -rf "$WORK"/rl-j1 "$WORK"/rl-j2 "$WORK"/rl-j*.lock "$WORK"/omega "$WORK"/recoll
sync

T_PT1=$(secs pt1 pdftotext_all 1)
T_PT2=$(secs pt2 pdftotext_all 2)
T_RL1=$(secs rl1 rl_ingest "$WORK/rl-j1" --jobs 1)
T_RL2=$(secs rl2 rl_ingest "$WORK/rl-j2" --jobs 2)
T_OM=$(secs om omindex --db "$WORK/omega" --url / "$CORPUS")
T_RC=n/a
if [ "$RECOLL" = 1 ]; then
  mkdir -p "$WORK/recoll"
  printf 'topdirs = %s\nskippedNames = .complete\n' "$CORPUS" > "$WORK/recoll/recoll.conf"
  T_RC=$(secs rc recollindex -c "$WORK/recoll")
fi

# Reruns on the jobs-2 index: nothing changed, then 10 files touched.
# (awk, not head: head exiting early would SIGPIPE sort, and with pipefail
# and several hundred files that ended the script without a word.)
touch_ten() { find "$CORPUS" -name '*.pdf' | sort | awk 'NR <= 10' | xargs touch; }
T_RL_NOOP=$(secs noop rl_ingest "$WORK/rl-j2" --jobs 2)
T_OM_NOOP=$(secs omnoop omindex --db "$WORK/omega" --url / "$CORPUS")
touch_ten
T_RL_TOUCH=$(secs touch rl_ingest "$WORK/rl-j2" --jobs 2)
TOUCH_REPORT=$("$BIN" status --index "$WORK/rl-j2" --format json |
  /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin)["last_run"]["documents"]; print("touched=%d indexed=%d unchanged=%d" % (d["touched"], d["indexed"], d["unchanged"]))')
touch_ten
T_OM_TOUCH=$(secs omtouch omindex --db "$WORK/omega" --url / "$CORPUS")
FAILED=$("$BIN" status --index "$WORK/rl-j1" --format json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["failed"])')

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-44s %8s %8s %10s\n' "run" "seconds" "CPU s" "pages/s"
row() { printf '%-44s %8s %8s %10s\n' "$1" "$2" "$(cpu "$3")" "$(awk -v p="$PAGES" -v t="$2" 'BEGIN{ if (t > 0) printf "%.1f", p / t; else print "n/a" }')"; }
row "pdftotext alone, xargs -P 1" "$T_PT1" pt1
row "pdftotext alone, xargs -P 2" "$T_PT2" pt2
row "reviewlens ingest (fresh index), jobs 1" "$T_RL1" rl1
row "reviewlens ingest (fresh index), jobs 2" "$T_RL2" rl2
row "omindex" "$T_OM" om
[ "$RECOLL" = 1 ] && row "recollindex" "$T_RC" rc
printf '%-44s %8s %8s\n' "reviewlens no-change rerun" "$T_RL_NOOP" "$(cpu noop)"
printf '%-44s %8s %8s\n' "omindex no-change rerun" "$T_OM_NOOP" "$(cpu omnoop)"
printf '%-44s %8s %8s   (%s)\n' "reviewlens rerun, 10 files touched" "$T_RL_TOUCH" "$(cpu touch)" "$TOUCH_REPORT"
printf '%-44s %8s %8s\n' "omindex rerun, 10 files touched" "$T_OM_TOUCH" "$(cpu omtouch)"
echo "reviewlens failures in the corpus: $FAILED"
echo
echo "ratios (target):"
echo "  jobs 2 speed-up over jobs 1:            $(ratio "$T_RL1" "$T_RL2")   (>= 1.8)"
echo "  ingest jobs 1 / pdftotext -P 1:         $(ratio "$T_RL1" "$T_PT1")   (<= 1.3)"
echo "  ingest jobs 2 / pdftotext -P 2:         $(ratio "$T_RL2" "$T_PT2")   (<= 1.3)"
echo "  ingest jobs 1 / omindex:                $(ratio "$T_RL1" "$T_OM")"
[ "$RECOLL" = 1 ] && echo "  ingest jobs 1 / recollindex:            $(ratio "$T_RL1" "$T_RC")"
echo "  CPU: ingest jobs 1 / pdftotext -P 1:    $(ratio "$(cpu rl1)" "$(cpu pt1)")"
echo "  CPU: jobs 2 / jobs 1 (1.0 = no parallel overhead): $(ratio "$(cpu rl2)" "$(cpu rl1)")"
echo "  no-change rerun, reviewlens / omindex:  $(ratio "$T_RL_NOOP" "$T_OM_NOOP")   (<= 1.0)"
echo "  touched rerun, reviewlens / omindex:    $(ratio "$T_RL_TOUCH" "$T_OM_TOUCH")"
