#!/bin/sh
# Times `reviewlens stats` (theme counts, fact counts, co-occurrence, the
# document table, a filtered count) over a large index. Usage:
#   bench/stats_bench.sh BIN CORPUS_DIR INDEX_DIR
# CORPUS_DIR: PDFs to ingest first when INDEX_DIR does not exist, e.g. from
#   /usr/bin/python3 make_corpus.py --out DIR --docs 2000 --min-pages 4 --max-pages 8
# or, quicker, N copies of corpus/sample:  bench/stats_bench.sh BIN --copies 143 INDEX_DIR
set -eu
bin=$1; corpus=$2
if [ "$corpus" = "--copies" ]; then
  copies=$3; index=$4
  if [ ! -d "$index" ]; then
    corpus=$(mktemp -d)
    i=0
    while [ $i -lt "$copies" ]; do
      mkdir -p "$corpus/c$i"
      for f in corpus/sample/*.pdf; do cp "$f" "$corpus/c$i/$(basename "$f" .pdf)-$i.pdf"; done
      i=$((i + 1))
    done
  fi
else
  index=$3
fi
if [ ! -d "$index" ]; then
  /usr/bin/time -f "ingest: %e s" "$bin" ingest "$corpus" --index "$index" --quiet -j 2
fi
"$bin" status --index "$index" | head -3
for args in "--by theme" "--by fact" "--cross theme" "--by document --format csv" \
            "--by year --theme domestic_abuse" "--by theme --fact looked_after" "--by theme --unit passage"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f "stats $args: %e s, %M KB" "$bin" stats --index "$index" $args >/dev/null
done
