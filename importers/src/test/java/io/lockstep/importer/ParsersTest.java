package io.lockstep.importer;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each format's parser on samples of its real layout, its rejects and its quirks. */
public class ParsersTest {

    /** A sample file of the importers' test resources ({@code /samples/NAME}); the store's tests load them too. */
    public static Path sample(String name) {
        try {
            return Path.of(ParsersTest.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void detectsEachSampleFormat() throws IOException {
        assertThat(FormatDetector.formatOf(sample("infoops_tweets.csv"))).isEqualTo(Format.INFO_OPS_TWEETS);
        assertThat(FormatDetector.formatOf(sample("infoops_users.csv"))).isEqualTo(Format.INFO_OPS_USERS);
        assertThat(FormatDetector.formatOf(sample("twarc.csv"))).isEqualTo(Format.TWARC_CSV);
        assertThat(FormatDetector.formatOf(sample("twarc_minimal.csv"))).isEqualTo(Format.TWARC_CSV);
        assertThat(FormatDetector.formatOf(sample("v1_statuses.jsonl"))).isEqualTo(Format.TWITTER_JSON);
        assertThat(FormatDetector.formatOf(sample("v2_responses.jsonl"))).isEqualTo(Format.TWITTER_JSON);
        assertThat(FormatDetector.formatOf(sample("followers.csv"))).isEqualTo(Format.FOLLOWER_CSV);
        assertThat(FormatDetector.formatOf(sample("snap_edges.txt"))).isEqualTo(Format.SNAP_EDGES);
        assertThat(FormatDetector.formatOf(sample("edges.csv"))).isEqualTo(Format.GENERIC_EDGES);
    }

    @Test
    void followerHeadersAndPlainSourceTargetAreFollowerCsv() {
        assertThat(FormatDetector.fromHeader("follower,followee", "f.csv", false)).isEqualTo(Format.FOLLOWER_CSV);
        assertThat(FormatDetector.fromHeader("source,target", "f.csv", false)).isEqualTo(Format.FOLLOWER_CSV);
        assertThat(FormatDetector.fromHeader("source,target,weight", "f.csv", false)).isEqualTo(Format.GENERIC_EDGES);
        assertThat(FormatDetector.fromHeader("12 34", "edges.txt", false)).isEqualTo(Format.SNAP_EDGES);
    }

    @Test
    void unknownFormatNamesTheFormatsAndTheHeaderFound(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("mystery.csv"), "name,colour,size\nx,red,3\n");
        assertThatThrownBy(() -> FormatDetector.formatOf(f))
                .isInstanceOf(UnknownFormatException.class)
                .hasMessageContaining("header found: 'name,colour,size'")
                .hasMessageContaining("infoops-tweets")
                .hasMessageContaining("twarc-csv")
                .hasMessageContaining("snap");
    }

    @Test
    void infoOpsTweetsWithBomCrlfQuotedNewlinesLongFieldsAndEmoji() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.INFO_OPS_TWEETS, sample("infoops_tweets.csv"));
        assertThat(s.rejects).isEmpty();
        assertThat(s.records).isEqualTo(5);
        assertThat(s.posts).hasSize(5);
        PostRow first = s.post("860542457391583232");
        assertThat(first.authorId()).isEqualTo("2882331822");
        assertThat(first.time()).isEqualTo(1494008580L); // 2017-05-05T18:23:00Z
        assertThat(first.kind()).isEqualTo(PostKind.TWEET);
        assertThat(first.text()).isEqualTo("Les #MacronLeaks sont là 😱 https://t.co/abc");
        assertThat(first.hashtags()).containsExactly("macronleaks", "macron");
        assertThat(first.urls()).containsExactly("https://example.com/leaks?id=7");
        assertThat(first.likeCount()).isEqualTo(12);
        PostRow rt = s.post("860542999999999999");
        assertThat(rt.kind()).isEqualTo(PostKind.RETWEET);
        assertThat(rt.retweetOf()).isEqualTo("860542457391583232");
        assertThat(rt.retweetAuthor()).isEqualTo("2882331822");
        assertThat(rt.authorId()).hasSize(64); // anonymised hash ids are kept as strings
        assertThat(rt.mentions()).containsExactly("2882331822");
        PostRow reply = s.post("860543000000000002");
        assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
        assertThat(reply.text()).isEqualTo("Réponse\nsur deux lignes, avec \"guillemets\"");
        assertThat(reply.hashtags()).containsExactly("macron");
        PostRow quote = s.post("860543000000000003");
        assertThat(quote.kind()).isEqualTo(PostKind.QUOTE);
        assertThat(quote.text()).hasSize(6 + 20000);
        assertThat(quote.hashtags()).containsExactly("élection2017");
        AccountRow jd = s.accounts.get(0);
        assertThat(jd.displayName()).isEqualTo("Jérôme Dupont");
        assertThat(jd.description()).isEqualTo("Patriote 🇫🇷");
        assertThat(jd.followersCount()).isEqualTo(1520);
        assertThat(jd.createdAt()).isEqualTo(1416441600L); // 2014-11-20
    }

