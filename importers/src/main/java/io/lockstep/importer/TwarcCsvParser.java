package io.lockstep.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lockstep.activity.Activity;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.List;

/**
 * {@code twarc2 csv} output: columns read by name ({@code id, author_id, created_at} required; {@code
 * referenced_tweets.*.id}, {@code in_reply_to_user_id}, {@code retweeted_user_id}, {@code text}, {@code lang},
 * {@code entities.*} (JSON cells), {@code author.*}, {@code public_metrics.*} optional).
 */
final class TwarcCsvParser implements RecordParser {
    static final List<String> REQUIRED = List.of("id", "author_id", "created_at");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, REQUIRED, sink, row -> {
            String id = Cells.text(row.get("id"));
            String author = Cells.text(row.get("author_id"));
            if (id == null) {
                throw new CsvTable.RowException("empty id");
            }
            if (author == null) {
                throw new CsvTable.RowException("empty author_id");
            }
            long time;
            try {
                time = Times.parse(row.get("created_at"));
            } catch (DateTimeException e) {
                throw new CsvTable.RowException("unparseable created_at '" + row.get("created_at") + "'");
            }
            List<String> hashtags = Json.fieldOfEach(cell(row, "entities.hashtags"), "tag");
            List<String> urls = Json.fieldOfEach(cell(row, "entities.urls"), "unwound_url", "expanded_url", "url");
            JsonNode mentionCell = cell(row, "entities.mentions");
            List<String> mentions = Json.fieldOfEach(mentionCell, "id");
            AccountRow account = new AccountRow(author, Cells.text(row.get("author.username")),
                    Cells.text(row.get("author.name")), Cells.text(row.get("author.location")),
                    Cells.raw(row.get("author.description")), Cells.text(row.get("author.url")),
                    Cells.count(row.get("author.public_metrics.followers_count")),
                    Cells.count(row.get("author.public_metrics.following_count")),
                    optionalTime(row.get("author.created_at")), null);
            PostRow post = new PostRow(id, author, time, Cells.raw(row.get("text")), Cells.text(row.get("lang")),
                    Cells.text(row.get("source")),
                    Cells.text(row.get("referenced_tweets.retweeted.id")), Cells.text(row.get("retweeted_user_id")),
                    Cells.text(row.get("referenced_tweets.quoted.id")), null,
                    Cells.text(row.get("referenced_tweets.replied_to.id")), Cells.text(row.get("in_reply_to_user_id")),
                    Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions),
                    Cells.count(row.get("public_metrics.like_count")),
                    Cells.count(row.get("public_metrics.retweet_count")));
            sink.account(account);
            sink.post(post);
        });
    }

    private static JsonNode cell(CsvTable.Row row, String column) throws CsvTable.RowException {
        String v = Cells.text(row.get(column));
        if (v == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(v);
        } catch (JsonProcessingException e) {
            throw new CsvTable.RowException("bad JSON in " + column);
        }
    }

    private static long optionalTime(String s) {
        if (Cells.text(s) == null) {
            return Activity.NO_TIME;
        }
        try {
            return Times.parse(s);
        } catch (DateTimeException e) {
            return Activity.NO_TIME;
        }
    }
}
