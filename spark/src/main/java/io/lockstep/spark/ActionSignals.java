package io.lockstep.spark;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.activity.Urls;
import io.lockstep.coordination.CoordinationSignal;
import io.lockstep.coordination.CoordinationParams;
import io.lockstep.importer.PostRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The co-action signals the Spark engine computes distributed, and which actions a post makes for each: the same
 * rules as the signals' own action lists in core (co-retweet and co-reply key a retweet or reply by the referenced
 * post; co-hashtag, co-link and hashtag-sequence take authored posts: tweets, replies and quotes with a time).
 * Signals are coded by their index in {@link CoordinationParams#ALL_SIGNALS}.
 */
final class ActionSignals {
    static final List<String> DISTRIBUTED = List.of(CoordinationSignal.CO_RETWEET, CoordinationSignal.CO_REPLY,
            CoordinationSignal.CO_HASHTAG, CoordinationSignal.HASHTAG_SEQUENCE, CoordinationSignal.CO_LINK,
            CoordinationSignal.CO_TEXT);
    /** The five signals whose items come straight from the posts (co-text's come from text clustering). */
    static final List<String> CO_ACTIONS = DISTRIBUTED.subList(0, 5);
    static final int CO_RETWEET = code(CoordinationSignal.CO_RETWEET);
    static final int CO_REPLY = code(CoordinationSignal.CO_REPLY);
    static final int CO_HASHTAG = code(CoordinationSignal.CO_HASHTAG);
    static final int HASHTAG_SEQUENCE = code(CoordinationSignal.HASHTAG_SEQUENCE);
    static final int CO_LINK = code(CoordinationSignal.CO_LINK);
    /** Co-text rows of the parsed table carry the post's text as their item until {@link SparkCoText} clusters them. */
    static final int CO_TEXT = code(CoordinationSignal.CO_TEXT);

    private ActionSignals() {
    }

    static int code(String signal) {
        return CoordinationParams.ALL_SIGNALS.indexOf(signal);
    }

    static String name(int code) {
        return CoordinationParams.ALL_SIGNALS.get(code);
    }

    /** The distributed signals that {@code params} enables. */
    static Set<String> enabled(CoordinationParams params) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : DISTRIBUTED) {
            if (params.enabled(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** One action: a post's author acting on an item of a signal at a time. */
    record Action(int signal, String item, String account, String post, long time) {
    }

    /** The actions of one parsed post, for the distributed signals. */
    static List<Action> of(PostRow p) {
        List<Action> out = new ArrayList<>(2);
        long t = p.time();
        if (t == Activity.NO_TIME) {
            return out;
        }
        PostKind kind = p.kind();
        if (kind == PostKind.RETWEET && !p.retweetOf().equals(p.id())) {
            out.add(new Action(CO_RETWEET, p.retweetOf(), p.authorId(), p.id(), t));
        } else if (kind == PostKind.REPLY && !p.replyTo().equals(p.id())) {
            out.add(new Action(CO_REPLY, p.replyTo(), p.authorId(), p.id(), t));
        }
        if (kind == PostKind.RETWEET) {
            return out;
        }
        if (p.text() != null && !p.text().isEmpty() && p.authorId() != null && kind != PostKind.PLACEHOLDER) {
            out.add(new Action(CO_TEXT, p.text(), p.authorId(), p.id(), t)); // authored: tweet, reply or quote
        }
        List<String> tags = new ArrayList<>(p.hashtags().size());
        for (String h : p.hashtags()) {
            tags.add(h.toLowerCase(Locale.ROOT)); // as the activity stores them
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String h : tags) {
            if (seen.add(h)) {
                out.add(new Action(CO_HASHTAG, h, p.authorId(), p.id(), t));
            }
        }
        if (tags.size() >= 2) {
            out.add(new Action(HASHTAG_SEQUENCE, sequenceLabel(tags), p.authorId(), p.id(), t));
        }
        Set<String> links = new LinkedHashSet<>();
        for (String u : p.urls()) {
            String key = Urls.shareKey(u);
            if (links.add(key)) {
                out.add(new Action(CO_LINK, key, p.authorId(), p.id(), t));
            }
        }
        return out;
    }

    /** The hashtag-sequence item: the post's hashtags in order, as core labels it ("#a #b"). */
    static String sequenceLabel(List<String> tags) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tags.size(); i++) {
            b.append(i == 0 ? "#" : " #").append(tags.get(i));
        }
        return b.toString();
    }

    /** The evidence label core gives an item of this signal. */
    static String label(int signal, String item) {
        return signal == CO_HASHTAG ? "#" + item : item;
    }

    /** Whether core counts a post as authored content for the hashtag, link and sequence signals. */
    static boolean authored(Activity activity, int p) {
        PostKind kind = activity.kind(p);
        return (kind == PostKind.TWEET || kind == PostKind.REPLY || kind == PostKind.QUOTE)
                && activity.time(p) != Activity.NO_TIME && activity.author(p) != Activity.NONE;
    }
}
