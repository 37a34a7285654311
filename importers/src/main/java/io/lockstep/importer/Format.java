package io.lockstep.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The archive formats Lockstep reads; {@link #id()} is the name {@code --format} takes. */
public enum Format {
    INFO_OPS_TWEETS("infoops-tweets", "Twitter information-operations tweets CSV (tweetid,userid,...,tweet_time,...)"),
    INFO_OPS_USERS("infoops-users", "Twitter information-operations users CSV (userid,user_display_name,...)"),
    TWARC_CSV("twarc-csv", "twarc2 csv (id,conversation_id,...,author_id,...,created_at,...)"),
    TWITTER_JSON("twitter-json", "Twitter API JSON lines (v1.1 statuses, v2 responses or tweets)"),
    FOLLOWER_CSV("follower-csv", "follower CSV (follower_userid,followee_userid | follower,followee | source,target)"),
    SNAP_EDGES("snap", "SNAP whitespace edge list (# comments)"),
    GENERIC_EDGES("edges", "interaction edges CSV (source,target[,type][,timestamp][,weight])");

    private final String id;
    private final String description;

    Format(String id, String description) {
        this.id = id;
        this.description = description;
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

    RecordParser parser() {
        return switch (this) {
            case INFO_OPS_TWEETS -> new InfoOpsTweetsParser();
            case INFO_OPS_USERS -> new InfoOpsUsersParser();
            case TWARC_CSV -> new TwarcCsvParser();
            case TWITTER_JSON -> new TwitterJsonParser();
            case FOLLOWER_CSV, SNAP_EDGES, GENERIC_EDGES -> new EdgeListParser(this);
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
