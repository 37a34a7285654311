package io.lockstep.store;

import org.neo4j.driver.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of what the store holds, in a fixed order, for {@code lockstep stats} and tests. */
public final class StoreStatistics {
    /** Key and counting query; each query returns one row with column {@code n}. */
    private static final List<String[]> QUERIES = List.of(
            new String[]{"accounts", "MATCH (a:Account) RETURN count(a) AS n"},
            new String[]{"placeholder_accounts", "MATCH (a:Account) WHERE a.placeholder = true RETURN count(a) AS n"},
            new String[]{"posts", "MATCH (p:Post) WHERE p.placeholder = false RETURN count(p) AS n"},
            new String[]{"placeholder_posts", "MATCH (p:Post) WHERE p.placeholder = true RETURN count(p) AS n"},
            new String[]{"follows", "MATCH ()-[r:FOLLOWS]->() RETURN count(r) AS n"},
            new String[]{"retweets", "MATCH ()-[r:RETWEETS]->() RETURN count(r) AS n"},
            new String[]{"quotes", "MATCH ()-[r:QUOTES]->() RETURN count(r) AS n"},
            new String[]{"replies", "MATCH ()-[r:REPLIES_TO]->() RETURN count(r) AS n"},
            new String[]{"mentions", "MATCH ()-[r:MENTIONS]->() RETURN count(r) AS n"},
            new String[]{"interactions", "MATCH ()-[r:INTERACTS]->() RETURN count(r) AS n"},
            new String[]{"hashtags", "MATCH (h:Hashtag) RETURN count(h) AS n"},
            new String[]{"hashtag_uses", "MATCH ()-[r:TAGS]->() RETURN count(r) AS n"},
            new String[]{"urls", "MATCH (u:Url) RETURN count(u) AS n"},
            new String[]{"url_uses", "MATCH ()-[r:LINKS]->() RETURN count(r) AS n"},
            new String[]{"imports", "MATCH (i:Import) WHERE i.completed = true RETURN count(i) AS n"},
            new String[]{"imports_unfinished", "MATCH (i:Import) WHERE i.completed = false RETURN count(i) AS n"});

    private StoreStatistics() {
    }

    /**
     * The counts, keyed {@code accounts, placeholder_accounts, posts} (complete posts), {@code placeholder_posts,
     * follows, retweets, quotes, replies, mentions, interactions, hashtags, hashtag_uses, urls, url_uses, imports,
     * imports_unfinished}, in that order.
     */
    public static Map<String, Long> read(GraphStore store) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Session s = store.session()) {
            for (String[] q : QUERIES) {
                out.put(q[0], s.executeRead(tx -> tx.run(q[1]).single().get("n").asLong()));
            }
        }
        return out;
    }
}
