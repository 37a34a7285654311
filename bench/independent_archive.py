#!/usr/bin/python3
"""An archive generator written independently of Lockstep's Java simulator (io.lockstep.simulate).

It writes the information-operations layout that `lockstep import` / `lockstep analyze` read (users.csv, tweets.csv
with the 30 columns of the Transparency Center releases, follows.csv as follower_userid,followee_userid) plus
truth.csv (account_id,label,group,twitter_id), using nothing but Python's standard library. It shares no code, no
distributions and no parameter with the Java simulator: it exists so that detection quality is also measured on
archives the detector was never tuned on (issue #12).

Model (defaults reproduce the archive of issue #12, about 7,300 accounts):
  * ordinary accounts in topical communities (politics by party, football, tech, cinema, climate, music, gaming,
    ...), sizes spread from ~60 to ~1,300 members; each community has its language, hashtags and domains;
  * popularity inside each community is Pareto (exponent --popularity-exponent, default 1.1); each member follows
    LogNormal(median --follows-median 36, sigma 0.8) accounts, 85 % (--homophily) inside its community by
    popularity, the rest anywhere by popularity: hundreds of members of one community share its 10-30 stars;
  * timelines: originals with community hashtags and links, retweets of popular community posts with log-normal
    delays (median 25 min), replies; times at minute precision as in the real archives;
  * planted: a hashtag botnet (4 seeds, 180 amplifiers retweeting or pasting the seeds' templates within ~1 min,
    created within 10 days), a follower farm (300 accounts created within 4 days following one client and ~21 of a
    pool of 30 popular accounts drawn from all communities, near-empty timelines), a 60-account link ring (same
    headline and URL within minutes);
  * hard negatives: a 700-account fandom following and retweeting 5 idols, and a news burst (300 ordinary accounts
    on one breaking hashtag within an hour).

Usage: /usr/bin/python3 bench/independent_archive.py --out DIR [--seed 7] [--scale 1.0]
Then:  lockstep evaluate --archive DIR   (or lockstep analyze DIR/users.csv DIR/tweets.csv DIR/follows.csv)
"""
import base64
import bisect
import csv
import hashlib
import itertools
import math
import os
import random
from datetime import datetime, timedelta, timezone

import infoops_archive

TOPICS = [
    # name, relative size, language, hashtags
    ("party-left", 0.9, "fr", ["insoumis", "jlm2017", "avenirencommun", "melenchon"]),
    ("party-centre", 1.0, "fr", ["enmarche", "macron", "lrem", "presidentielle"]),
    ("party-right", 0.8, "fr", ["lr", "fillon", "droite", "republicains"]),
    ("party-far-right", 0.7, "fr", ["rn", "marine2017", "patriotes", "frexit"]),
    ("party-green", 0.35, "fr", ["eelv", "ecologie", "jadot", "verts"]),
    ("football", 1.6, "fr", ["foot", "psg", "om", "ligue1"]),
    ("tech", 1.2, "en", ["ai", "startups", "devops", "opensource"]),
    ("cinema", 1.0, "fr", ["cinema", "netflix", "cannes", "series"]),
    ("climate", 0.7, "en", ["cop21", "climat", "climatechange", "fridaysforfuture"]),
    ("music", 0.9, "en", ["music", "newmusic", "concert", "rap"]),
    ("gaming", 0.8, "en", ["gaming", "twitch", "esport", "ps5"]),
    ("kpop", 0.6, "ko", ["kpop", "bts", "army", "comeback"]),
    ("cooking", 0.3, "fr", ["recette", "cuisine", "patisserie", "foodporn"]),
    ("running", 0.15, "fr", ["running", "marathon", "trail", "sport"]),
    ("astronomy", 0.08, "en", ["space", "nasa", "astronomy", "mars"]),
    ("chess", 0.05, "en", ["chess", "lichess", "fide", "blitz"]),
]

WORDS = ("le la les un une des pour avec dans sur par pas plus tout faire voir dire encore jamais toujours "
         "today great news time people world new good best live watch read think right now really week "
         "vote debat match but equipe film serie climat energie code data projet album jeu").split()

