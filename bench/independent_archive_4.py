"""Writes a labelled archive of a month of an invented platform, the fourth independent generator, written blind.

usage: python3 bench/independent_archive_4.py --out DIR [--seed S] [--accounts N] [options, see --help]

Written without reading Lockstep's detector, its simulator, docs/quality.md or the three other generators: the
platform below is modelled from what is published about Twitter, so that `lockstep evaluate --archive DIR` measures
detection on an archive nobody tuned on. Python's standard library only; deterministic for a seed (same options, same
bytes). The files (users.csv, tweets.csv, follows.csv, truth.csv) are laid out by bench/infoops_archive.py.

THE PLATFORM (ordinary life)
- Accounts speak one of --languages languages (sizes Zipf), live in regions of that language (each with its time
  zone) and have one to three interests among 20 topics, weighted per language. Creation dates follow the platform's
  growth (most signups 2009-2014, a 2020 bump; none in the two months before the window unless --newcomers re-dates
  a share of accounts to the half-year before it). Geography and language bound ties (Takhteyev, Wellman & Gruzd 2012,
  "Geography of Twitter networks", Social Networks 34: a large share of ties inside one metropolitan area, language
  and air-travel distance next).
- Who follows whom, per account: a following count drawn lognormal (median --follows-median, sigma 1, capped at the
  platform's 5,000 follow limit), split among (a) friends in the account's offline circles (school, work, family: 3 to
  300 people of one region, 30 % of people in a second circle), who follow back with probability --reciprocity
  (Kwak, Lee, Park & Moon 2010, "What is Twitter, a social network or a news media?": 22 % of edges reciprocal
  overall; Myers, Sharma, Gupta & Lin 2014, "Information network or social network? The structure of the Twitter
  follow graph": reciprocity high among low-degree personal accounts, near zero towards popular ones; heavy-tailed
  in- and out-degrees; a large share of follows closes triangles); (b) public figures of the account's interests
  (pundits, clubs, players, artists, shows), inside the account's own language with probability --homophily, chosen
  with Zipf popularity (exponent --popularity-exponent) measured inside each topic and language; (c) global
  celebrities followed across every community; (d) the news outlets and journalists of its language; (e) local
  accounts of its region (city, local paper, local team); (f) discovery: accounts its followees follow (triadic
  closure) or random accounts of its language.
- Who posts (Pew Research Center 2019, "Sizing up Twitter users": the 10 % most active write 80 % of tweets, the
  median user writes about two a month): posting rates lognormal (median 0.06/day, sigma 2.1, so the top tenth
  writes about 80 %); --lurkers of ordinary accounts never post (their own group). Posts follow a diurnal cycle in
  local time. Of an account's posts about half are its own text (words of its language, its topics' words and
  hashtags, sometimes a link), a third retweets of accounts it follows (delays lognormal, median 55 min: Kwak et al.
  2010, half of retweets within an hour, most within a day), then replies to followees and quotes. Apps write honest
  identical text: check-ins ("I'm at ..."), "I liked a @YouTube video", Instagram cross-posts. News outlets post
  articles with links; readers retweet and share them.

HONEST CROWDS THAT LOOK COORDINATED (each its own negative group; label `news` or `fandom`, the evaluator's hard
negatives)
- signup wave (news): after a news event, a cohort of new accounts of one language created within a few days;
  onboarding suggests the same starter list (the top accounts of the language), most accept most of it, then follow
  a few people; half never post, the rest retweet the breaking news (Gupta et al. 2013, "WTF: The who to follow
  service at Twitter", WWW; Twitter's 2009 Suggested User List).
- giveaway entrants (fandom): contest hobbyists ("compers") entering brands' "RT + follow @a @b @c to win"
  giveaways: they follow the same 3-10 sponsors and retweet the same giveaway post within hours, and reply "Done!"
  tagging friends (Twitter's "Guidelines for promotions on Twitter", which describe follow-and-retweet contests).
- K-pop fandom (fandom): fan accounts created in waves around debuts and comebacks, following the idols, their
  label and the fanbases, following each other ("moots"); they stream the idols' posts (mass retweets within
  minutes) and join scheduled hashtag projects posting a fanbase's template text (Twitter, "#KpopTwitter achieves
  new record of 6.7 billion Tweets globally in 2020", 2021; the June 2020 fan campaigns that flooded hashtags,
  widely reported).
- sports fans (fandom): supporters of a club follow the club, its players and media, live-tweet matches under the
  match hashtag and retweet and cheer each goal within the same minutes (Yu & Wang 2015, "World Cup 2014 in the
  Twitter world", Computers in Human Behavior 48).
- follow-train circles (fandom): "social capitalists" who follow each other and follow back anyone (#TeamFollowBack,
  #F4F); conductors post lists of handles to follow (Ghosh et al. 2012, "Understanding and combating link farming in
  the Twitter social network", WWW: most link farming is done by such real users; Dugue & Perez 2014).
- follow-back tool users (fandom): people who follow many and unfollow whoever does not follow back with apps such
  as Crowdfire, which also post weekly "My week on Twitter" statistics in one wording.
- journalists (news): follow each other densely across outlets (Hanusch & Nolleke 2019, "Journalistic homophily on
  social media", Digital Journalism; Usher, Holcomb & Littman 2018), post their outlet's links minutes after
  publication, retweet colleagues.
- share-button readers (news): readers sharing articles with the site's share button, whose prefilled text is the
  same for everyone ("<headline> via @outlet <url>", Twitter's Web Intents / Tweet button parameters text, via, url).

OPERATIONS (each its own positive group; label `farm`, `bot` or `linkring`)
- fresh follower farm (farm; one or two vendors): accounts created in bulk within days, weeks or months before the
  window, few or no tweets (copied quotes), following the vendor's clients and, as camouflage, popular accounts
  of any language (Cresci et al. 2015, "Fame for sale: efficient detection of fake Twitter followers", Decision
  Support Systems 80; Stringhini et al. 2013, "Follow the green: growth and dynamics in Twitter follower markets").
- aged accounts bought second-hand (farm): accounts created years apart with real pasts (hijacked or resold: their
  old follows and sparse posts remain), now following a few clients and each other's customers, retweeting the
  clients (Stringhini et al. 2013; Twitter's 2018-2020 information-operations releases name compromised and purchased
  accounts).
- drip-feed follower service (farm): a pool created over months that delivers followers to many small clients
  gradually ("gradual delivery"), with automated RSS-style posts copying news headlines (dlvr.it, IFTTT).
- follow/unfollow churn farm (farm): accounts following thousands, unfollowing those who do not follow back (the
  snapshot keeps the follow-backs and the not yet pruned), posting promotional links (Twitter Rules on aggressive
  following; Ghosh et al. 2012).
- retweet botnet (bot): a few seeds posting a campaign; amplifiers created in batches retweet subsets of each post,
  many within minutes (Varol et al. 2017, "Online human-bot interactions: detection, estimation, and
  characterization", ICWSM; Cresci et al. 2017, "The paradigm-shift of social spambots", WWW companion; Cresci 2020,
  "A decade of social bot detection", CACM; Keller, Schoch, Stier & Yang 2020, "Political astroturfing on Twitter:
  how to coordinate a disinformation campaign", Political Communication 37: co-retweets within a minute).
- copy-paste ring (bot): accounts posting the same message within minutes, some with an emoji or a mention added
  (Keller et al. 2020, co-tweeting; Graphika 2019-2020 "Spamouflage" reports; Twitter's 2019 Hong Kong release).
- link-sharing ring (linkring): accounts spreading a few sites' articles with paraphrased texts over hours
  (DiResta et al. 2018, "The tactics & tropes of the Internet Research Agency"; FireEye 2018 on Liberty Front Press;
  Giglietto et al. 2020, "It takes a village to manipulate the media: coordinated link sharing behavior").
- hashtag push (bot): fresh and compromised accounts posting a hashtag with varied slogans within an hour or two to
  make it trend, on a few days (Elmas et al. 2021, "Ephemeral astroturfing attacks: the case of fake Twitter
  trends", IEEE EuroS&P).
Every operation's accounts also get ordinary life in proportion to --camouflage (follows of popular and local
accounts, ordinary posts and retweets). The accounts that bought followers are their own negative group ("follower
buyers", label organic). Sizes are shares of --accounts times --op-scale, drawn per seed.
"""
import base64
import hashlib
import math
import random
from datetime import datetime, timedelta
from itertools import accumulate