    @Test
    void malformedInfoOpsRowsAreRejectedWithLineAndReason() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.INFO_OPS_TWEETS, sample("infoops_tweets_dirty.csv"));
        assertThat(s.posts).extracting(PostRow::id).containsExactly("1001", "1005");
        assertThat(s.rejects).containsExactly(
                "3: expected 30 columns, found 4",
                "4: empty tweetid",
                "5: unparseable tweet_time 'yesterday at noon'");
        assertThat(s.records).isEqualTo(5);
    }

    @Test
    void infoOpsUsers() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.INFO_OPS_USERS, sample("infoops_users.csv"));
        assertThat(s.accounts).extracting(AccountRow::id).containsExactly("2882331822", "99999", "55555");
        assertThat(s.accounts.get(2).description()).isEqualTo("bio with, comma");
        assertThat(s.accounts.get(1).followersCount()).isEqualTo(100000);
        assertThat(s.accounts.get(1).location()).isNull();
    }

    @Test
    void twarcCsvReadsColumnsByNameAndRejectsBrokenEntityJson() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.TWARC_CSV, sample("twarc.csv"));
        assertThat(s.rejects).containsExactly("5: bad JSON in entities.hashtags");
        PostRow hello = s.post("1480000000000000001");
        assertThat(hello.time()).isEqualTo(1641722400L); // 2022-01-09T10:00:00Z
        assertThat(hello.hashtags()).containsExactly("vaccine");
        assertThat(hello.urls()).containsExactly("https://news.example/story");
        assertThat(hello.likeCount()).isEqualTo(5);
        PostRow rt = s.post("1480000000000000002");
        assertThat(rt.retweetOf()).isEqualTo("1480000000000000001");
        assertThat(rt.retweetAuthor()).isEqualTo("111");
        assertThat(rt.mentions()).containsExactly("111");
        PostRow reply = s.post("1480000000000000003");
        assertThat(reply.replyTo()).isEqualTo("1470000000000000000");
        assertThat(reply.replyAuthor()).isEqualTo("444");
        assertThat(s.accounts.get(0).screenName()).isEqualTo("alice");
        assertThat(s.accounts.get(0).createdAt()).isEqualTo(1330837567L);

        CollectingSink minimal = CollectingSink.parse(Format.TWARC_CSV, sample("twarc_minimal.csv"));
        assertThat(minimal.rejects).isEmpty();
        assertThat(minimal.post("9001").authorId()).isEqualTo("77");
    }

    @Test
    void v1StatusesIncludeTheirRetweetedOriginalAndExtendedText() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.TWITTER_JSON, sample("v1_statuses.jsonl"));
        assertThat(s.rejects).containsExactly(
                "4: broken JSON line: Unexpected end-of-input: was expecting closing quote for a string value");
        assertThat(s.records).isEqualTo(4); // the blank line is not a record
        assertThat(s.posts).extracting(PostRow::id).containsExactly("1050118621198921728",
                "1050118621198921728", "1050128621198921729", "1050300000000000000");
        PostRow orig = s.post("1050118621198921728");
        assertThat(orig.time()).isEqualTo(1539202764L); // Wed Oct 10 20:19:24 +0000 2018
        assertThat(orig.client()).isEqualTo("Twitter Web Client");
        assertThat(orig.urls()).containsExactly(
                "https://blog.twitter.com/en_us/topics/product/2017/tweetingmadeeasier.html");
        PostRow rt = s.post("1050128621198921729");
        assertThat(rt.retweetOf()).isEqualTo("1050118621198921728");
        assertThat(rt.retweetAuthor()).isEqualTo("6253282");
        PostRow ext = s.post("1050300000000000000");
        assertThat(ext.text()).isEqualTo("A long one with #Extended #twitter tags and ünïcödé ✨");
        assertThat(ext.hashtags()).containsExactly("extended", "twitter");
        assertThat(ext.replyTo()).isEqualTo("1050118621198921728");
    }

    @Test
    void v2ResponsesAndFlattenedTweets() throws IOException {
        CollectingSink s = CollectingSink.parse(Format.TWITTER_JSON, sample("v2_responses.jsonl"));
        assertThat(s.rejects).isEmpty();
        assertThat(s.posts).extracting(PostRow::id).containsExactly("1500000000000000001",
                "1500000000000000010", "1500000000000000011", "1500000000000000020");
        PostRow rt = s.post("1500000000000000010");
        assertThat(rt.retweetOf()).isEqualTo("1500000000000000001");
        assertThat(rt.retweetAuthor()).isEqualTo("2244994945");
        assertThat(rt.retweetCount()).isEqualTo(7);
        assertThat(s.post("1500000000000000011").quoteOf()).isEqualTo("1500000000000000099");
        assertThat(s.post("1500000000000000011").quoteAuthor()).isNull();
        assertThat(s.accounts).extracting(AccountRow::id).containsExactly("2244994945", "888", "888");
        assertThat(s.accounts.get(2).followersCount()).isEqualTo(42);
    }

    @Test
    void edgeListsOfEveryKind(@TempDir Path dir) throws IOException {
        CollectingSink f = CollectingSink.parse(Format.FOLLOWER_CSV, sample("followers.csv"));
        assertThat(f.edges).containsExactly(EdgeRow.follow("55555", "2882331822"),
                EdgeRow.follow("99999", "2882331822"), EdgeRow.follow("55555", "99999"));
        CollectingSink g = CollectingSink.parse(Format.GENERIC_EDGES, sample("edges.csv"));
        assertThat(g.edges).containsExactly(
                new EdgeRow("a", "b", false, "retweet", 1577836800L, 2.0),
                new EdgeRow("b", "c", false, "reply", 1577836800L, 1.5),
                new EdgeRow("a", "c", false, null, Activity.NO_TIME, 1.0));
        CollectingSink snap = CollectingSink.parse(Format.SNAP_EDGES, sample("snap_edges.txt"));
        assertThat(snap.edges).hasSize(4).first().isEqualTo(EdgeRow.follow("214328887", "34428380"));

        Path gz = dir.resolve("snap_edges.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(sample("snap_edges.txt"), out);
        }
        assertThat(FormatDetector.formatOf(gz)).isEqualTo(Format.SNAP_EDGES);
        assertThat(CollectingSink.parse(Format.SNAP_EDGES, gz).edges).isEqualTo(snap.edges);
    }

    @Test
    void edgeFilesStreamsEdgesAndWritesRejectsBesideTheInput(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("follows.csv"), "follower,followee\na,b\n,c\nc,a,extra\nb,c\n");
        List<String> seen = new ArrayList<>();
        EdgeFiles.EdgeFileStats stats = EdgeFiles.read(f, (s, t, w) -> seen.add(s + ">" + t + ":" + w));
        assertThat(seen).containsExactly("a>b:1.0", "b>c:1.0");
        assertThat(stats.format()).isEqualTo(Format.FOLLOWER_CSV);
        assertThat(stats.edges()).isEqualTo(2);
        assertThat(stats.rejects()).isEqualTo(2);
        assertThat(stats.rejectsFile()).isEqualTo(dir.resolve("follows.rejects.csv"));
        assertThat(Files.readAllLines(stats.rejectsFile())).containsExactly(
                "file,line,reason,raw",
                "follows.csv,3,empty follower or followee id,\"\"\"\"\",c\"", // raw is re-quoted: "",c
                "follows.csv,4,\"expected 2 columns, found 3\",\"c,a,extra\"");
        assertThatThrownBy(() -> EdgeFiles.read(sample("infoops_users.csv"), (s, t, w) -> { }))
                .isInstanceOf(UnknownFormatException.class).hasMessageContaining("not an edge list");
    }

    @Test
    void timesInEverySpelling() {
        assertThat(Times.parse("2017-05-05 18:23")).isEqualTo(1494008580L);
        assertThat(Times.parse("2017-05-05 18:23:10")).isEqualTo(1494008590L);
        assertThat(Times.parse("2014-11-20")).isEqualTo(1416441600L);
        assertThat(Times.parse("2022-01-09T10:00:00.000Z")).isEqualTo(1641722400L);
        assertThat(Times.parse("2022-01-09T11:00:00+01:00")).isEqualTo(1641722400L);
        assertThat(Times.parse("Wed Oct 10 20:19:24 +0000 2018")).isEqualTo(1539202764L);
        assertThat(Times.parse("1641722400")).isEqualTo(1641722400L);
        assertThat(Times.parse("1641722400123")).isEqualTo(1641722400L);
        assertThatThrownBy(() -> Times.parse("noon")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void theDigitByDigitPathAgreesWithJavaTime() {
        SplittableRandom rnd = new SplittableRandom(17);
        DateTimeFormatter spaced = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
        DateTimeFormatter seconds =
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
        for (int i = 0; i < 20_000; i++) {
            long epoch = rnd.nextLong(-2_208_988_800L, 4_102_444_800L); // 1900 to 2100
            LocalDateTime t = LocalDateTime.ofEpochSecond(epoch, rnd.nextInt(1_000) * 1_000_000,
                    ZoneOffset.UTC);
            long minute = epoch - Math.floorMod(epoch, 60);
            long day = Math.floorDiv(epoch, 86_400) * 86_400;
            assertThat(Times.parse(t.format(spaced))).isEqualTo(minute);
            assertThat(Times.parse(t.format(seconds))).isEqualTo(epoch);
            assertThat(Times.parse(t.toLocalDate().toString())).isEqualTo(day);
            String iso = t.format(seconds).replace(' ', 'T');
            assertThat(Times.parse(iso + "Z")).isEqualTo(OffsetDateTime.parse(iso + "Z").toEpochSecond())
                    .isEqualTo(epoch);
            String millis = iso + String.format(".%03dZ", t.getNano() / 1_000_000);
            assertThat(Times.parse(millis)).isEqualTo(OffsetDateTime.parse(millis).toEpochSecond());
        }
        // what the formatters resolve their own ways, or reject, is left to them
        for (String odd : List.of("2017-02-30 10:00", "2017-05-05 24:00", "2017-13-01", "2017-05-05 18:60",
                "2017-05-05T18:23:00.5Z", "2017-05-05 18:23:07.250", "2017-5-05 18:23", "2017-05-05x18:23")) {
            assertThat(Times.fixedWidth(odd)).as(odd).isEqualTo(Long.MIN_VALUE);
        }
        assertThat(Times.parse("2016-02-29")).isEqualTo(1456704000L);
        assertThatThrownBy(() -> Times.parse("2017-13-01")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void listCells() {
        assertThat(Cells.list("[MacronLeaks, Macron]")).containsExactly("MacronLeaks", "Macron");
        assertThat(Cells.list("['a', \"b\"]")).containsExactly("a", "b");
        assertThat(Cells.list("[]")).isEmpty();
        assertThat(Cells.list("")).isEmpty();
        assertThat(Cells.hashtags(List.of("#Foo", "foo", "Bar"))).containsExactly("foo", "bar");
    }

    @Test
    void aRowThatFailsUnexpectedlyIsRejectedAndTheFileGoesOn() throws IOException {
        CollectingSink sink = new CollectingSink();
        CsvTable.read(new StringReader("a,b\n1,2\nboom,3\n4,5\n"), List.of("a"), sink, (row, out) -> {
            if (row.get("a").equals("boom")) {
                throw new IllegalStateException("unexpected");
            }
            out.edge(EdgeRow.follow(row.get("a"), row.get("b")));
        });
        assertThat(sink.edges).hasSize(2);
        assertThat(sink.rejects).containsExactly("3: unreadable row (IllegalStateException: unexpected)");
        assertThat(sink.records).isEqualTo(3);
    }

    @Test
    void brokenAndNonTweetJsonLinesAreRejectedOrSkippedNeverThrown() throws IOException {
        String lines = String.join("\n",
                "{\"data\": [{\"id\": \"1\", \"author_id\": \"9\", \"created_at\": \"2021-01-01T00:00:00.000Z\","
                        + " \"text\": \"hi\"}]}",
                "{\"data\": {\"author_id\": \"10211",                                 // cut line: reject
                "{\"id\": \"5\", \"action\": \"delete\", \"created_at\": \"2019-09-06T17:25:54.667Z\"}", // skipped
                "{\"data\": [{\"end\": \"x\", \"start\": \"y\", \"tweet_count\": 3}]}",        // skipped
                "{\"id\": \"7\", \"text\": \"no author\", \"created_at\": \"2021-01-01T00:00:00Z\"}", // reject
                "{\"id\": \"8\", \"author_id\": \"9\", \"created_at\": \"2021-01-01T00:00:00Z\", "
                        + "\"referenced_tweets\": [{\"type\": \"retweeted\", \"id\": \"1\", \"text\": 3}]}",
                "[1, 2]",                                                                // reject
                "{\"id\": \"12\", \"username\": \"someone\", \"created_at\": \"2010-03-03T12:49:24.000Z\","
                        + " \"public_metrics\": {\"followers_count\": 580, \"following_count\": 518}}");
        CollectingSink sink = new CollectingSink();
        Format.TWITTER_JSON.parser().parse(new StringReader(lines), sink);
        assertThat(sink.rejects).hasSize(3);
        assertThat(sink.skipped).isEqualTo(2);
        assertThat(sink.posts).extracting(PostRow::id).contains("1", "8");
        AccountRow user = sink.accounts.stream().filter(a -> a.id().equals("12")).findFirst().orElseThrow();
        assertThat(user.followersCount()).isEqualTo(580);
        assertThat(user.followingCount()).isEqualTo(518);
        assertThat(user.createdAt()).isEqualTo(1267620564L);
        assertThat(sink.records).isEqualTo(8);
    }

    @Test
    void coortweetRowsThatCannotBeOneShareAreRejected() throws IOException {
        String csv = """
                object_id,account_id,content_id,timestamp_share
                o1,a1,c1,1623881091
                o2,a1,c1,1623881091
                o3,a1,c1,1623881091
                o1,a2,c1,1623881091
                o1,a3,c3,1.623881091E9
                o1,a4,c4,
                """;
        CollectingSink sink = new CollectingSink();
        Format.COORTWEET.parser().parse(new StringReader(csv), sink);
        assertThat(sink.rejects).containsExactly(
                "4: post c1 already shares [o1, o2]; a post links at most 2 shared objects here",
                "5: post c1 is shared by account a1 at 1623881091 (line 1), here by a2 at 1623881091",
                "6: unparseable timestamp_share '1.623881091E9'",
                "7: empty timestamp_share");
        assertThat(sink.posts).singleElement().satisfies(p -> {
            assertThat(p.retweetOf()).isEqualTo("o1");
            assertThat(p.quoteOf()).isEqualTo("o2");
            assertThat(p.time()).isEqualTo(1623881091L);
        });
        assertThat(sink.records).isEqualTo(6);
    }
}
