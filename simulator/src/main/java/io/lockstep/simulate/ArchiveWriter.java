package io.lockstep.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Streams the simulated archive to disk in the formats the importers read: information-operations tweets and users
 * CSVs, a follower CSV, twarc2 CSV, API v1.1 JSON lines and the ground truth. Nothing is kept in memory.
 */
final class ArchiveWriter implements Closeable {
    static final String[] TWEET_COLUMNS = {"tweetid", "userid", "user_display_name", "user_screen_name",
            "user_reported_location", "user_profile_description", "user_profile_url", "follower_count",
            "following_count", "account_creation_date", "account_language", "tweet_language", "tweet_text",
            "tweet_time", "tweet_client_name", "in_reply_to_userid", "in_reply_to_tweetid", "quoted_tweet_tweetid",
            "is_retweet", "retweet_userid", "retweet_tweetid", "latitude", "longitude", "quote_count", "reply_count",
            "like_count", "retweet_count", "hashtags", "urls", "user_mentions"};
    static final String[] USER_COLUMNS = {"userid", "user_display_name", "user_screen_name",
            "user_reported_location", "user_profile_description", "user_profile_url", "follower_count",
            "following_count", "account_creation_date", "account_language"};
    static final String[] TWARC2_COLUMNS = {"id", "conversation_id", "referenced_tweets.replied_to.id",
            "referenced_tweets.retweeted.id", "referenced_tweets.quoted.id", "author_id", "in_reply_to_user_id",
            "retweeted_user_id", "quoted_user_id", "created_at", "text", "lang", "source",
            "public_metrics.like_count", "public_metrics.quote_count", "public_metrics.reply_count",
            "public_metrics.retweet_count", "entities.hashtags", "entities.urls", "entities.mentions", "author.id",
            "author.created_at", "author.username", "author.name", "author.description", "author.location",
            "author.public_metrics.followers_count", "author.public_metrics.following_count"};
    static final String[] TRUTH_COLUMNS = {"account_id", "label", "group", "twitter_id"};

    private final Population pop;
    private final String[] communityLang;
    private final String[] communityLocation;
    private final TimeText time = new TimeText();
    private final CSVPrinter tweets;
    private final CSVPrinter users;
    private final Writer follows;
    private final CSVPrinter twarc2;
    private final Writer jsonlOut;
    private final JsonGenerator json;
    private final CSVPrinter truth;
    private final StringBuilder scratch = new StringBuilder(256);
    private long posts;

    ArchiveWriter(Path dir, Population pop, String[] communityLang, String[] communityLocation) throws IOException {
        this.pop = pop;
        this.communityLang = communityLang;
        this.communityLocation = communityLocation;
        Files.createDirectories(dir);
        tweets = printer(ArchiveFile.TWEETS.in(dir), TWEET_COLUMNS);
        users = printer(ArchiveFile.USERS.in(dir), USER_COLUMNS);
        follows = writer(ArchiveFile.FOLLOWS.in(dir));
        follows.write("follower_userid,followee_userid\n");
        twarc2 = printer(ArchiveFile.TWARC2.in(dir), TWARC2_COLUMNS);
        jsonlOut = writer(ArchiveFile.JSONL.in(dir));
        json = new JsonFactory().createGenerator(jsonlOut);
        json.setRootValueSeparator(new SerializedString("\n"));
        truth = printer(ArchiveFile.TRUTH.in(dir), TRUTH_COLUMNS);
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    private static CSVPrinter printer(Path p, String[] header) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get();
        return new CSVPrinter(writer(p), f);
    }

    private String lang(int a) {
        return communityLang[pop.community[a]];
    }

    private String location(int a) {
        return communityLocation[pop.community[a]];
    }

    void user(int a) throws IOException {
        users.printRecord(pop.ioId[a], pop.ioDisplayName(a), pop.ioScreenName(a), location(a), pop.description[a],
                "", pop.followers[a], pop.following[a], time.date(pop.created[a]), lang(a));
    }

    void truth(int a) throws IOException {
        truth.printRecord(pop.ioId[a], pop.label(a), pop.groupName(a), pop.numericId[a]);
    }

    void follow(int follower, int followee) throws IOException {
        follows.write(pop.ioId[follower]);
        follows.write(',');
        follows.write(pop.ioId[followee]);
        follows.write('\n');
    }

    void post(SimPost p) throws IOException {
        posts++;
        infoOps(p);
        twarc2(p);
        v1(p);
    }

