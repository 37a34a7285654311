#!/usr/bin/env python3
"""A third independent labelled archive: honest crowds that look coordinated, and harder farms (issue #12).

Written from descriptions of the real platform only, without reading the detector, the Simulator or the
other two generators' models (their CSV layout is the format the importers read, not a model). Usage:
    python3 bench/independent_archive_3.py --out DIR --seed S [options]
writes users.csv, tweets.csv (the 30 information-operations columns, times to the minute), follows.csv
(follower_userid,followee_userid) and truth.csv (account_id,label,group) to DIR. Needs numpy only.
`lockstep evaluate --archive DIR` reads it; positives are the labels bot, farm and linkring, every other
label is an honest account and its group is reported on its own line.

Ordinary platform (always on)
  * Communities of 10 to 3,000 members (Pareto sizes, --size-shape), each with a language and a region,
    its own words, hashtags and web domains. Popularity inside a community is Pareto (--pop-shape).
  * Platform celebrities (--celebs): a few dozen accounts followed from every community (the accounts at
    the top of any platform's follower ranking; Kwak et al., "What is Twitter, a social network or a news
    media?", WWW 2010).
  * Follow counts log-normal (--follow-median, sigma 1.0), 1 % heavy followers (800-3,000 follows);
    a follow goes inside the community with probability --homophily by popularity, to a celebrity with
    probability 0.08, else to another community (same language three times as likely). Follow-back:
    an ordinary account returns a follow with probability 0.3 x min(1, 3 / its popularity), so small
    accounts reciprocate and stars do not (Kwak et al. report 22 % of follow pairs reciprocal).
  * Timelines: originals; reactions (80 % retweets, replies, quotes) go to the accounts one follows,
    weighted by how much they post: the home timeline, not a global popularity draw. Each user has
    its own median delay (log-normal around 40 min); 5 % are quick users (median 2 min). Times to the
    minute, as in the published archives. --lurkers makes a share of the ordinary and crowd accounts read
    only (never post or react): most accounts of a real platform (the "90-9-1" pattern; Pew Research Center,
    "Sizing up Twitter users", 2019: the top 10 % of US adult users write 80 % of the tweets, the median
    user about two a month).

Honest crowds (each switchable; 0 turns it off)
  * --cohort N[,N...]: onboarding cohorts. N accounts created within two days (a sign-up surge: e.g.
    Bluesky's surge in Brazil after X was suspended there on 30 August 2024, or the Mastodon migration of
    November 2022), each following, in its first minutes, the platform's suggested accounts (Twitter's
    "suggested users list" of 2009-2010 is the classic case): the celebrities plus the stars of two or three
    communities the user ticked, all of them ("follow all", 35 %) or half. Then an ordinary life: its own
    community, follows there, its own posts and retweets. Label cohort.
  * --list N:T[,N:T...]: list followers. A roll of T accounts (a parliament's members spread over the
    politics communities, a league's clubs) and N journalists, researchers and staff who follow 60-100 % of
    the roll (Twitter lists, "follow all" tools), plus a heavy ordinary follow list of their own; they
    retweet roll members. Roll members follow some colleagues. Label listfollower (the roll: organic,
    group list-K-roll).
  * --train N: a follow-back community ("follow trains" such as #FBPE or #resistance; see e.g. the
    #FBPE coverage in the UK press, 2017-2019): N politically active accounts who follow a roll of 25
    conductors and 20-60 % of each other, reciprocally (follow-back 0.85); conductors post "train" tweets
    listing fellow members' handles with the hashtag, members retweet them within the hour. Label
    followtrain.
  * --entourage N,E: an international fandom of an idol's whole entourage (a K-pop group's members,
    sub-units, label and official accounts: E accounts), fans of several languages follow 70-100 % of the
    entourage, retweet the group's posts within minutes (notifications on), and join scheduled "hashtag
    parties": at an announced time, each fan posts the party hashtag with a template text that fanbase
    accounts hand out (K-pop fandoms' organised mass tweeting), a word or two changed. Label fandom.
  * --local N,K: local news readers. N ordinary accounts of one region, from any community, follow 50-90 %
    of the city's K outlets (newspaper, TV, radio, city hall, police, transit) and retweet them; one police
    alert is retweeted by a third of them within minutes. Label localnews.

Planted operations (positives)
  * --botnet S,A: seeds posting campaign hashtags, amplifiers retweeting them within minutes or posting the
    campaign's template texts; amplifiers created within a week. Label bot.
  * --farm N: a follower farm created within two days, near-empty timelines, following the farm's paying
    clients (--farm-clients, obscure accounts) and a few celebrities as camouflage. Label farm.
  * --aged-farm N: an aged farm bought second-hand from several sellers (--sellers): each seller's batch
    has its own past (one batch created together years ago and left to age; one of dormant accounts from
    2010-2016; one of recently abandoned ordinary accounts), its old follows in the community it came from
    and a few old posts; all now follow the same buyer's clients and camouflage. Label farm.
  * --slow-farm N: a farm that follows its clients slowly over weeks: accounts created one by one over
    three months, each has worked through a different share of the client queue when the archive is
    collected (20-100 %), camouflage follows of random accounts, a few retweets of celebrities. Label farm.
  * --ring N: a link ring posting the same articles of three domains within minutes. Label linkring.
"""
import base64
import datetime as dt

