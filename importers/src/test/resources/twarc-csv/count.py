#!/usr/bin/env python3
"""Counts what Lockstep's graph model should hold after importing each twarc2 capture, independently of its parser.

Run once: python3 count.py *.jsonl.gz empty.json  -> one line per file, pasted into RealCaptureTest as constants;
python3 count.py --together *.jsonl.gz empty.json -> the same for all files loaded into one store.
Uses only the standard library (json, gzip). The rules are the graph model's (docs/graph-model.md):
- posts: distinct ids of the whole tweets a file holds: page `data` and `includes.tweets`, flattened lines and the
  whole tweets inlined in their `referenced_tweets` (recursively);
- retweets / quotes / replies: distinct (post, referenced post) pairs of type retweeted / quoted / replied_to;
- accounts: authors of those posts, users of `includes.users`, of user lookups, of flattened `author`,
  `in_reply_to_user` and mentions expanded with a profile, mentioned ids, and the authors named for referenced
  posts the file does not hold (reference `author_id`, else the author of the replied-to tweet or
  `in_reply_to_user_id`);
- hashtags: distinct lower-cased `entities.hashtags[].tag` of those posts;
- rejects: lines that are not JSON objects or whose own tweets (not the referenced ones) lack author_id or
  created_at;
- skipped: JSON objects that hold no tweet and no account (counts, lists, compliance events, error-only pages).
"""
import gzip
import json
import sys


def is_tweet(o):
    return isinstance(o, dict) and 'id' in o and ('author_id' in o or 'text' in o or 'edit_history_tweet_ids' in o)


def is_user(o):
    return isinstance(o, dict) and 'id' in o and 'username' in o


def lines(paths):
    for path in paths:
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8') as f:
            yield from f


def count(paths):
    posts, refs, accounts, ref_authors = {}, set(), set(), {}
    rejects = skipped = 0
    if True:
        for line in lines(paths):
            if not line.strip():
                continue
            try:
                o = json.loads(line)
            except ValueError:
                rejects += 1
                continue
            if not isinstance(o, dict):
                rejects += 1
                continue
            tweets, users, main = [], [], []
            if 'data' in o:
                items = o['data'] if isinstance(o['data'], list) else [o['data']]
                inc = o.get('includes', {})
                users += [u for u in inc.get('users', []) if u.get('id')]
                tweets += [t for t in inc.get('tweets', []) if is_tweet(t)]
                main = [t for t in items if is_tweet(t)]
                tweets += main
                users += [u for u in items if not is_tweet(u) and is_user(u)]
            elif 'id_str' in o or ('action' in o and 'id' in o):
                pass
            elif is_tweet(o):
                main = [o]
                stack = [o]
                while stack:
                    t = stack.pop()
                    tweets.append(t)
                    for key in ('author', 'in_reply_to_user'):
                        if isinstance(t.get(key), dict) and t[key].get('id'):
                            users.append(t[key])
                    for m in t.get('entities', {}).get('mentions', []):
                        if m.get('id') and ('created_at' in m or 'name' in m):
                            users.append(m)
                    for r in t.get('referenced_tweets', []):
                        if isinstance(r, dict) and r.get('id') and ('text' in r or 'author_id' in r):
                            stack.append(r)
            elif is_user(o):
                users.append(o)
            if not tweets and not users:
                skipped += 1
                continue
            if any(not t.get('author_id') or not t.get('created_at') for t in main):
                rejects += 1
                continue
            # a referenced tweet held whole but without author or time is left out (its references stay)
            tweets = [t for t in tweets if t.get('author_id') and t.get('created_at')]
            author_of = {t['id']: t['author_id'] for t in tweets}
            for t in tweets:
                for r in t.get('referenced_tweets', []):
                    if r.get('author_id'):
                        author_of.setdefault(r['id'], r['author_id'])
            accounts.update(u['id'] for u in users)
            for t in tweets:
                posts.setdefault(t['id'], t)
                accounts.add(t['author_id'])
                accounts.update(m['id'] for m in t.get('entities', {}).get('mentions', []) if m.get('id'))
                for r in t.get('referenced_tweets', []):
                    if r.get('type') in ('retweeted', 'quoted', 'replied_to') and r.get('id') and r['id'] != t['id']:
                        refs.add((r['type'], t['id'], r['id']))
                        author = author_of.get(r['id'])
                        if author is None and r['type'] == 'replied_to':
                            author = t.get('in_reply_to_user_id')
                        if author:
                            ref_authors.setdefault(r['id'], set()).add(author)
    for post, authors in ref_authors.items():
        if post not in posts:
            accounts.update(authors)
    hashtags = {h['tag'].strip().lstrip('#').lower() for t in posts.values()
                for h in t.get('entities', {}).get('hashtags', []) if h.get('tag', '').strip().lstrip('#')}
    kinds = {k: sum(1 for r in refs if r[0] == k) for k in ('retweeted', 'quoted', 'replied_to')}
    return dict(posts=len(posts), retweets=kinds['retweeted'], replies=kinds['replied_to'], quotes=kinds['quoted'],
                accounts=len(accounts), hashtags=len(hashtags), rejects=rejects, skipped=skipped)


if __name__ == '__main__':
    together = sys.argv[1] == '--together'
    files = sys.argv[2:] if together else sys.argv[1:]
    for p in (['all files'] if together else files):
        c = count(files if together else [p])
        name = p.rsplit('/', 1)[-1]
        print('c("%s", %d, %d, %d, %d, %d, %d, %d, %d),' % (name, c['posts'], c['retweets'], c['replies'],
              c['quotes'], c['accounts'], c['hashtags'], c['rejects'], c['skipped']))
