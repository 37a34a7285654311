package io.lockstep.importer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twitter information-operations archives as they are released (31 columns ending with {@code poll_choices}),
 * one test per quirk of theirs (docs: shared notes on real archive files), and the spreadsheet damage that must be
 * refused with a clear reason rather than loaded as wrong ids or times.
 */
class InfoOpsQuirksTest {
    static final String HEADER = "tweetid,userid,user_display_name,user_screen_name,user_reported_location,"
            + "user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,"
            + "account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,"
            + "in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,"
            + "quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions,poll_choices\n";
    static final String HEX = "6a3d1fe0c4d34b2c1c3d10b7b0c62e13b0cbc5a3e4ae8b1f8d25cba7e0e1a6f4";
    static final String B64 = "Ek7+J3mWRfQzjC8wbFQXGFpJYC4mqvDzLSPkC8s1bmQ=";

    /** A 31-column row; the cells not given are the archive's usual ones. */
    static String row(String tweetid, String userid, String time, String retweetUser, String retweetTweet,
                      String likes, String hashtags, String urls, String mentions, String lat, String polls) {
        boolean rt = retweetTweet != null && !retweetTweet.isEmpty();
        return String.join(",", tweetid, userid, userid, userid, "", "", "", "0.0", "12.0", "2017-02-03", "ru",
                "ru", "\"text, with a comma\"", time, "Twitter Web Client", "", "", "", rt ? "True" : "False",
                rt ? retweetUser : "", rt ? retweetTweet : "", lat, lat, "0.0", "0.0", likes, "0.0",
                hashtags, urls, mentions, polls) + "\n";
    }

    static CollectingSink parse(String... rows) throws IOException {
        assertThat(FormatDetector.fromHeader(HEADER.strip(), "tweets.csv", false)).isEqualTo(Format.INFO_OPS_TWEETS);
        CollectingSink sink = new CollectingSink();
        Format.INFO_OPS_TWEETS.parser().parse(new StringReader(HEADER + String.join("", rows)), sink);
        return sink;
    }

