package io.lockstep.importer;


import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.List;

/**
 * Twitter information-operations archive, tweets file ({@code tweetid, userid, ..., tweet_time, ..., hashtags,
 * urls, user_mentions}, and {@code poll_choices} in the 31-column releases; columns are read by name).
 * {@code tweet_time} has minute precision ({@code 2017-05-05 18:23}); list cells are {@code [MacronLeaks, Macron]},
 * {@code ['a', 'b']} or empty; counts may be written {@code 0.0}; {@code latitude}/{@code longitude} (often
 * {@code absent}) are not read; {@code is_retweet} is {@code True}/{@code False}. Ids stay strings (accounts under
 * 5,000 followers carry hashes: 64 hex characters, or base64 ending in {@code =}). Rows a spreadsheet mangled are
 * rejected with the reason: ids in scientific notation ({@code 1.01421E+18}), US dates ({@code 7/3/2018 14:05}).
 */
final class InfoOpsTweetsParser implements RecordParser {
    static final List<String> REQUIRED = List.of("tweetid", "userid", "tweet_time");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, REQUIRED, sink, (row, out) -> {
            String id = Cells.id(row.get("tweetid"), "tweetid");
            String user = Cells.id(row.get("userid"), "userid");
            if (id == null) {
                throw new CsvTable.RowException("empty tweetid");
            }
            if (user == null) {
                throw new CsvTable.RowException("empty userid");
            }
            String usDate = Cells.usDate(row.get("tweet_time"), "tweet_time");
            if (usDate != null) {
                throw new CsvTable.RowException(usDate);
            }
            long time;
            try {
                time = Times.parse(row.get("tweet_time"));
            } catch (DateTimeException e) {
                throw new CsvTable.RowException("unparseable tweet_time '" + row.get("tweet_time") + "'");
            }
            AccountRow account = InfoOpsUsersParser.account(row, user);
            boolean retweet = Cells.isTrue(row.get("is_retweet"));
            String retweetOf = retweet ? Cells.id(row.get("retweet_tweetid"), "retweet_tweetid") : null;
            String retweetAuthor = retweet ? Cells.id(row.get("retweet_userid"), "retweet_userid") : null;
            PostRow post = new PostRow(id, user, time, Cells.raw(row.get("tweet_text")),
                    Cells.text(row.get("tweet_language")), Cells.text(row.get("tweet_client_name")),
                    retweetOf, retweetAuthor,
                    Cells.id(row.get("quoted_tweet_tweetid"), "quoted_tweet_tweetid"), null,
                    Cells.id(row.get("in_reply_to_tweetid"), "in_reply_to_tweetid"),
                    Cells.id(row.get("in_reply_to_userid"), "in_reply_to_userid"),
                    Cells.hashtags(Cells.list(row.get("hashtags"))),
                    Cells.urls(Cells.list(row.get("urls"))),
                    Cells.ids(Cells.list(row.get("user_mentions"))),
                    Cells.count(row.get("like_count")), Cells.count(row.get("retweet_count")));
            out.account(account);
            out.post(post);
        });
    }
}
