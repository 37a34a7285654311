package io.lockstep.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitter API JSON lines, one JSON object a line: API v1.1 statuses ({@code id_str}, {@code user},
 * {@code retweeted_status}, {@code quoted_status}, {@code extended_tweet}), API v2 responses as twarc2 writes them
 * ({@code data}, {@code includes.users}, {@code includes.tweets}) and single v2 tweets ({@code id},
 * {@code author_id}, as {@code twarc2 flatten} writes them). Embedded originals (v1.1 retweeted/quoted statuses,
 * v2 {@code includes.tweets}) are imported as complete posts.
 */
final class TwitterJsonParser implements RecordParser {

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        long lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JacksonException e) {
                sink.reject(lineNo, "broken JSON line", line);
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.reject(lineNo, "not a JSON object", line);
                continue;
            }
            List<AccountRow> accounts = new ArrayList<>();
            List<PostRow> posts = new ArrayList<>();
            try {
                if (node.has("data")) {
                    v2Response(node, accounts, posts);
                } else if (node.has("id_str")) {
                    v1Status(node, accounts, posts);
                } else if (node.has("id") && node.has("author_id")) {
                    v2Tweet(node, Map.of(), accounts, posts);
                    JsonNode author = node.get("author");
                    if (author != null && author.isObject()) {
                        accounts.add(v2User(author));
                    }
                } else {
                    sink.reject(lineNo, "neither an API v1.1 status nor an API v2 tweet or response", line);
                    continue;
                }
            } catch (BadRecord e) {
                sink.reject(lineNo, e.getMessage(), line);
                continue;
            }
            accounts.forEach(sink::account);
            posts.forEach(sink::post);
            sink.endRecord();
        }
    }

    /** A record-level problem: the whole line is rejected. */
    private static final class BadRecord extends Exception {
        BadRecord(String reason) {
            super(reason, null, false, false);
        }
    }

    // ---- API v1.1 ----

    private static void v1Status(JsonNode s, List<AccountRow> accounts, List<PostRow> posts) throws BadRecord {
        String id = Json.text(s, "id_str");
        String user = Json.text(s, "user.id_str");
        if (id == null) {
            throw new BadRecord("empty id_str");
        }
        if (user == null) {
            throw new BadRecord("status " + id + " has no user.id_str");
        }
        long time = requiredTime(s, "created_at", id);
        JsonNode rt = s.get("retweeted_status");
        JsonNode qt = s.get("quoted_status");
        if (rt != null && rt.isObject()) {
            v1Status(rt, accounts, posts);
        }
        if (qt != null && qt.isObject()) {
            v1Status(qt, accounts, posts);
        }
        JsonNode u = s.get("user");
        accounts.add(new AccountRow(user, Json.text(u, "screen_name"), Json.text(u, "name"), Json.text(u, "location"),
                Json.text(u, "description"), Json.text(u, "url"), Json.count(u, "followers_count"),
                Json.count(u, "friends_count"), Json.timeOrNone(u, "created_at"), Json.text(u, "lang")));
        JsonNode full = s.has("extended_tweet") ? s.get("extended_tweet") : s;
        String text = firstNonNull(Json.text(full, "full_text"), Json.text(s, "full_text"), Json.text(s, "text"));
        JsonNode entities = full.has("entities") ? full.get("entities") : s.get("entities");
        List<String> hashtags = Json.eachAt(entities, "hashtags", "text");
        List<String> urls = Json.eachAt(entities, "urls", "expanded_url", "url");
        List<String> mentions = Json.eachAt(entities, "user_mentions", "id_str");
        String quoteOf = Json.text(s, "quoted_status_id_str");
        if (quoteOf == null && qt != null) {
            quoteOf = Json.text(qt, "id_str");
        }
        posts.add(new PostRow(id, user, time, text, Json.text(s, "lang"), stripTags(Json.text(s, "source")),
                rt == null ? null : Json.text(rt, "id_str"), rt == null ? null : Json.text(rt, "user.id_str"),
                quoteOf, qt == null ? null : Json.text(qt, "user.id_str"),
                Json.text(s, "in_reply_to_status_id_str"), Json.text(s, "in_reply_to_user_id_str"),
                Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions),
                Json.count(s, "favorite_count"), Json.count(s, "retweet_count")));
    }

    // ---- API v2 ----

    private static void v2Response(JsonNode r, List<AccountRow> accounts, List<PostRow> posts) throws BadRecord {
        JsonNode includes = r.get("includes");
        Map<String, String> authorOf = new HashMap<>();
        List<JsonNode> tweets = new ArrayList<>();
        JsonNode data = r.get("data");
        if (data.isArray()) {
            data.forEach(tweets::add);
        } else if (data.isObject()) {
            tweets.add(data);
        } else {
            throw new BadRecord("'data' is neither an array nor an object");
        }
        List<JsonNode> included = new ArrayList<>();
        if (includes != null && includes.isObject()) {
            JsonNode users = includes.get("users");
            if (users != null && users.isArray()) {
                for (JsonNode u : users) {
                    if (Json.text(u, "id") != null) {
                        accounts.add(v2User(u));
                    }
                }
            }
            JsonNode incTweets = includes.get("tweets");
            if (incTweets != null && incTweets.isArray()) {
                incTweets.forEach(included::add);
            }
        }
        for (JsonNode t : tweets) {
            putAuthor(t, authorOf);
        }
        for (JsonNode t : included) {
            putAuthor(t, authorOf);
        }
        for (JsonNode t : included) {
            v2Tweet(t, authorOf, accounts, posts);
        }
        for (JsonNode t : tweets) {
            v2Tweet(t, authorOf, accounts, posts);
        }
    }

    private static void putAuthor(JsonNode t, Map<String, String> authorOf) {
        String id = Json.text(t, "id");
        String author = Json.text(t, "author_id");
        if (id != null && author != null) {
            authorOf.put(id, author);
        }
    }

    private static AccountRow v2User(JsonNode u) {
        return new AccountRow(Json.text(u, "id"), Json.text(u, "username"), Json.text(u, "name"),
                Json.text(u, "location"), Json.text(u, "description"), Json.text(u, "url"),
                Json.count(u, "public_metrics.followers_count"), Json.count(u, "public_metrics.following_count"),
                Json.timeOrNone(u, "created_at"), null);
    }

    private static void v2Tweet(JsonNode t, Map<String, String> authorOf, List<AccountRow> accounts,
                                List<PostRow> posts) throws BadRecord {
        String id = Json.text(t, "id");
        String author = Json.text(t, "author_id");
        if (id == null) {
            throw new BadRecord("tweet without id");
        }
        if (author == null) {
            throw new BadRecord("tweet " + id + " has no author_id");
        }
        long time = requiredTime(t, "created_at", id);
        String retweetOf = null;
        String quoteOf = null;
        String replyTo = null;
        JsonNode refs = t.get("referenced_tweets");
        if (refs != null && refs.isArray()) {
            for (JsonNode ref : refs) {
                String type = Json.text(ref, "type");
                String refId = Json.text(ref, "id");
                if (type == null || refId == null) {
                    continue;
                }
                switch (type) {
                    case "retweeted" -> retweetOf = refId;
                    case "quoted" -> quoteOf = refId;
                    case "replied_to" -> replyTo = refId;
                    default -> { }
                }
                String refAuthor = Json.text(ref, "author_id");
                if (refAuthor != null) {
                    authorOf.putIfAbsent(refId, refAuthor);
                }
            }
        }
        String replyAuthor = replyTo == null ? null
                : firstNonNull(authorOf.get(replyTo), Json.text(t, "in_reply_to_user_id"));
        List<String> hashtags = Json.eachAt(t, "entities.hashtags", "tag");
        List<String> urls = Json.eachAt(t, "entities.urls", "unwound_url", "expanded_url", "url");
        List<String> mentions = Json.eachAt(t, "entities.mentions", "id");
        posts.add(new PostRow(id, author, time, Json.text(t, "text"), Json.text(t, "lang"), Json.text(t, "source"),
                retweetOf, retweetOf == null ? null : authorOf.get(retweetOf),
                quoteOf, quoteOf == null ? null : authorOf.get(quoteOf),
                replyTo, replyAuthor, Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions),
                Json.count(t, "public_metrics.like_count"), Json.count(t, "public_metrics.retweet_count")));
    }

    private static long requiredTime(JsonNode node, String field, String id) throws BadRecord {
        String t = Json.text(node, field);
        if (t == null) {
            throw new BadRecord("post " + id + " has no " + field);
        }
        try {
            return Times.parse(t);
        } catch (DateTimeException e) {
            throw new BadRecord("post " + id + ": unparseable " + field + " '" + t + "'");
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** v1.1 {@code source} is an HTML anchor; keep its text. */
    private static String stripTags(String source) {
        if (source == null) {
            return null;
        }
        String s = source.replaceAll("<[^>]*>", "").strip();
        return s.isEmpty() ? null : s;
    }
}
