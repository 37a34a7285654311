package io.lockstep.importer;

import io.lockstep.activity.PostKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A post with its references. {@code retweetOf}, {@code quoteOf} and {@code replyTo} are post ids or null; the
 * matching {@code *Author} fields are the referenced posts' authors when the archive gives them (else null).
 * Hashtags are lower-case without '#', in order of first appearance, without duplicates; URLs are normalised
 * ({@link io.lockstep.activity.Urls}); mentions are account ids. Counts are -1 when not given.
 */
public record PostRow(String id, String authorId, long time, String text, String lang, String client,
                      String retweetOf, String retweetAuthor, String quoteOf, String quoteAuthor,
                      String replyTo, String replyAuthor, List<String> hashtags, List<String> urls,
                      List<String> mentions, long likeCount, long retweetCount) {
    public PostRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        hashtags = List.copyOf(hashtags);
        urls = List.copyOf(urls);
        mentions = List.copyOf(mentions);
    }

    /** A reference to another post: the graph model's relationship type, the post's id, its author's id or null. */
    public record Reference(String type, String post, String author) {
    }

    /** The retweeted, quoted and replied-to posts as the graph model links them, self-references left out. */
    public List<Reference> references() {
        List<Reference> refs = new ArrayList<>(1);
        addReference(refs, "RETWEETS", retweetOf, retweetAuthor);
        addReference(refs, "QUOTES", quoteOf, quoteAuthor);
        addReference(refs, "REPLIES_TO", replyTo, replyAuthor);
        return refs;
    }

    private void addReference(List<Reference> refs, String type, String post, String author) {
        if (post != null && !post.equals(id)) {
            refs.add(new Reference(type, post, author));
        }
    }

    /** The kind the graph model stores: a retweet wins over a quote, a quote over a reply. */
    public PostKind kind() {
        if (retweetOf != null) {
            return PostKind.RETWEET;
        }
        if (quoteOf != null) {
            return PostKind.QUOTE;
        }
        if (replyTo != null) {
            return PostKind.REPLY;
        }
        return PostKind.TWEET;
    }
}