import numpy as np

import infoops_archive

SYLL = "ka lo mi ra te su no vi da pe ro lu ze ta ni mo fa si be gu".split()
LANG_CODES = ["en", "es", "fr", "de", "pt", "it", "ja", "ko", "tr", "ar"]
TOPICS = ["politics", "football", "tech", "cinema", "music", "gaming", "food", "science", "fashion", "books",
          "finance", "travel", "basketball", "anime", "climate", "health", "cars", "crypto", "art", "running"]


class Archive:
    def __init__(self, a):
        self.a = a
        self.rng = np.random.default_rng(a.seed)
        self.start = dt.datetime(2022, 9, 1)
        self.span = a.days * 86400
        self.users = []
        self.follows = set()
        self.tweets = []
        self.next_tid = 1565000000000000000
        self.posts_of = {}
        self.slow_members = []
        self.draw_cache = {}
        self.langs = a.languages.split(",")
        self.lang_words = {lang: self.vocabulary(400) for lang in self.langs}

    # ---------- helpers ----------
    def vocabulary(self, n):
        rng = self.rng
        return ["".join(rng.choice(SYLL, size=int(rng.integers(2, 4)))) for _ in range(n)]

    def new_id(self):
        return base64.b64encode(self.rng.bytes(32)).decode()

    def add_user(self, label, group, lang, community, created, pop=1.0, activity=None):
        rng = self.rng
        self.users.append(dict(id=self.new_id(), label=label, group=group, lang=lang, community=community,
                               created=created, pop=float(pop),
                               activity=float(activity if activity is not None
                                              else rng.lognormal(np.log(self.a.posts_median), 1.0)),
                               delay=float(np.exp(rng.normal(np.log(2400), 1.2))) if rng.random() > 0.05
                               else float(np.exp(rng.normal(np.log(120), 0.5)))))
        return len(self.users) - 1

    def lurk(self, u):
        """With probability --lurkers the account never posts or reacts (most accounts of a real platform read only)."""
        if self.a.lurkers > 0 and self.rng.random() < self.a.lurkers:
            self.users[u]["activity"] = 0.0
        return u

    def ordinary_created(self):
        # 2008 to two months before the window, recent accounts commoner
        return self.start - dt.timedelta(days=60 + int(self.rng.power(0.6) * 14 * 365))

    def follow(self, u, t):
        if u != t:
            self.follows.add((u, t))

    def words(self, lang, n):
        return " ".join(self.rng.choice(self.lang_words[lang], size=n).tolist())

    def post_time(self):
        rng = self.rng
        day = int(rng.integers(self.a.days))
        hour = rng.normal(19, 4) % 24
        return day * 86400 + hour * 3600 + rng.uniform(0, 3600)

    def tweet(self, u, when, text, lang, tags=(), urls=(), rt=None, reply=None, quote=None, mentions=(),
              client=None):
        if when < 0 or when >= self.span:
            return None
        self.next_tid += int(self.rng.integers(1, 5000))
        row = dict(tid=self.next_tid, u=u, when=float(when), text=text, lang=lang, tags=list(tags), urls=list(urls),
                   rt=rt, reply=reply, quote=quote, mentions=list(mentions),
                   client=client or ("Twitter for Android", "Twitter for iPhone", "Twitter Web App")[
                       int(self.rng.integers(3))])
        self.tweets.append(row)
        self.posts_of.setdefault(u, []).append(row)
        return row

    def retweet(self, u, orig, when, client=None):
        return self.tweet(u, when, "RT @" + self.users[orig["u"]]["id"][:15] + ": " + orig["text"], orig["lang"],
                          orig["tags"], orig["urls"], rt=orig, mentions=[orig["u"]], client=client)

    # ---------- ordinary platform ----------
    def build(self):
        a, rng = self.a, self.rng
        lang_w = np.array([0.6 ** i for i in range(len(self.langs))])
        lang_w /= lang_w.sum()
        self.communities = []
        placed = 0
        while placed < a.accounts:
            size = int(min(3000, max(10, 10 * (rng.pareto(a.size_shape) + 1))))
            size = min(size, a.accounts - placed) if a.accounts - placed - size >= 10 else a.accounts - placed
            k = len(self.communities)
            lang = self.langs[rng.choice(len(self.langs), p=lang_w)]
            topic = TOPICS[k % len(TOPICS)] if k < len(TOPICS) else TOPICS[int(rng.integers(len(TOPICS)))]
            com = dict(id=k, lang=lang, region=f"{lang}-r{int(rng.integers(3))}", topic=topic,
                       words=list(rng.choice(self.lang_words[lang], size=60, replace=False)),
                       tags=[f"{topic}{k}"] + [f"{topic}{k}{w}" for w in rng.choice(SYLL, size=4)],
                       domains=[f"{topic}{k}-{j}.example" for j in range(int(rng.integers(1, 4)))], members=[])
            pops = rng.pareto(a.pop_shape, size=size) + 1
            for p in pops:
                com["members"].append(self.lurk(self.add_user("organic", "organic", lang, k, self.ordinary_created(),
                                                              p)))
            self.communities.append(com)
            placed += size
        self.celebs = []
        for j in range(a.celebs):
            lang = self.langs[j % len(self.langs)]
            u = self.add_user("organic", "organic", lang, -1, self.start - dt.timedelta(days=3000 + 20 * j),
                              pop=300 * (1 + rng.pareto(1.2)), activity=40)
            self.celebs.append(u)
        sizes = sorted((len(c["members"]) for c in self.communities), reverse=True)
        print(f"communities {len(self.communities)}: {sizes[:6]} ... {sizes[-3:]}; celebrities {len(self.celebs)}")

    def community_draw(self, k, n, power=1.0):
        """n distinct members of community k drawn by popularity."""
        m = self.communities[k]["members"]
        key = (k, len(m), power)
        p = self.draw_cache.get(key)
        if p is None:
            w = np.array([self.users[u]["pop"] ** power for u in m])
            p = self.draw_cache[key] = w / w.sum()
        n = min(n, len(m))
        if n == 0:
            return []
        return [m[i] for i in self.rng.choice(len(m), size=n, replace=False, p=p)]

    def top_of(self, k, n):
        m = self.communities[k]["members"]
        key = (k, "top", len(m), n)
        if key not in self.draw_cache:
            self.draw_cache[key] = sorted(m, key=lambda u: -self.users[u]["pop"])[:n]
        return self.draw_cache[key]

    def ordinary_follows(self, u, k, degree):
        """Follows of an account living in community k: inside by popularity, celebrities, other communities."""
        a, rng = self.a, self.rng
        inside = rng.binomial(degree, a.homophily)
        celeb = min(rng.binomial(degree - inside, 0.4), len(self.celebs))
        across = degree - inside - celeb
        for t in self.community_draw(k, inside):
            self.follow(u, t)
        if celeb:
            cw = np.array([self.users[c]["pop"] for c in self.celebs])
            for i in rng.choice(len(self.celebs), size=celeb, replace=False, p=cw / cw.sum()):
                self.follow(u, self.celebs[i])
        if across:
            lang = self.communities[k]["lang"]
            cw = np.array([len(c["members"]) * (3.0 if c["lang"] == lang else 1.0) for c in self.communities])
            picks = np.bincount(rng.choice(len(self.communities), size=across, p=cw / cw.sum()),
                                minlength=len(self.communities))
            for kk in np.nonzero(picks)[0]:
                for t in self.community_draw(int(kk), int(picks[kk])):
                    self.follow(u, t)

    def degree(self, scale=1.0):
        rng = self.rng
        if rng.random() < 0.01:
            return int(rng.integers(800, 3000))
        return int(min(3000, max(1, rng.lognormal(np.log(self.a.follow_median * scale), 1.0))))

    def follow_graph(self):
        for c in self.communities:
            for u in c["members"]:
                self.ordinary_follows(u, c["id"], self.degree())

    def follow_back(self):
        rng = self.rng
        extra = []
        for f, t in self.follows:
            uf, ut = self.users[f], self.users[t]
            if ut["label"] == "organic" and uf["label"] not in ("farm", "bot") and ut["community"] >= 0:
                if rng.random() < 0.3 * min(1.0, 3.0 / ut["pop"]):
                    extra.append((t, f))
        self.follows.update(extra)
        print(f"follow-backs: {len(extra)}")

    def originals(self):
        rng = self.rng
        for u, usr in enumerate(self.users):
            if usr["label"] in ("farm", "bot", "linkring") or usr.get("no_posts"):
                continue
            k = usr["community"]
            com = self.communities[k] if k >= 0 else None
            for _ in range(rng.poisson(usr["activity"] * 0.45)):
                tags, urls = [], []
                if com is not None:
                    if rng.random() < 0.3:
                        tags = list(rng.choice(com["tags"], size=int(rng.integers(1, 3)), replace=False))
                    if rng.random() < 0.12:
                        urls = [f"https://{rng.choice(com['domains'])}/{int(rng.integers(10 ** 7))}"]
                    body = " ".join(rng.choice(com["words"], size=int(rng.integers(6, 16))).tolist())
                else:
                    body = self.words(usr["lang"], int(rng.integers(6, 16)))
                    if usr.get("outlet") or rng.random() < 0.4:
                        urls = [f"https://site{u}.example/{int(rng.integers(10 ** 7))}"]
                body += "".join(" #" + h for h in tags) + "".join(" " + x for x in urls)
                self.tweet(u, self.post_time(), body, usr["lang"], tags, urls)

    def reactions(self):
        """Home-timeline reactions: each account reacts to posts of the accounts it follows."""
        rng = self.rng
        followees = {}
        for f, t in self.follows:
            followees.setdefault(f, []).append(t)
        for u, usr in enumerate(self.users):
            if usr["label"] in ("farm", "bot", "linkring") or usr.get("no_posts"):
                continue
            fl = [t for t in followees.get(u, ()) if t in self.posts_of]
            if not fl:
                continue
            w = np.array([len(self.posts_of[t]) * (self.users[t]["pop"] ** 0.5) for t in fl], dtype=float)
            n = rng.poisson(usr["activity"] * 0.55)
            if n == 0:
                continue
            for i in rng.choice(len(fl), size=n, p=w / w.sum()):
                src = fl[i]
                posts = self.posts_of[src]
                orig = posts[int(rng.integers(len(posts)))]
                if orig["rt"] is not None:
                    continue
                when = orig["when"] + rng.lognormal(np.log(usr["delay"]), 1.0)
                kind = rng.random()
                if kind < 0.8:
                    self.retweet(u, orig, when)
                elif kind < 0.92:
                    self.tweet(u, when, self.words(usr["lang"], 7), usr["lang"], reply=orig, mentions=[src])
                else:
                    self.tweet(u, when, self.words(usr["lang"], 9), usr["lang"], quote=orig)

    # ---------- honest crowds ----------
    def cohorts(self):
        a, rng = self.a, self.rng
        sizes = [int(x) for x in a.cohort.split(",") if x.strip() and int(x) > 0]
        for j, n in enumerate(sizes):
            lang = self.langs[j % len(self.langs)]
            home = [c["id"] for c in self.communities if c["lang"] == lang] or [c["id"] for c in self.communities]
            surge = self.start - dt.timedelta(days=int(rng.integers(20, 400)))
            # the suggestion screen: celebrities plus the stars of every community of the language
            celebs = sorted(self.celebs, key=lambda c: -self.users[c]["pop"])[:20]
            for _ in range(n):
                created = surge + dt.timedelta(seconds=int(rng.uniform(0, 2 * 86400)))
                ticked = rng.choice(home, size=min(len(home), int(rng.integers(2, 4))), replace=False)
                suggested = list(celebs) + [t for k in ticked for t in self.top_of(int(k), 5)]
                k = int(rng.choice(ticked))
                u = self.lurk(self.add_user("cohort", f"cohort-{j + 1}", lang, k, created, pop=1 + rng.pareto(2.0),
                                            activity=rng.lognormal(np.log(self.a.posts_median * 0.6), 1.0)))
                self.communities[k]["members"].append(u)
                take_all = rng.random() < 0.35
                for t in suggested:
                    if take_all or rng.random() < 0.5:
                        self.follow(u, t)
                self.ordinary_follows(u, k, self.degree(0.6))
            print(f"cohort-{j + 1}: {n} accounts created within 2 days ({lang}), suggested list of "
                  f"{len(celebs)} celebrities + community stars")

    def lists(self):
        a, rng = self.a, self.rng
        specs = [x.split(":") for x in a.list.split(",") if x.strip()]
        for j, (n, t) in enumerate(specs):
            n, t = int(n), int(t)
            if n <= 0 or t <= 0:
                continue
            # the roll's members live in a few communities (parties, or a league's club supporters)
            parties = list(rng.choice(len(self.communities), size=min(len(self.communities), 6), replace=False))
            roll = []
            for i in range(t):
                k = int(parties[i % len(parties)])
                u = self.add_user("organic", f"list-{j + 1}-roll", self.communities[k]["lang"], k,
                                  self.ordinary_created(), pop=5 + 20 * rng.pareto(1.5))
                self.communities[k]["members"].append(u)
                roll.append(u)
            for u in roll:
                self.ordinary_follows(u, self.users[u]["community"], self.degree())
                same = [v for v in roll if self.users[v]["community"] == self.users[u]["community"]]
                for v in same:
                    if rng.random() < 0.4:
                        self.follow(u, v)
            for _ in range(n):
                k = int(rng.choice(parties))
                u = self.lurk(self.add_user("listfollower", f"list-{j + 1}", self.communities[k]["lang"], k,
                                            self.ordinary_created(), pop=2 + rng.pareto(1.5),
                                            activity=rng.lognormal(np.log(a.posts_median * 3), 0.8)))
                self.communities[k]["members"].append(u)
                share = 1.0 if rng.random() < 0.4 else rng.uniform(0.6, 1.0)
                for v in roll:
                    if rng.random() < share:
                        self.follow(u, v)
                self.ordinary_follows(u, k, self.degree(3.0))
            print(f"list-{j + 1}: {n} followers of a roll of {t}")

    def train(self):
        a, rng = self.a, self.rng
        n = a.train
        if n <= 0:
            return
        politics = [c["id"] for c in self.communities if c["topic"] == "politics"] or [0]
        k = politics[0]
        lang = self.communities[k]["lang"]
        tag = "fb" + "".join(rng.choice(SYLL, size=2))
        members = []
        for i in range(n):
            u = self.add_user("followtrain", "train-1", lang, k, self.ordinary_created(), pop=1 + rng.pareto(1.5),
                              activity=rng.lognormal(np.log(a.posts_median * 2), 0.8))
            self.communities[k]["members"].append(u)
            members.append(u)
        conductors = members[:25]
        for u in conductors:
            self.users[u]["pop"] = 20 + 30 * rng.pareto(1.5)
        for u in members:
            self.ordinary_follows(u, k, self.degree())
            for c in conductors:
                if rng.random() < 0.8:
                    self.follow(u, c)
            q = rng.uniform(0.2, 0.6)
            for v in rng.choice(members, size=int(q * n), replace=False):
                v = int(v)
                self.follow(u, v)
                if rng.random() < 0.85:
                    self.follow(v, u)
        # train posts: a conductor lists members' handles with the hashtag; members retweet it within the hour
        for _ in range(int(a.days * 2)):
            c = int(rng.choice(conductors))
            listed = [int(x) for x in rng.choice(members, size=15, replace=False)]
            text = f"#{tag} train " + " ".join("@" + self.users[x]["id"][:12] for x in listed) + \
                   " " + self.words(lang, 4)
            r = self.tweet(c, self.post_time(), text + f" #{tag}", lang, [tag], mentions=listed)
            if r is None:
                continue
            for m in members:
                if m != c and rng.random() < 0.3:
                    self.retweet(m, r, r["when"] + rng.lognormal(np.log(1200), 1.0))
        print(f"train-1: {n} members, 25 conductors, #{tag}")

    def entourage(self):
        a, rng = self.a, self.rng
        n, e = (int(x) for x in a.entourage.split(","))
        if n <= 0:
            return
        music = [c["id"] for c in self.communities if c["topic"] == "music"] or [1]
        k = music[0]
        lang = self.communities[k]["lang"]
        crew = []
        for i in range(e):
            u = self.add_user("organic", "entourage-1", lang, k, self.start - dt.timedelta(days=int(
                rng.integers(300, 3000))), pop=30 + 100 * rng.pareto(1.5), activity=30 if i < 8 else 10)
            self.communities[k]["members"].append(u)
            crew.append(u)
        for u in crew:
            self.ordinary_follows(u, k, self.degree(0.5))
            for v in crew:
                if rng.random() < 0.6:
                    self.follow(u, v)
        fans = []
        pool = [c["id"] for c in self.communities if len(c["members"]) >= 20]
        for _ in range(n):
            kk = int(rng.choice(pool)) if rng.random() < 0.6 else k
            u = self.lurk(self.add_user("fandom", "fandom-1", self.communities[kk]["lang"], kk,
                                        self.ordinary_created(), pop=1 + rng.pareto(2.0),
                                        activity=rng.lognormal(np.log(a.posts_median * 2), 0.8)))
            self.users[u]["delay"] = float(np.exp(rng.normal(np.log(240), 0.8)))
            self.communities[kk]["members"].append(u)
            share = rng.uniform(0.7, 1.0)
            for v in crew:
                if rng.random() < share:
                    self.follow(u, v)
            self.ordinary_follows(u, kk, self.degree())
            fans.append(u)
        self.fans, self.crew = fans, crew
        # the group's posts, retweeted fast by fans with notifications on
        for _ in range(int(a.days * 3)):
            src = int(rng.choice(crew[:8]))
            r = self.tweet(src, self.post_time(), self.words(lang, 10) + " #" + f"idol{k}", lang, [f"idol{k}"])
            if r is None:
                continue
            for f in fans:
                if self.users[f]["activity"] > 0 and rng.random() < 0.35:
                    self.retweet(f, r, r["when"] + rng.lognormal(np.log(self.users[f]["delay"]), 0.9))
        # scheduled hashtag parties with fanbase templates
        for p in range(max(2, a.days // 5)):
            tag = f"party{k}{p}"
            at = self.post_time()
            templates = [self.words(lang, 12) for _ in range(4)]
            for f in fans:
                if self.users[f]["activity"] > 0 and rng.random() < 0.5:
                    body = templates[int(rng.integers(4))]
                    if rng.random() < 0.5:
                        body += " " + self.words(self.users[f]["lang"], 2)
                    self.tweet(f, at + rng.exponential(600), body + f" #{tag} #idol{k}", self.users[f]["lang"],
                               [tag, f"idol{k}"])
        print(f"fandom-1: {n} fans of an entourage of {e}")

    def local(self):
        a, rng = self.a, self.rng
        n, kk = (int(x) for x in a.local.split(","))
        if n <= 0:
            return
        biggest = max(self.communities, key=lambda c: len(c["members"]))
        region, lang = biggest["region"], biggest["lang"]
        outlets = []
        for i in range(kk):
            u = self.add_user("organic", "local-outlets", lang, -1, self.start - dt.timedelta(days=int(
                rng.integers(800, 4000))), pop=20 + 20 * rng.pareto(1.5), activity=60)
            self.users[u]["outlet"] = True
            outlets.append(u)
        residents = [u for c in self.communities if c["region"] == region for u in c["members"]
                     if self.users[u]["group"] == "organic"]
        if len(residents) < n:
            residents = [u for u in range(len(self.users)) if self.users[u]["group"] == "organic"
                         and self.users[u]["community"] >= 0 and self.users[u]["lang"] == lang]
        readers = [int(x) for x in rng.choice(residents, size=min(n, len(residents)), replace=False)]
        for u in readers:
            self.users[u]["label"] = "localnews"
            self.users[u]["group"] = "local-1"
            share = rng.uniform(0.5, 0.9)
            for o in outlets:
                if rng.random() < share:
                    self.follow(u, o)
        self.outlets, self.readers = outlets, readers
        print(f"local-1: {len(readers)} readers of {kk} outlets in {region}")

    def local_alert(self):
        rng = self.rng
        if not getattr(self, "outlets", None):
            return
        police = self.outlets[0]
        lang = self.users[police]["lang"]
        r = self.tweet(police, 0.4 * self.span, "ALERT " + self.words(lang, 12), lang, ["alert"])
        for u in self.readers:
            if self.users[u]["activity"] > 0 and rng.random() < 0.33:
                self.retweet(u, r, r["when"] + rng.exponential(420))

    # ---------- planted ----------
    def clients(self, n):
        rng = self.rng
        out = []
        for _ in range(n):
            k = int(rng.integers(len(self.communities)))
            u = self.add_user("organic", "organic", self.communities[k]["lang"], k, self.ordinary_created(),
                              pop=1 + rng.pareto(3.0))
            self.communities[k]["members"].append(u)
            self.ordinary_follows(u, k, self.degree())
            out.append(u)
        return out

    def camouflage(self, u, lo, hi):
        rng = self.rng
        for c in rng.choice(self.celebs[:60], size=min(len(self.celebs), int(rng.integers(lo, hi))), replace=False):
            self.follow(u, int(c))

    def farm(self):
        a, rng = self.a, self.rng
        if a.farm <= 0:
            return
        cl = self.clients(a.farm_clients)
        base = self.start - dt.timedelta(days=int(rng.integers(10, 120)))
        lang = self.langs[0]
        for _ in range(a.farm):
            u = self.add_user("farm", "farm-1", lang, -3, base + dt.timedelta(seconds=int(rng.uniform(0, 2 * 86400))),
                              activity=0)
            for c in cl:
                if rng.random() < 0.7:
                    self.follow(u, c)
            self.camouflage(u, 3, 12)
            for _ in range(int(rng.integers(0, 3))):
                self.tweet(u, self.post_time(), self.words(lang, 5), lang)
        print(f"farm-1: {a.farm} burst-created accounts, {len(cl)} clients")

    def aged_farm(self):
        a, rng = self.a, self.rng
        if a.aged_farm <= 0:
            return
        cl = self.clients(a.farm_clients)
        sellers = max(1, a.sellers)
        for i in range(a.aged_farm):
            s = i % sellers
            if s == 0:      # one batch created together years ago and left to age
                created = self.start - dt.timedelta(days=900 + int(rng.uniform(0, 5)))
            elif s == 1:    # dormant accounts of 2010-2016
                created = dt.datetime(2010, 1, 1) + dt.timedelta(days=int(rng.integers(0, 6 * 365)))
            else:           # recently abandoned ordinary accounts
                created = self.ordinary_created()
            k = int(rng.integers(len(self.communities)))
            lang = self.communities[k]["lang"]
            u = self.add_user("farm", "aged-farm-1", lang, -3, created, activity=0)
            self.ordinary_follows(u, k, self.degree(0.7))   # the follows of its past life
            for c in cl:
                if rng.random() < 0.6:
                    self.follow(u, c)
            self.camouflage(u, 2, 8)
            for _ in range(int(rng.integers(0, 5))):
                self.tweet(u, self.post_time(), " ".join(rng.choice(self.communities[k]["words"], size=8)), lang)
        print(f"aged-farm-1: {a.aged_farm} accounts from {sellers} sellers, {len(cl)} clients")

    def slow_farm(self):
        a, rng = self.a, self.rng
        if a.slow_farm <= 0:
            return
        cl = self.clients(a.farm_clients)
        lang = self.langs[-1]
        for _ in range(a.slow_farm):
            created = self.start - dt.timedelta(days=int(rng.uniform(10, 100)))
            u = self.add_user("farm", "slow-farm-1", lang, -3, created, activity=0)
            progress = rng.uniform(0.2, 1.0)
            for c in cl[:max(1, int(progress * len(cl)))]:
                if rng.random() < 0.8:
                    self.follow(u, c)
            others = rng.choice(len(self.users) - 1, size=int(rng.integers(10, 30)), replace=False)
            for t in others:
                self.follow(u, int(t))
            self.slow_members.append(u)
        print(f"slow-farm-1: {a.slow_farm} accounts, {len(cl)} clients")

    def slow_farm_retweets(self):
        """The slow farm's only activity: a few retweets of celebrities, hours after their posts."""
        rng = self.rng
        for u in self.slow_members:
            for _ in range(int(rng.integers(0, 4))):
                c = int(rng.choice(self.celebs))
                posts = [r for r in self.posts_of.get(c, ()) if r["rt"] is None]
                if posts:
                    orig = posts[int(rng.integers(len(posts)))]
                    self.retweet(u, orig, orig["when"] + rng.lognormal(np.log(7200), 1.0))

    def botnet(self):
        a, rng = self.a, self.rng
        s, n = (int(x) for x in a.botnet.split(","))
        if n <= 0:
            return
        lang = self.langs[0]
        tags = ["op" + "".join(rng.choice(SYLL, size=2)) for _ in range(3)]
        born = self.start - dt.timedelta(days=int(rng.integers(30, 300)))
        seeds = [self.add_user("bot", "botnet-1", lang, -2, self.ordinary_created(), activity=0) for _ in range(s)]
        amps = [self.add_user("bot", "botnet-1", lang, -2, born + dt.timedelta(days=int(rng.integers(0, 7))),
                              activity=0) for _ in range(n)]
        templates = [self.words(lang, 10) for _ in range(5)]
        for b in amps:
            for x in seeds:
                if rng.random() < 0.7:
                    self.follow(b, x)
            self.camouflage(b, 3, 10)
        for x in seeds:
            for _ in range(int(rng.integers(20, 40))):
                h = list(rng.choice(tags, size=2, replace=False))
                r = self.tweet(x, self.post_time(), self.words(lang, 10) + "".join(" #" + t for t in h), lang, h)
                if r is None:
                    continue
                for b in amps:
                    if rng.random() < 0.5:
                        self.retweet(b, r, r["when"] + rng.uniform(15, 240), client="Twitter Web App")
        for b in amps:
            for _ in range(int(rng.integers(3, 10))):
                h = list(rng.choice(tags, size=2, replace=False))
                self.tweet(b, self.post_time(), templates[int(rng.integers(5))] + "".join(" #" + t for t in h),
                           lang, h)
        print(f"botnet-1: {s} seeds, {n} amplifiers")

    def ring(self):
        a, rng = self.a, self.rng
        if a.ring <= 0:
            return
        lang = self.langs[-1]
        members = [self.add_user("linkring", "linkring-1", lang, -4, self.ordinary_created(), activity=0)
                   for _ in range(a.ring)]
        for u in members:
            for v in members:
                if rng.random() < 0.25:
                    self.follow(u, v)
            self.camouflage(u, 2, 8)
        infoops_archive.ring_rounds(rng, members, int(rng.integers(30, 60)), self.post_time,
                                    lambda j: f"https://ring{j % 3}-press.example/{int(rng.integers(10 ** 7))}",
                                    lambda: self.words(lang, 10), lambda: self.words(lang, 2), 0.7, 0.5, 1200,
                                    lambda u, at, text, url: self.tweet(u, at, text, lang, urls=[url]))
        print(f"linkring-1: {a.ring} accounts")

    # ---------- output ----------
    def write(self, out):
        ids = [u["id"] for u in self.users]
        infoops_archive.write(out, self.users, self.follows, self.tweets,
                              lambda r: self.start + dt.timedelta(seconds=int(r["when"])),
                              lambda r: r["tags"], lambda r: [ids[m] for m in r["mentions"]])


def main():
    infoops_archive.run(__doc__, __file__, Archive, [
        Archive.build, Archive.follow_graph, Archive.cohorts, Archive.lists, Archive.train, Archive.entourage,
        Archive.local, Archive.farm, Archive.aged_farm, Archive.slow_farm, Archive.follow_back, Archive.originals,
        Archive.reactions, Archive.local_alert, Archive.slow_farm_retweets, Archive.botnet, Archive.ring])


if __name__ == "__main__":
    main()
