package io.lockstep.simulate;

/**
 * One generated post, short-lived: built, written in every format, dropped.
 *
 * @param id             tweet id (snowflake-like: time in the high bits)
 * @param author         account index
 * @param time           epoch seconds
 * @param kind           {@link #ORIGINAL}, {@link #RETWEET}, {@link #REPLY} or {@link #QUOTE}
 * @param refId          retweeted, replied-to or quoted post id; 0 for originals
 * @param refAuthor      author index of {@code refId}; -1 for originals
 * @param conversationId id of the thread's root post
 * @param text           full text (retweets: {@code RT @name: original text})
 * @param hashtags       hashtags without '#', in order of appearance
 * @param urls           expanded URLs
 * @param mentions       mentioned account indexes (retweets: the retweeted author first)
 * @param client         posting client name
 * @param counts         engagement counts
 * @param original       the retweeted, replied-to or quoted post; null for originals
 */
record SimPost(long id, int author, long time, int kind, long refId, int refAuthor, long conversationId, String text,
               String[] hashtags, String[] urls, int[] mentions, String client, Counts counts,
               SimPost original) {
    static final int ORIGINAL = 0;
    static final int RETWEET = 1;
    static final int REPLY = 2;
    static final int QUOTE = 3;

    /** Engagement counts shown on a post; filled in once its reactions are generated. */
    static final class Counts {
        int retweets;
        int replies;
        int quotes;
        int likes;
    }
}
