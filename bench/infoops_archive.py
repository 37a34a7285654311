"""The plumbing the independent archive generators share (bench/independent_archive.py, _2 and _3).

Each generator models the platform its own way; this module holds no model. It reads a generator's command line
(`command_line`: --out, --seed and the generator's own options, from the table of their defaults that `knobs` reads
from the generator's `.knobs.json` file) and, for _2 and _3, lays out what they built in the files `lockstep evaluate
--archive DIR` reads (`write`): users.csv and tweets.csv in the information-operations columns (times to the minute,
as in the published archives), follows.csv (follower_userid,followee_userid) and truth.csv (account_id,label,group).
For _2 and _3 it also holds the driver (`run`: command line, model, its steps in order, files) and the posting loop
of a link ring (`ring_rounds`), each model giving its own steps and constants.
Python's standard library only, so that bench/independent_archive.py keeps needing nothing else.
"""
import argparse
import csv
import json
import os

USER_COLUMNS = ["userid", "user_display_name", "user_screen_name", "user_reported_location",
                "user_profile_description", "user_profile_url", "follower_count", "following_count",
                "account_creation_date", "account_language"]
TWEET_COLUMNS = ("tweetid,userid,user_display_name,user_screen_name,user_reported_location,"
                 "user_profile_description,user_profile_url,follower_count,following_count,"
                 "account_creation_date,account_language,tweet_language,tweet_text,tweet_time,"
                 "tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,"
                 "retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,"
                 "retweet_count,hashtags,urls,user_mentions").split(",")


def command_line(doc, seed, options):
    """The parser of a generator's command line: --out DIR (required), --seed S (default `seed`), then `options`.

    doc: the generator's docstring (its first line describes the command); options: rows (name, default) or
    (name, default, help), in the order --help lists them; an option's value has its default's type (int, float or
    str), so a knob that takes fractions has a float default. Returns the parser, for parse_args and error.
    """
    p = argparse.ArgumentParser(description=doc.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=seed)
    for name, default, *help_text in options:
        p.add_argument(name, type=type(default), default=default, help=help_text[0] if help_text else None)
    return p


def knobs(generator):
    """The rows `command_line` takes for a generator's own options, read from the JSON table beside the generator.

    generator: the generator's path (its `__file__`); the table is that path with `.knobs.json` for `.py`, a list of
    objects {"name": "--farm", "default": 250} with an optional "help", in the order --help lists them. The knobs are
    data about the generator's model (how many accounts of each kind, the shapes of its distributions), kept apart
    from the code that draws the model. A default is an int, a float (a JSON number with a fraction part, `40.0`) or
    a string, and gives the option's type; a row of another form is refused, naming the file and the row.
    """
    path = os.path.splitext(generator)[0] + ".knobs.json"
    with open(path, encoding="utf-8") as fh:
        rows = json.load(fh)
    table = []
    for i, row in enumerate(rows, 1):
        if (not isinstance(row, dict) or not {"name", "default"} <= row.keys() <= {"name", "default", "help"}
                or type(row["default"]) not in (int, float, str)):
            raise ValueError(f"{path}: row {i} must be {{\"name\", \"default\" (int, float or string)[, \"help\"]}}, "
                             f"got {row!r}")
        table.append((row["name"], row["default"]) + ((row["help"],) if "help" in row else ()))
    return table


def run(doc, generator, model, steps):
    """The driver of a generator: reads its command line (--out, --seed 1 and its knobs), builds `model(args)`,
    applies `steps` to it in order (each a function of the model) and writes the archive to --out (`model.write`)."""
    a = command_line(doc, 1, knobs(generator)).parse_args()
    m = model(a)
    for step in steps:
        step(m)
    m.write(a.out)


def ring_rounds(rng, members, rounds, when, url, headline, more_words, share, plain, spread, post):
    """The posting rounds of a link ring: the same article posted by most members within minutes.

    For each of `rounds` rounds: a time `when()`, a link `url(round)` and a headline `headline()`; each member posts
    with probability `share`: the headline as it is with probability `plain`, else with " " + `more_words()` after
    it, then " " and the link, at the round's time plus up to `spread` seconds: `post(member, time, text, link)`.
    The constants are the model's; the random draws come from `rng`, `when`, `url`, `headline` and `more_words` in
    that order, so that a generator's archive depends on its seed alone.
    """
    for j in range(rounds):
        at = when()
        link = url(j)
        head = headline()
        for m in members:
            if rng.random() < share:
                extra = "" if rng.random() < plain else " " + more_words()
                post(m, at + rng.uniform(0, spread), head + extra + " " + link, link)


def cell(xs):
    """A list cell as the archives write it: "[a, b]", empty when there is nothing."""
    return "[" + ", ".join(xs) + "]" if xs else ""


def write(out, users, follows, tweets, time_of, hashtags_of, mentions_of):
    """Writes the four files to `out`.

    users: dicts with id, created (datetime), lang, label, group; follows: (follower, followee) index pairs; tweets:
    dicts with u (author index), tid, lang, text, client, urls, and rt / reply / quote (None or a tweet dict), sorted
    here in place by (when, tid); time_of(tweet) gives its datetime, hashtags_of(tweet) its hashtags,
    mentions_of(tweet) the ids it mentions. Follower and following counts are those of `follows`.
    """
    os.makedirs(out, exist_ok=True)
    n = len(users)
    indeg = [0] * n
    outdeg = [0] * n
    for f, t in follows:
        indeg[t] += 1
        outdeg[f] += 1
    ids = [usr["id"] for usr in users]
    with open(os.path.join(out, "users.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(USER_COLUMNS)
        for u, usr in enumerate(users):
            w.writerow([ids[u], ids[u], ids[u], "", "", "", indeg[u], outdeg[u],
                        usr["created"].strftime("%Y-%m-%d"), usr["lang"]])
    with open(os.path.join(out, "truth.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["account_id", "label", "group"])
        for u, usr in enumerate(users):
            w.writerow([ids[u], usr["label"], usr["group"]])
    with open(os.path.join(out, "follows.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["follower_userid", "followee_userid"])
        for f, t in sorted(follows):
            w.writerow([ids[f], ids[t]])
    tweets.sort(key=lambda r: (r["when"], r["tid"]))
    with open(os.path.join(out, "tweets.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(TWEET_COLUMNS)
        for r in tweets:
            u = r["u"]
            usr = users[u]
            rt, rp, q = r["rt"], r["reply"], r["quote"]
            w.writerow([r["tid"], ids[u], ids[u], ids[u], "", "", "", indeg[u], outdeg[u],
                        usr["created"].strftime("%Y-%m-%d"), usr["lang"], r["lang"], r["text"],
                        time_of(r).strftime("%Y-%m-%d %H:%M"), r["client"],
                        ids[rp["u"]] if rp else "", rp["tid"] if rp else "", q["tid"] if q else "",
                        "True" if rt else "False", ids[rt["u"]] if rt else "", rt["tid"] if rt else "",
                        "absent", "absent", 0, 0, 0, 0, cell(hashtags_of(r)), cell(r["urls"]),
                        cell(mentions_of(r))])
    groups = {}
    for usr in users:
        groups[usr["group"]] = groups.get(usr["group"], 0) + 1
    print(f"wrote {out}: {n} accounts, {len(tweets)} posts, {len(follows)} follows; groups {groups}")
