package io.lockstep.store.load.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic information-operations tweets CSV with the real column layout: {@code posts} rows by
 * {@code posts / 20} accounts, 40% retweets of earlier posts (some of originals outside the file, which become
 * placeholders), 10% replies, 0–3 hashtags from a skewed pool of 5,000, a URL in 20% of posts, a mention in 30%.
 * Deterministic for a seed; ids continue from {@code firstId} so that a second file adds new posts.
 */
public final class ArchiveGenerator {
    static final String[] HEADER = ("tweetid,userid,user_display_name,user_screen_name,user_reported_location,"
            + "user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,"
            + "account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,"
            + "in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,"
            + "longitude,quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions").split(",");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ArchiveGenerator() {
    }

    public static void write(Path file, long seed, int posts, long firstId) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int accounts = Math.max(10, posts / 20);
        LocalDateTime t0 = LocalDateTime.of(2017, 1, 1, 0, 0);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord((Object[]) HEADER);
            List<Object> row = new ArrayList<>(HEADER.length);
            for (int i = 0; i < posts; i++) {
                long id = firstId + i;
                int user = skewed(rnd, accounts);
                row.clear();
                row.add(id);
                row.add(userId(user));
                row.add("User " + user);
                row.add("user" + user);
                row.add(user % 7 == 0 ? "Paris" : "");
                row.add("bio of " + user);
                row.add("");
                row.add(100 + user % 5000);
                row.add(50 + user % 700);
                row.add("2016-0" + (1 + user % 9) + "-1" + (user % 10));
                row.add("en");
                row.add("en");
                double kind = rnd.nextDouble();
                boolean retweet = kind < 0.4 && i > 0;
                boolean reply = !retweet && kind < 0.5 && i > 0;
                long ref = i > 0 ? firstId + rnd.nextInt(i) : -1;
                if (retweet && rnd.nextInt(10) == 0) {
                    ref = 9_000_000_000L + rnd.nextInt(Math.max(1, posts / 10)); // an original outside the file
                }
                List<String> tags = new ArrayList<>();
                int nTags = rnd.nextInt(4);
                for (int k = 0; k < nTags; k++) {
                    tags.add("Tag" + skewed(rnd, 5000));
                }
                String url = rnd.nextInt(5) == 0 ? "https://www.site" + rnd.nextInt(2000) + ".example/a/"
                        + rnd.nextInt(10_000) + "?utm_source=tw" : null;
                String mention = rnd.nextInt(10) < 3 ? userId(skewed(rnd, accounts)) : null;
                row.add((retweet ? "RT @x: " : "") + "post " + id + " " + String.join(" #", tags));
                row.add(t0.plusMinutes(i / 3).format(MINUTE));
                row.add("Twitter Web Client");
                row.add(reply ? userId(skewed(rnd, accounts)) : "");
                row.add(reply ? ref : "");
                row.add("");
                row.add(retweet ? "True" : "False");
                row.add(retweet ? userId(skewed(rnd, accounts)) : "");
                row.add(retweet ? ref : "");
                row.add("");
                row.add("");
                row.add(0);
                row.add(0);
                row.add(rnd.nextInt(50));
                row.add(rnd.nextInt(50));
                row.add("[" + String.join(", ", tags) + "]");
                row.add(url == null ? "[]" : "[" + url + "]");
                row.add(mention == null ? "[]" : "[" + mention + "]");
                p.printRecord(row);
            }
        }
    }

    /**
     * Writes a follower graph as a SNAP edge list ({@code twitter_combined.txt} style: a {@code #} comment, then
     * {@code follower followee} per line): {@code edges} follows among {@code accounts} accounts, followers uniform,
     * followees skewed (a few accounts followed by many). Duplicate edges occur, as in real crawls.
     */
    public static void writeFollows(Path file, long seed, int accounts, long edges) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("# Directed graph: follower followee\n");
            StringBuilder line = new StringBuilder(32);
            for (long i = 0; i < edges; i++) {
                line.setLength(0);
                line.append(10_000_000L + rnd.nextInt(accounts)).append(' ')
                        .append(10_000_000L + skewed(rnd, accounts)).append('\n');
                w.append(line);
            }
        }
    }

    /** A skewed pick in [0, n): small values are much more frequent (a cheap power-law stand-in). */
    static int skewed(SplittableRandom rnd, int n) {
        double u = rnd.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    static String userId(int user) {
        // large accounts have numeric ids, small ones anonymised hashes (as in the real archives)
        return user < 1000 ? Long.toString(700_000_000L + user) : Integer.toHexString(user * 2654435761L > 0
                ? (int) (user * 2654435761L) : user) + "f" + user;
    }
}