CLIENTS = [("Twitter for Android", 0.40), ("Twitter for iPhone", 0.33), ("Twitter Web App", 0.17),
           ("TweetDeck", 0.06), ("Twitter for iPad", 0.04)]

TWEET_COLUMNS = ["tweetid", "userid", "user_display_name", "user_screen_name", "user_reported_location",
                 "user_profile_description", "user_profile_url", "follower_count", "following_count",
                 "account_creation_date", "account_language", "tweet_language", "tweet_text", "tweet_time",
                 "tweet_client_name", "in_reply_to_userid", "in_reply_to_tweetid", "quoted_tweet_tweetid",
                 "is_retweet", "retweet_userid", "retweet_tweetid", "latitude", "longitude", "quote_count",
                 "reply_count", "like_count", "retweet_count", "hashtags", "urls", "user_mentions"]
USER_COLUMNS = ["userid", "user_display_name", "user_screen_name", "user_reported_location",
                "user_profile_description", "user_profile_url", "follower_count", "following_count",
                "account_creation_date", "account_language"]

START = datetime(2017, 3, 1, tzinfo=timezone.utc)


class Account:
    __slots__ = ("idx", "label", "group", "community", "created", "popularity", "activity", "client", "name",
                 "numeric", "io_id", "follows", "followers")

    def __init__(self, idx, label, group, community, created):
        self.idx = idx
        self.label = label
        self.group = group
        self.community = community
        self.created = created
        self.popularity = 1.0
        self.activity = 1.0
        self.client = ""
        self.name = ""
        self.numeric = 0
        self.io_id = ""
        self.follows = []
        self.followers = 0


