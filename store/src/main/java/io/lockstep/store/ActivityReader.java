package io.lockstep.store;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams the graph in the store into a core {@link Activity}: accounts, posts with their references, hashtags (in
 * order), URLs and mentions, and follows. The driver pulls records in pages (its fetch size), so memory is the
 * {@code Activity} itself, never a whole result set.
 */
public final class ActivityReader {
    static final String ACCOUNTS = """
            MATCH (a:Account)
            RETURN a.id AS id, a.screen_name AS screenName, a.created_at AS created, a.followers_count AS followers""";
    static final String POSTS = """
            MATCH (author:Account)-[:POSTED]->(p:Post)
            WHERE coalesce(p.placeholder, false) = false
            OPTIONAL MATCH (p)-[:RETWEETS|QUOTES|REPLIES_TO]->(ref:Post)
            OPTIONAL MATCH (refAuthor:Account)-[:POSTED]->(ref)
            RETURN p.id AS id, author.id AS author, p.time AS time, p.kind AS kind, ref.id AS ref,
                   refAuthor.id AS refAuthor, p.text AS text,
                   COLLECT { MATCH (p)-[t:TAGS]->(h:Hashtag) RETURN h.name ORDER BY t.position } AS hashtags,
                   COLLECT { MATCH (p)-[:LINKS]->(u:Url) RETURN u.url } AS urls,
                   COLLECT { MATCH (p)-[:MENTIONS]->(m:Account) RETURN m.id } AS mentions""";
    static final String FOLLOWS = """
            MATCH (a:Account)-[:FOLLOWS]->(b:Account)
            RETURN a.id AS follower, b.id AS followee""";
    static final String COUNTS = """
            CALL { MATCH (a:Account) RETURN count(a) AS accounts }
            CALL { MATCH (p:Post) WHERE coalesce(p.placeholder, false) = false RETURN count(p) AS posts }
            CALL { MATCH ()-[f:FOLLOWS]->() RETURN count(f) AS follows }
            RETURN accounts, posts, follows""";

    private ActivityReader() {
    }

    public static Activity read(GraphStore store) {
        return read(store, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    public static Activity read(GraphStore store, ProgressListener progress, TerminationFlag termination) {
        ActivityBuilder builder = new ActivityBuilder();
        try (Session session = store.session()) {
            Record counts = session.run(COUNTS).single();
            progress.begin("Reading accounts", counts.get("accounts").asLong());
            Result accounts = session.run(ACCOUNTS);
            long n = 0;
            while (accounts.hasNext()) {
                Record r = accounts.next();
                builder.account(r.get("id").asString(), nullableString(r.get("screenName")),
                        r.get("created").isNull() ? Activity.NO_TIME : r.get("created").asLong(),
                        r.get("followers").isNull() ? -1 : r.get("followers").asInt());
                if (++n % 10_000 == 0) {
                    progress.advance(10_000);
                    termination.assertRunning();
                }
            }
            progress.end();

            progress.begin("Reading posts", counts.get("posts").asLong());
            Result posts = session.run(POSTS);
            n = 0;
            while (posts.hasNext()) {
                Record r = posts.next();
                builder.addPost(r.get("id").asString(), r.get("author").asString(),
                        r.get("time").isNull() ? Activity.NO_TIME : r.get("time").asLong(),
                        kind(r.get("kind")), nullableString(r.get("ref")), nullableString(r.get("refAuthor")),
                        nullableString(r.get("text")), strings(r.get("hashtags")), strings(r.get("urls")),
                        strings(r.get("mentions")));
                if (++n % 10_000 == 0) {
                    progress.advance(10_000);
                    termination.assertRunning();
                }
            }
            progress.end();

            progress.begin("Reading follows", counts.get("follows").asLong());
            Result follows = session.run(FOLLOWS);
            n = 0;
            while (follows.hasNext()) {
                Record r = follows.next();
                builder.addFollow(r.get("follower").asString(), r.get("followee").asString());
                if (++n % 50_000 == 0) {
                    progress.advance(50_000);
                    termination.assertRunning();
                }
            }
            progress.end();
        }
        return builder.build();
    }

    static PostKind kind(Value v) {
        if (v.isNull()) {
            return PostKind.TWEET;
        }
        return switch (v.asString().toLowerCase(Locale.ROOT)) {
            case "retweet" -> PostKind.RETWEET;
            case "reply" -> PostKind.REPLY;
            case "quote" -> PostKind.QUOTE;
            default -> PostKind.TWEET;
        };
    }

    private static String nullableString(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static List<String> strings(Value v) {
        if (v.isNull() || v.size() == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (Value x : v.values()) {
            out.add(x.asString());
        }
        return out;
    }
}
