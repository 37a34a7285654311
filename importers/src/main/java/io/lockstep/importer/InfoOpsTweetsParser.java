package io.lockstep.importer;


import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.List;

/**
 * Twitter information-operations archive, tweets file ({@code tweetid, userid, ..., tweet_time, ..., hashtags,
 * urls, user_mentions}). {@code tweet_time} has minute precision ({@code 2017-05-05 18:23}); list cells look like
 * {@code [MacronLeaks, Macron]}; {@code is_retweet} is {@code True}/{@code False}. Ids stay strings (small accounts
 * carry anonymised hashes).
 */
final class InfoOpsTweetsParser implements RecordParser {
    static final List<String> REQUIRED = List.of("tweetid", "userid", "tweet_time");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, REQUIRED, sink, row -> {
            String id = Cells.text(row.get("tweetid"));
            String user = Cells.text(row.get("userid"));
            if (id == null) {
                throw new CsvTable.RowException("empty tweetid");
            }
            if (user == null) {
                throw new CsvTable.RowException("empty userid");
            }
            long time;
            try {
                time = Times.parse(row.get("tweet_time"));
            } catch (DateTimeException e) {
                throw new CsvTable.RowException("unparseable tweet_time '" + row.get("tweet_time") + "'");
            }
            AccountRow account = InfoOpsUsersParser.account(row, user);
            boolean retweet = Cells.isTrue(row.get("is_retweet"));
            String retweetOf = retweet ? Cells.text(row.get("retweet_tweetid")) : null;
            String retweetAuthor = retweet ? Cells.text(row.get("retweet_userid")) : null;
            PostRow post = new PostRow(id, user, time, Cells.raw(row.get("tweet_text")),
                    Cells.text(row.get("tweet_language")), Cells.text(row.get("tweet_client_name")),
                    retweetOf, retweetAuthor,
                    Cells.text(row.get("quoted_tweet_tweetid")), null,
                    Cells.text(row.get("in_reply_to_tweetid")), Cells.text(row.get("in_reply_to_userid")),
                    Cells.hashtags(Cells.list(row.get("hashtags"))),
                    Cells.urls(Cells.list(row.get("urls"))),
                    Cells.ids(Cells.list(row.get("user_mentions"))),
                    Cells.count(row.get("like_count")), Cells.count(row.get("retweet_count")));
            sink.account(account);
            sink.post(post);
        });
    }
}