    /** {@code [a, b, c]}, the archives' list cell, of {@code n} items; empty when there are none. */
    private String list(int n, IntFunction<String> item) {
        if (n == 0) {
            return "";
        }
        StringBuilder sb = scratch;
        sb.setLength(0);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(item.apply(i));
        }
        return sb.append(']').toString();
    }

    private String list(String[] items) {
        return list(items.length, i -> items[i]);
    }

    private String mentionList(int[] mentions) {
        return list(mentions.length, i -> pop.ioId[mentions[i]]);
    }

    private void infoOps(SimPost p) throws IOException {
        int a = p.author();
        boolean rt = p.kind() == SimPost.RETWEET;
        SimPost.Counts c = p.counts();
        tweets.printRecord(p.id(), pop.ioId[a], pop.ioDisplayName(a), pop.ioScreenName(a), location(a),
                pop.description[a], "", pop.followers[a], pop.following[a], time.date(pop.created[a]), lang(a),
                lang(a), p.text(), time.minute(p.time()), p.client(),
                p.kind() == SimPost.REPLY ? pop.ioId[p.refAuthor()] : "",
                p.kind() == SimPost.REPLY ? Long.toString(p.refId()) : "",
                p.kind() == SimPost.QUOTE ? Long.toString(p.refId()) : "",
                rt ? "True" : "False",
                rt ? pop.ioId[p.refAuthor()] : "",
                rt ? Long.toString(p.refId()) : "",
                "", "", c.quotes, c.replies, c.likes, c.retweets,
                list(p.hashtags()), list(p.urls()), mentionList(p.mentions()));
    }

    private String hashtagEntities(String text, String[] tags) {
        StringBuilder sb = new StringBuilder(32 * tags.length + 2).append('[');
        int from = 0;
        for (int i = 0; i < tags.length; i++) {
            int start = text.indexOf("#" + tags[i], from);
            if (start < 0) {
                start = 0;
            } else {
                from = start + 1;
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"start\": ").append(start).append(", \"end\": ").append(start + tags[i].length() + 1)
                    .append(", \"tag\": \"").append(tags[i]).append("\"}");
        }
        return sb.append(']').toString();
    }

    private String urlEntities(String text, String[] urls) {
        StringBuilder sb = new StringBuilder(96 * urls.length + 2).append('[');
        for (int i = 0; i < urls.length; i++) {
            int start = Math.max(0, text.indexOf(urls[i]));
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"start\": ").append(start).append(", \"end\": ").append(start + urls[i].length())
                    .append(", \"url\": \"").append(urls[i]).append("\", \"expanded_url\": \"").append(urls[i])
                    .append("\", \"display_url\": \"").append(urls[i].replaceFirst("^https?://", ""))
                    .append("\"}");
        }
        return sb.append(']').toString();
    }

    private String mentionEntities(String text, int[] mentions) {
        StringBuilder sb = new StringBuilder(64 * mentions.length + 2).append('[');
        for (int i = 0; i < mentions.length; i++) {
            String name = pop.screenName[mentions[i]];
            int start = Math.max(0, text.indexOf("@" + name));
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{\"start\": ").append(start).append(", \"end\": ").append(start + name.length() + 1)
                    .append(", \"username\": \"").append(name).append("\", \"id\": \"")
                    .append(pop.numericId[mentions[i]]).append("\"}");
        }
        return sb.append(']').toString();
    }

    private void twarc2(SimPost p) throws IOException {
        int a = p.author();
        int k = p.kind();
        SimPost.Counts c = p.counts();
        String ref = Long.toString(p.refId());
        String refAuthor = p.refAuthor() >= 0 ? Long.toString(pop.numericId[p.refAuthor()]) : "";
        twarc2.printRecord(p.id(), p.conversationId(),
                k == SimPost.REPLY ? ref : "", k == SimPost.RETWEET ? ref : "", k == SimPost.QUOTE ? ref : "",
                pop.numericId[a], k == SimPost.REPLY ? refAuthor : "", k == SimPost.RETWEET ? refAuthor : "",
                k == SimPost.QUOTE ? refAuthor : "", time.iso(p.time()), p.text(), lang(a), p.client(),
                c.likes, c.quotes, c.replies, c.retweets,
                p.hashtags().length == 0 ? "" : hashtagEntities(p.text(), p.hashtags()),
                p.urls().length == 0 ? "" : urlEntities(p.text(), p.urls()),
                p.mentions().length == 0 ? "" : mentionEntities(p.text(), p.mentions()),
                pop.numericId[a], time.iso(pop.created[a]), pop.screenName[a], pop.displayName[a],
                pop.description[a], location(a), pop.followers[a], pop.following[a]);
    }

    private void v1User(int a) throws IOException {
        json.writeNumberField("id", pop.numericId[a]);
        json.writeStringField("id_str", Long.toString(pop.numericId[a]));
        json.writeStringField("name", pop.displayName[a]);
        json.writeStringField("screen_name", pop.screenName[a]);
        json.writeStringField("location", location(a));
        json.writeStringField("description", pop.description[a]);
        json.writeNumberField("followers_count", pop.followers[a]);
        json.writeNumberField("friends_count", pop.following[a]);
        json.writeStringField("created_at", time.v1(pop.created[a]));
        json.writeStringField("lang", lang(a));
    }

    /** The original embedded in a retweet or quote: what the API nests as retweeted_status / quoted_status. */
    private void v1Embedded(String field, SimPost o) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("created_at", time.v1(o.time()));
        json.writeNumberField("id", o.id());
        json.writeStringField("id_str", Long.toString(o.id()));
        json.writeStringField("text", o.text());
        json.writeStringField("source", o.client());
        json.writeStringField("lang", lang(o.author()));
        json.writeObjectFieldStart("user");
        v1User(o.author());
        json.writeEndObject();
        v1Entities(o);
        json.writeEndObject();
    }

    private void v1Entities(SimPost p) throws IOException {
        String text = p.text();
        json.writeObjectFieldStart("entities");
        json.writeArrayFieldStart("hashtags");
        int from = 0;
        for (String tag : p.hashtags()) {
            int start = text.indexOf("#" + tag, from);
            if (start < 0) {
                start = 0;
            } else {
                from = start + 1;
            }
            json.writeStartObject();
            json.writeStringField("text", tag);
            json.writeArrayFieldStart("indices");
            json.writeNumber(start);
            json.writeNumber(start + tag.length() + 1);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("urls");
        for (String url : p.urls()) {
            int start = Math.max(0, text.indexOf(url));
            json.writeStartObject();
            json.writeStringField("url", url);
            json.writeStringField("expanded_url", url);
            json.writeArrayFieldStart("indices");
            json.writeNumber(start);
            json.writeNumber(start + url.length());
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("user_mentions");
        for (int m : p.mentions()) {
            String name = pop.screenName[m];
            int start = Math.max(0, text.indexOf("@" + name));
            json.writeStartObject();
            json.writeStringField("screen_name", name);
            json.writeNumberField("id", pop.numericId[m]);
            json.writeStringField("id_str", Long.toString(pop.numericId[m]));
            json.writeArrayFieldStart("indices");
            json.writeNumber(start);
            json.writeNumber(start + name.length() + 1);
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void v1(SimPost p) throws IOException {
        int a = p.author();
        int k = p.kind();
        SimPost.Counts c = p.counts();
        json.writeStartObject();
        json.writeStringField("created_at", time.v1(p.time()));
        json.writeNumberField("id", p.id());
        json.writeStringField("id_str", Long.toString(p.id()));
        json.writeStringField("text", p.text());
        json.writeStringField("source", p.client());
        json.writeStringField("lang", lang(a));
        json.writeObjectFieldStart("user");
        v1User(a);
        json.writeEndObject();
        if (k == SimPost.REPLY) {
            json.writeNumberField("in_reply_to_status_id", p.refId());
            json.writeStringField("in_reply_to_status_id_str", Long.toString(p.refId()));
            json.writeNumberField("in_reply_to_user_id", pop.numericId[p.refAuthor()]);
            json.writeStringField("in_reply_to_user_id_str", Long.toString(pop.numericId[p.refAuthor()]));
            json.writeStringField("in_reply_to_screen_name", pop.screenName[p.refAuthor()]);
        } else {
            json.writeNullField("in_reply_to_status_id");
            json.writeNullField("in_reply_to_user_id");
        }
        json.writeBooleanField("is_quote_status", k == SimPost.QUOTE);
        if (k == SimPost.QUOTE) {
            json.writeNumberField("quoted_status_id", p.refId());
            json.writeStringField("quoted_status_id_str", Long.toString(p.refId()));
        }
        if (k == SimPost.QUOTE && p.original() != null) {
            v1Embedded("quoted_status", p.original());
        }
        if (k == SimPost.RETWEET) {
            v1Embedded("retweeted_status", p.original());
        }
        json.writeNumberField("retweet_count", c.retweets);
        json.writeNumberField("favorite_count", c.likes);
        json.writeNumberField("reply_count", c.replies);
        json.writeNumberField("quote_count", c.quotes);
        v1Entities(p);
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        if (posts > 0) {
            json.writeRaw('\n');
        }
        for (Closeable c : new Closeable[] {tweets, users, follows, twarc2, json, jsonlOut, truth}) {
            try {
                c.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
