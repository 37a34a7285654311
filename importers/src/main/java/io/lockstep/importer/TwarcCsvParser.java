package io.lockstep.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lockstep.activity.Activity;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code twarc2 csv} output (the twarc-csv plugin): columns read by name. Required: {@code id, author_id,
 * created_at}; optional: {@code referenced_tweets.replied_to.id}, {@code referenced_tweets.retweeted.id},
 * {@code referenced_tweets.quoted.id}, {@code in_reply_to_user_id}, {@code retweeted_user_id},
 * {@code quoted_user_id}, {@code text}, {@code lang}, {@code source}, {@code entities.hashtags},
 * {@code entities.urls}, {@code entities.mentions}, {@code author.*}, {@code public_metrics.*}.
 *
 * <p>List cells hold JSON. The current layout (twarc-csv 0.7, its default "process entities") writes them as
 * lists of strings: {@code ["#tag"]}, {@code ["https://…"]}, {@code ["@username"]}; older files and
 * {@code --no-process-entities} write the API's objects ({@code [{"tag": …}]}, {@code [{"id": …, "username": …}]}).
 * Both are read. A mention given by username only names no account id: it is linked when the same file gives that
 * username's id ({@code author.username} of an earlier row), and left out otherwise. Retweet rows already carry
 * their original's text and entities (twarc-csv merges them by default).
 */
final class TwarcCsvParser implements RecordParser {
    static final List<String> REQUIRED = List.of("id", "author_id", "created_at");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        Map<String, String> idOfUsername = new HashMap<>();
        CsvTable.read(in, REQUIRED, sink, (row, out) -> {
            String id = Cells.id(row.get("id"), "id");
            String author = Cells.id(row.get("author_id"), "author_id");
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
            List<String> hashtags = items(cell(row, "entities.hashtags"), "tag");
            List<String> urls = items(cell(row, "entities.urls"), "unwound_url", "expanded_url", "url");
            List<String> mentions = new ArrayList<>();
            JsonNode mentionCell = cell(row, "entities.mentions");
            if (mentionCell != null && mentionCell.isArray()) {
                for (JsonNode m : mentionCell) {
                    String mentioned = m.isTextual() ? idOfUsername.get(username(m.asText()))
                            : firstNonNull(Json.text(m, "id"), idOfUsername.get(username(Json.text(m, "username"))));
                    if (mentioned != null) {
                        mentions.add(mentioned);
                    }
                }
            }
            String authorName = Cells.text(row.get("author.username"));
            if (authorName != null) {
                idOfUsername.putIfAbsent(username(authorName), author);
            }
            AccountRow account = new AccountRow(author, Cells.text(row.get("author.username")),
                    Cells.text(row.get("author.name")), Cells.text(row.get("author.location")),
                    Cells.raw(row.get("author.description")), Cells.text(row.get("author.url")),
                    Cells.count(row.get("author.public_metrics.followers_count")),
                    Cells.count(row.get("author.public_metrics.following_count")),
                    optionalTime(row.get("author.created_at")), null);
            PostRow post = new PostRow(id, author, time, Cells.raw(row.get("text")), Cells.text(row.get("lang")),
                    Cells.text(row.get("source")),
                    Cells.text(row.get("referenced_tweets.retweeted.id")), Cells.text(row.get("retweeted_user_id")),
                    Cells.text(row.get("referenced_tweets.quoted.id")), Cells.text(row.get("quoted_user_id")),
                    Cells.text(row.get("referenced_tweets.replied_to.id")), Cells.text(row.get("in_reply_to_user_id")),
                    Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions),
                    Cells.count(row.get("public_metrics.like_count")),
                    Cells.count(row.get("public_metrics.retweet_count")));
            out.account(account);
            out.post(post);
        });
    }

    /** Lower-cased username without '@', or "" for null. */
    private static String username(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        while (t.startsWith("@")) {
            t = t.substring(1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** The strings of a JSON list cell, or the first present {@code fields} of its objects. */
    private static List<String> items(JsonNode arr, String... fields) {
        List<String> out = new ArrayList<>();
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode item : arr) {
            if (item.isTextual()) {
                String t = Cells.text(item.asText());
                if (t != null) {
                    out.add(t);
                }
            } else {
                out.addAll(Json.fieldOfEach(Json.MAPPER.createArrayNode().add(item), fields));
            }
        }
        return out;
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
