package io.lockstep.activity;

/** What a post is. {@link #PLACEHOLDER} stands for an original that was referenced but not (yet) seen in any archive. */
public enum PostKind {
    TWEET, RETWEET, REPLY, QUOTE, PLACEHOLDER;

    private static final PostKind[] VALUES = values();

    public static PostKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
