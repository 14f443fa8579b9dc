#!/usr/bin/env python3
"""Scores extracted passages against a make_corpus.py corpus.

Usage:
    score_extraction.py CORPUS_DIR OUTPUT.jsonl [--reviewlens BIN] [--samples N]

CORPUS_DIR holds truth.jsonl and furniture.jsonl (from make_corpus.py).
OUTPUT.jsonl holds our passages, one JSON object per line with at least
"file" (the PDF name or a path ending in it), "page" and "text"; "kind" and
"para" are scored when present. `reviewlens extract --format json` output
(one document per line with a "passages" array) is accepted too.

Both sides are normalised with `reviewlens normalise` (text::normalise), so
quotes, dashes and ligatures compare as the pipeline stores them.

A true passage is an exact match when one unused extracted passage of the
same file has identical normalised text and the same page; a text-only match
has the text on another page. A furniture leak is a furniture line
(title, contents, header, footer, table header) that equals an extracted
passage or is glued into one (see leaked()).
"""

import argparse
import collections
import difflib
import glob
import json
import os
import subprocess
import sys


def works(cmd):
    try:
        r = subprocess.run(cmd, input=b"\xef\xac\x81\n", stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, timeout=30)
    except OSError:
        return False
    return r.returncode == 0 and r.stdout == b"fi\n"


def find_normaliser(here):
    """A command that normalises stdin lines: `reviewlens normalise`, else
    `extract_dump --normalise`, from any build directory of the repo."""
    root = os.path.dirname(here)
    cands = [[b, "normalise"] for b in sorted(glob.glob(os.path.join(root, "build*", "cli", "reviewlens")))]
    cands += [[b, "--normalise"] for b in sorted(glob.glob(os.path.join(root, "build*", "bench", "extract_dump")))]
    return next((c for c in cands if works(c)), None)


def normalise_all(cmd, texts):
    data = "".join(t.replace("\r", " ").replace("\n", " ") + "\n" for t in texts)
    out = subprocess.run(cmd, input=data.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    lines = out.split("\n")
    return lines[:len(texts)]


def leaked(f, text):
    """Furniture f survives in passage text: equal to it; for lines a body
    passage may quote (title, header) only at the passage's start or end
    (a header glued to a paragraph); for the rest (footer, contents, table
    header) anywhere once it is long enough to be unambiguous."""
    fn = f["norm"]
    if text == fn:
        return True
    if len(fn) < 20 and f["kind"] != "footer":
        return False
    if f["kind"] in ("title", "header"):
        return text.startswith(fn + " ") or text.endswith(" " + fn)
    return fn in text


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_ours(path):
    rows = []
    for obj in load_jsonl(path):
        if "passages" in obj:  # a document from `reviewlens extract --format json`
            name = os.path.basename(obj.get("file", ""))
            for p in obj["passages"]:
                rows.append(dict(p, file=name))
        else:
            rows.append(dict(obj, file=os.path.basename(obj.get("file", ""))))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("output")
    ap.add_argument("--reviewlens", default=None, help="binary with the `normalise` subcommand")
    ap.add_argument("--samples", type=int, default=8, help="sample misses to print")
    args = ap.parse_args(argv)
    binary = ([args.reviewlens, "normalise"] if args.reviewlens
              else find_normaliser(os.path.dirname(os.path.abspath(__file__))))
    if not binary:
        sys.exit("score_extraction.py: no normaliser found (build reviewlens or extract_dump); "
                 "pass --reviewlens BIN")

    truth = load_jsonl(os.path.join(args.corpus, "truth.jsonl"))
    furniture = load_jsonl(os.path.join(args.corpus, "furniture.jsonl"))
    ours = load_ours(args.output)
    files = {t["file"] for t in truth}
    ours = [o for o in ours if o["file"] in files]

    norm = normalise_all(binary, [t["text"] for t in truth] + [o.get("text", "") for o in ours]
                         + [f["text"] for f in furniture])
    for i, t in enumerate(truth):
        t["norm"] = norm[i]
    for i, o in enumerate(ours):
        o["norm"] = norm[len(truth) + i]
    for i, f in enumerate(furniture):
        f["norm"] = norm[len(truth) + len(ours) + i]

    by_text = collections.defaultdict(list)  # (file, text) -> indices into ours
    for i, o in enumerate(ours):
        by_text[(o["file"], o["norm"])].append(i)
    used = [False] * len(ours)
    exact, text_only, kind_ok, para_ok = 0, 0, 0, 0
    per_kind = collections.defaultdict(lambda: [0, 0])
    misses = []
    pending = []
    for t in truth:
        cands = by_text.get((t["file"], t["norm"]), [])
        hit = next((i for i in cands if not used[i] and ours[i].get("page") == t["page"]), None)
        per_kind[t["kind"]][0] += 1
        if hit is None:
            pending.append(t)
            continue
        used[hit] = True
        exact += 1
        per_kind[t["kind"]][1] += 1
        kind_ok += ours[hit].get("kind", t["kind"]) == t["kind"]
        para_ok += (ours[hit].get("para") or None) == t["para"]
    for t in pending:
        cands = by_text.get((t["file"], t["norm"]), [])
        hit = next((i for i in cands if not used[i]), None)
        if hit is not None:
            used[hit] = True
            text_only += 1
            misses.append((t, ours[hit], "wrong page %s" % ours[hit].get("page")))
        else:
            misses.append((t, None, "no passage with this text"))

    ours_by_file = collections.defaultdict(list)
    for o in ours:
        ours_by_file[o["file"]].append(o)
    leaks = []
    for f in furniture:
        if not f["norm"]:
            continue
        for o in ours_by_file[f["file"]]:
            if leaked(f, o["norm"]):
                leaks.append((f, o))
                break

    n = len(truth)
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"documents:           {len(files)}")
    print(f"true passages:       {n}")
    print(f"extracted passages:  {len(ours)} ({len(ours) - used.count(True)} unmatched)")
    print(f"exact (text+page):   {exact} ({pct(exact, n):.2f}%)")
    print(f"text-only matches:   {exact + text_only} ({pct(exact + text_only, n):.2f}%)")
    print(f"kind right (exact):  {kind_ok} ({pct(kind_ok, exact):.2f}%)")
    print(f"para right (exact):  {para_ok} ({pct(para_ok, exact):.2f}%)")
    print(f"furniture leaks:     {len(leaks)} of {len(furniture)} furniture lines")
    print("per kind (exact / true):")
    for kind in sorted(per_kind):
        total, ok = per_kind[kind]
        print(f"  {kind:<10} {ok:>6} / {total:<6} {pct(ok, total):6.2f}%")
    for f, o in leaks[:args.samples]:
        print(f"LEAK {f['file']} p{f['page']} [{f['kind']}] {f['norm'][:90]!r} in p{o.get('page')}: {o['norm'][:90]!r}")
    for t, o, why in misses[:args.samples]:
        print(f"MISS {t['file']} p{t['page']} [{t['kind']}] {why}: {t['norm'][:160]!r}")
        if o is None:
            pool = [x["norm"] for x in ours_by_file[t["file"]] if abs(x.get("page", 0) - t["page"]) <= 1]
            close = difflib.get_close_matches(t["norm"], pool, n=1, cutoff=0.3)
            if close:
                print(f"     closest: {close[0][:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
