"""CooRTweet's layout (object_id, account_id, content_id, timestamp_share) to an information-operations tweets
file, one retweet a row: tweetid = content_id, userid = account_id, tweet_time = timestamp_share in UTC to the
second, is_retweet = True, retweet_tweetid = object_id (the retweeted author is unknown: empty)."""
import csv
import datetime
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8", newline="") as f, open(dst, "w", encoding="utf-8", newline="") as o:
    w = csv.writer(o)
    w.writerow(["tweetid", "userid", "tweet_time", "is_retweet", "retweet_tweetid", "retweet_userid"])
    for row in csv.DictReader(f):
        t = datetime.datetime.fromtimestamp(int(row["timestamp_share"]), datetime.timezone.utc)
        w.writerow([row["content_id"], row["account_id"], t.strftime("%Y-%m-%d %H:%M:%S"), "True",
                    row["object_id"], ""])
