package io.lockstep.visual;

import java.util.Locale;

/** What an edge of a {@link Scene} stands for; each kind has its own style in every picture. */
public enum EdgeKind {
    /** One account retweeted the other (weight: number of retweets). */
    RETWEET,
    /** One account follows the other. */
    FOLLOW,
    /** The pair was found acting in lockstep (weight: strength of the evidence). */
    COORDINATION;

    /** The lower-case name used in the store and on the command line ({@code retweet|follow|coordination}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code retweet|follow|coordination} (any case). */
    public static EdgeKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edge kind must be retweet, follow or coordination, not '" + name + "'");
        }
    }
}
