#!/usr/bin/env python3
"""Offline look at the devoted-retweeter evidence on labelled archives (docs/quality.md, "What would find them:
devoted retweeters"). Not part of Lockstep: it reads an archive's files directly to see whether the evidence exists
before a signal is built on it.

    bench/devoted_retweeters.py [--test majority|chance] ARCHIVE_DIR...

Each ARCHIVE_DIR holds tweets.csv (information-operations format), follows.csv (follower, followee) and truth.csv
(account_id, label, group), as bench/independent_archive_4.py and `lockstep simulate` write them.

A retweeter is devoted when at least 90 % of its posts are retweets (at least 3) and at least 90 % of its retweets go
to at most 4 accounts. A source's devoted retweeters D (devoted, with the source among their 4) are taken when the
source follows back fewer than half of them and
  majority: |D| >= 10 and |D| is more than half of the source's retweeters R;
  chance:   P(Poisson(|R| q) >= |D|) <= 0.05 / m, q the archive's share of devoted (retweeter, source) pairs and m the
            sources with at least two retweeters.
Prints, per archive, the sources taken and, per truth group, the accounts taken (honest groups) or taken of all
(operations).
"""
import argparse
import collections
import csv
import math
import os
import sys

SHARE, TOP_SHARE, TOP, MIN_DEVOTED = 0.9, 0.9, 4, 10
OPERATIONS = ('bot', 'farm', 'linkring')


def poisson_tail(lam, k):
    """P(Poisson(lam) >= k), summed in log space from k upwards."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    log_term = -lam + k * math.log(lam) - math.lgamma(k + 1)
    first, total, i = log_term, 0.0, k
    while log_term > first - 40:
        total += math.exp(log_term)
        i += 1
        log_term += math.log(lam) - math.log(i)
    return min(1.0, total)


def look(archive, test):
    truth = {r['account_id']: (r['label'], r['group']) for r in csv.DictReader(open(os.path.join(archive, 'truth.csv')))}
    posts = collections.Counter()
    retweets = collections.defaultdict(collections.Counter)
    for r in csv.DictReader(open(os.path.join(archive, 'tweets.csv'))):
        posts[r['userid']] += 1
        if r['is_retweet'] == 'True' and r['retweet_userid']:
            retweets[r['userid']][r['retweet_userid']] += 1
    devoted = {}
    for account, sources in retweets.items():
        n = sum(sources.values())
        if n >= 3 and n >= SHARE * posts[account]:
            top = sources.most_common(TOP)
            if sum(c for _, c in top) >= TOP_SHARE * n:
                devoted[account] = {s for s, _ in top}
    retweeters = collections.defaultdict(set)
    for account, sources in retweets.items():
        for s in sources:
            retweeters[s].add(account)
    follows = collections.defaultdict(set)
    with open(os.path.join(archive, 'follows.csv')) as f:
        rows = csv.reader(f)
        next(rows, None)
        for row in rows:
            follows[row[0]].add(row[1])
    pairs = sum(len(r) for r in retweeters.values())
    q = sum(1 for s, r in retweeters.items() for a in r if a in devoted and s in devoted[a]) / max(1, pairs)
    m = max(1, sum(1 for r in retweeters.values() if len(r) >= 2))
    taken, sources_taken = set(), collections.Counter()
    for source, audience in retweeters.items():
        d = [a for a in audience if a in devoted and source in devoted[a]]
        if 2 * sum(1 for a in d if a in follows[source]) >= len(d):
            continue
        if test == 'majority':
            passes = len(d) >= MIN_DEVOTED and 2 * len(d) > len(audience)
        else:
            passes = len(d) >= 2 and poisson_tail(len(audience) * q, len(d)) <= 0.05 / m
        if passes:
            taken.update(d)
            sources_taken[truth.get(source, ('?', '?'))[1]] += 1
    sizes = collections.Counter(g for _, g in truth.values())
    labels = {g: l for l, g in truth.values()}
    hits = collections.Counter(truth[a][1] for a in taken if a in truth)
    honest = {g: c for g, c in hits.items() if labels[g] not in OPERATIONS}
    operations = {g: f'{hits[g]}/{sizes[g]}' for g in sorted(sizes) if labels[g] in OPERATIONS}
    print(f'{os.path.basename(os.path.normpath(archive))} q {q:.3f} | sources {dict(sources_taken)} | '
          f'honest {honest} | operations {operations}', flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--test', choices=('majority', 'chance'), default='majority')
    parser.add_argument('archives', nargs='+')
    args = parser.parse_args()
    for archive in args.archives:
        for name in ('tweets.csv', 'follows.csv', 'truth.csv'):
            if not os.path.isfile(os.path.join(archive, name)):
                sys.exit(f'{archive}: no {name}')
        look(archive, args.test)


if __name__ == '__main__':
    main()
