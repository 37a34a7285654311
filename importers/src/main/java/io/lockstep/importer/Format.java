package io.lockstep.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The archive formats Lockstep reads; {@link #id()} is the name {@code --format} takes. */
public enum Format {
    INFO_OPS_TWEETS("infoops-tweets", "Twitter information-operations tweets CSV (tweetid,userid,...,tweet_time,...)",
            "row -> Post (tweetid, time, text, lang, client, counts) POSTED by Account (userid, profile columns); "
                    + "retweet_tweetid -> RETWEETS, quoted_tweet_tweetid -> QUOTES, in_reply_to_tweetid -> "
                    + "REPLIES_TO (placeholder Posts when absent); hashtags -> TAGS Hashtag; urls -> LINKS Url; "
                    + "user_mentions -> MENTIONS Account"),
    INFO_OPS_USERS("infoops-users", "Twitter information-operations users CSV (userid,user_display_name,...)",
            "row -> Account (userid, screen name, display name, location, description, url, follower and following "
                    + "counts, creation date, language)"),
    TWARC_CSV("twarc-csv", "twarc2 csv (id,conversation_id,...,author_id,...,created_at,...)",
            "row -> Post POSTED by Account (author_id, author.* profile); referenced_tweets.retweeted/quoted/"
                    + "replied_to.id -> RETWEETS/QUOTES/REPLIES_TO; entities.hashtags -> TAGS; entities.urls -> "
                    + "LINKS; entities.mentions -> MENTIONS (by id, or by a username the file resolves)"),
    TWITTER_JSON("twitter-json", "Twitter API JSON lines (v2 pages, twarc2 flatten, streaming, v1.1 statuses, "
            + "user lookups)",
            "tweet -> Post POSTED by Account (with its profile when given); included or inlined referenced tweets "
                    + "-> complete Posts; retweeted/quoted/replied_to -> RETWEETS/QUOTES/REPLIES_TO; hashtags, "
                    + "urls, mentions -> TAGS, LINKS, MENTIONS; user objects -> Account (creation date, follower "
                    + "and following counts); counts, lists, compliance events -> skipped"),
    FOLLOWER_CSV("follower-csv", "follower CSV (follower_userid,followee_userid | follower,followee | source,target)",
            "row -> (Account)-[:FOLLOWS]->(Account)"),
    SNAP_EDGES("snap", "SNAP whitespace edge list (# comments)", "line -> (Account)-[:FOLLOWS]->(Account)"),
    GENERIC_EDGES("edges", "interaction edges CSV (source,target[,type][,timestamp][,weight])",
            "row -> (Account)-[:INTERACTS {type, time, weight}]->(Account)"),
    COORTWEET("coortweet", "CooRTweet shares (object_id,account_id,content_id,timestamp_share; Unix seconds)",
            "content_id -> Post POSTED by Account account_id at timestamp_share, RETWEETS Post object_id "
                    + "(a second object of the same content: QUOTES); export --format coortweet writes it back"),
    COORNET("coornet", "CooRnet / CrowdTangle link shares (id,...,date,...,account.url,...,expanded)",
            "id (else postUrl) -> Post POSTED by Account account.url at date (handle, name, subscriberCount as "
                    + "followers), text message, LINKS Url expanded (all rows of a post)");

    private final String id;
    private final String description;
    private final String graph;

    Format(String id, String description, String graph) {
        this.id = id;
        this.description = description;
        this.graph = graph;
    }

    /** What a record of this format becomes in the graph model (docs/graph-model.md). */
    public String graphMapping() {
        return graph;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** True for the formats {@link EdgeFiles} reads. */
    public boolean isEdgeList() {
        return this == FOLLOWER_CSV || this == SNAP_EDGES || this == GENERIC_EDGES;
    }

    /** A new parser for this format. */
    public RecordParser parser() {
        return switch (this) {
            case INFO_OPS_TWEETS -> new InfoOpsTweetsParser();
            case INFO_OPS_USERS -> new InfoOpsUsersParser();
            case TWARC_CSV -> new TwarcCsvParser();
            case TWITTER_JSON -> new TwitterJsonParser();
            case FOLLOWER_CSV, SNAP_EDGES, GENERIC_EDGES -> new EdgeListParser(this);
            case COORTWEET -> new CoorTweetParser();
            case COORNET -> new CoorNetParser();
        };
    }

    /** The format named {@code id} (as {@code --format} takes it). */
    public static Format byId(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.id.equals(key) || f.name().equalsIgnoreCase(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; known: " + ids());
    }

    /** The format ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
    }
}