import infoops_archive

OPTIONS = [
    ("--accounts", 8000, "accounts in the archive (3,000 to 20,000 intended)"),
    ("--days", 30, "days of posts"),
    ("--languages", 3, "languages, 1 to 9 (sizes Zipf)"),
    ("--homophily", 0.85, "probability a follow of a public figure stays inside the follower's language"),
    ("--popularity-exponent", 1.0, "Zipf exponent of popularity among the public figures of one topic and language"),
    ("--follows-median", 40, "median following count of an ordinary account (lognormal, sigma 1)"),
    ("--reciprocity", 0.6, "probability that a friend follows back"),
    ("--lurkers", 0.0, "share of ordinary accounts that never post (group 'lurkers')"),
    ("--ops", "all", "operations: all, none, or a comma list of "
                     "fresh,aged,drip,churn,botnet,copypaste,linkring,hashtag"),
    ("--crowds", "all", "honest crowds: all, none, or a comma list of "
                        "signup,giveaway,kpop,sports,trains,followback,journalists,sharers"),
    ("--op-scale", 1.0, "multiplies every operation's size"),
    ("--camouflage", 0.5, "0 to 1: how much ordinary life the operations' accounts have"),
    ("--followerless", 0.0, "share of honest accounts (not public figures, buyers or journalists) that nobody "
                            "follows, as real newcomers and lurkers; drawn after the rest, so 0 changes nothing"),
    ("--newcomers", 0.0, "share of the same honest accounts re-dated to sign-ups spread over the 180 days before the "
                         "window (the growth curve's rate is about 0.04), followerless twice as often; drawn after "
                         "the rest, so 0 changes nothing"),
]
OPS = ["fresh", "aged", "drip", "churn", "botnet", "copypaste", "linkring", "hashtag"]
CROWDS = ["signup", "giveaway", "kpop", "sports", "trains", "followback", "journalists", "sharers"]
LANGS = ["en", "es", "pt", "ja", "ar", "fr", "tr", "id", "de"]
TZ = {"en": [-5, -8, 0, -6, 10], "es": [-6, 1, -3, -5], "pt": [-3, 0], "ja": [9], "ar": [3, 4, 2],
      "fr": [1, 0, -5], "tr": [3], "id": [7, 8], "de": [1], "ko": [9]}
TOPICS = ["politics-left", "politics-right", "football", "basketball", "music", "tech", "gaming", "cinema",
          "climate", "faith", "food", "fashion", "crypto", "anime", "health", "science", "books", "cricket",
          "motors", "comedy"]
# Share of a day's posts per local hour (night trough, evening peak), as platform activity curves show.
HOURS = [2.5, 1.5, 1.0, 0.7, 0.6, 0.8, 1.5, 3.0, 4.5, 5.0, 5.2, 5.5, 6.0, 5.8, 5.5, 5.5, 5.7, 6.0, 6.5, 7.0, 7.2,
         7.0, 6.0, 4.2]
HOUR_CW = list(accumulate(HOURS))
# Signups per year (relative), the platform's growth curve.
YEARS = {2007: 0.5, 2008: 1.5, 2009: 8, 2010: 9, 2011: 10, 2012: 10, 2013: 8, 2014: 7, 2015: 6, 2016: 5.5,
         2017: 5, 2018: 5, 2019: 5.5, 2020: 7}
EMOJI = ["🔥", "👏", "🙏", "💯", "😍", "✅", "🇺🇳", "‼️", "👇", "😡", "💪", "🤞"]
CLIENTS = ["Twitter for iPhone"] * 5 + ["Twitter for Android"] * 5 + ["Twitter Web App"] * 3 + ["TweetDeck"]
START = datetime(2021, 3, 1)


def poisson(r, lam):
    """A Poisson draw (Knuth below 30, normal above)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, r.random()
    while p > limit:
        k += 1
        p *= r.random()
    return k


class Pool:
    """Items drawn repeatedly with fixed weights (cumulative weights, O(log n) a draw)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cw = list(accumulate(weights))

    def draw(self, r, k=1):
        return r.choices(self.items, cum_weights=self.cw, k=k) if self.items else []


class Vocab:
    """Invented words of one language: a Zipf-weighted lexicon, topic words and topic hashtags."""

    def __init__(self, lang):
        r = random.Random("vocab-" + lang)
        cons = r.sample("bcdfghjklmnprstvwyz", 12)
        vows = r.sample("aeiouy", 4) + ["a", "e"]
        seen = set()

        def word(lo, hi):
            while True:
                w = "".join(r.choice(cons) + r.choice(vows) for _ in range(r.randint(lo, hi)))
                if w not in seen:
                    seen.add(w)
                    return w
        self.words = [word(1, 3) for _ in range(3000)]
        self.cw = list(accumulate(1.0 / (i + 1) for i in range(len(self.words))))
        self.topic = {t: [word(2, 4) for _ in range(60)] for t in TOPICS + ["news", "local", "kpop", "spam"]}
        self.tags = {t: [word(2, 3) for _ in range(8)] for t in self.topic}

    def sample(self, r, k):
        return r.choices(self.words, cum_weights=self.cw, k=k)

    def new(self, r):
        return "".join(r.choice("bdgklmnprstvz") + r.choice("aeiou") for _ in range(r.randint(2, 4)))


