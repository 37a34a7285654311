package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * CooRTweet's input layout ({@code object_id, account_id, content_id, timestamp_share}, Unix seconds; what its
 * {@code prep_data} produces and its sample datasets use): one row per share of an object by an account. Each
 * {@code content_id} becomes a post of {@code account_id} at {@code timestamp_share} that retweets the post
 * {@code object_id} (a placeholder unless the table also shares it as content). A content sharing a second object
 * (CooRTweet lists a retweeted quote under both) quotes it; a third is rejected. {@code lockstep export --format
 * coortweet} writes the same rows back from the store.
 */
final class CoorTweetParser implements RecordParser {
    static final List<String> REQUIRED = List.of("object_id", "account_id", "content_id", "timestamp_share");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        SharesTable.read(in, REQUIRED, 2, sink, (row, line) -> {
            String object = SharesTable.required(row, "object_id");
            SharesTable.Share s = new SharesTable.Share(SharesTable.required(row, "content_id"),
                    SharesTable.required(row, "account_id"),
                    SharesTable.time(row.get("timestamp_share"), "timestamp_share"), line);
            s.objects.add(object);
            return s;
        }, (s, out) -> {
            out.account(AccountRow.ofId(s.account));
            String retweetOf = s.objects.get(0);
            String quoteOf = s.objects.size() > 1 ? s.objects.get(1) : null;
            out.post(new PostRow(s.post, s.account, s.time, null, null, null, retweetOf, null, quoteOf, null,
                    null, null, List.of(), List.of(), List.of(), -1, -1));
        });
    }
}
