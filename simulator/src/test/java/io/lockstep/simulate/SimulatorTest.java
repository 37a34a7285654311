package io.lockstep.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockstep.progress.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest {
    static final String[] FILES = {"tweets.csv", "users.csv", "follows.csv", "tweets-twarc2.csv", "tweets.jsonl",
            "truth.csv"};

    @TempDir
    static Path dir;
    static Path out;
    static SimulationSummary summary;
    static ScenarioConfig config;
    /** truth by numeric id and by archive id. */
    static Map<String, String> groupByNumeric = new HashMap<>();
    static Map<String, String> groupByIoId = new HashMap<>();
    /** twarc2 rows: id -> [epoch seconds, author numeric id]. */
    static Map<String, long[]> postTime = new HashMap<>();
    /** The twarc2 rows, read once. */
    static List<Row> rows = new ArrayList<>();

    record Row(String id, String author, long time, String retweeted, String hashtags) {
    }

    @BeforeAll
    static void simulate() throws IOException {
        config = ScenarioConfig.preset("mixed", 5000, 7, 7L);
        out = dir.resolve("mixed");
        summary = new Simulator(config).write(out, ProgressListener.NONE);
        each(out.resolve("truth.csv"), r -> {
            groupByNumeric.put(r.get("twitter_id"), r.get("group"));
            groupByIoId.put(r.get("account_id"), r.get("group"));
        });
        each(out.resolve("tweets-twarc2.csv"), r -> {
            long t = Instant.parse(r.get("created_at")).getEpochSecond();
            postTime.put(r.get("id"), new long[] {t, Long.parseLong(r.get("author_id"))});
            rows.add(new Row(r.get("id"), r.get("author_id"), t, r.get("referenced_tweets.retweeted.id"),
                    r.get("entities.hashtags")));
        });
    }

    static void each(Path file, Consumer<CSVRecord> action) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, f)) {
            for (CSVRecord r : p) {
                action.accept(r);
            }
        }
    }

    static List<String> header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Arrays.asList(in.readLine().split(","));
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    }

    static double median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot() throws Exception {
        ScenarioConfig small = ScenarioConfig.preset("mixed", 1000, 2, 11L);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        new Simulator(small).write(a, ProgressListener.NONE);
        new Simulator(small).write(b, ProgressListener.NONE);
        new Simulator(small.withSeed(12L)).write(c, ProgressListener.NONE);
        for (String f : FILES) {
            assertThat(sha256(b.resolve(f))).as(f).isEqualTo(sha256(a.resolve(f)));
            assertThat(Files.size(a.resolve(f))).as(f).isGreaterThan(100);
        }
        assertThat(sha256(c.resolve("tweets.csv"))).isNotEqualTo(sha256(a.resolve("tweets.csv")));
    }

    @Test
    void writesTheArchiveFormatsWithTheExpectedColumns() throws IOException {
        assertThat(header(out.resolve("tweets.csv"))).containsExactly(ArchiveWriter.TWEET_COLUMNS);
        assertThat(header(out.resolve("tweets.csv"))).hasSize(30).startsWith("tweetid", "userid")
                .endsWith("hashtags", "urls", "user_mentions");
        assertThat(header(out.resolve("users.csv"))).containsExactly("userid", "user_display_name",
                "user_screen_name", "user_reported_location", "user_profile_description", "user_profile_url",
                "follower_count", "following_count", "account_creation_date", "account_language");
        assertThat(header(out.resolve("follows.csv"))).containsExactly("follower_userid", "followee_userid");
        assertThat(header(out.resolve("truth.csv"))).containsExactly("account_id", "label", "group", "twitter_id");
        assertThat(header(out.resolve("tweets-twarc2.csv"))).contains("id", "conversation_id",
                "referenced_tweets.retweeted.id", "referenced_tweets.quoted.id", "referenced_tweets.replied_to.id",
                "author_id", "in_reply_to_user_id", "retweeted_user_id", "created_at", "text", "lang",
                "entities.hashtags", "entities.urls", "entities.mentions", "author.username", "author.name",
                "author.created_at", "author.public_metrics.followers_count");

        long[] counts = new long[3];
        Set<String> isRetweet = new HashSet<>();
        each(out.resolve("tweets.csv"), r -> {
            counts[0]++;
            isRetweet.add(r.get("is_retweet"));
            assertThat(r.get("tweet_time")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
            assertThat(r.get("account_creation_date")).matches("\\d{4}-\\d\\d-\\d\\d");
            String tags = r.get("hashtags");
            assertThat(tags.isEmpty() || tags.matches("\\[[a-z]+(, [a-z]+)*]")).as(tags).isTrue();
            int followers = Integer.parseInt(r.get("follower_count"));
            if (followers < 5000) {
                // Anonymised as in the real archives: Base64 SHA-256, also in place of the names.
                assertThat(r.get("userid")).hasSize(44).endsWith("=")
                        .isEqualTo(r.get("user_screen_name")).isEqualTo(r.get("user_display_name"));
            } else {
                assertThat(r.get("userid")).matches("\\d+");
            }
            if (r.get("is_retweet").equals("True")) {
                assertThat(r.get("tweet_text")).startsWith("RT @");
                assertThat(postTime).containsKey(r.get("retweet_tweetid"));
                assertThat(groupByIoId).containsKey(r.get("retweet_userid"));
            }
        });
        assertThat(isRetweet).containsExactlyInAnyOrder("True", "False");
        counts[1] = rows.size();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(out.resolve("tweets.jsonl"))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode t = json.readTree(line);
                counts[2]++;
                long[] v = postTime.get(t.get("id_str").asText());
                assertThat(v).isNotNull();
                assertThat(t.get("user").get("id").asLong()).isEqualTo(v[1]);
                if (t.has("retweeted_status")) {
                    assertThat(t.get("text").asText()).startsWith("RT @");
                    assertThat(postTime).containsKey(t.get("retweeted_status").get("id_str").asText());
                }
            }
        }
        assertThat(counts).containsOnly(summary.posts());
        assertThat(summary.posts()).isBetween(40_000L, 120_000L);
        assertThat(summary.postsByKind().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(summary.posts());
    }

    @Test
    void plantsTheConfiguredGroups() {
        assertThat(summary.accountsByGroup()).containsEntry("botnet-1", 25).containsEntry("botnet-2", 25)
                .containsEntry("farm-1", 33).containsEntry("linkring-1", 10).containsEntry("fandom-1", 50)
                .containsEntry("news-1", 62).containsEntry("organic", 5000 - 25 - 25 - 33 - 10 - 50 - 62);
        Map<String, Integer> counted = new HashMap<>();
        groupByIoId.values().forEach(g -> counted.merge(g, 1, Integer::sum));
        assertThat(counted).isEqualTo(summary.accountsByGroup());
    }

    /** Retweet delays by (retweeter group, original author group). */
    static List<Long> retweetDelays(String retweeterPrefix, String originalPrefix) {
        List<Long> delays = new ArrayList<>();
        for (Row r : rows) {
            if (r.retweeted().isEmpty()) {
                continue;
            }
            String g = groupByNumeric.get(r.author());
            long[] o = postTime.get(r.retweeted());
            String og = groupByNumeric.get(Long.toString(o[1]));
            if (g.startsWith(retweeterPrefix) && og.startsWith(originalPrefix)) {
                delays.add(r.time() - o[0]);
            }
        }
        return delays;
    }

    @Test
    void botsRetweetTheirSeedsWithinSecondsWhileOrganicRetweetsAreSlowerButSometimesFast() throws IOException {
        List<Long> bots = retweetDelays("botnet-1", "botnet-1");
        assertThat(bots.size()).isGreaterThan(100);
        assertThat(median(bots)).isBetween(15.0, 90.0);
        assertThat(bots.stream().filter(d -> d <= 300).count()).isGreaterThan(bots.size() * 9L / 10);

        List<Long> organic = retweetDelays("organic", "organic");
        assertThat(organic.size()).isGreaterThan(5000);
        assertThat(median(organic)).isBetween(400.0, 3000.0);
        double fast = organic.stream().filter(d -> d < 60).count() / (double) organic.size();
        assertThat(fast).as("organic retweets under a minute").isBetween(0.03, 0.25);

        // Camouflage: bots also retweet organic content, at organic-like delays.
        List<Long> camouflage = retweetDelays("botnet-1", "organic");
        assertThat(camouflage.size()).isGreaterThan(bots.size() / 5);
        assertThat(median(camouflage)).isGreaterThan(300.0);
    }

    @Test
    void fansRetweetTheirIdolsFastAndDensely() throws IOException {
        Map<String, Integer> perFan = new HashMap<>();
        List<Long> delays = new ArrayList<>();
        for (Row r : rows) {
            if (r.retweeted().isEmpty() || !groupByNumeric.get(r.author()).equals("fandom-1")) {
                continue;
            }
            long[] o = postTime.get(r.retweeted());
            if (groupByNumeric.get(Long.toString(o[1])).equals("organic")) {
                delays.add(r.time() - o[0]);
                perFan.merge(r.author(), 1, Integer::sum);
            }
        }
        assertThat(perFan.size()).isGreaterThanOrEqualTo(45);
        assertThat(median(delays)).isLessThan(600.0);
        assertThat(delays.size()).isGreaterThan(50 * 5);
    }

    @Test
    void botsAndFarmsAreCreatedInBurstsWhileTheLinkRingIsEstablished() throws IOException {
        Map<String, long[]> span = new HashMap<>();
        each(out.resolve("users.csv"), r -> {
            long day = LocalDate.parse(r.get("account_creation_date")).toEpochDay();
            long[] s = span.computeIfAbsent(groupByIoId.get(r.get("userid")),
                    g -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            s[0] = Math.min(s[0], day);
            s[1] = Math.max(s[1], day);
        });
        assertThat(span.get("botnet-1")[1] - span.get("botnet-1")[0]).isLessThanOrEqualTo(2);
        assertThat(span.get("botnet-2")[1] - span.get("botnet-2")[0]).isLessThanOrEqualTo(2);
        assertThat(span.get("farm-1")[1] - span.get("farm-1")[0]).isLessThanOrEqualTo(1);
        assertThat(span.get("organic")[1] - span.get("organic")[0]).isGreaterThan(5 * 365);
        long start = LocalDate.of(2019, 3, 1).toEpochDay();
        assertThat(span.get("linkring-1")[1]).isLessThanOrEqualTo(start - 3 * 365);
    }

    @Test
    void farmMembersShareTheClientAndOverlapInTheirTargets() throws IOException {
        Map<String, Set<String>> followees = new HashMap<>();
        each(out.resolve("follows.csv"), r -> followees.computeIfAbsent(r.get("follower_userid"),
                k -> new HashSet<>()).add(r.get("followee_userid")));
        List<String> farm = new ArrayList<>();
        List<String> organic = new ArrayList<>();
        groupByIoId.forEach((id, g) -> {
            if (g.equals("farm-1")) {
                farm.add(id);
            } else if (g.equals("organic") && followees.containsKey(id)) {
                organic.add(id);
            }
        });
        farm.sort(null);
        organic.sort(null);
        Set<String> common = new HashSet<>(followees.get(farm.get(0)));
        farm.forEach(f -> common.retainAll(followees.get(f)));
        assertThat(common).as("the client").hasSize(1);
        assertThat(groupByIoId.get(common.iterator().next())).isEqualTo("organic");

        double farmJaccard = 0;
        int pairs = 0;
        for (int i = 0; i < farm.size(); i++) {
            for (int j = i + 1; j < farm.size(); j++) {
                farmJaccard += jaccard(followees.get(farm.get(i)), followees.get(farm.get(j)));
                pairs++;
            }
        }
        farmJaccard /= pairs;
        SplittableRandom rng = new SplittableRandom(1);
        double organicJaccard = 0;
        for (int k = 0; k < 2000; k++) {
            organicJaccard += jaccard(followees.get(organic.get(rng.nextInt(organic.size()))),
                    followees.get(organic.get(rng.nextInt(organic.size()))));
        }
        organicJaccard /= 2000;
        assertThat(farmJaccard).isGreaterThan(0.12);
        assertThat(organicJaccard).isLessThan(0.05);
        assertThat(farmJaccard).isGreaterThan(5 * organicJaccard);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        return inter.size() / (double) (a.size() + b.size() - inter.size());
    }

    @Test
    void theNewsBurstPutsManyAccountsOnOneHashtagWithinAnHour() throws IOException {
        Map<String, Set<String>> accountsByTag = new HashMap<>();
        Map<String, List<Long>> timesByTag = new HashMap<>();
        for (Row r : rows) {
            if (!groupByNumeric.get(r.author()).equals("news-1") || r.hashtags().isEmpty()) {
                continue;
            }
            for (String part : r.hashtags().split("\"tag\": \"")) {
                if (!part.startsWith("[")) {
                    String tag = part.substring(0, part.indexOf('"'));
                    accountsByTag.computeIfAbsent(tag, k -> new HashSet<>()).add(r.author());
                    timesByTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(r.time());
                }
            }
        }
        String top = accountsByTag.entrySet().stream().max(Map.Entry.comparingByValue(
                (x, y) -> Integer.compare(x.size(), y.size()))).orElseThrow().getKey();
        assertThat(accountsByTag.get(top).size()).isGreaterThanOrEqualTo(62 * 9 / 10);
        List<Long> times = timesByTag.get(top);
        times.sort(null);
        long first = times.get(0);
        long withinHour = times.stream().filter(t -> t - first <= 3600).count();
        assertThat(withinHour).isGreaterThan(times.size() / 2);
    }
}