class Generator:
    def __init__(self, args):
        self.a = args
        self.r = random.Random(args.seed)
        self.accounts = []
        self.posts = []  # (time, tweetid, author, kind, ref_post, text, hashtags, urls)
        self.next_tweet = 850_000_000_000_000_000

    # ------------------------------------------------------------------ accounts
    def new_account(self, label, group, community, created):
        acc = Account(len(self.accounts), label, group, community, created)
        acc.client = self.r.choices([c for c, _ in CLIENTS], [w for _, w in CLIENTS])[0]
        self.accounts.append(acc)
        return acc

    def organic_created(self):
        years = self.r.random() ** 1.3 * 10.5 + 0.1
        return START - timedelta(days=years * 365)

    def build_communities(self):
        r = self.r
        scale = self.a.scale
        total_weight = sum(t[1] for t in TOPICS)
        self.members = []
        for c, (name, w, _, _) in enumerate(TOPICS):
            size = max(12, int(round(self.a.ordinary * scale * w / total_weight)))
            ids = []
            for _ in range(size):
                acc = self.new_account("organic", "organic", c, self.organic_created())
                acc.popularity = min(r.paretovariate(self.a.popularity_exponent), 2000.0)
                acc.activity = math.exp(r.gauss(0, 1.0))
                ids.append(acc.idx)
            self.members.append(ids)
        self.rebuild_samplers()

    def rebuild_samplers(self):
        self.comm_cum = []
        for ids in self.members:
            self.comm_cum.append(list(itertools.accumulate(self.accounts[i].popularity for i in ids)))
        everyone = [i for ids in self.members for i in ids]
        self.all_ids = everyone
        self.all_cum = list(itertools.accumulate(self.accounts[i].popularity for i in everyone))

    def popular_in(self, c):
        cum = self.comm_cum[c]
        return self.members[c][bisect.bisect_right(cum, self.r.random() * cum[-1])]

    def popular_anywhere(self):
        return self.all_ids[bisect.bisect_right(self.all_cum, self.r.random() * self.all_cum[-1])]

    def top_of(self, c, k):
        return sorted(self.members[c], key=lambda i: -self.accounts[i].popularity)[:k]

    # ------------------------------------------------------------------ follows
    def ordinary_follows(self):
        r = self.r
        for c, ids in enumerate(self.members):
            for i in ids:
                acc = self.accounts[i]
                k = max(1, min(2000, int(round(math.exp(math.log(self.a.follows_median) + 0.8 * r.gauss(0, 1))))))
                k = min(k, len(self.all_ids) - 1)
                chosen = set()
                tries = 0
                while len(chosen) < k and tries < 20 * k:
                    tries += 1
                    t = self.popular_in(c) if r.random() < self.a.homophily else self.popular_anywhere()
                    if t != i:
                        chosen.add(t)
                acc.follows = sorted(chosen)

    # ------------------------------------------------------------------ planted groups
    def plant(self):
        r = self.r
        s = self.a.scale
        # fandom: fans of 5 idols of the kpop community, themselves ordinary users of that community
        kpop = [t[0] for t in TOPICS].index("kpop")
        self.idols = self.top_of(kpop, 5)
        self.fans = []
        for _ in range(int(700 * s)):
            acc = self.new_account("fandom", "fandom-1", kpop, self.organic_created())
            acc.activity = math.exp(r.gauss(0.3, 0.8))
            k = max(5, int(math.exp(math.log(30) + 0.8 * r.gauss(0, 1))))
            chosen = set(self.idols)
            while len(chosen) < k + len(self.idols):
                chosen.add(self.popular_in(kpop) if r.random() < 0.8 else self.popular_anywhere())
            acc.follows = sorted(chosen)
            self.fans.append(acc.idx)
        # botnet: 4 seeds and 180 amplifiers created within 10 days
        burst = START - timedelta(days=r.uniform(60, 200))
        home = [t[0] for t in TOPICS].index("party-far-right")
        self.seeds = []
        self.amplifiers = []
        for j in range(int(184 * s)):
            acc = self.new_account("bot", "botnet-1", home, burst + timedelta(seconds=r.uniform(0, 10 * 86400)))
            (self.seeds if j < 4 else self.amplifiers).append(acc.idx)
        for i in self.amplifiers:
            acc = self.accounts[i]
            f = set(self.seeds)
            while len(f) < 4 + 25:
                f.add(self.popular_in(home) if r.random() < 0.7 else self.popular_anywhere())
            acc.follows = sorted(f)
        for i in self.seeds:
            self.accounts[i].follows = sorted({self.popular_in(home) for _ in range(40)})
        # follower farm: 300 accounts created within 4 days, one client + ~21 of 30 popular accounts of all communities
        self.client_account = self.popular_in([t[0] for t in TOPICS].index("music"))
        pool = set()
        while len(pool) < 30:
            c = r.randrange(len(TOPICS))
            pool.add(self.top_of(c, 6)[r.randrange(6)])
        pool.discard(self.client_account)
        pool = sorted(pool)
        farm_burst = START - timedelta(days=r.uniform(30, 300))
        self.farm = []
        for _ in range(int(300 * s)):
            acc = self.new_account("farm", "farm-1", r.randrange(len(TOPICS)),
                                   farm_burst + timedelta(seconds=r.uniform(0, 4 * 86400)))
            acc.activity = 0.05
            k = min(len(pool), max(10, int(round(r.gauss(21, 3)))))
            acc.follows = sorted({self.client_account, *r.sample(pool, k)})
            self.farm.append(acc.idx)
        # link ring: 60 established accounts of the tech and climate communities
        self.ring = []
        for j in range(int(60 * s)):
            c = [t[0] for t in TOPICS].index("tech" if j % 2 else "climate")
            acc = self.new_account("linkring", "linkring-1", c, START - timedelta(days=r.uniform(700, 3000)))
            acc.activity = math.exp(r.gauss(0.3, 0.6))
            acc.follows = sorted({self.popular_in(c) for _ in range(30)})
            self.ring.append(acc.idx)
        for i in self.ring:
            self.accounts[i].follows = sorted(set(self.accounts[i].follows)
                                              | {j for j in self.ring if j != i and r.random() < 0.2})
        # news burst: ordinary accounts relabelled, from every community
        self.news = r.sample(self.all_ids, int(300 * s))
        for i in self.news:
            self.accounts[i].label = "news"
            self.accounts[i].group = "news-1"

    # ------------------------------------------------------------------ identities
    def identities(self):
        r = self.r
        indeg = [0] * len(self.accounts)
        for acc in self.accounts:
            for t in acc.follows:
                indeg[t] += 1
        for acc in self.accounts:
            acc.followers = indeg[acc.idx]
            ms = int((acc.created.timestamp() - 1288834974.657) * 1000)
            acc.numeric = (max(ms, 1) << 22) | (acc.idx & 0x3FFFFF)
            acc.name = "%s%s%d" % (r.choice(WORDS), r.choice(WORDS), r.randrange(10000))
            if acc.label == "bot":
                acc.name = "user%09d" % r.randrange(10 ** 9)
            if acc.followers >= 5000:
                acc.io_id = str(acc.numeric)
            else:
                digest = hashlib.sha256(("independent:%d:%d" % (self.a.seed, acc.numeric)).encode()).digest()
                acc.io_id = base64.b64encode(digest).decode()

    # ------------------------------------------------------------------ timelines
    def tweet_id(self, when):
        self.next_tweet += 1
        ms = int((when.timestamp() - 1288834974.657) * 1000)
        return (ms << 22) | (self.next_tweet & 0x3FFFFF)

    def when(self, day=None):
        r = self.r
        d = r.randrange(self.a.days) if day is None else day
        hour = min(23, max(0, int(r.gauss(15, 4.5))))
        return START + timedelta(days=d, hours=hour, minutes=r.randrange(60), seconds=r.randrange(60))

    def text(self, c, n=None):
        r = self.r
        n = n or r.randint(5, 14)
        return " ".join(r.choice(WORDS) for _ in range(n))

    def add(self, when, author, kind, ref, text, tags, urls):
        pid = self.tweet_id(when)
        self.posts.append((when, pid, author, kind, ref, text, tags, urls))
        return len(self.posts) - 1

    def ordinary_timelines(self):
        r = self.r
        per = self.a.posts_per_account
        by_comm = [[] for _ in TOPICS]
        organic = [i for ids in self.members for i in ids] + self.fans + self.ring
        for i in organic:
            acc = self.accounts[i]
            n = int(round(per * 0.4 * acc.activity * (0.5 + 0.5 * min(acc.popularity, 20) / 4)))
            for _ in range(n):
                tags = []
                if r.random() < 0.5:
                    tags = r.sample(TOPICS[acc.community][3], r.choice([1, 1, 2]))
                urls = []
                if r.random() < 0.15:
                    urls = ["https://%s.example/%s-%d" % (TOPICS[acc.community][0], r.choice(WORDS),
                                                          r.randrange(10 ** 6))]
                p = self.add(self.when(), i, "tweet", None, self.text(acc.community), tags, urls)
                by_comm[acc.community].append(p)
        cums = []
        for c, ps in enumerate(by_comm):
            cums.append(list(itertools.accumulate(self.accounts[self.posts[p][2]].popularity ** 1.2 for p in ps)))
        for i in organic:
            acc = self.accounts[i]
            n = int(round(per * 0.6 * acc.activity))
            c = acc.community
            for _ in range(n):
                cc = c if r.random() < self.a.homophily else r.randrange(len(TOPICS))
                if not by_comm[cc]:
                    continue
                p = by_comm[cc][bisect.bisect_right(cums[cc], r.random() * cums[cc][-1])]
                orig = self.posts[p]
                if orig[2] == i:
                    continue
                delay = timedelta(seconds=30 + math.exp(math.log(1500) + 1.8 * r.gauss(0, 1)))
                when = orig[0] + delay
                if when >= START + timedelta(days=self.a.days):
                    continue
                if r.random() < 0.85:
                    self.add(when, i, "retweet", p, orig[5], orig[6], orig[7])
                else:
                    self.add(when, i, "reply", p, self.text(c, r.randint(3, 10)), [], [])

    def fandom_timelines(self):
        r = self.r
        kpop = self.accounts[self.idols[0]].community
        pace = {f: (min(0.9, 0.2 * math.exp(0.6 * r.gauss(0, 1))), math.exp(math.log(1200) + 0.9 * r.gauss(0, 1)))
                for f in self.fans}
        for idol in self.idols:
            for _ in range(self.a.days):
                t = self.when()
                p = self.add(t, idol, "tweet", None, self.text(kpop), ["kpop", r.choice(["bts", "comeback"])], [])
                for f in self.fans:
                    prob, median = pace[f]
                    if r.random() < prob:
                        when = t + timedelta(seconds=5 + math.exp(math.log(median) + 1.0 * r.gauss(0, 1)))
                        if when < START + timedelta(days=self.a.days):
                            self.add(when, f, "retweet", p, self.posts[p][5], self.posts[p][6], [])

    def botnet_timelines(self):
        r = self.r
        templates = [self.text(0, 10).split() for _ in range(5)]
        campaign = ["stopinvasion", "frexitmaintenant"]
        for e in range(4 * self.a.days):
            seed = self.seeds[e % len(self.seeds)]
            t = self.when(e // 4)
            words = list(r.choice(templates))
            words[r.randrange(len(words))] = r.choice(WORDS)
            body = " ".join(words)
            p = self.add(t, seed, "tweet", None, body, campaign, ["https://patriote-info.example/a%d" % e])
            for b in self.amplifiers:
                if r.random() < 0.7:
                    when = t + timedelta(seconds=3 + math.exp(math.log(40) + 0.8 * r.gauss(0, 1)))
                    if when >= START + timedelta(days=self.a.days):
                        continue
                    if r.random() < 0.8:
                        self.add(when, b, "retweet", p, body, campaign, self.posts[p][7])
                    else:
                        w = list(words)
                        w[r.randrange(len(w))] = r.choice(WORDS)
                        self.add(when, b, "tweet", None, " ".join(w), campaign, [])
        # a little camouflage: retweets of popular posts of the home community
        home_posts = [k for k, p in enumerate(self.posts)
                      if p[3] == "tweet" and self.accounts[p[2]].community == self.accounts[self.seeds[0]].community
                      and self.accounts[p[2]].label == "organic"]
        for b in self.amplifiers:
            for _ in range(r.randint(5, 20)):
                if not home_posts:
                    break
                p = r.choice(home_posts)
                when = self.posts[p][0] + timedelta(seconds=math.exp(math.log(1800) + 1.5 * r.gauss(0, 1)))
                if when < START + timedelta(days=self.a.days):
                    self.add(when, b, "retweet", p, self.posts[p][5], self.posts[p][6], self.posts[p][7])

    def ring_timelines(self):
        r = self.r
        for e in range(2 * self.a.days):
            t0 = self.when(e // 2)
            headline = self.text(0, 9)
            url = "https://verite-cachee.example/%s-%d" % (r.choice(WORDS), e)
            for m in self.ring:
                if r.random() < 0.75:
                    when = t0 + timedelta(seconds=r.expovariate(1 / 600))
                    if when < START + timedelta(days=self.a.days):
                        self.add(when, m, "tweet", None, headline, ["reinfo"] if e % 2 else [], [url])

    def farm_timelines(self):
        r = self.r
        for f in self.farm:
            for _ in range(r.randint(0, 2)):
                self.add(self.when(), f, "tweet", None, self.text(0, r.randint(3, 7)), [], [])

    def news_burst(self):
        r = self.r
        outlet = self.popular_anywhere()
        t0 = START + timedelta(days=self.a.days // 2, hours=14, minutes=3)
        p = self.add(t0, outlet, "tweet", None, "breaking " + self.text(0, 8), ["breaking"],
                     ["https://lemonde.example/live-%d" % r.randrange(10 ** 6)])
        for i in self.news:
            when = t0 + timedelta(seconds=20 + r.expovariate(1 / 1200))
            u = r.random()
            if u < 0.45:
                self.add(when, i, "retweet", p, self.posts[p][5], ["breaking"], self.posts[p][7])
            else:
                urls = ["https://%s.example/live-%d" % (r.choice(["lemonde", "lefigaro", "bbc", "liberation", "afp"]),
                                                         r.randrange(10 ** 6))] if r.random() < 0.4 else []
                self.add(when, i, "tweet", None, self.text(self.accounts[i].community), ["breaking"], urls)

    # ------------------------------------------------------------------ writing
    def write(self, out):
        os.makedirs(out, exist_ok=True)
        accs = self.accounts
        with open(os.path.join(out, "users.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(USER_COLUMNS)
            for a in accs:
                shown = a.io_id if a.followers < 5000 else a.name
                w.writerow([a.io_id, shown, shown, "", "", "", a.followers, len(a.follows),
                            a.created.strftime("%Y-%m-%d"), TOPICS[a.community][2]])
        with open(os.path.join(out, "follows.csv"), "w", newline="", encoding="utf-8") as fh:
            fh.write("follower_userid,followee_userid\n")
            for a in accs:
                for t in a.follows:
                    fh.write("%s,%s\n" % (a.io_id, accs[t].io_id))
        counts = {}
        for k, p in enumerate(self.posts):
            if p[3] in ("retweet", "reply") and p[4] is not None:
                counts.setdefault(p[4], [0, 0])[0 if p[3] == "retweet" else 1] += 1
        order = sorted(range(len(self.posts)), key=lambda k: (self.posts[k][0], self.posts[k][1]))
        with open(os.path.join(out, "tweets.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(TWEET_COLUMNS)
            for k in order:
                when, pid, author, kind, ref, text, tags, urls = self.posts[k]
                a = accs[author]
                shown = a.io_id if a.followers < 5000 else a.name
                rt = kind == "retweet"
                ref_post = self.posts[ref] if ref is not None else None
                ref_author = accs[ref_post[2]] if ref_post else None
                body = text
                if rt:
                    body = "RT @%s: %s" % (ref_author.io_id if ref_author.followers < 5000 else ref_author.name, text)
                elif kind == "tweet":
                    body = text + "".join(" #" + t for t in tags) + "".join(" " + u for u in urls)
                c = counts.get(k, [0, 0])
                w.writerow([pid, a.io_id, shown, shown, "", "", "", a.followers, len(a.follows),
                            a.created.strftime("%Y-%m-%d"), TOPICS[a.community][2], TOPICS[a.community][2], body,
                            when.strftime("%Y-%m-%d %H:%M"), a.client,
                            ref_author.io_id if kind == "reply" else "", ref_post[1] if kind == "reply" else "",
                            "", "True" if rt else "False", ref_author.io_id if rt else "",
                            ref_post[1] if rt else "", "absent", "absent", 0, c[1], c[0] * 2, c[0],
                            "[" + ", ".join(tags) + "]" if tags and kind != "reply" else "",
                            "[" + ", ".join(urls) + "]" if urls and kind != "reply" else "",
                            "[" + ref_author.io_id + "]" if ref_author else ""])
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "label", "group", "twitter_id"])
            for a in accs:
                w.writerow([a.io_id, a.label, a.group, a.numeric])
        return len(accs), len(self.posts), sum(len(a.follows) for a in accs)


def main():
    p = infoops_archive.command_line(__doc__, 7, infoops_archive.knobs(__file__))
    a = p.parse_args()
    if not 0 <= a.homophily <= 1:
        p.error("--homophily must be within [0, 1]")
    if a.scale <= 0 or a.popularity_exponent <= 0 or a.follows_median < 1 or a.days < 2:
        p.error("--scale and --popularity-exponent must be positive, --follows-median >= 1, --days >= 2")
    g = Generator(a)
    g.build_communities()
    g.ordinary_follows()
    g.plant()
    g.identities()
    g.ordinary_timelines()
    g.fandom_timelines()
    g.botnet_timelines()
    g.ring_timelines()
    g.farm_timelines()
    g.news_burst()
    n, posts, follows = g.write(a.out)
    print("wrote %s: %d accounts, %d posts, %d follows" % (a.out, n, posts, follows))


if __name__ == "__main__":
    main()
