package io.lockstep.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

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
 * username's id (an earlier row's {@code author.username}, {@code retweeted_username}, {@code quoted_username} or
 * {@code in_reply_to_username}), and left out otherwise.
 *
 * <p>What twarc-csv changes, undone so that a capture reads as the same posts as its JSON lines through
 * {@link TwitterJsonParser} ({@code TwarcCsvOutputTest} holds this on real output):
 * <ul>
 *   <li>text cells have their newlines written as the two characters {@code \n} and carriage returns removed (its
 *       mandatory escape), or the whole cell JSON-encoded ({@code --json-encode-text}/{@code --json-encode-all});
 *       both are decoded;</li>
 *   <li>a retweet row carries its original's full text, entities and public metrics (twarc-csv merges them by
 *       default): the text becomes {@code RT @user: } and the original's text, as the API and the JSON parser
 *       give it; the like count, the original's and not the retweet's, is left unknown; the retweeted account is
 *       mentioned, as the retweet's own {@code RT @user} entity does.</li>
 * </ul>
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
            learn(idOfUsername, row.get("author.username"), author);
            String retweetOf = Cells.text(row.get("referenced_tweets.retweeted.id"));
            String retweetAuthor = Cells.text(row.get("retweeted_user_id"));
            String retweetName = Cells.text(row.get("retweeted_username"));
            String replyTo = Cells.text(row.get("referenced_tweets.replied_to.id"));
            learn(idOfUsername, retweetName, retweetAuthor);
            learn(idOfUsername, row.get("quoted_username"), Cells.text(row.get("quoted_user_id")));
            learn(idOfUsername, row.get("in_reply_to_username"), Cells.text(row.get("in_reply_to_user_id")));
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
            String text = text(row.get("text"));
            long likes = Cells.count(row.get("public_metrics.like_count"));
            if (retweetOf != null) {
                if (retweetName != null && text != null && !text.startsWith("RT @")) {
                    text = "RT @" + retweetName + ": " + text;
                }
                likes = -1;
                if (retweetAuthor != null && !mentions.contains(retweetAuthor)) {
                    mentions.add(0, retweetAuthor);
                }
            }
            AccountRow account = new AccountRow(author, Cells.text(row.get("author.username")),
                    Cells.text(row.get("author.name")), Cells.text(row.get("author.location")),
                    Cells.raw(row.get("author.description")), Cells.text(row.get("author.url")),
                    Cells.count(row.get("author.public_metrics.followers_count")),
                    Cells.count(row.get("author.public_metrics.following_count")),
                    Cells.timeOrNone(row.get("author.created_at")), null);
            PostRow post = new PostRow(id, author, time, text, Cells.text(row.get("lang")),
                    Cells.text(row.get("source")), retweetOf, retweetAuthor,
                    Cells.text(row.get("referenced_tweets.quoted.id")), Cells.text(row.get("quoted_user_id")),
                    replyTo, replyTo == null ? null : Cells.text(row.get("in_reply_to_user_id")),
                    Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions), likes,
                    Cells.count(row.get("public_metrics.retweet_count")));
            out.account(account);
            out.post(post);
        });
    }

    /** Remembers that {@code name} (an {@code @username} cell) is account {@code id}, when both are given. */
    private static void learn(Map<String, String> idOfUsername, String name, String id) {
        if (Cells.text(name) != null && id != null) {
            idOfUsername.putIfAbsent(username(name), id);
        }
    }

    /**
     * A text cell as the tweet wrote it: JSON-decoded when twarc-csv JSON-encoded it (a quoted JSON string),
     * otherwise with its escaped newlines ({@code \n}) restored.
     */
    private static String text(String cell) {
        String raw = Cells.raw(cell);
        if (raw == null) {
            return null;
        }
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
            try {
                JsonNode decoded = Json.MAPPER.readTree(raw);
                if (decoded.isTextual()) {
                    return decoded.asText();
                }
            } catch (JsonProcessingException e) {
                // not JSON: a tweet that happens to be quoted, kept as it is
            }
        }
        return raw.replace("\\n", "\n");
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
}
