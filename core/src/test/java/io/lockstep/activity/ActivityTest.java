package io.lockstep.activity;

import io.lockstep.graph.CompactGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityTest {

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

    private static double weight(CompactGraph g, int u, int v) {
        for (int i = g.start(u); i < g.end(u); i++) {
            if (g.target(i) == v) {
                return g.weight(i);
            }
        }
        return 0;
    }
}
