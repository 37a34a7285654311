#!/usr/bin/env python3
"""Scores a run of bench/evaluate_archives.sh against each archive's truth.csv, as issue #12's figures are read.

    bench/score_archives.py ARCHIVES_DIR RUN_DIR [BASELINE_RUN_DIR]

Per archive: precision, recall and F1 over the planted accounts (labels bot, farm, linkring), and the honest accounts
flagged (every other label: organic, fandom, news). Then the operation lines (one planted group in one archive) under
0.9 recall, each planted group's recall summed over the archives, and the honest accounts flagged in all. With a
baseline run, every group whose flagged count differs, archive by archive, so that a change is seen to move only the
groups it should.
"""
import csv
import os
import sys

PLANTED = {"bot", "farm", "linkring"}


def truth(archives, name):
    with open(os.path.join(archives, name, "truth.csv"), newline="") as f:
        return {r["account_id"]: (r["label"], r["group"]) for r in csv.DictReader(f)}


def flagged(run, name):
    path = os.path.join(run, "w-" + name, "accounts.csv")
    if not os.path.exists(path):
        return None
    with open(path, newline="") as f:
        return {r["account_id"] for r in csv.DictReader(f) if r["suspicious"] == "true"}


def groups(archives, run, name):
    """(label, group) -> [accounts, flagged], or None when the run has no outputs for the archive."""
    found = flagged(run, name)
    if found is None:
        return None
    out = {}
    for account, key in truth(archives, name).items():
        n = out.setdefault(key, [0, 0])
        n[0] += 1
        n[1] += account in found
    return out


def names(archives, run):
    return sorted(d for d in os.listdir(archives)
                  if os.path.exists(os.path.join(archives, d, "truth.csv"))
                  and os.path.exists(os.path.join(run, "w-" + d, "accounts.csv")))


def score(archives, run):
    print(f"== {run}")
    print(f"{'archive':8s} {'planted':>8s} {'found':>6s} {'honest':>7s} {'precision':>9s} {'recall':>7s} {'F1':>6s}")
    lines, sums, honest, count = [], {}, 0, 0
    for name in names(archives, run):
        g = groups(archives, run, name)
        count += sum(1 for (label, _) in g if label in PLANTED)
        planted = sum(n for (label, _), (n, _) in g.items() if label in PLANTED)
        found = sum(m for (label, _), (_, m) in g.items() if label in PLANTED)
        wrong = sum(m for (label, _), (_, m) in g.items() if label not in PLANTED)
        honest += wrong
        if planted:
            precision = found / (found + wrong) if found + wrong else 0.0
            recall = found / planted
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"{name:8s} {planted:8d} {found:6d} {wrong:7d} {precision:9.3f} {recall:7.3f} {f1:6.3f}")
        else:
            print(f"{name:8s} {0:8d} {0:6d} {wrong:7d} {'-':>9s} {'-':>7s} {'-':>6s}")
        for (label, group), (n, m) in sorted(g.items()):
            if label in PLANTED:
                s = sums.setdefault(group, [0, 0])
                s[0] += n
                s[1] += m
                if m < 0.9 * n:
                    lines.append(f"{name} {group}: {m} / {n} = {m / n:.3f}")
    print(f"honest accounts flagged, all archives: {honest}")
    print(f"operation lines under 0.9: {len(lines)} of {count}")
    for line in lines:
        print("   " + line)
    print("each planted group, summed over the archives:")
    for group, (n, m) in sorted(sums.items()):
        print(f"   {group:40s} {m:6d} / {n:6d} = {m / n:.3f}")


def diff(archives, base, run):
    print(f"== groups that moved, {base} -> {run}")
    for name in names(archives, run):
        g0, g1 = groups(archives, base, name), groups(archives, run, name)
        if g0 is None:
            continue
        for key in sorted(g1):
            if key in g0 and g0[key][1] != g1[key][1]:
                print(f"   {name:8s} {key[0]:9s} {key[1]:36s} {g0[key][1]} -> {g1[key][1]} of {g1[key][0]}")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    archives, run = sys.argv[1], sys.argv[2]
    for path, what in ((archives, "ARCHIVES_DIR"), (run, "RUN_DIR")):
        if not os.path.isdir(path):
            sys.exit(f"{what} '{path}' is not a directory")
    score(archives, run)
    if len(sys.argv) == 4:
        diff(archives, sys.argv[3], run)


if __name__ == "__main__":
    main()