    @Test
    void listCellsAreCutAsBefore() {
        char[] alphabet = {'[', ']', ',', ',', ' ', '\'', '"', 'a', 'b', '#'};
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = b.toString();
            assertThat(Cells.list(t)).as(t).isEqualTo(splitList(t));
        }
    }

    /** How Cells.list cut a cell with String.split before it cut it by hand. */
    private static List<String> splitList(String s) {
        String t = Cells.text(s);
        if (t == null) {
            return List.of();
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String item : t.split(",")) {
            String v = item.strip();
            if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).strip();
            }
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void scientificNotationIsTheRegularExpressionsRead() {
        Pattern scientific = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+");
        char[] alphabet = {'0', '1', '9', '.', ',', 'e', 'E', '+', '-', 'a', ' '};
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String t = b.toString();
            assertThat(Cells.isScientific(t)).as(t).isEqualTo(scientific.matcher(t).matches());
        }
        assertThat(Cells.isScientific("1.01421E+18")).isTrue();
        assertThat(Cells.isScientific("838ec255f6117")).isFalse();
    }

    @Test
    void thirtyOneColumnsWithPollChoicesAreRead() throws IOException {
        var sink = parse(row("1", "100", "2019-05-01 10:00", "", "", "3", "", "", "", "", "\"[Yes, No]\""));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.posts).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("text, with a comma");
            assertThat(p.likeCount()).isEqualTo(3);
        });
    }

    @Test
    void pythonQuotedUnquotedAndEmptyListCellsGiveTheSameItems() throws IOException {
        var sink = parse(
                row("1", "100", "2019-05-01 10:00", "", "", "0", "\"['Navalny', 'Россия']\"",
                        "\"['https://example.com/a', 'http://t.co/x']\"", "\"['200', '300']\"", "", ""),
                row("2", "100", "2019-05-01 10:01", "", "", "0", "\"[Navalny, Россия]\"",
                        "\"[https://example.com/a, http://t.co/x]\"", "\"[200, 300]\"", "", ""),
                row("3", "100", "2019-05-01 10:02", "", "", "0", "", "[]", "", "", ""));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.posts.get(0).hashtags()).containsExactly("navalny", "россия");
        assertThat(sink.posts.get(1).hashtags()).isEqualTo(sink.posts.get(0).hashtags());
        assertThat(sink.posts.get(1).urls()).isEqualTo(sink.posts.get(0).urls()).hasSize(2);
        assertThat(sink.posts.get(1).mentions()).isEqualTo(sink.posts.get(0).mentions())
                .containsExactly("200", "300");
        assertThat(sink.posts.get(2).hashtags()).isEmpty();
        assertThat(sink.posts.get(2).urls()).isEmpty();
        assertThat(sink.posts.get(2).mentions()).isEmpty();
    }

    @Test
    void hexAndBase64HashedIdsStayStringsAndLinkRetweets() throws IOException {
        var sink = parse(row("1", HEX, "2019-05-01 10:00", "", "", "0", "", "", "", "", ""),
                row("2", B64, "2019-05-01 10:01", HEX, "1", "0", "", "", "", "", ""));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.posts.get(0).authorId()).isEqualTo(HEX);
        assertThat(sink.posts.get(1).authorId()).isEqualTo(B64);
        assertThat(sink.posts.get(1).retweetOf()).isEqualTo("1");
        assertThat(sink.posts.get(1).retweetAuthor()).isEqualTo(HEX);
        assertThat(sink.accounts).extracting(AccountRow::screenName).containsExactly(HEX, B64);
    }

    @Test
    void absentCoordinatesAreNoObstacle() throws IOException {
        var sink = parse(row("1", "100", "2019-05-01 10:00", "", "", "0", "", "", "", "absent", ""));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.posts).hasSize(1);
    }

    @Test
    void countsWrittenAsDecimalsAreWholeNumbers() throws IOException {
        var sink = parse(row("1", "100", "2019-05-01 10:00", "", "", "41.0", "", "", "", "", ""));
        assertThat(sink.posts.get(0).likeCount()).isEqualTo(41);
        assertThat(sink.accounts.get(0).followersCount()).isZero();
        assertThat(sink.accounts.get(0).followingCount()).isEqualTo(12);
    }

    @Test
    void minutePrecisionTimesAndCreationDatesAreUtc() throws IOException {
        var sink = parse(row("1", "100", "2019-05-01 10:07", "", "", "0", "", "", "", "", ""));
        assertThat(sink.posts.get(0).time()).isEqualTo(1556705220L);
        assertThat(sink.accounts.get(0).createdAt()).isEqualTo(1486080000L); // 2017-02-03
    }

    @Test
    void idsASpreadsheetTurnedIntoScientificNotationAreRejectedWithTheReason() throws IOException {
        var sink = parse(row("1.01421E+18", "100", "2019-05-01 10:00", "", "", "0", "", "", "", "", ""),
                row("2", "100", "2019-05-01 10:00", "9.6E+17", "3.2E+17", "0", "", "", "", "", ""),
                row("3", "100", "2019-05-01 10:00", "", "", "0", "", "", "", "", ""));
        assertThat(sink.posts).extracting(PostRow::id).containsExactly("3");
        assertThat(sink.rejects).containsExactly(
                "2: tweetid '1.01421E+18' is in scientific notation (a spreadsheet rounded it): the real id is "
                        + "lost; use the archive as released, not a spreadsheet's copy",
                "3: retweet_tweetid '3.2E+17' is in scientific notation (a spreadsheet rounded it): the real id is "
                        + "lost; use the archive as released, not a spreadsheet's copy");
    }

    @Test
    void usDatesASpreadsheetWroteAreRejectedWithTheReason() throws IOException {
        var sink = parse(row("1", "100", "7/3/2018 14:05", "", "", "0", "", "", "", "", ""));
        assertThat(sink.posts).isEmpty();
        assertThat(sink.rejects).containsExactly("2: tweet_time '7/3/2018 14:05' is a spreadsheet's M/D/YYYY date "
                + "(day and month are ambiguous, seconds lost); use the archive as released, not a spreadsheet's "
                + "copy");
    }
}
