#!/usr/bin/env python3
"""Writes the derivationally related word pairs of WordNet 3.0 (its "+" and "\\" lexical pointers: grow / growth,
value / valuation, optical / optics) as "word related" lines, one pair per line, sorted, single lowercase words only.

Usage: tools/wordnet/derivations.py [WORDNET_DIR] > tools/wordnet/derivations.txt (then see README.md beside it)
WORDNET_DIR defaults to /usr/share/wordnet (Debian's wordnet-base package). WordNet 3.0 Copyright 2006 by
Princeton University; its license is in src/ResearchBot.Core/Text/Analysis/Data/WORDNET-LICENSE.txt.
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
files = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "s": "data.adj", "r": "data.adv"}
synsets = {}  # (pos letter of file, offset) -> words
pointers = []
word_ok = re.compile(r"^[a-z]{3,}$")
for pos, name in [("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv")]:
    with open(os.path.join(root, name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            offset, ss_type = parts[0], parts[2]
            w_cnt = int(parts[3], 16)
            words = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower() for i in range(w_cnt)]
            synsets[(name, offset)] = words
            k = 4 + 2 * w_cnt
            p_cnt = int(parts[k]); k += 1
            for _ in range(p_cnt):
                sym, target, tpos, st = parts[k:k + 4]; k += 4
                if sym in ("+", "\\") and st != "0000":
                    pointers.append((name, offset, files[tpos], target, int(st[:2], 16), int(st[2:], 16)))
pairs = set()
for name, offset, tname, target, s, t in pointers:
    a = synsets[(name, offset)][s - 1]
    b = synsets[(tname, target)][t - 1]
    if a != b and word_ok.match(a) and word_ok.match(b):
        pairs.add(tuple(sorted((a, b))))
for a, b in sorted(pairs):
    print(a, b)
