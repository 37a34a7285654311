#!/usr/bin/env python3
"""A second independent labelled archive in the information-operations CSV format (docs/quality.md).

Written from the issue's description of real archives only, without the project's Simulator or
bench/independent_archive.py. Usage: python3 bench/independent_archive_2.py --out DIR --seed S [options];
writes users.csv, tweets.csv, follows.csv and truth.csv (account_id,label,group) to DIR. Needs numpy.

Ordinary model
  * communities: sizes from a Pareto law (shape --size-shape) clipped to [10, 5000], until --accounts
    ordinary accounts are placed; each community has one language (several languages per archive), its own
    vocabulary words, hashtags and web domains;
  * popularity inside a community: Pareto (shape --pop-shape), so each community has a few stars;
  * follows: out-degree log-normal (median --follow-median, sigma --follow-sigma), a share of heavy
    followers (1 %) following 1,000-4,000 accounts; a follow goes inside the community with probability
    --homophily (by popularity inside it), to a news outlet with probability 0.05, else across communities
    (by popularity, same language preferred);
  * news outlets (organic) that many communities follow and retweet;
  * posts: originals (text from the community's words, hashtags, links), retweets of the community's popular
    accounts with a per-user reaction speed (some users are quick: median delay 1 minute), replies, quotes;
  * a fandom spread across two communities that follows one idol and its circle and retweets the idol fast;
  * a news burst: hundreds of accounts of many communities retweeting one breaking-news post within minutes,
    a third of them sharing its link with the headline (the share button's identical text).
Planted operations
  * hashtag botnet: seeds and amplifiers; amplifiers retweet the seeds with jittered delays (10 s - 3 min),
    post the campaign's hashtags from templates;
  * follower farm created in a burst (3 days), near-empty timelines, following one client and ~2/3 of 30
    popular accounts drawn across communities;
  * aged farm: accounts created over years with old ordinary timelines, bought second-hand, following
    another client and ~2/3 of 25 popular accounts;
  * link ring: accounts posting the same articles of a few domains within minutes with near-identical text.
Times have minute resolution, as in the information-operations files.
"""
import base64
import datetime as dt

import numpy as np

import infoops_archive

LANGS = {
    "en": "the of and to in is you that it for on with as this was are be at by not but from or have new news "
          "today great time people think good day know why make really right now watch read vote game best".split(),
    "fr": "le la les de des un une et est pas pour sur avec dans par plus tout faire dire comme mais nous vous "
          "bien encore jamais toujours vote equipe match projet serie film debat semaine".split(),
    "es": "el la los las de del un una y es no por para con en que mas todo hacer decir como pero nosotros bien "
          "siempre nunca voto equipo partido proyecto serie pelicula debate semana hoy".split(),
    "de": "der die das und ist nicht mit auf fur von den dem ein eine zu im auch noch wie aber wir ihr gut immer "
          "nie wahl mannschaft spiel projekt serie film debatte woche heute".split(),
    "pt": "o a os as de do da um uma e nao por para com em que mais tudo fazer dizer como mas nos bem sempre "
          "nunca voto time jogo projeto serie filme debate semana hoje".split(),
}
TOPICS = "politics football tech cinema climate music gaming food travel science finance fashion cars health " \
         "books art anime basketball tennis crypto".split()


def b64id(rng):
    return base64.b64encode(rng.bytes(32)).decode()