class Platform:
    def __init__(self, a):
        self.a = a
        self.r = random.Random(a.seed)
        self.T = a.days * 1440
        self.langs = LANGS[:a.languages]
        self.lang_w = [1.0 / (i + 1) ** 0.9 for i in range(len(self.langs))]
        self.vocab = {}
        self.users, self.tweets = [], []
        self.F = set()
        self.orig = {}       # author -> original posts (retweetable)
        self.plans = []      # (u, retweets, replies, quotes) made once all follows exist
        self.discovery = []  # (u, k) triadic-closure follows made after the first pass
        self.followback = {}  # account -> probability it follows back whoever follows it
        self.articles = {}   # language -> outlet posts with a link

    # ---- accounts -------------------------------------------------------------------------------------------
    def voc(self, lang):
        if lang not in self.vocab:
            self.vocab[lang] = Vocab(lang)
        return self.vocab[lang]

    def old_date(self):
        r = self.r
        y = r.choices(list(YEARS), weights=list(YEARS.values()))[0]
        return datetime(y, 1, 1) + timedelta(days=r.randrange(365))

    def add(self, label, group, lang, created, interests=None, rate=0.0, reg=None):
        r = self.r
        u = len(self.users)
        digest = hashlib.sha256(f"{self.a.seed}:{u}".encode()).digest()
        regs = TZ.get(lang, [0])
        reg = r.randrange(len(regs)) if reg is None else reg
        lo = max(0, int((created - START).total_seconds() // 60))
        self.users.append({"id": base64.b64encode(digest).decode(), "created": created, "lang": lang,
                           "label": label, "group": group, "reg": reg, "tz": regs[reg],
                           "ints": interests or self.interests(lang), "rate": rate, "lo": lo})
        return u

    def interests(self, lang):
        w = self.topic_w[lang]
        k = self.r.choice([1, 1, 2, 2, 3])
        return sorted(set(self.r.choices(TOPICS, weights=w, k=k)))

    def person_rate(self):
        return min(60.0, self.r.lognormvariate(math.log(0.06), 2.1))

    def pick_lang(self):
        return self.r.choices(self.langs, weights=self.lang_w)[0]

    def follow(self, f, t):
        if f != t:
            self.F.add(f << 20 | t)

    # ---- text and time --------------------------------------------------------------------------------------
    def at(self, u, day=None, hour=None):
        """A minute of the window in u's waking hours (u's local time), after u's creation; None if none fits."""
        r = self.r
        usr = self.users[u]
        for _ in range(4):
            d = r.randrange(self.a.days) if day is None else day
            h = r.choices(range(24), cum_weights=HOUR_CW)[0] if hour is None else hour
            m = d * 1440 + h * 60 + r.randrange(60) - usr["tz"] * 60
            if usr["lo"] <= m < self.T:
                return m
            day = None
        return None

    def text(self, lang, topic=None, k=None, tag_p=0.25):
        r = self.r
        v = self.voc(lang)
        ws = v.sample(r, k or r.randint(4, 16))
        tags = []
        if topic:
            for _ in range(r.choice([0, 1, 1, 2])):
                ws.insert(r.randrange(len(ws) + 1), r.choice(v.topic[topic]))
            if r.random() < tag_p:
                tags = sorted(set(r.sample(v.tags[topic], r.choice([1, 1, 2]))))
        return " ".join(ws + ["#" + t for t in tags]), tags

    def post(self, u, when, text, tags=(), urls=(), client=None, rt=None, reply=None, quote=None, mentions=(),
             retweetable=True, lang=None):
        t = {"u": u, "tid": 0, "lang": lang or self.users[u]["lang"], "text": text, "tags": list(tags),
             "urls": list(urls), "client": client or self.r.choice(CLIENTS), "rt": rt, "reply": reply,
             "quote": quote, "when": when, "mentions": list(mentions), "viral": self.r.paretovariate(1.3)}
        self.tweets.append(t)
        if retweetable and rt is None and reply is None:
            self.orig.setdefault(u, []).append(t)
        return t

    def retweet(self, u, t, when, client=None):
        if when is None or not (self.users[u]["lo"] <= when < self.T) or when < t["when"]:
            return None
        return self.post(u, when, "RT @" + self.users[t["u"]]["id"] + ": " + t["text"], t["tags"], t["urls"],
                         client=client, rt=t, mentions=[t["u"]] + t["mentions"], lang=t["lang"])

    def delay(self, median, sigma):
        return int(self.r.lognormvariate(math.log(median), sigma))

    # ---- the population -------------------------------------------------------------------------------------
    def build(self):
        a, r = self.a, self.r
        self.topic_w = {l: [r.gammavariate(0.8, 1.0) + 0.05 for _ in TOPICS] for l in self.langs + ["ko"]}
        n = a.accounts
        ops = OPS if a.ops == "all" else [] if a.ops == "none" else a.ops.split(",")
        crowds = CROWDS if a.crowds == "all" else [] if a.crowds == "none" else a.crowds.split(",")

        def size(share, least, scale=1.0):
            return max(least, int(round(n * share * scale * r.uniform(0.6, 1.4))))
        op_size = {"fresh": size(0.025, 40, a.op_scale), "aged": size(0.015, 30, a.op_scale),
                   "drip": size(0.02, 40, a.op_scale), "churn": size(0.006, 15, a.op_scale),
                   "botnet": size(0.02, 40, a.op_scale), "copypaste": size(0.008, 15, a.op_scale),
                   "linkring": size(0.006, 15, a.op_scale), "hashtag": size(0.015, 30, a.op_scale)}
        crowd_size = {"signup": size(0.04, 60), "giveaway": size(0.03, 50), "kpop": size(0.05, 80),
                      "sports": size(0.04, 60), "trains": size(0.015, 30), "followback": size(0.01, 20),
                      "journalists": size(0.01, 20), "sharers": size(0.03, 50)}
        self.public_figures(n)
        planted = sum(op_size[o] for o in ops) + sum(crowd_size[c] for c in crowds)
        ordinary = n - len(self.users) - planted - 60  # the crowds add about 60 public accounts (idols, clubs)
        if ordinary < n * 0.3:
            raise SystemExit(f"--accounts {n} is too small for the planted groups ({planted} accounts)")
        self.people = []  # accounts with an offline life (circles)
        for _ in range(ordinary):
            lang = self.pick_lang()
            lurk = r.random() < a.lurkers
            u = self.add("organic", "lurkers" if lurk else "ordinary users", lang, self.old_date(),
                         rate=0.0 if lurk else self.person_rate())
            self.people.append(u)
        self.life = {u: (1.0, 1.0) for u in self.people}  # account -> (follow multiplier, posting multiplier)
        crowd_fns = {"signup": self.signup_wave, "giveaway": self.giveaways, "kpop": self.kpop,
                     "sports": self.sports, "trains": self.trains, "followback": self.followback_users,
                     "journalists": self.journalists, "sharers": self.sharers}
        op_fns = {"fresh": self.fresh_farm, "aged": self.aged_farm, "drip": self.drip_farm,
                  "churn": self.churn_farm, "botnet": self.botnet, "copypaste": self.copypaste,
                  "linkring": self.linkring, "hashtag": self.hashtag_push}
        # The accounts first (their life needs the circles), then the ordinary follows, then what each group does.
        made = [(crowd_fns[c], crowd_size[c]) for c in CROWDS if c in crowds] + \
               [(op_fns[o], op_size[o]) for o in OPS if o in ops]
        actions = [fn(k) for fn, k in made]
        self.public_set = set(self.public)
        self.circles()
        for u in sorted(self.life):
            self.life_follows(u, self.life[u][0])
        self.public_follows()
        self.discover()
        self.first_posts()
        for act in actions:
            if act:
                act()
        self.reciprocate()
        self.second_posts()
        self.fill_tids()

    def public_figures(self, n):
        """Stars per topic and language (Zipf popularity), local accounts per region, celebrities, news outlets."""
        r, a = self.r, self.a
        self.stars, self.local, self.outlets = {}, {}, {}
        self.public = []

        def zipf(k):
            ranks = list(range(1, k + 1))
            return [x ** -a.popularity_exponent for x in ranks]
        for li, lang in enumerate(self.langs):
            share = self.lang_w[li] / sum(self.lang_w)
            tw = self.topic_w[lang]
            for ti, topic in enumerate(TOPICS):
                k = max(2, int(round(0.025 * n * share * tw[ti] / sum(tw))))
                us = [self.add("organic", "public figures and media", lang, self.old_date(), [topic],
                               min(40.0, r.lognormvariate(math.log(2.5), 0.8))) for _ in range(k)]
                self.stars[(lang, topic)] = Pool(us, zipf(k))
                self.public += us
            for reg in range(len(TZ[lang])):
                us = [self.add("organic", "public figures and media", lang, self.old_date(), ["local"],
                               r.lognormvariate(math.log(2.0), 0.6), reg) for _ in range(r.randint(2, 4))]
                self.local[(lang, reg)] = Pool(us, zipf(len(us)))
                self.public += us
            k = max(3, int(round(n * share / 700)))
            us = [self.add("organic", "public figures and media", lang, self.old_date(), ["news"],
                           r.lognormvariate(math.log(12), 0.5)) for _ in range(k)]
            for u in us:
                self.users[u]["domain"] = self.voc(lang).new(r) + r.choice([".com", "news.com", ".net", "-times.com"])
            self.outlets[lang] = us
            self.public += us
        k = max(8, n // 500)
        us = [self.add("organic", "public figures and media", "en" if r.random() < 0.6 else self.pick_lang(),
                       self.old_date(), [r.choice(TOPICS)], r.lognormvariate(math.log(1.5), 0.8)) for _ in range(k)]
        self.celebs = Pool(us, zipf(k))
        self.public += us
        self.journo = {lang: [] for lang in self.langs}
        self.news = {}

    def news_pool(self, lang):
        if lang not in self.news:
            outs = self.outlets.get(lang) or self.outlets[self.langs[0]]
            js = self.journo.get(lang, [])
            self.news[lang] = Pool(outs + js, [3.0 / (i + 1) for i in range(len(outs))] + [0.3] * len(js))
        return self.news[lang]

    def star(self, lang, topic):
        r = self.r
        if len(self.langs) > 1 and r.random() >= self.a.homophily:
            lang = r.choice([l for l in self.langs if l != lang])
        pool = self.stars.get((lang, topic)) or self.stars.get((self.langs[0], topic)) or self.celebs
        return pool.draw(r)[0]

    def circles(self):
        """Offline circles: per language and region, runs of 3-300 people; 30 % also join a second circle."""
        r = self.r
        by_region = {}
        for u in sorted(set(self.people)):  # people only: an operation's made-up accounts have no offline friends
            if self.life[u][0] > 0:
                usr = self.users[u]
                by_region.setdefault((usr["lang"], usr["reg"]), []).append(u)
        self.circle_of = {}
        all_circles = []
        for key in sorted(by_region):
            us = by_region[key]
            r.shuffle(us)
            i = 0
            while i < len(us):
                k = min(300, max(3, int(r.lognormvariate(math.log(20), 0.8))))
                c = us[i:i + k]
                all_circles.append(c)
                for u in c:
                    self.circle_of[u] = [c]
                i += k
        for u in sorted(self.circle_of):
            if r.random() < 0.3 and all_circles:
                self.circle_of[u].append(r.choice(all_circles))

    def life_follows(self, u, mult):
        """u's ordinary follows: friends, public figures of its interests, celebrities, news, local, discovery."""
        a, r = self.a, self.r
        if mult <= 0:
            return
        d = min(4900, int(r.lognormvariate(math.log(a.follows_median * mult), 1.0)))
        if d == 0:
            return
        usr = self.users[u]
        lang = usr["lang"] if usr["lang"] in self.langs else self.langs[0]
        shares = [r.uniform(0.1, 0.45), r.uniform(0.03, 0.12), r.uniform(0.03, 0.12), r.uniform(0.02, 0.08),
                  r.uniform(0.05, 0.2)]
        total = sum(shares)
        if total > 0.9:
            shares = [s * 0.9 / total for s in shares]
        kf, kc, kn, kl, kd = (int(round(d * s)) for s in shares)
        ks = max(0, d - kf - kc - kn - kl - kd)
        friends = sorted({v for c in self.circle_of.get(u, []) for v in c if v != u})
        for v in r.sample(friends, min(kf, len(friends))):
            self.follow(u, v)
            if r.random() < a.reciprocity:
                self.follow(v, u)
        for _ in range(ks):
            self.follow(u, self.star(lang, r.choice(usr["ints"])))
        for v in self.celebs.draw(r, kc):
            self.follow(u, v)
        for v in self.news_pool(lang).draw(r, kn):
            self.follow(u, v)
        pool = self.local.get((lang, usr["reg"])) or self.local[(lang, 0)]
        for v in pool.draw(r, kl):
            self.follow(u, v)
        if kd:
            self.discovery.append((u, kd))

    def public_follows(self):
        """Public figures follow peers of their topic and language, some celebrities and news."""
        r = self.r
        for (lang, topic), pool in sorted(self.stars.items()):
            for u in pool.items:
                for v in pool.items:
                    if v != u and r.random() < 0.3:
                        self.follow(u, v)
                for v in self.celebs.draw(r, r.randint(0, 5)) + self.news_pool(lang).draw(r, r.randint(0, 8)):
                    self.follow(u, v)
        for lang, outs in sorted(self.outlets.items()):
            for u in outs:
                for v in self.news_pool(lang).draw(r, r.randint(2, 15)):
                    self.follow(u, v)

    def out_lists(self):
        out = [[] for _ in self.users]
        for e in sorted(self.F):
            out[e >> 20].append(e & 0xFFFFF)
        return out

    def discover(self):
        """Triadic closure (a followee's followee) or a random account of the same language."""
        r = self.r
        out = self.out_lists()
        by_lang = {}
        for u in self.people:
            by_lang.setdefault(self.users[u]["lang"], []).append(u)
        for u, k in self.discovery:
            same = by_lang.get(self.users[u]["lang"]) or self.people
            for _ in range(k):
                if out[u] and r.random() < 0.6:
                    v = r.choice(out[u])
                    if out[v]:
                        self.follow(u, r.choice(out[v]))
                        continue
                self.follow(u, r.choice(same))

    def reciprocate(self):
        """Accounts that follow back whoever follows them (social capitalists) do so now."""
        r = self.r
        for e in sorted(self.F):
            f, t = e >> 20, e & 0xFFFFF
            p = self.followback.get(t)
            if p and r.random() < p:
                self.follow(t, f)

    # ---- ordinary posts -------------------------------------------------------------------------------------
    def first_posts(self):
        """Every account's own texts (and the outlets' articles); retweets, replies and quotes are planned."""
        r = self.r
        apps = [("I'm at {p} in {c} {url}", "Foursquare Swarm", "swarmapp.com/c/"),
                ("I liked a @YouTube video {url} {p}", "Google", "youtu.be/"),
                ("Just posted a photo @ {p} {url}", "Instagram", "instagram.com/p/")]
        for u in range(len(self.users)):
            usr = self.users[u]
            mult = self.life.get(u, (1.0, 1.0))[1]
            rate = usr["rate"] * mult
            if rate <= 0:
                continue
            alive = (self.T - usr["lo"]) / 1440
            n = poisson(r, rate * alive)
            if n == 0:
                continue
            public = u in self.public_set
            w = [r.uniform(0.3, 0.7), r.uniform(0.15, 0.5), r.uniform(0.03, 0.2), r.uniform(0.0, 0.06)]
            if public:
                w = [0.85, 0.1, 0.04, 0.01]
            counts = [0, 0, 0, 0]
            for k in r.choices(range(4), weights=w, k=n):
                counts[k] += 1
            lang = usr["lang"]
            v = self.voc(lang)
            is_outlet = usr["ints"] == ["news"]
            for _ in range(counts[0]):
                when = self.at(u)
                if when is None:
                    continue
                topic = r.choice(usr["ints"])
                if is_outlet:
                    head = " ".join(v.sample(r, r.randint(6, 12)) + [r.choice(v.topic["news"])])
                    url = f"https://{usr['domain']}/" + "-".join(head.split()[:5]) + f"-{r.randrange(10 ** 6)}"
                    t = self.post(u, when, head + " " + url, urls=[url], client="SocialFlow")
                    t["headline"] = head
                    self.articles.setdefault(lang, []).append(t)
                    continue
                if not public and r.random() < 0.03:
                    tmpl, client, site = r.choice(apps)
                    url = f"https://{site}{r.randrange(36 ** 6):x}"
                    place = " ".join(v.sample(r, 2)).title()
                    self.post(u, when, tmpl.format(p=place, c=place.split()[0], url=url), urls=[url],
                              client=client)
                    continue
                text, tags = self.text(lang, topic, tag_p=0.6 if public else 0.25)
                urls = []
                if r.random() < 0.08:
                    urls = [f"https://{r.choice(v.words)}.com/{r.randrange(10 ** 7)}"]
                    text += " " + urls[0]
                self.post(u, when, text, tags, urls)
            if any(counts[1:]):
                self.plans.append((u, counts[1], counts[2], counts[3]))

    def second_posts(self):
        """Planned retweets, replies and quotes of the posts of the accounts each one follows."""
        r = self.r
        out = self.out_lists()
        cws = {}
        posting = {}

        def pick(u):
            if u not in posting:
                posting[u] = [v for v in out[u] if v in self.orig]
            fs = posting[u]
            if not fs:
                return None
            v = r.choice(fs)
            if v not in cws:  # a snapshot: quotes made in this pass join orig[v] but are not picked here
                cws[v] = (list(self.orig[v]), list(accumulate(t["viral"] for t in self.orig[v])))
            return r.choices(cws[v][0], cum_weights=cws[v][1])[0]
        for u, n_rt, n_rep, n_q in self.plans:
            lang = self.users[u]["lang"]
            for _ in range(n_rt):
                t = pick(u)
                if t:
                    self.retweet(u, t, t["when"] + self.delay(55, 2.4))
            for _ in range(n_rep):
                t = pick(u)
                if t:
                    when = t["when"] + self.delay(15, 1.6)
                    if self.users[u]["lo"] <= when < self.T:
                        text, tags = self.text(lang, r.choice(self.users[u]["ints"]), r.randint(2, 12), 0.1)
                        self.post(u, when, "@" + self.users[t["u"]]["id"] + " " + text, tags, reply=t,
                                  mentions=[t["u"]], retweetable=False)
            for _ in range(n_q):
                t = pick(u)
                if t:
                    when = t["when"] + self.delay(60, 2.0)
                    if self.users[u]["lo"] <= when < self.T:
                        text, tags = self.text(lang, r.choice(self.users[u]["ints"]), r.randint(3, 12))
                        self.post(u, when, text, tags, quote=t)

    def fill_tids(self):
        self.tweets.sort(key=lambda t: (t["when"], t["u"], t["text"]))
        for i, t in enumerate(self.tweets):
            t["tid"] = str(1366000000000000000 + i * 4096)

    # ---- honest crowds ----------------------------------------------------------------------------------------
    def members(self, k, label, group, lang_of, created_of, rate_mult=1.0, follow_mult=1.0, ints=None):
        us = []
        for i in range(k):
            lang = lang_of(i)
            rate = self.person_rate() * rate_mult
            us.append(self.add(label, group, lang, created_of(i), ints(lang) if ints else None, rate))
        for u in us:
            self.life[u] = (follow_mult, 1.0)
            self.people.append(u)
        return us

    def signup_wave(self, k):
        r = self.r
        lang = self.langs[0] if r.random() < 0.6 else self.pick_lang()
        day = r.randint(2, max(2, self.a.days // 2))
        event = self.voc(lang).new(r)
        us = self.members(k, "news", "signup wave", lambda i: lang,
                          lambda i: START + timedelta(days=day - 1, minutes=r.randrange(3 * 1440)),
                          follow_mult=0.25)
        for u in us:
            if r.random() < 0.5:
                self.users[u]["rate"] = 0.0

        def act():
            tops = [self.stars[(lang, t)].items[0] for t in TOPICS if (lang, t) in self.stars]
            tops.sort(key=lambda v: -len(self.orig.get(v, [])))
            starter = self.celebs.items[:5] + tops[:r.randint(8, 18)] + self.outlets[lang][:3]
            for u in us:
                p = 1.0 if r.random() < 0.25 else r.uniform(0.5, 0.95)
                for v in starter:
                    if r.random() < p:
                        self.follow(u, v)
            breaking = []
            for o in self.outlets[lang]:
                for _ in range(r.randint(1, 4)):
                    when = day * 1440 + r.randrange(1440)
                    text, _ = self.text(lang, "news", r.randint(6, 12), 0)
                    t = self.post(o, when, text + " #" + event, [event], client="SocialFlow")
                    t["viral"] *= 20
                    breaking.append(t)
            for u in us:
                if self.users[u]["rate"] > 0 and r.random() < 0.5:
                    t = r.choice(breaking)
                    self.retweet(u, t, max(t["when"], self.users[u]["lo"]) + self.delay(90, 1.5))
                if self.users[u]["rate"] > 0 and r.random() < 0.4:
                    when = self.at(u)
                    if when is not None:
                        text, _ = self.text(lang, "news", r.randint(3, 12), 0)
                        self.post(u, when, text + " #" + event, [event])
        return act

    def giveaways(self, k):
        r = self.r
        us = self.members(k, "fandom", "giveaway entrants", lambda i: self.pick_lang(), lambda i: self.old_date())
        lang0 = self.langs[0]
        brands = [self.add("organic", "public figures and media", lang0, self.old_date(), ["fashion"],
                           r.lognormvariate(math.log(2), 0.5)) for _ in range(r.randint(2, 4))]
        self.public += brands
        replies = ["Done ✅", "Done! 🤞", "Entered! Good luck everyone", "done! would love this 😍",
                   "Thank you for the chance! Done #giveaway", "Good luck all! Done 🙏"]

        def act():
            for g in range(r.randint(2, 5)):
                brand = r.choice(brands)
                others = [v for v in self.celebs.items + brands if v != brand]
                sponsors = [brand] + r.sample(others, min(len(others), r.randint(2, 9)))
                t0 = r.randrange(self.T - 3 * 1440)
                length = r.randint(3, 7) * 1440
                prize = " ".join(self.voc(lang0).sample(r, 2))
                tag = self.voc(lang0).new(r)
                text = (f"🎁 GIVEAWAY! Win {prize}! To enter: RT + follow "
                        + " ".join("@" + self.users[v]["id"] for v in sponsors) + f" #giveaway #win #{tag}")
                gt = self.post(brand, t0, text, ["giveaway", "win", tag], mentions=sponsors, lang=lang0,
                               client="Twitter Web App")
                gt["viral"] = 0.01
                for u in us:
                    if r.random() >= self.users[u].setdefault("keen", r.uniform(0.4, 0.9)):
                        continue
                    for v in sponsors:
                        if r.random() < 0.95:
                            self.follow(u, v)
                    when = t0 + min(length, self.delay(180, 1.3))
                    self.retweet(u, gt, when)
                    if r.random() < 0.4 and t0 + 5 <= when < self.T:
                        friends = [v for c in self.circle_of.get(u, []) for v in c if v != u]
                        tagged = r.sample(friends, min(len(friends), r.randint(0, 3)))
                        body = r.choice(replies) + "".join(" @" + self.users[v]["id"] for v in tagged)
                        self.post(u, min(self.T - 1, when + r.randint(0, 2)), body, reply=gt, mentions=[brand] + tagged,
                                  retweetable=False)
        return act

    def kpop(self, k):
        r = self.r
        members_n = r.randint(4, 9)
        idols = [self.add("organic", "public figures and media", "ko", datetime(2016, 1, 1) +
                          timedelta(days=r.randrange(900)), ["kpop"], r.uniform(0.5, 2.5))
                 for _ in range(members_n + 2)]
        self.public += idols
        waves = [datetime(2016, 6, 1) + timedelta(days=r.randrange(1700)) for _ in range(r.randint(6, 10))]

        def created(i):
            if r.random() < 0.7:
                return r.choice(waves) + timedelta(days=r.randint(-10, 10))
            return self.old_date()
        langs = self.langs + ["ko"]
        us = self.members(k, "fandom", "K-pop fandom", lambda i: r.choice(langs), created, rate_mult=3.0,
                          follow_mult=0.6, ints=lambda lang: ["kpop", "music"])
        bases = us[:r.randint(2, 4)]
        group_tag = self.voc("ko").new(r).upper()

        def act():
            for u in us:
                p = r.uniform(0.6, 1.0)
                for v in idols:
                    if r.random() < p:
                        self.follow(u, v)
                for v in bases:
                    if r.random() < 0.7:
                        self.follow(u, v)
                same = [v for v in us if self.users[v]["lang"] == self.users[u]["lang"]] or us
                for _ in range(min(len(us) - 1, int(r.lognormvariate(math.log(40), 0.9)))):
                    v = r.choice(same if r.random() < 0.7 else us)
                    self.follow(u, v)
                    if r.random() < 0.75:
                        self.follow(v, u)
            idol_posts = []
            for v in idols:
                for _ in range(poisson(r, self.a.days * r.uniform(0.3, 2.0))):
                    when = self.at(v)
                    if when is not None:
                        text, tags = self.text("ko", "kpop", r.randint(3, 10), 0.8)
                        idol_posts.append(self.post(v, when, text + " #" + group_tag, tags + [group_tag]))
            keen = {u: r.uniform(0.1, 0.8) for u in us}
            for t in idol_posts:
                for u in us:
                    if r.random() < keen[u]:
                        d = self.delay(4, 1.0) if r.random() < 0.5 else self.delay(90, 1.5)
                        self.retweet(u, t, t["when"] + d)
            for _ in range(r.randint(3, 6)):
                start = r.randrange(self.T - 180)
                tag = group_tag + self.voc("ko").new(r).capitalize()
                base = r.choice(bases)
                templates = [self.text(self.users[base]["lang"], "kpop", r.randint(5, 12), 0)[0]
                             + f" #{tag} #{group_tag}" for _ in range(3)]
                ann = self.post(base, max(0, start - 60), "📢 HASHTAG PROJECT " + " / ".join(templates),
                                [tag, group_tag])
                for u in us:
                    if r.random() < 0.6:
                        self.retweet(u, ann, ann["when"] + self.delay(20, 1.2))
                        for _ in range(1 + poisson(r, 1.5)):
                            when = start + min(89, self.delay(8, 1.0))
                            if when >= self.T or when < self.users[u]["lo"]:
                                continue
                            x = r.random()
                            text = r.choice(templates)
                            if 0.5 <= x < 0.8:
                                text += " " + "".join(r.sample(EMOJI, 2))
                            elif x >= 0.8:
                                text = self.text(self.users[u]["lang"], "kpop", r.randint(3, 8), 0)[0] + \
                                       f" #{tag}"
                            self.post(u, when, text, [tag, group_tag])
        return act

    def sports(self, k):
        r = self.r
        lang = self.pick_lang()
        clubs = []
        for _ in range(r.randint(2, 4)):
            club = [self.add("organic", "public figures and media", lang, self.old_date(), ["football"],
                             r.uniform(1, 5)) for _ in range(r.randint(7, 14))]
            self.public += club
            clubs.append(club)
        us = self.members(k, "fandom", "sports fans", lambda i: lang, lambda i: self.old_date(), rate_mult=1.5,
                          ints=lambda l: ["football"] + self.interests(l)[:1])
        fans = {i: us[i::len(clubs)] for i in range(len(clubs))}
        cheers = ["GOOOOOAL!!!", "GOOOOL {p}!!! ⚽", "YESSSSS", "what a goal {p} 🔥", "GET IN!!!", "⚽⚽⚽"]

        def act():
            v = self.voc(lang)
            for i, club in enumerate(clubs):
                for u in fans[i]:
                    self.follow(u, club[0])
                    for p in club[1:]:
                        if r.random() < 0.5:
                            self.follow(u, p)
                    for _ in range(r.randint(0, 15)):
                        w = r.choice(fans[i])
                        self.follow(u, w)
                        if r.random() < 0.5:
                            self.follow(w, u)
                for _ in range(r.randint(3, 5)):
                    day = r.randrange(self.a.days)
                    kick = self.at(club[0], day, r.choice([15, 18, 20]))
                    if kick is None or kick + 120 >= self.T:
                        continue
                    tag = v.new(r)
                    for u in fans[i]:
                        if r.random() < 0.5:
                            for _ in range(r.randint(1, 4)):
                                text, _ = self.text(lang, "football", r.randint(3, 10), 0)
                                self.post(u, kick + r.randrange(120), text + " #" + tag, [tag])
                    for _ in range(r.randint(0, 4)):
                        g = kick + r.randrange(110)
                        scorer = r.choice(club[1:])
                        gt = self.post(club[0], g, f"GOAL! @{self.users[scorer]['id']} {r.randint(1, 90)}' #{tag}",
                                       [tag], mentions=[scorer])
                        gt["viral"] *= 10
                        for u in fans[i]:
                            if r.random() < 0.4:
                                self.retweet(u, gt, g + self.delay(2, 1.0))
                            if r.random() < 0.3:
                                c = r.choice(cheers).format(p=self.users[scorer]["id"][:8])
                                self.post(u, g + r.randint(0, 3), c + " #" + tag, [tag])
        return act

    def trains(self, k):
        r = self.r
        us = self.members(k, "fandom", "follow-train circles", lambda i: self.pick_lang(), lambda i: self.old_date(),
                          rate_mult=2.0, follow_mult=r.uniform(3, 8))
        n_trains = r.randint(2, 5)
        cars = [us[i::n_trains] for i in range(n_trains)]

        def act():
            for car in cars:
                for u in car:
                    self.followback[u] = 0.9
                    for v in car:
                        if v != u and r.random() < 0.8:
                            self.follow(u, v)
                for c in car[:r.randint(2, 4)]:
                    for _ in range(poisson(r, self.a.days * r.uniform(0.5, 2.0))):
                        when = self.at(c)
                        if when is None:
                            continue
                        listed = r.sample(car, min(len(car), r.randint(8, 18)))
                        text = "🚂 #FollowTrain #TeamFollowBack follow everyone & RT! " + \
                               " ".join("@" + self.users[v]["id"] for v in listed)
                        t = self.post(c, when, text, ["FollowTrain", "TeamFollowBack"], mentions=listed)
                        for u in car:
                            if r.random() < 0.3:
                                self.retweet(u, t, when + self.delay(60, 1.5))
        return act

    def followback_users(self, k):
        r = self.r
        us = self.members(k, "fandom", "follow-back tool users", lambda i: self.pick_lang(),
                          lambda i: self.old_date(), follow_mult=r.uniform(3, 8))

        def act():
            for u in us:
                self.followback[u] = 0.8
            out = self.out_lists()
            for u in us:
                for v in out[u]:
                    if (v << 20 | u) in self.F:
                        continue
                    if v not in self.public_set and r.random() < 0.25:
                        self.follow(v, u)
                    elif r.random() >= 0.15:
                        self.F.discard(u << 20 | v)  # unfollowed: did not follow back
                day = r.randrange(7)
                hour = r.randrange(24)
                for d in range(day, self.a.days, 7):
                    when = self.at(u, d, hour)
                    if when is not None:
                        n = [r.randint(0, 40) for _ in range(4)]
                        self.post(u, when, f"My week on Twitter 🎉: {n[0]} Mentions, {n[1]} Likes, {n[2]} Retweets, "
                                           f"{n[3]} New Followers. See yours with https://crowdfire.me/w",
                                  urls=["https://crowdfire.me/w"], client="Crowdfire App", retweetable=False)
        return act

    def journalists(self, k):
        r = self.r
        us = self.members(k, "news", "journalists", lambda i: self.pick_lang(), lambda i: self.old_date(),
                          rate_mult=4.0, follow_mult=1.5, ints=lambda l: ["news", r.choice(TOPICS[:2])])
        for u in us:
            lang = self.users[u]["lang"]
            self.users[u]["outlet"] = r.choice(self.outlets[lang])
            self.journo[lang].append(u)
        self.news = {}

        def act():
            for u in us:
                lang = self.users[u]["lang"]
                for v in self.journo[lang]:
                    same = self.users[v]["outlet"] == self.users[u]["outlet"]
                    if v != u and r.random() < (0.6 if same else 0.2):
                        self.follow(u, v)
                        if r.random() < 0.7:
                            self.follow(v, u)
                for o in self.outlets[lang]:
                    if r.random() < 0.5:
                        self.follow(u, o)
                for t in self.orig.get(self.users[u]["outlet"], []):
                    if "headline" in t and r.random() < 0.4:
                        when = t["when"] + self.delay(10, 1.0)
                        if when < self.T:
                            lead = r.choice(["New:", "My story:", "Read:", "Scoop:", "Worth your time:"])
                            self.post(u, when, f"{lead} {t['headline']} {t['urls'][0]}", urls=t["urls"],
                                      client=r.choice(["TweetDeck", "Twitter for iPhone"]))
                    elif r.random() < 0.2:
                        self.retweet(u, t, t["when"] + self.delay(20, 1.2))
        return act

    def sharers(self, k):
        r = self.r
        us = self.members(k, "news", "share-button readers", lambda i: self.pick_lang(), lambda i: self.old_date())

        def act():
            cws = {lang: list(accumulate(t["viral"] for t in arts)) for lang, arts in self.articles.items()}
            for u in us:
                lang = self.users[u]["lang"]
                arts = self.articles.get(lang)
                if not arts:
                    continue
                for _ in range(poisson(r, self.a.days * r.uniform(0.1, 1.5))):
                    t = r.choices(arts, cum_weights=cws[lang])[0]
                    when = t["when"] + self.delay(45, 1.5)
                    if when >= self.T:
                        continue
                    outlet = self.users[t["u"]]["id"]
                    text = f"{t['headline']} via @{outlet} {t['urls'][0]}" if r.random() < 0.7 else \
                        f"{t['headline']} {t['urls'][0]}"
                    self.post(u, when, text, urls=t["urls"], mentions=[t["u"]], client="Twitter Web App")
        return act

    # ---- operations -----------------------------------------------------------------------------------------
    def op_members(self, k, label, group, lang_of, created_of, life=True):
        """An operation's accounts; their ordinary life scales with --camouflage, drawn per account."""
        r, c = self.r, self.a.camouflage
        us = []
        for i in range(k):
            lang = lang_of(i)
            u = self.add(label, group, lang, created_of(i), rate=self.person_rate())
            us.append(u)
            if life and c > 0:
                self.life[u] = (c * r.uniform(0.2, 1.8), c * r.uniform(0.2, 1.8))
            else:
                self.life[u] = (0.0, 0.0)
        return us

    def buyers(self, k, public_share=0.5):
        """Accounts that bought followers: a public figure or an ordinary account, relabelled as buyers."""
        r = self.r
        out = []
        for _ in range(k):
            if r.random() < public_share:
                pool = self.stars[r.choice(sorted(self.stars))].items
                u = r.choice(pool)
            else:
                u = r.choice(self.people[:len(self.people) // 2] or self.people)
            self.users[u]["group"] = "follower buyers"
            self.users[u]["label"] = "organic"
            self.users[u]["rate"] = max(self.users[u]["rate"], r.uniform(0.5, 3.0))
            out.append(u)
        return out

    def popular(self, k):
        """k popular accounts of any language: celebrities and the top stars, as farm camouflage."""
        r = self.r
        out = self.celebs.draw(r, k // 2 + 1)
        keys = sorted(self.stars)
        for _ in range(k - len(out)):
            out.append(self.stars[r.choice(keys)].draw(r)[0])
        return out

    def fresh_farm(self, k):
        r = self.r
        vendors = 1 if k < 80 or r.random() < 0.5 else 2
        made = []
        for vi in range(vendors):
            kk = k // vendors + (k % vendors if vi == 0 else 0)
            lang = "en" if r.random() < 0.6 else self.pick_lang()
            begin = START - timedelta(days=r.randint(5, 150))
            spread = r.choice([1, 2, 4, 10, 30])
            us = self.op_members(kk, "farm", f"fresh follower farm {'AB'[vi]}", lambda i: lang,
                                 lambda i: begin + timedelta(days=r.randrange(spread), minutes=r.randrange(1440)))
            for u in us:
                self.life[u] = (self.life[u][0] * 0.3, self.life[u][1] * 0.3)
            made.append(us)
        clients = self.buyers(r.randint(2, 8))
        quotes = [" ".join(self.voc(self.langs[0]).sample(r, r.randint(6, 14))) for _ in range(200)]

        def act():
            for us in made:
                mine = r.sample(clients, r.randint(1, len(clients)))
                shares = [r.uniform(0.3, 1.0) for _ in mine]
                shares[0] = max(shares[0], 0.8)
                for u in us:
                    for c, p in zip(mine, shares):
                        if r.random() < p:
                            self.follow(u, c)
                    for v in self.popular(int(r.randint(3, 40) * (0.5 + self.a.camouflage))):
                        self.follow(u, v)
                    for _ in range(r.randint(0, 5)):
                        self.follow(u, r.choice(us))
                    if r.random() < 0.4:
                        for _ in range(r.randint(1, 8)):
                            when = self.at(u)
                            if when is not None:
                                self.post(u, when, r.choice(quotes), client="Twitter Web App")
        return act

    def aged_farm(self, k):
        r = self.r
        us = self.op_members(k, "farm", "aged accounts bought second-hand", lambda i: self.pick_lang(),
                             lambda i: datetime(r.randint(2009, 2019), 1, 1) + timedelta(days=r.randrange(365)))
        for u in us:  # real pasts: a full life of follows, mostly dormant posting
            self.life[u] = (r.uniform(0.2, 1.0), 0.0 if r.random() < 0.6 else 0.5)
            self.people.append(u)
        clients = self.buyers(r.randint(1, 3), public_share=0.3)
        targets = self.buyers(r.randint(5, 20), public_share=0.6)

        def act():
            ps = [r.uniform(0.7, 1.0) for _ in clients]
            for u in us:
                for c, p in zip(clients, ps):
                    if r.random() < p:
                        self.follow(u, c)
                for v in targets:
                    if r.random() < 0.5:
                        self.follow(u, v)
            for c in clients:
                for t in self.orig.get(c, []):
                    for u in us:
                        if r.random() < self.users[u].setdefault("zeal", r.uniform(0.2, 0.6)):
                            self.retweet(u, t, t["when"] + self.delay(30, 1.5))
        return act

    def drip_farm(self, k):
        r = self.r
        months = r.randint(6, 18)
        us = self.op_members(k, "farm", "drip-feed follower service", lambda i: self.pick_lang(),
                             lambda i: START - timedelta(days=r.randrange(1, months * 30)))
        for u in us:
            self.life[u] = (self.life[u][0] * 0.5, 0.0)
        clients = self.buyers(r.randint(5, 30), public_share=0.1)

        def act():
            qs = [r.uniform(0.2, 0.6) for _ in clients]
            everyone = self.people
            for u in us:
                for c, q in zip(clients, qs):
                    if r.random() < q:
                        self.follow(u, c)
                for v in self.popular(int(r.randint(5, 60) * self.a.camouflage)):
                    self.follow(u, v)
                for _ in range(r.randint(0, 30)):
                    self.follow(u, r.choice(everyone))
                if r.random() < 0.5:
                    lang = self.users[u]["lang"]
                    arts = self.articles.get(lang) or self.articles.get(self.langs[0], [])
                    client = r.choice(["dlvr.it", "IFTTT"])
                    for _ in range(poisson(r, self.a.days * r.uniform(0.2, 2.0))):
                        if arts:
                            t = r.choice(arts)
                            when = t["when"] + self.delay(120, 1.0)
                            if when < self.T:
                                self.post(u, when, f"{t['headline']} {t['urls'][0]}", urls=t["urls"], client=client)
        return act

    def churn_farm(self, k):
        r = self.r
        us = self.op_members(k, "farm", "follow-unfollow churn farm", lambda i: self.pick_lang(),
                             lambda i: START - timedelta(days=r.randint(30, 1100)))
        clients = self.buyers(r.randint(1, 2), public_share=0.0)
        spam = f"https://{self.voc(self.langs[0]).new(r)}.shop/"

        def act():
            cand = [u for u in range(len(self.users)) if self.users[u]["label"] in ("organic", "news", "fandom")]
            weights = [self.users[u]["rate"] + 0.05 for u in cand]
            pool = Pool(cand, weights)
            templates = [" ".join(self.voc(self.langs[0]).sample(r, r.randint(5, 9))) for _ in range(r.randint(3, 6))]
            for u in us:
                for v in pool.draw(r, min(len(cand) * 2 // 5, r.randint(800, 3000))):
                    if self.followback.get(v):
                        self.follow(u, v)
                    elif v not in self.public_set and r.random() < 0.12:
                        self.follow(u, v)
                        self.follow(v, u)
                    elif r.random() < 0.35:
                        self.follow(u, v)
                for c in clients:
                    self.follow(u, c)
                for v in us:
                    if v != u and r.random() < 0.15:
                        self.follow(u, v)
                client = r.choice(["Hootsuite Inc.", "Buffer", "Twitter Web App"])
                for _ in range(poisson(r, self.a.days * r.uniform(1, 6))):
                    when = self.at(u)
                    if when is not None:
                        url = spam + str(r.randrange(10 ** 6))
                        self.post(u, when, f"{r.choice(templates)} {url} #deal", ["deal"], [url], client=client)
        return act

    def botnet(self, k):
        r = self.r
        lang = self.pick_lang()
        seeds = [self.add("bot", "retweet botnet seeds", lang, self.old_date(), [r.choice(TOPICS[:2])],
                          r.uniform(1, 8)) for _ in range(r.randint(2, 6))]
        for s in seeds:
            self.life[s] = (1.0, 0.0)
            self.people.append(s)
        batches = [START - timedelta(days=r.randint(10, 730)) for _ in range(r.randint(4, 12))]
        us = self.op_members(k, "bot", "retweet botnet amplifiers",
                             lambda i: lang if r.random() < 0.8 else self.pick_lang(),
                             lambda i: r.choice(batches) + timedelta(days=r.randrange(3)))
        tags = [self.voc(lang).new(r) for _ in range(r.randint(2, 4))]

        def act():
            for u in us:
                for s in seeds:
                    if r.random() < 0.9:
                        self.follow(u, s)
                for _ in range(r.randint(0, 10)):
                    self.follow(u, r.choice(us))
            posts = []
            for s in seeds:
                for _ in range(poisson(r, self.a.days * self.users[s]["rate"])):
                    when = self.at(s)
                    if when is not None:
                        text, _ = self.text(lang, self.users[s]["ints"][0], r.randint(8, 16), 0)
                        tg = r.sample(tags, r.randint(1, len(tags)))
                        posts.append(self.post(s, when, text + " " + " ".join("#" + t for t in tg), tg))
            act_u = {u: r.uniform(0.5, 1.0) for u in us}
            for t in posts:
                f = r.uniform(0.15, 0.7)
                for u in us:
                    if r.random() < f * act_u[u]:
                        d = self.delay(1.5, 0.8) if r.random() < 0.55 else self.delay(45, 1.2)
                        self.retweet(u, t, t["when"] + d, client=r.choice(CLIENTS))
        return act

    def copypaste(self, k):
        r = self.r
        lang = self.pick_lang()
        burst = START - timedelta(days=r.randint(20, 400))
        us = self.op_members(k, "bot", "copy-paste ring", lambda i: lang,
                             lambda i: burst + timedelta(days=r.randrange(2)) if r.random() < 0.5 else self.old_date())
        tag = self.voc(lang).new(r)
        targets = self.celebs.items[:5]

        def act():
            for u in us:
                for _ in range(r.randint(0, 8)):
                    self.follow(u, r.choice(us))
            for _ in range(r.randint(6, 20)):
                t0 = r.randrange(self.T - 60)
                msg = self.text(lang, r.choice(TOPICS[:2]), r.randint(10, 22), 0)[0] + f" #{tag}"
                p = r.uniform(0.4, 0.9)
                for u in us:
                    if r.random() < p:
                        when = t0 + min(59, self.delay(4, 1.0))
                        if when < self.users[u]["lo"] or when >= self.T:
                            continue
                        x = r.random()
                        text, ment = msg, []
                        if 0.5 <= x < 0.8:
                            text = msg + " " + r.choice(EMOJI)
                        elif x >= 0.8:
                            m = r.choice(targets)
                            text, ment = "@" + self.users[m]["id"] + " " + msg, [m]
                        self.post(u, when, text, [tag], mentions=ment)
        return act

    def linkring(self, k):
        r = self.r
        lang = self.pick_lang()
        us = self.op_members(k, "linkring", "link-sharing ring", lambda i: lang, lambda i: self.old_date())
        v = self.voc(lang)
        domains = [f"https://{v.new(r)}{r.choice(['-news', 'times', 'post', '-daily', 'report'])}.com/"
                   for _ in range(r.randint(3, 6))]

        def act():
            for u in us:
                for w in us:
                    if w != u and r.random() < 0.3:
                        self.follow(u, w)
            for _ in range(r.randint(20, 70)):
                head = " ".join(v.sample(r, r.randint(6, 12)))
                url = r.choice(domains) + "-".join(head.split()[:4]) + f"-{r.randrange(10 ** 5)}"
                variants = [head, " ".join(v.sample(r, 3)) + " " + head,
                            " ".join(head.split()[1:]) + " " + r.choice(EMOJI)]
                t0 = r.randrange(self.T - 360)
                p = r.uniform(0.25, 0.6)
                shares = []
                for u in us:
                    if r.random() < p:
                        when = t0 + self.delay(60, 1.3)
                        if self.users[u]["lo"] <= when < self.T:
                            shares.append(self.post(u, when, r.choice(variants) + " " + url, urls=[url]))
                for u in us:
                    if shares and r.random() < 0.05:
                        t = r.choice(shares)
                        self.retweet(u, t, t["when"] + self.delay(30, 1.0))
        return act

    def hashtag_push(self, k):
        r = self.r
        lang = self.pick_lang()
        batches = [START - timedelta(days=r.randint(30, 60)) for _ in range(r.randint(2, 4))]
        us = []
        fresh = int(k * 0.6)
        us += self.op_members(fresh, "bot", "hashtag push", lambda i: lang,
                              lambda i: r.choice(batches) + timedelta(days=r.randrange(2)))
        aged = self.op_members(k - fresh, "bot", "hashtag push", lambda i: self.pick_lang(),
                               lambda i: self.old_date())
        for u in aged:
            self.life[u] = (r.uniform(0.3, 1.0), r.uniform(0.3, 1.0))
            self.people.append(u)
        us += aged
        v = self.voc(lang)
        slogans = [" ".join(v.sample(r, r.randint(3, 7))) for _ in range(30)]

        def act():
            for _ in range(r.randint(2, 4)):
                tag = v.new(r).capitalize() + v.new(r).capitalize()
                start = r.randrange(self.T - 200)
                width = r.randint(60, 180)
                leads = [self.post(u, start, r.choice(slogans) + f" #{tag}", [tag]) for u in r.sample(us, 3)]
                for u in us:
                    if r.random() >= r.uniform(0.5, 0.9):
                        continue
                    for _ in range(1 + poisson(r, 1.5)):
                        when = start + r.randrange(width)
                        if r.random() < 0.3:
                            self.retweet(u, r.choice(leads), when)
                        elif self.users[u]["lo"] <= when < self.T:
                            words = " ".join(v.sample(r, r.randint(0, 4)))
                            self.post(u, when, f"{r.choice(slogans)} {words} #{tag}".replace("  ", " "), [tag])
        return act


NEWCOMER_DAYS = 180


def everyday(usr):
    """Whether an account is one of the honest accounts that `followerless` and `newcomers` may choose: not a public
    figure, a buyer or a journalist."""
    return usr["label"] in ("organic", "fandom", "news") and usr["group"] not in (
        "public figures and media", "follower buyers", "journalists")


def followerless(users, follows, share, r, recent=frozenset()):
    """The follows without those into a share of the honest accounts other than public figures, buyers and
    journalists, chosen with `r` (twice the share for the `recent` accounts): accounts that nobody follows, as many
    real newcomers and lurkers are (the generator otherwise gives every honest account followers, so "followed by
    nobody" would mark operations only)."""
    chosen = {u for u, usr in enumerate(users)
              if everyday(usr) and r.random() < (min(1.0, 2 * share) if u in recent else share)}
    return [(f, t) for f, t in follows if t not in chosen]


def newcomers(users, share, r):
    """Re-dates a share of the honest accounts `everyday` names, chosen with `r` among those created before these days
    (a sign-up wave keeps its own), to a day drawn uniformly over the NEWCOMER_DAYS before the window, and returns
    them. The generator otherwise draws honest sign-ups from whole years up to 2020 only, so the weeks in which the
    operations register their batches hold none; real sign-ups go on up to the capture, at the growth curve's rate
    (`YEARS`: about 4 % of the accounts in half a year). Posts and follows are unchanged: every post lies in the
    window, after any such date."""
    since = START - timedelta(days=NEWCOMER_DAYS + 1)
    chosen = [u for u, usr in enumerate(users) if everyday(usr) and usr["created"] < since and r.random() < share]
    for u in chosen:
        users[u]["created"] = START - timedelta(days=1 + r.randrange(NEWCOMER_DAYS), minutes=r.randrange(1440))
    return frozenset(chosen)


def main():
    p = infoops_archive.command_line(__doc__, 1, OPTIONS)
    a = p.parse_args()
    if a.accounts < 1000:
        p.error("--accounts must be at least 1000")
    for name in ("homophily", "reciprocity", "lurkers", "camouflage", "followerless", "newcomers"):
        if not 0 <= getattr(a, name) <= 1:
            p.error(f"--{name} must be in [0, 1], got {getattr(a, name)}")
    if not 1 <= a.languages <= len(LANGS):
        p.error(f"--languages must be in [1, {len(LANGS)}], got {a.languages}")
    if a.days < 7 or a.follows_median <= 0 or a.op_scale < 0 or a.popularity_exponent <= 0:
        p.error("--days must be at least 7; --follows-median, --op-scale and --popularity-exponent positive")
    for name, known in (("ops", OPS), ("crowds", CROWDS)):
        value = getattr(a, name)
        for item in [] if value in ("all", "none") else value.split(","):
            if item not in known:
                p.error(f"--{name}: unknown {item!r} (known: all, none, {', '.join(known)})")
    g = Platform(a)
    g.build()
    follows = [(e >> 20, e & 0xFFFFF) for e in sorted(g.F)]
    recent = newcomers(g.users, a.newcomers, random.Random(a.seed * 7919 + 2)) if a.newcomers > 0 else frozenset()
    if a.followerless > 0:
        follows = followerless(g.users, follows, a.followerless, random.Random(a.seed * 7919 + 1), recent)
    infoops_archive.write(a.out, g.users, follows, g.tweets,
                          lambda t: START + timedelta(minutes=t["when"]), lambda t: t["tags"],
                          lambda t: [g.users[v]["id"] for v in t["mentions"]])


if __name__ == "__main__":
    main()
