package io.lockstep.activity;

import io.lockstep.graph.CompactGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

    @Test
    void canonicalOrderDoesNotDependOnTheOrderOfInsertion() {
        ActivityBuilder first = new ActivityBuilder();
        first.account("b", "bee", 10, 5);
        first.addPost("p2", "b", 200, PostKind.RETWEET, "p1", "a", null, List.of("x"), List.of(), List.of("c"));
        first.addPost("p1", "a", 100, PostKind.TWEET, null, null, "hi", List.of("y", "x"),
                List.of("http://u2", "http://u1"), List.of("c", "b"));
        first.addFollow("c", "a");
        first.addFollow("b", "a");
        first.addFollow("c", "a");
        ActivityBuilder second = new ActivityBuilder();
        second.addFollow("b", "a");
        second.addPost("p1", "a", 100, PostKind.TWEET, null, null, "hi", List.of("y", "x"),
                List.of("http://u1", "http://u2", "http://u1"), List.of("b", "c"));
        second.addFollow("c", "a");
        second.account("b", "bee", 10, 5);
        second.addPost("p2", "b", 200, PostKind.RETWEET, "p1", "a", null, List.of("x"), List.of(), List.of("c"));
        Activity x = first.build().canonical();
        Activity y = second.build().canonical();

        assertThat(describe(x)).isEqualTo(describe(y));
        assertThat(x.accountId(0)).isEqualTo("a");
        assertThat(x.postId(0)).isEqualTo("p1");
        assertThat(x.screenName(1)).isEqualTo("bee");
        assertThat(x.referencedPost(1)).isEqualTo(0);
        assertThat(x.referencedAuthor(1)).isEqualTo(0);
        // hashtags keep their order in the post; URLs and mentions are sorted, without repeats
        assertThat(List.of(x.hashtag(x.hashtagOf(0, 0)), x.hashtag(x.hashtagOf(0, 1)))).containsExactly("y", "x");
        assertThat(x.urlCount(0)).isEqualTo(2);
        assertThat(x.url(x.urlOf(0, 0))).isEqualTo("http://u1");
        assertThat(x.accountId(x.mentionOf(0, 0))).isEqualTo("b");
        // follows sorted, the repeated one once
        assertThat(x.followCount()).isEqualTo(2);
        assertThat(x.accountId(x.follower(0))).isEqualTo("b");
    }

    /** Everything an activity holds, by string ids, in dense-id order. */
    private static String describe(Activity a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.accountCount(); i++) {
            sb.append(a.accountId(i)).append(' ').append(a.screenName(i)).append(' ').append(a.accountCreated(i))
                    .append(' ').append(a.followerCount(i)).append('\n');
        }
        for (int p = 0; p < a.postCount(); p++) {
            sb.append(a.postId(p)).append(' ').append(a.author(p)).append(' ').append(a.time(p)).append(' ')
                    .append(a.kind(p)).append(' ').append(a.referencedPost(p)).append(' ').append(a.text(p));
            for (int i = 0; i < a.hashtagCount(p); i++) {
                sb.append(" #").append(a.hashtag(a.hashtagOf(p, i)));
            }
            for (int i = 0; i < a.urlCount(p); i++) {
                sb.append(" u").append(a.urlOf(p, i));
            }
            for (int i = 0; i < a.mentionCount(p); i++) {
                sb.append(" @").append(a.mentionOf(p, i));
            }
            sb.append('\n');
        }
        for (int f = 0; f < a.followCount(); f++) {
            sb.append(a.follower(f)).append("->").append(a.followee(f)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void placeholderIsCompletedByALaterPostAndReAddingIsANoOp() {
        ActivityBuilder b = new ActivityBuilder();
        b.addPost("rt1", "bot1", 100, PostKind.RETWEET, "orig", "seed", null, List.of("MacronLeaks"), List.of(), List.of());
        int orig = b.findPost("orig");
        b.addPost("orig", "seed", 90, PostKind.TWEET, null, null, "text", List.of("macronleaks", "Macron"),
                List.of("http://x.org"), List.of("bot1"));
        b.addPost("orig", "other", 95, PostKind.TWEET, null, null, "changed", List.of(), List.of(), List.of());
        Activity a = b.build();

        assertThat(a.postCount()).isEqualTo(2);
        assertThat(a.kind(orig)).isEqualTo(PostKind.TWEET);
        assertThat(a.time(orig)).isEqualTo(90);
        assertThat(a.text(orig)).isEqualTo("text");
        assertThat(a.accountId(a.author(orig))).isEqualTo("seed");
        int rt = b.findPost("rt1");
        assertThat(a.referencedPost(rt)).isEqualTo(orig);
        assertThat(a.accountId(a.referencedAuthor(rt))).isEqualTo("seed");
        // hashtags are lower-cased into one dictionary entry
        assertThat(a.hashtagOf(rt, 0)).isEqualTo(a.hashtagOf(orig, 0));
        assertThat(a.hashtag(a.hashtagOf(orig, 1))).isEqualTo("macron");
        assertThat(a.hashtagDictionarySize()).isEqualTo(2);
        assertThat(a.url(a.urlOf(orig, 0))).isEqualTo("http://x.org");
        assertThat(a.accountId(a.mentionOf(orig, 0))).isEqualTo("bot1");
        assertThat(a.accountCount()).isEqualTo(3);
    }

    @Test
    void accountProfileKeepsKnownValues() {
        ActivityBuilder b = new ActivityBuilder();
        b.account("7", "seven", 1000, 12);
        b.account("7", null, Activity.NO_TIME, -1);
        Activity a = b.build();
        assertThat(a.screenName(0)).isEqualTo("seven");
        assertThat(a.accountCreated(0)).isEqualTo(1000);
        assertThat(a.followerCount(0)).isEqualTo(12);
    }

    @Test
    void rejectsEmptyIdsAndPlaceholderKind() {
        ActivityBuilder b = new ActivityBuilder();
        assertThatThrownBy(() -> b.account("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.addPost("p", "a", 1, PostKind.PLACEHOLDER, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interactionGraphFoldsDirectionAndRepeats() {
        ActivityBuilder b = new ActivityBuilder();
        b.addPost("o", "a", 1, PostKind.TWEET, null, null, null, List.of(), List.of(), List.of("c"));
        b.addPost("r1", "b", 2, PostKind.RETWEET, "o", "a", null, List.of(), List.of(), List.of());
        b.addPost("r2", "b", 3, PostKind.RETWEET, "o", "a", null, List.of(), List.of(), List.of());
        b.addPost("self", "a", 4, PostKind.RETWEET, "o", "a", null, List.of(), List.of(), List.of());
        b.addFollow("a", "b");
        Activity act = b.build();
        CompactGraph g = ActivityGraphs.interactions(act, true);
        int a = b.findAccount("a"), bb = b.findAccount("b"), c = b.findAccount("c");
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(weight(g, a, bb)).isEqualTo(2.5);
        assertThat(weight(g, a, c)).isEqualTo(1.0);
        assertThat(g.totalWeight()).isEqualTo(3.5);
        assertThat(ActivityGraphs.retweets(act).edgeCount()).isEqualTo(1);
        assertThat(ActivityGraphs.follows(act).edgeCount()).isEqualTo(1);
    }

    /** Follows and a self-retweet are no action; a mention of another account is, as a retweet of one is. */
    @Test
    void hasActionsIsWhetherTheInteractionsHaveAnEdgeBesidesFollows() {
        ActivityBuilder b = new ActivityBuilder();
        b.addPost("o", "a", 1, PostKind.TWEET, null, null, null, List.of(), List.of(), List.of());
        b.addPost("self", "a", 2, PostKind.RETWEET, "o", "a", null, List.of(), List.of(), List.of());
        b.addFollow("a", "b");
        assertThat(ActivityGraphs.hasActions(b.build())).isFalse();
        b.addPost("m", "b", 3, PostKind.TWEET, null, null, null, List.of(), List.of(), List.of("a"));
        assertThat(ActivityGraphs.hasActions(b.build())).isTrue();
        ActivityBuilder r = new ActivityBuilder();
        r.addPost("o", "a", 1, PostKind.TWEET, null, null, null, List.of(), List.of(), List.of());
        r.addPost("rt", "b", 2, PostKind.RETWEET, "o", "a", null, List.of(), List.of(), List.of());
        assertThat(ActivityGraphs.hasActions(r.build())).isTrue();
    }

    private static double weight(CompactGraph g, int u, int v) {
        for (int i = g.start(u); i < g.end(u); i++) {
            if (g.target(i) == v) {
                return g.weight(i);
            }
        }
        return 0;
    }

    @Test
    void timeResolutionIsTheGreatestCommonDivisorOfThePostTimes() {
        ActivityBuilder minutes = new ActivityBuilder();
        minutes.addPost("p1", "a", 1_600_000_020L, PostKind.TWEET, null, null, "x", List.of(), List.of(), List.of());
        minutes.addPost("p2", "b", 1_600_000_140L, PostKind.RETWEET, "p1", "a", null, List.of(), List.of(),
                List.of());
        minutes.addPost("p3", "b", 1_600_003_620L, PostKind.RETWEET, "p0", null, null, List.of(), List.of(),
                List.of());
        assertThat(minutes.build().timeResolution()).isEqualTo(60); // 1_600_000_020 = 26_666_667 · 60
        minutes.addPost("p4", "c", 1_600_000_021L, PostKind.TWEET, null, null, "y", List.of(), List.of(), List.of());
        assertThat(minutes.build().timeResolution()).isEqualTo(1);
        // placeholders (no time) do not count; an archive without times reads as seconds
        ActivityBuilder none = new ActivityBuilder();
        none.account("a");
        assertThat(none.build().timeResolution()).isEqualTo(1);
    }
}