class Archive:
    def __init__(self, a):
        self.a = a
        self.rng = np.random.default_rng(a.seed)
        self.start = dt.datetime(2019, 4, 1)
        self.span = a.days * 86400
        self.users = []        # dict per account
        self.tweets = []       # list of row dicts
        self.follows = set()   # (follower, followee) indices
        self.next_tid = 1116000000000000000

    # ---------- accounts ----------
    def new_user(self, label, group, lang, community, created):
        u = dict(id=b64id(self.rng), label=label, group=group, lang=lang, community=community, created=created,
                 pop=1.0, speed=600.0, activity=10.0)
        self.users.append(u)
        return len(self.users) - 1

    def created_ordinary(self):
        # years 2008-2019, more recent accounts more common
        y = self.rng.uniform(0, 1) ** 0.7
        return self.start - dt.timedelta(days=int(y * 11 * 365) + 30)

    def build_communities(self):
        a, rng = self.a, self.rng
        langs = a.languages.split(",")
        lang_w = np.array([0.5 ** i for i in range(len(langs))])
        lang_w /= lang_w.sum()
        self.communities = []
        placed = 0
        while placed < a.accounts:
            size = int(min(5000, max(10, 10 * (rng.pareto(a.size_shape) + 1))))
            size = min(size, a.accounts - placed) if a.accounts - placed >= 10 else a.accounts - placed
            lang = langs[rng.choice(len(langs), p=lang_w)]
            topic = TOPICS[rng.integers(len(TOPICS))]
            k = len(self.communities)
            tags = [f"{topic}{k}", f"{topic}"] + [f"{topic}{k}x{j}" for j in range(rng.integers(2, 5))]
            domains = [f"{topic}{k}-{j}.example" for j in range(rng.integers(1, 4))]
            words = list(rng.choice(LANGS[lang], size=min(25, len(LANGS[lang])), replace=False))
            c = dict(id=k, lang=lang, topic=topic, tags=tags, domains=domains, words=words, members=[])
            for _ in range(size):
                u = self.new_user("organic", "organic", lang, k, self.created_ordinary())
                c["members"].append(u)
            self.communities.append(c)
            placed += size
        for c in self.communities:
            m = np.array(c["members"])
            pop = rng.pareto(a.pop_shape, size=len(m)) + 1
            for u, p in zip(m, pop):
                self.users[u]["pop"] = float(p)
        # news outlets: organic accounts followed across communities
        self.news = []
        for j in range(a.news_outlets):
            lang = langs[j % len(langs)]
            u = self.new_user("organic", "organic", lang, -1, self.start - dt.timedelta(days=3000 + 10 * j))
            self.users[u]["pop"] = 200.0 * (1 + rng.pareto(1.5))
            self.users[u]["activity"] = 150.0
            self.news.append(u)
        sizes = sorted((len(c["members"]) for c in self.communities), reverse=True)
        print(f"communities: {len(self.communities)}, sizes max {sizes[:8]} ... min {sizes[-1]}, "
              f"languages {sorted(set(c['lang'] for c in self.communities))}")

    # ---------- follows ----------
    def follow_graph(self):
        a, rng = self.a, self.rng
        comm_members = [np.array(c["members"]) for c in self.communities]
        comm_p = []
        for m in comm_members:
            w = np.array([self.users[u]["pop"] for u in m])
            comm_p.append(w / w.sum())
        everyone = np.array([u for u in range(len(self.users)) if self.users[u]["community"] >= 0])
        gw = np.array([self.users[u]["pop"] for u in everyone])
        gp = gw / gw.sum()
        lang_of = np.array([self.users[u]["lang"] for u in everyone])
        lang_p = {}
        for lang in set(lang_of):
            w = gw * np.where(lang_of == lang, 4.0, 1.0)
            lang_p[lang] = w / w.sum()
        news = np.array(self.news)
        nw = np.array([self.users[u]["pop"] for u in news])
        np_ = nw / nw.sum()
        for c, m, p in zip(self.communities, comm_members, comm_p):
            for u in m:
                if rng.random() < 0.01:
                    d = int(rng.integers(1000, 4000))
                else:
                    d = int(min(5000, max(1, rng.lognormal(np.log(a.follow_median), a.follow_sigma))))
                inside = min(rng.binomial(d, a.homophily), len(m) - 1)
                to_news = min(rng.binomial(d - inside, 0.33), len(news))
                across = d - inside - to_news
                targets = set()
                if inside > 0:
                    targets.update(rng.choice(m, size=min(len(m), inside + 2), replace=False, p=p).tolist())
                if to_news > 0:
                    targets.update(rng.choice(news, size=to_news, replace=False, p=np_).tolist())
                if across > 0:
                    targets.update(rng.choice(everyone, size=min(len(everyone), across), replace=False,
                                              p=lang_p[c["lang"]]).tolist())
                targets.discard(u)
                for t in targets:
                    self.follows.add((u, t))

    # ---------- posts ----------
    def t(self, seconds):
        return self.start + dt.timedelta(seconds=int(seconds))

    def day_time(self):
        # diurnal: more activity in the evening
        day = self.rng.integers(self.a.days)
        hour = (self.rng.normal(17, 4.5)) % 24
        return day * 86400 + hour * 3600 + self.rng.uniform(0, 3600) % 3600

    def tweet(self, u, when, text, lang, hashtags=(), urls=(), rt=None, reply=None, quote=None, client=None):
        if when >= self.span:
            return None
        self.next_tid += int(self.rng.integers(1, 4000))
        row = dict(tid=self.next_tid, u=u, when=when, text=text, lang=lang, hashtags=list(hashtags),
                   urls=list(urls), rt=rt, reply=reply, quote=quote,
                   client=client or ["Twitter for Android", "Twitter for iPhone", "Twitter Web App"][
                       int(self.rng.integers(3))])
        self.tweets.append(row)
        return row

    def text(self, words, n=None):
        n = n or int(self.rng.integers(5, 16))
        return " ".join(self.rng.choice(words, size=n).tolist())

    def originals(self):
        a, rng = self.a, self.rng
        self.by_author = {}
        for u, usr in enumerate(self.users):
            if usr["label"] != "organic" and usr["group"] not in ("fandom-1",) and usr["label"] != "news":
                continue
            c = usr["community"]
            act = usr["activity"] if c < 0 else rng.lognormal(np.log(a.posts_median), 1.0)
            usr["activity"] = act
            n_orig = rng.poisson(act * 0.45)
            words = LANGS[usr["lang"]] if c < 0 else self.communities[c]["words"]
            for _ in range(n_orig):
                tags, urls = [], []
                if c >= 0:
                    com = self.communities[c]
                    if rng.random() < 0.3:
                        tags = list(rng.choice(com["tags"], size=int(rng.integers(1, 3)), replace=False))
                    if rng.random() < 0.1:
                        urls = [f"https://{rng.choice(com['domains'])}/{rng.integers(10 ** 6)}"]
                else:
                    urls = [f"https://news{u}.example/{rng.integers(10 ** 7)}"] if rng.random() < 0.7 else []
                body = self.text(words) + "".join(" #" + h for h in tags) + "".join(" " + x for x in urls)
                r = self.tweet(u, self.day_time(), body, usr["lang"], tags, urls)
                if r:
                    self.by_author.setdefault(u, []).append(r)

    def reactions(self):
        """Retweets, replies and quotes of ordinary accounts: the community's popular accounts, quickly for some."""
        a, rng = self.a, self.rng
        comm_auth = []
        for c in self.communities:
            auth = [u for u in c["members"] if u in self.by_author]
            w = np.array([self.users[u]["pop"] ** 1.3 for u in auth]) if auth else np.array([])
            comm_auth.append((np.array(auth), w / w.sum() if len(w) else w))
        news = [u for u in self.news if u in self.by_author]
        nw = np.array([self.users[u]["pop"] for u in news])
        nwp = nw / nw.sum()
        all_auth = np.array(list(self.by_author.keys()))
        aw = np.array([self.users[u]["pop"] for u in all_auth])
        awp = aw / aw.sum()
        for u, usr in enumerate(self.users):
            c = usr["community"]
            if c < 0 or usr["label"] not in ("organic", "fandom", "news"):
                continue
            # per-user median reaction delay: some users are quick (about a minute), most take hours
            median = float(np.exp(rng.normal(np.log(1800), 1.6)))
            usr["speed"] = median
            n_react = rng.poisson(usr["activity"] * 0.55)
            auth, p = comm_auth[c]
            for _ in range(n_react):
                r = rng.random()
                if r < a.homophily and len(auth):
                    src = auth[rng.choice(len(auth), p=p)]
                elif r < a.homophily + (1 - a.homophily) * 0.4 and news:
                    src = news[rng.choice(len(news), p=nwp)]
                else:
                    src = all_auth[rng.choice(len(all_auth), p=awp)]
                if src == u:
                    continue
                posts = self.by_author[src]
                orig = posts[int(rng.integers(len(posts)))]
                delay = max(0.0, rng.lognormal(np.log(median), 1.0))
                kind = rng.random()
                when = orig["when"] + delay
                if kind < 0.75:
                    self.tweet(u, when, "RT @" + self.users[src]["id"] + ": " + orig["text"], orig["lang"],
                               orig["hashtags"], orig["urls"], rt=orig)
                elif kind < 0.9:
                    self.tweet(u, when, self.text(LANGS[usr["lang"]], 6), usr["lang"], reply=orig)
                else:
                    self.tweet(u, when, self.text(LANGS[usr["lang"]], 8), usr["lang"], quote=orig)

    def fandom(self):
        """An idol followed by fans of two communities who retweet the idol's posts fast."""
        a, rng = self.a, self.rng
        big = sorted(self.communities, key=lambda c: -len(c["members"]))
        ca, cb = big[1], big[2]
        idol = max(ca["members"], key=lambda u: self.users[u]["pop"])
        circle = sorted(ca["members"], key=lambda u: -self.users[u]["pop"])[1:6]
        fans = []
        for c, share in ((ca, 0.6), (cb, 0.4)):
            pool = [u for u in c["members"] if u != idol and u not in circle]
            k = min(int(a.fans * share), len(pool) // 2)
            fans += rng.choice(pool, size=k, replace=False).tolist()
        for f in fans:
            self.users[f]["label"] = "fandom"
            self.users[f]["group"] = "fandom-1"
            for t in [idol] + circle:
                self.follows.add((f, t))
        # the idol posts often; fans retweet many of its posts within minutes (each fan its own speed)
        tag = f"idol{idol % 1000}"
        for _ in range(60):
            r = self.tweet(idol, self.day_time(), self.text(LANGS[ca["lang"]]) + " #" + tag, ca["lang"], [tag])
            if r is None:
                continue
            self.by_author.setdefault(idol, []).append(r)
            for f in fans:
                if rng.random() < 0.45:
                    med = 60 + (f * 7919 % 600)
                    self.tweet(f, r["when"] + rng.lognormal(np.log(med), 0.9), "RT @" + self.users[idol]["id"]
                               + ": " + r["text"], r["lang"], r["hashtags"], rt=r)
        for f in fans:
            for _ in range(rng.poisson(2)):
                self.tweet(f, self.day_time(), self.text(LANGS[self.users[f]["lang"]]) + " #" + tag + " #stan",
                           self.users[f]["lang"], [tag, "stan"])
        print(f"fandom: {len(fans)} fans of 2 communities ({ca['lang']}, {cb['lang']}), idol {idol}")

    def news_burst(self):
        """One breaking-news post retweeted or shared by hundreds of accounts of many communities within minutes."""
        a, rng = self.a, self.rng
        outlet = self.news[0]
        when = 0.55 * self.span
        headline = "BREAKING " + self.text(LANGS[self.users[outlet]["lang"]], 10)
        url = f"https://news{outlet}.example/breaking-{rng.integers(10 ** 6)}"
        post = self.tweet(outlet, when, headline + " " + url, self.users[outlet]["lang"], ["breaking"], [url])
        pool = [u for u, usr in enumerate(self.users) if usr["label"] == "organic" and usr["community"] >= 0]
        part = rng.choice(pool, size=a.news_burst, replace=False)
        for u in part:
            self.users[u]["label"] = "news"
            self.users[u]["group"] = "news-1"
            d = rng.exponential(240)
            if rng.random() < 0.67:
                self.tweet(u, when + d, "RT @" + self.users[outlet]["id"] + ": " + post["text"], post["lang"],
                           ["breaking"], [url], rt=post)
            else:
                self.tweet(u, when + d + 30, headline + " " + url + " #breaking", post["lang"], ["breaking"], [url])
        print(f"news burst: {len(part)} accounts")

    # ---------- planted ----------
    def popular_across(self, k):
        ranked = sorted((u for u, usr in enumerate(self.users) if usr["community"] >= 0),
                        key=lambda u: -self.users[u]["pop"])
        return self.rng.choice(ranked[:max(k * 4, 100)], size=k, replace=False).tolist()

    def botnet(self, name, seeds_n, amps_n):
        rng = self.rng
        lang = self.communities[0]["lang"]
        words = LANGS[lang]
        tags = [f"{name}camp{j}" for j in range(4)]
        created0 = self.start - dt.timedelta(days=int(rng.integers(100, 600)))
        seeds = [self.new_user("bot", name, lang, -2, created0 - dt.timedelta(days=int(rng.integers(0, 900))))
                 for _ in range(seeds_n)]
        amps = [self.new_user("bot", name, lang, -2, created0 + dt.timedelta(days=int(rng.integers(0, 120))))
                for _ in range(amps_n)]
        # the botnet also follows its seeds and looks ordinary by following popular accounts
        pop = self.popular_across(40)
        for b in amps:
            for s in seeds:
                if rng.random() < 0.8:
                    self.follows.add((b, s))
            for t in rng.choice(pop, size=int(rng.integers(5, 25)), replace=False):
                self.follows.add((b, int(t)))
        for s in seeds:
            for _ in range(int(rng.integers(25, 45))):
                h = list(rng.choice(tags, size=2, replace=False))
                r = self.tweet(s, self.day_time(), self.text(words) + "".join(" #" + x for x in h), lang, h)
                if r is None:
                    continue
                for b in amps:
                    if rng.random() < 0.6:
                        d = rng.uniform(10, 180) + rng.lognormal(3, 0.8)
                        self.tweet(b, r["when"] + d, "RT @" + self.users[s]["id"] + ": " + r["text"], lang, h, rt=r,
                                   client="Twitter Web App")
        templates = [self.text(words, 8) for _ in range(6)]
        for b in amps:
            for _ in range(int(rng.integers(5, 15))):
                h = list(rng.choice(tags, size=2, replace=False))
                body = templates[int(rng.integers(len(templates)))] + " " + self.text(words, 2)
                self.tweet(b, self.day_time(), body + "".join(" #" + x for x in h), lang, h)
            # camouflage: retweets of popular ordinary posts
            for _ in range(int(rng.integers(2, 8))):
                src = pop[int(rng.integers(len(pop)))]
                if src in self.by_author:
                    o = self.by_author[src][int(rng.integers(len(self.by_author[src])))]
                    self.tweet(b, o["when"] + rng.lognormal(np.log(3600), 1), "RT @" + self.users[src]["id"] + ": "
                               + o["text"], o["lang"], o["hashtags"], rt=o)
        print(f"{name}: {seeds_n} seeds, {amps_n} amplifiers")

    def farm(self, name, n, aged):
        rng = self.rng
        lang = self.communities[int(rng.integers(len(self.communities)))]["lang"]
        client = self.new_user("organic", "organic", lang, -1, self.start - dt.timedelta(days=700))
        self.users[client]["activity"] = 20
        pop = self.popular_across(30 if not aged else 25)
        base = self.start - dt.timedelta(days=int(rng.integers(20, 200)))
        members = []
        for _ in range(n):
            if aged:
                created = self.start - dt.timedelta(days=int(rng.integers(400, 4000)))
            else:
                created = base + dt.timedelta(seconds=int(rng.uniform(0, 3 * 86400)))
            m = self.new_user("farm", name, lang, -3, created)
            members.append(m)
            self.follows.add((m, client))
            for t in pop:
                if rng.random() < 0.67:
                    self.follows.add((m, int(t)))
            if aged:
                # a previous life: a few random follows and an old-fashioned timeline in this window
                others = rng.choice(len(self.users) - 1, size=int(rng.integers(5, 60)), replace=False)
                for t in others:
                    if int(t) != m:
                        self.follows.add((m, int(t)))
                for _ in range(int(rng.integers(0, 6))):
                    self.tweet(m, self.day_time(), self.text(LANGS[lang]), lang)
            else:
                for _ in range(int(rng.integers(0, 3))):
                    self.tweet(m, self.day_time(), self.text(LANGS[lang], 4), lang)
        for _ in range(20):
            r = self.tweet(client, self.day_time(), self.text(LANGS[lang]), lang)
            if r:
                self.by_author.setdefault(client, []).append(r)
        print(f"{name}: {n} accounts ({'aged' if aged else 'burst-created'}), client {client}")

    def link_ring(self, name, n):
        rng = self.rng
        lang = self.communities[int(rng.integers(len(self.communities)))]["lang"]
        words = LANGS[lang]
        domains = [f"ring{j}-daily.example" for j in range(3)]
        ring = [self.new_user("linkring", name, lang, -4, self.start - dt.timedelta(days=int(rng.integers(60, 1500))))
                for _ in range(n)]
        pop = self.popular_across(20)
        for m in ring:
            for t in ring:
                if t != m and rng.random() < 0.3:
                    self.follows.add((m, t))
            for t in rng.choice(pop, size=int(rng.integers(3, 15)), replace=False):
                self.follows.add((m, int(t)))
        infoops_archive.ring_rounds(rng, ring, int(rng.integers(40, 70)), self.day_time,
                                    lambda j: f"https://{domains[j % 3]}/article-{rng.integers(10 ** 6)}",
                                    lambda: self.text(words, 9), lambda: self.text(words, 2), 0.75, 0.6, 900,
                                    lambda m, when, text, url: self.tweet(m, when, text, lang, urls=[url]))
        for m in ring:
            for _ in range(int(rng.integers(3, 12))):
                self.tweet(m, self.day_time(), self.text(words), lang)
        print(f"{name}: {n} accounts")

    # ---------- output ----------
    def write(self, out):
        def mentions(r):
            if r["rt"]:
                return [self.users[r["rt"]["u"]]["id"]]
            if r["reply"]:
                return [self.users[r["reply"]["u"]]["id"]]
            return []
        infoops_archive.write(out, self.users, self.follows, self.tweets, lambda r: self.t(r["when"]),
                              lambda r: r["hashtags"], mentions)


def main():
    infoops_archive.run(__doc__, __file__, Archive, [
        Archive.build_communities, Archive.follow_graph, Archive.originals, Archive.fandom, Archive.reactions,
        Archive.news_burst,
        lambda ar: ar.botnet("botnet-1", *(int(x) for x in ar.a.botnet.split(","))),
        lambda ar: ar.farm("farm-1", ar.a.farm, aged=False),
        lambda ar: ar.farm("aged-farm-1", ar.a.aged_farm, aged=True),
        lambda ar: ar.link_ring("linkring-1", ar.a.ring)])


if __name__ == "__main__":
    main()
