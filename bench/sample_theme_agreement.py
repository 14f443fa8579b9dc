#!/usr/bin/env python3
"""Document-level agreement of theme rules with the hand labels of the sample
corpus (corpus/sample/expected.json), through the real ingest and stats.

Usage:
    sample_theme_agreement.py [--reviewlens BIN] [--taxonomy FILE] [--detail]

Ingests corpus/sample into a temporary index (with --taxonomy when given,
so rules can be tried without rebuilding), reads `stats --by document`, and
prints per theme the documents tagged by the rules and by hand (tp, fp, fn),
marking themes that agree document by document (DOC-AGREE) or only in count
(count-agree), then precision and recall over the 15 practice, emerging and
national themes, over the 6 strategic themes, and over all 21. --detail adds
each document's wrong and missing themes. tests/cli/stats_test.cpp asserts
the themes that agree; update its lists when this report changes.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRATEGIC = {"culture", "partnership_intent", "strategy_to_delivery",
             "assessing_effectiveness", "getting_upstream", "workforce"}


def rule_themes(reviewlens, taxonomy):
    """{pdf file name: set of themes the rules give the document}."""
    tmp = tempfile.mkdtemp(prefix="rl-sample-")
    try:
        index = os.path.join(tmp, "index")
        cmd = [reviewlens, "ingest", os.path.join(ROOT, "corpus/sample"), "--index", index, "--quiet"]
        if taxonomy:
            cmd += ["--taxonomy", os.path.abspath(taxonomy)]
        subprocess.run(cmd, check=True)
        out = subprocess.run([reviewlens, "stats", "--index", index, "--by", "document", "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
    finally:
        shutil.rmtree(tmp)
    return {row["key"] + ".pdf": {t for t, n in row["themes"].items() if n}
            for row in json.loads(out)["rows"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviewlens", default=os.path.join(ROOT, "build/cli/reviewlens"))
    ap.add_argument("--taxonomy")
    ap.add_argument("--detail", action="store_true")
    args = ap.parse_args()

    got = rule_themes(args.reviewlens, args.taxonomy)
    docs = json.load(open(os.path.join(ROOT, "corpus/sample/expected.json")))["documents"]
    hand = {d["file"]: set(d["themes"]) | set(d.get("strategic_themes", [])) for d in docs}
    per = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for f, want in hand.items():
        g = got.get(f, set())
        for t in g | want:
            per[t][0 if (t in g and t in want) else 1 if t in g else 2] += 1

    sums = {"themes (15)": [0, 0, 0], "strategic (6)": [0, 0, 0]}
    for t, (tp, fp, fn) in sorted(per.items()):
        total = sums["strategic (6)" if t in STRATEGIC else "themes (15)"]
        for i, v in enumerate((tp, fp, fn)):
            total[i] += v
        mark = "DOC-AGREE" if fp == fn == 0 else "count-agree" if fp == fn else ""
        print(f"{t:26s} tp {tp:2d} fp {fp:2d} fn {fn:2d}  rules {tp + fp:2d} hand {tp + fn:2d}  {mark}")
    sums["all (21)"] = [a + b for a, b in zip(*sums.values())]
    for name, (tp, fp, fn) in sums.items():
        print(f"{name}: P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f} (tp {tp} fp {fp} fn {fn})")
    if args.detail:
        for f, want in hand.items():
            g = got.get(f, set())
            print(f, "wrong:", sorted(g - want), "missing:", sorted(want - g))


if __name__ == "__main__":
    main()
