#!/usr/bin/env python3
"""Splits a gold JSONL file into a held-out part and a rule-writing part, so
rules can be written on one and their generality measured on the other.

Usage:
    gold_split.py GOLD.jsonl HELD.jsonl TRAIN.jsonl [--every N]

A line goes to HELD.jsonl when the number in its id ("dev-0042" -> 42) is
divisible by N (default 3), otherwise to TRAIN.jsonl. The split depends only
on the ids, so every session gets the same one. Look at errors only on
TRAIN.jsonl while writing rules; run `reviewlens eval --gold HELD.jsonl`
now and then and compare the two macro F1 figures (the gap is overfitting).
Gold files stay outside the repository.
"""
import argparse
import json
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("held")
    ap.add_argument("train")
    ap.add_argument("--every", type=int, default=3)
    args = ap.parse_args()
    counts = [0, 0]
    with open(args.gold) as src, open(args.held, "w") as held, open(args.train, "w") as train:
        for line in src:
            if not line.strip():
                continue
            number = int(re.search(r"(\d+)\D*$", json.loads(line)["id"]).group(1))
            is_held = number % args.every == 0
            (held if is_held else train).write(line if line.endswith("\n") else line + "\n")
            counts[0 if is_held else 1] += 1
    print(f"held {counts[0]}  train {counts[1]}")


if __name__ == "__main__":
    main()
