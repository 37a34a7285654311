package io.lockstep.store;

import io.lockstep.activity.Activity;
import io.lockstep.activity.ActivityBuilder;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Streams the graph in the store into a core {@link Activity} (in its {@linkplain Activity#canonical() canonical}
 * order): accounts, posts with their references, hashtags (in order), URLs and mentions, and follows.
 *
 * <p>One scan per label and per relationship type, each returning internal node ids rather than properties, joined
 * in memory: a post costs a handful of small records instead of one pattern with four subqueries. The driver pulls
 * records in pages (its fetch size), so memory is the {@code Activity} plus a few ints per relationship, never a
 * whole result set. A post that references several others keeps the one its kind names (a retweet before a quote
 * before a reply), as {@code PostRow#kind} decides on import.
 */
public final class ActivityReader {
    static final String COUNTS = """
            CALL { MATCH (a:Account) RETURN count(a) AS accounts }
            CALL { MATCH (p:Post) RETURN count(p) AS posts }
            CALL { MATCH ()-[f:FOLLOWS]->() RETURN count(f) AS follows }
            RETURN accounts, posts, follows""";
    static final String ACCOUNTS = """
            MATCH (a:Account)
            RETURN id(a), a.id, a.screen_name, a.created_at, a.followers_count""";
    static final String POSTS = """
            MATCH (p:Post)
            RETURN id(p), p.id, p.time, p.kind, p.text, coalesce(p.placeholder, false)""";
    static final String HASHTAGS = "MATCH (h:Hashtag) RETURN id(h), h.name";
    static final String URLS = "MATCH (u:Url) RETURN id(u), u.url";
    static final String POSTED = "MATCH (a)-[:POSTED]->(p) RETURN id(a), id(p)";
    static final String RETWEETS = "MATCH (p)-[:RETWEETS]->(q) RETURN id(p), id(q)";
    static final String QUOTES = "MATCH (p)-[:QUOTES]->(q) RETURN id(p), id(q)";
    static final String REPLIES_TO = "MATCH (p)-[:REPLIES_TO]->(q) RETURN id(p), id(q)";
    static final String TAGS = "MATCH (p)-[t:TAGS]->(h) RETURN id(p), id(h), t.position";
    static final String LINKS = "MATCH (p)-[:LINKS]->(u) RETURN id(p), id(u)";
    static final String MENTIONS = "MATCH (p)-[:MENTIONS]->(a) RETURN id(p), id(a)";
    static final String FOLLOWS = "MATCH (a)-[:FOLLOWS]->(b) RETURN id(a), id(b)";

    private static final int TICK = 50_000;

    private ActivityReader() {
    }

    public static Activity read(GraphStore store) {
        return read(store, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
    }

    public static Activity read(GraphStore store, ProgressListener progress, TerminationFlag termination) {
        try (Session session = store.session()) {
            Record counts = session.run(COUNTS).single();
            long posts = counts.get("posts").asLong();

            progress.begin("Reading accounts", counts.get("accounts").asLong());
            Long2IntOpenHashMap accountOf = new Long2IntOpenHashMap();
            accountOf.defaultReturnValue(-1);
            ObjectArrayList<String> accountIds = new ObjectArrayList<>();
            ActivityBuilder builder = new ActivityBuilder();
            scan(session, ACCOUNTS, progress, termination, r -> {
                String id = r.get(1).asString();
                accountOf.put(r.get(0).asLong(), accountIds.size());
                accountIds.add(id);
                Value followers = r.get(4);
                builder.account(id, nullableString(r.get(2)),
                        r.get(3).isNull() ? Activity.NO_TIME : r.get(3).asLong(),
                        followers.isNull() ? -1 : (int) Math.min(Integer.MAX_VALUE, followers.asLong()));
            });
            progress.end();

            progress.begin("Reading posts", posts);
            Long2IntOpenHashMap postOf = new Long2IntOpenHashMap();
            postOf.defaultReturnValue(-1);
            ObjectArrayList<String> postIds = new ObjectArrayList<>();
            LongArrayList times = new LongArrayList();
            ByteArrayList kinds = new ByteArrayList();
            ObjectArrayList<String> texts = new ObjectArrayList<>();
            scan(session, POSTS, progress, termination, r -> {
                postOf.put(r.get(0).asLong(), postIds.size());
                postIds.add(r.get(1).asString());
                times.add(r.get(2).isNull() ? Activity.NO_TIME : r.get(2).asLong());
                kinds.add((byte) (r.get(5).asBoolean() ? PostKind.PLACEHOLDER : kind(r.get(3))).ordinal());
                texts.add(nullableString(r.get(4)));
            });
            progress.end();
            int n = postIds.size();

            progress.begin("Reading post relationships", -1);
            int[] authors = filled(n);
            scan(session, POSTED, ProgressListener.NONE, termination, r -> {
                int p = postOf.get(r.get(1).asLong());
                int a = accountOf.get(r.get(0).asLong());
                if (p >= 0 && a >= 0 && authors[p] < 0) {
                    authors[p] = a;
                }
            });
            // a retweet before a quote before a reply: the order PostRow.kind() gives
            int[] refs = filled(n);
            for (String query : List.of(RETWEETS, QUOTES, REPLIES_TO)) {
                scan(session, query, ProgressListener.NONE, termination, r -> {
                    int p = postOf.get(r.get(0).asLong());
                    int q = postOf.get(r.get(1).asLong());
                    if (p >= 0 && q >= 0 && refs[p] < 0) {
                        refs[p] = q;
                    }
                });
            }
            Map<Long, String> hashtagNames = dictionary(session, HASHTAGS, termination);
            PostLists tags = new PostLists(n);
            scan(session, TAGS, ProgressListener.NONE, termination, r -> tags.add(postOf.get(r.get(0).asLong()),
                    r.get(1).asLong(), r.get(2).isNull() ? 0 : r.get(2).asLong()));
            Map<Long, String> urlNames = dictionary(session, URLS, termination);
            PostLists links = new PostLists(n);
            scan(session, LINKS, ProgressListener.NONE, termination,
                    r -> links.add(postOf.get(r.get(0).asLong()), r.get(1).asLong(), 0));
            PostLists mentions = new PostLists(n);
            scan(session, MENTIONS, ProgressListener.NONE, termination,
                    r -> mentions.add(postOf.get(r.get(0).asLong()), r.get(1).asLong(), 0));
            progress.end();

            int[][] tagLists = tags.lists();
            int[][] linkLists = links.lists();
            int[][] mentionLists = mentions.lists();
            long[] tagNodes = tags.values();
            long[] linkNodes = links.values();
            long[] mentionNodes = mentions.values();
            for (int p = 0; p < n; p++) {
                if (kinds.getByte(p) == PostKind.PLACEHOLDER.ordinal() || authors[p] < 0) {
                    continue;
                }
                int ref = refs[p];
                String refAuthor = ref < 0 || authors[ref] < 0 ? null : accountIds.get(authors[ref]);
                builder.addPost(postIds.get(p), accountIds.get(authors[p]), times.getLong(p),
                        PostKind.ofOrdinal(kinds.getByte(p)), ref < 0 ? null : postIds.get(ref), refAuthor,
                        texts.get(p), names(tagLists[p], tagNodes, hashtagNames::get),
                        names(linkLists[p], linkNodes, urlNames::get),
                        names(mentionLists[p], mentionNodes, node -> {
                            int a = accountOf.get((long) node);
                            return a < 0 ? null : accountIds.get(a);
                        }));
                if (p % TICK == 0) {
                    termination.assertRunning();
                }
            }

            progress.begin("Reading follows", counts.get("follows").asLong());
            scan(session, FOLLOWS, progress, termination, r -> {
                int a = accountOf.get(r.get(0).asLong());
                int b = accountOf.get(r.get(1).asLong());
                if (a >= 0 && b >= 0) {
                    builder.addFollow(accountIds.get(a), accountIds.get(b));
                }
            });
            progress.end();
            return builder.build().canonical();
        }
    }

    private static void scan(Session session, String query, ProgressListener progress, TerminationFlag termination,
                             Consumer<Record> row) {
        Result result = session.run(query);
        long n = 0;
        while (result.hasNext()) {
            row.accept(result.next());
            if (++n % TICK == 0) {
                progress.advance(TICK);
                termination.assertRunning();
            }
        }
    }

    private static Map<Long, String> dictionary(Session session, String query, TerminationFlag termination) {
        Map<Long, String> names = new HashMap<>();
        scan(session, query, ProgressListener.NONE, termination,
                r -> names.put(r.get(0).asLong(), r.get(1).asString()));
        return names;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static List<String> names(int[] entries, long[] nodes, LongFunction<String> name) {
        if (entries == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(entries.length);
        for (int e : entries) {
            String s = name.apply(nodes[e]);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Relationship targets grouped by post, each post's in the order of a position. */
    private static final class PostLists {
        private final int n;
        private final IntArrayList posts = new IntArrayList();
        private final LongArrayList values = new LongArrayList();
        private final LongArrayList positions =
                new LongArrayList();

        PostLists(int n) {
            this.n = n;
        }

        void add(int post, long value, long position) {
            if (post >= 0) {
                posts.add(post);
                values.add(value);
                positions.add(position);
            }
        }

        long[] values() {
            return values.toLongArray();
        }

        /** Per post, the indices of its entries ordered by position (null when none). */
        int[][] lists() {
            int[] count = new int[n];
            for (int i = 0; i < posts.size(); i++) {
                count[posts.getInt(i)]++;
            }
            int[][] out = new int[n][];
            int[] fill = new int[n];
            for (int i = 0; i < posts.size(); i++) {
                int p = posts.getInt(i);
                if (out[p] == null) {
                    out[p] = new int[count[p]];
                }
                out[p][fill[p]++] = i;
            }
            for (int[] l : out) {
                if (l != null && l.length > 1) {
                    IntArrays.quickSort(l, (x, y) -> {
                        int c = Long.compare(positions.getLong(x), positions.getLong(y));
                        return c != 0 ? c : Integer.compare(x, y);
                    });
                }
            }
            return out;
        }
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
}
