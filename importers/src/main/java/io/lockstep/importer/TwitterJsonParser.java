package io.lockstep.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lockstep.activity.Activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twitter API JSON lines, one JSON object a line, in every shape twarc writes:
 * <ul>
 * <li>API v2 <b>pages</b> ({@code twarc2 search/timeline/...}): {@code data} (an array, or one object in streaming
 * output with {@code matching_rules}), {@code includes.users}, {@code includes.tweets}, {@code errors},
 * {@code meta}, {@code __twarc};</li>
 * <li>API v2 <b>flattened</b> tweets ({@code twarc2 flatten}): one tweet a line with its {@code author},
 * {@code in_reply_to_user}, mentions expanded to users and {@code referenced_tweets[*]} holding the whole
 * referenced tweets (themselves flattened);</li>
 * <li>API v1.1 statuses ({@code id_str}, {@code user}, {@code retweeted_status}, {@code quoted_status},
 * {@code extended_tweet}, {@code full_text});</li>
 * <li>user lookups (v2 pages of users, flattened v2 users, v1.1 user objects): loaded as accounts with their
 * profiles.</li>
 * </ul>
 * Referenced tweets that the line holds (v2 {@code includes.tweets}, inlined flattened references, v1.1 embedded
 * statuses) are imported as complete posts. A retweet's truncated {@code RT @user: …} text is completed with the
 * original's full text when the line holds the original, and the retweet carries the original's hashtags, URLs
 * and mentions besides its own.
 *
 * <p>Lines that are neither tweets nor accounts (tweet counts, list objects, compliance events, v1.1 delete
 * notices, pages with only {@code errors}) are {@linkplain RowSink#skip skipped}; broken JSON, tweets without id,
 * author or time, and any unexpected failure while reading a line are {@linkplain RowSink#reject rejected}.
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
            Rows rows = new Rows();
            String skipped;
            try {
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    sink.reject(lineNo, "broken JSON line: " + firstLine(e.getOriginalMessage()), line);
                    continue;
                }
                if (node == null || !node.isObject()) {
                    sink.reject(lineNo, "not a JSON object", line);
                    continue;
                }
                skipped = line(node, rows);
            } catch (BadRecord e) {
                sink.reject(lineNo, e.getMessage(), line);
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                sink.reject(lineNo, "unreadable line (" + e.getClass().getSimpleName() + ": "
                        + firstLine(e.getMessage()) + ")", line);
                continue;
            }
            if (skipped != null && rows.isEmpty()) {
                sink.skip(lineNo, skipped);
                continue;
            }
            rows.accounts.values().forEach(sink::account);
            rows.posts.values().forEach(sink::post);
            sink.endRecord();
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The rows of one line, de-duplicated by id (the last description of an account wins, the first post). */
    private static final class Rows {
        final Map<String, AccountRow> accounts = new LinkedHashMap<>();
        final Map<String, PostRow> posts = new LinkedHashMap<>();

        void account(AccountRow a) {
            accounts.merge(a.id(), a, Rows::richer);
        }

        void post(PostRow p) {
            posts.putIfAbsent(p.id(), p);
        }

        boolean isEmpty() {
            return accounts.isEmpty() && posts.isEmpty();
        }

        /** Of two descriptions of one account, the one giving more fields (a flattened file repeats them). */
        private static AccountRow richer(AccountRow a, AccountRow b) {
            return fields(b) >= fields(a) ? b : a;
        }

        private static int fields(AccountRow a) {
            int n = 0;
            n += a.screenName() != null ? 1 : 0;
            n += a.displayName() != null ? 1 : 0;
            n += a.createdAt() != Activity.NO_TIME ? 1 : 0;
            n += a.followersCount() >= 0 ? 1 : 0;
            return n;
        }
    }

    /** A record-level problem: the whole line is rejected. */
    private static final class BadRecord extends Exception {
        BadRecord(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads one line's object into {@code rows}; returns what kind of non-tweet it was when nothing is loaded. */
    private static String line(JsonNode node, Rows rows) throws BadRecord {
        if (node.has("data")) {
            return v2Page(node, rows);
        }
        if (node.has("id_str")) {
            if (node.has("user")) {
                v1Status(node, rows);
                return null;
            }
            if (node.has("screen_name")) {
                rows.account(v1User(node));
                return null;
            }
            return "API v1.1 object that is neither a status nor a user";
        }
        if (node.has("delete") || node.has("scrub_geo") || node.has("limit") || node.has("status_withheld")
                || node.has("user_withheld")) {
            return "API v1.1 stream notice";
        }
        if (node.has("action") && node.has("id")) {
            return "compliance event";
        }
        if (isTweet(node)) {
            flatTweet(node, rows);
            return null;
        }
        if (isUser(node)) {
            rows.account(v2User(node));
            return null;
        }
        return kindOf(node);
    }

    /** A v2 tweet: an id and something only tweets have. */
    private static boolean isTweet(JsonNode t) {
        return t.isObject() && t.has("id")
                && (t.has("author_id") || t.has("text") || t.has("edit_history_tweet_ids"));
    }

    private static boolean isUser(JsonNode u) {
        return u.isObject() && u.has("id") && u.has("username");
    }

    /** What a non-tweet, non-user object is, for the import report. */
    private static String kindOf(JsonNode o) {
        if (o.has("tweet_count") && (o.has("start") || o.has("end"))) {
            return "tweet counts";
        }
        if (o.has("member_count") || o.has("owner_id")) {
            return "list";
        }
        if (o.has("action")) {
            return "compliance event";
        }
        return "neither a tweet nor an account";
    }

    // ---- API v1.1 ----

    private static AccountRow v1User(JsonNode u) {
        return new AccountRow(Json.text(u, "id_str"), Json.text(u, "screen_name"), Json.text(u, "name"),
                Json.text(u, "location"), Json.text(u, "description"), Json.text(u, "url"),
                Json.count(u, "followers_count"), Json.count(u, "friends_count"), Json.timeOrNone(u, "created_at"),
                Json.text(u, "lang"));
    }

    private static PostRow v1Status(JsonNode s, Rows rows) throws BadRecord {
        String id = Json.text(s, "id_str");
        String user = Json.text(s, "user.id_str");
        if (id == null) {
            throw new BadRecord("empty id_str");
        }
        if (user == null) {
            throw new BadRecord("status " + id + " has no user.id_str");
        }
        long time = requiredTime(s, "created_at", id);
        JsonNode rt = object(s.get("retweeted_status"));
        JsonNode qt = object(s.get("quoted_status"));
        PostRow original = rt == null ? null : v1Status(rt, rows);
        if (qt != null) {
            v1Status(qt, rows);
        }
        rows.account(v1User(s.get("user")));
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
        PostRow post = new PostRow(id, user, time, text, Json.text(s, "lang"), stripTags(Json.text(s, "source")),
                original == null ? null : original.id(), original == null ? null : original.authorId(),
                quoteOf, qt == null ? null : Json.text(qt, "user.id_str"),
                Json.text(s, "in_reply_to_status_id_str"), Json.text(s, "in_reply_to_user_id_str"),
                Cells.hashtags(hashtags), Cells.urls(urls), Cells.ids(mentions),
                Json.count(s, "favorite_count"), Json.count(s, "retweet_count"));
        post = withOriginal(post, original);
        rows.post(post);
        return post;
    }

    // ---- API v2 ----

    private static String v2Page(JsonNode page, Rows rows) throws BadRecord {
        JsonNode data = page.get("data");
        List<JsonNode> items = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(items::add);
        } else if (data.isObject()) {
            items.add(data);
        } else if (!data.isNull()) {
            throw new BadRecord("'data' is neither an array nor an object");
        }
        Map<String, JsonNode> known = new HashMap<>();
        Map<String, String> authorOf = new HashMap<>();
        Map<String, String> idOfUsername = new HashMap<>();
        List<JsonNode> included = new ArrayList<>();
        JsonNode includes = object(page.get("includes"));
        if (includes != null) {
            JsonNode users = includes.get("users");
            if (users != null && users.isArray()) {
                for (JsonNode u : users) {
                    if (isUser(u) || u.isObject() && Json.text(u, "id") != null) {
                        AccountRow a = v2User(u);
                        rows.account(a);
                        if (a.screenName() != null) {
                            idOfUsername.put(a.screenName().toLowerCase(Locale.ROOT), a.id());
                        }
                    }
                }
            }
            JsonNode tweets = includes.get("tweets");
            if (tweets != null && tweets.isArray()) {
                for (JsonNode t : tweets) {
                    if (isTweet(t)) {
                        included.add(t);
                    }
                }
            }
        }
        String other = null;
        List<JsonNode> tweets = new ArrayList<>();
        for (JsonNode item : items) {
            if (isTweet(item)) {
                tweets.add(item);
            } else if (isUser(item)) {
                rows.account(v2User(item));
            } else if (item.isObject()) {
                other = kindOf(item);
            }
        }
        for (JsonNode t : included) {
            remember(t, known, authorOf);
        }
        for (JsonNode t : tweets) {
            remember(t, known, authorOf);
        }
        for (JsonNode t : included) {
            includedTweet(t, known, authorOf, idOfUsername, rows);
        }
        for (JsonNode t : tweets) {
            v2Tweet(t, known, authorOf, idOfUsername, rows);
        }
        if (rows.isEmpty()) {
            return other != null ? other : page.has("errors") ? "page with errors only" : "page without data";
        }
        return null;
    }

    /**
     * A flattened tweet: its author, the user it replies to, mentioned users given with their profile, and its
     * referenced tweets (recursively) when they are inlined whole.
     */
    private static void flatTweet(JsonNode t, Rows rows) throws BadRecord {
        Map<String, JsonNode> known = new HashMap<>();
        Map<String, String> authorOf = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        collectFlat(t, all, 0);
        for (JsonNode x : all) {
            remember(x, known, authorOf);
        }
        for (int i = all.size() - 1; i >= 0; i--) { // referenced tweets first, as in a page
            JsonNode x = all.get(i);
            JsonNode author = object(x.get("author"));
            if (author != null && Json.text(author, "id") != null) {
                rows.account(v2User(author));
            }
            JsonNode replyUser = object(x.get("in_reply_to_user"));
            if (replyUser != null && Json.text(replyUser, "id") != null) {
                rows.account(v2User(replyUser));
            }
            JsonNode mentions = Json.at(x, "entities.mentions");
            if (mentions != null && mentions.isArray()) {
                for (JsonNode m : mentions) {
                    // an expanded mention carries the user's profile; a bare one (id, username) describes nothing
                    if (Json.text(m, "id") != null && (m.has("created_at") || m.has("name"))) {
                        rows.account(v2User(m));
                    }
                }
            }
            if (x == t) {
                v2Tweet(x, known, authorOf, Map.of(), rows);
            } else {
                includedTweet(x, known, authorOf, Map.of(), rows);
            }
        }
    }

    /**
     * A tweet the line holds only because another refers to it: one without id, author or time is left out (the
     * reference to it stays, to a placeholder) rather than rejecting the tweets of the line.
     */
    private static void includedTweet(JsonNode t, Map<String, JsonNode> known, Map<String, String> authorOf,
                                      Map<String, String> idOfUsername, Rows rows) {
        try {
            v2Tweet(t, known, authorOf, idOfUsername, rows);
        } catch (BadRecord e) {
            known.remove(Json.text(t, "id"));
        }
    }

    /** {@code t} and the whole tweets inlined in its {@code referenced_tweets}, depth first. */
    private static void collectFlat(JsonNode t, List<JsonNode> out, int depth) throws BadRecord {
        if (depth > 20) {
            throw new BadRecord("referenced tweets nested deeper than 20 levels");
        }
        out.add(t);
        JsonNode refs = t.get("referenced_tweets");
        if (refs != null && refs.isArray()) {
            for (JsonNode ref : refs) {
                if (ref.isObject() && (ref.has("text") || ref.has("author_id")) && Json.text(ref, "id") != null) {
                    collectFlat(ref, out, depth + 1);
                }
            }
        }
    }

    private static void remember(JsonNode t, Map<String, JsonNode> known, Map<String, String> authorOf) {
        String id = Json.text(t, "id");
        if (id == null) {
            return;
        }
        known.putIfAbsent(id, t);
        String author = Json.text(t, "author_id");
        if (author != null) {
            authorOf.putIfAbsent(id, author);
        }
    }

    private static AccountRow v2User(JsonNode u) {
        return new AccountRow(Json.text(u, "id"), Json.text(u, "username"), Json.text(u, "name"),
                Json.text(u, "location"), Json.text(u, "description"), Json.text(u, "url"),
                Json.count(u, "public_metrics.followers_count"), Json.count(u, "public_metrics.following_count"),
                Json.timeOrNone(u, "created_at"), null);
    }

    /**
     * One v2 tweet. {@code idOfUsername} (lower-cased username to id, from a page's {@code includes.users})
     * completes mentions that the API gives by username only, as {@code twarc2 flatten} does.
     */
    private static PostRow v2Tweet(JsonNode t, Map<String, JsonNode> known, Map<String, String> authorOf,
                                   Map<String, String> idOfUsername, Rows rows) throws BadRecord {
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
        PostRow post = new PostRow(id, author, time, Json.text(t, "text"), Json.text(t, "lang"),
                Json.text(t, "source"),
                retweetOf, retweetOf == null ? null : authorOf.get(retweetOf),
                quoteOf, quoteOf == null ? null : authorOf.get(quoteOf),
                replyTo, replyAuthor, Cells.hashtags(Json.eachAt(t, "entities.hashtags", "tag")),
                Cells.urls(Json.eachAt(t, "entities.urls", "unwound_url", "expanded_url", "url")),
                Cells.ids(mentions(t, idOfUsername)),
                Json.count(t, "public_metrics.like_count"), Json.count(t, "public_metrics.retweet_count"));
        JsonNode original = retweetOf == null ? null : known.get(retweetOf);
        if (original != null && original != t) {
            post = withOriginal(post, new PostRow(retweetOf, author, time, Json.text(original, "text"), null, null,
                    null, null, null, null, null, null,
                    Cells.hashtags(Json.eachAt(original, "entities.hashtags", "tag")),
                    Cells.urls(Json.eachAt(original, "entities.urls", "unwound_url", "expanded_url", "url")),
                    Cells.ids(mentions(original, idOfUsername)), -1, -1));
        }
        rows.post(post);
        return post;
    }

    /** The ids of a tweet's mentions, by id or, failing that, by username. */
    private static List<String> mentions(JsonNode t, Map<String, String> idOfUsername) {
        JsonNode arr = Json.at(t, "entities.mentions");
        List<String> out = new ArrayList<>();
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode m : arr) {
            String id = Json.text(m, "id");
            if (id == null) {
                String name = Json.text(m, "username");
                id = name == null ? null : idOfUsername.get(name.toLowerCase(Locale.ROOT));
            }
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The retweet completed with its original: the {@code RT @user: } prefix followed by the original's full text
     * (the API truncates a retweet's own text), and the original's hashtags, URLs and mentions after its own.
     */
    private static PostRow withOriginal(PostRow retweet, PostRow original) {
        if (original == null) {
            return retweet;
        }
        String text = retweet.text();
        String full = original.text();
        if (full != null && text != null && text.startsWith("RT @")) {
            int colon = text.indexOf(": ");
            if (colon > 0) {
                text = text.substring(0, colon + 2) + full;
            }
        } else if (text == null) {
            text = full;
        }
        return new PostRow(retweet.id(), retweet.authorId(), retweet.time(), text, retweet.lang(), retweet.client(),
                retweet.retweetOf(), retweet.retweetAuthor(), retweet.quoteOf(), retweet.quoteAuthor(),
                retweet.replyTo(), retweet.replyAuthor(), union(retweet.hashtags(), original.hashtags()),
                union(retweet.urls(), original.urls()), union(retweet.mentions(), original.mentions()),
                retweet.likeCount(), retweet.retweetCount());
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static JsonNode object(JsonNode n) {
        return n != null && n.isObject() ? n : null;
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
