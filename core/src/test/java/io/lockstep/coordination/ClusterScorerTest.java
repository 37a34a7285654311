package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The audience factor of {@link ClusterScorer} on hand-built timelines: a follow block whose followers act on its
 * targets (readers of a city's outlets) against the same block whose followers never do (a farm).
 */
class ClusterScorerTest {
    private static final int SIZE = 8;

    /**
     * Accounts: targets o0, o1 (outlets, ids 0 and 1), a celebrity c (2), followers m0..m7 (3..10). The outlets
     * post; followers {@code acting} of the members retweet or reply to an outlet's post, the others only post
     * their own tweets or retweet the celebrity, who is not a target of the block.
     */
    private static Activity timelines(int acting) {
        Timeline t = new Timeline().accounts("o0", "o1", "c");
        for (int i = 0; i < SIZE; i++) {
            t.accounts("m" + i);
        }
        t.tweet("news0", "o0", 1_000).tweet("news1", "o1", 2_000).tweet("star", "c", 3_000);
        for (int i = 0; i < SIZE; i++) {
            long at = 10_000 + 7_919L * i;
            t.tweet("own" + i, "m" + i, at);
            t.retweet("m" + i, at + 60, "star");
            if (i < acting) {
                if (i % 2 == 0) {
                    t.retweet("m" + i, at + 3_600, i % 4 == 0 ? "news0" : "news1");
                } else {
                    t.reply("m" + i, at + 3_600, "news1");
                }
            }
        }
        return t.build();
    }

    private static int[] members() {
        int[] m = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            m[i] = 3 + i;
        }
        return m;
    }

    private static DenseBlock block() {
        return new DenseBlock(members(), new int[]{0, 1}, 1.0, 2L * SIZE, 0.5, 1e-12);
    }

    /** Each member linked to the next by the signal named, evidence without action times (as the follow signal's). */
    private static List<CoordinationEdge> chain(String signal) {
        List<CoordinationEdge> edges = new ArrayList<>();
        int[] m = members();
        for (int i = 0; i + 1 < m.length; i++) {
            edges.add(new CoordinationEdge(m[i], m[i + 1], signal, 0.8, 2,
                    List.of(new Evidence("x", Activity.NO_TIME, Activity.NO_TIME))));
        }
        return edges;
    }

    private static double score(Activity a, List<CoordinationEdge> internal, DenseBlock block) {
        return new ClusterScorer(a, CoordinationParams.defaults()).score(0, members(), internal, internal.size(), block)
                .score();
    }

    @Test
    void audienceShareCountsFollowersActingOnATarget() {
        DenseBlock b = block();
        assertThat(new ClusterScorer(timelines(0), CoordinationParams.defaults()).audienceShare(b)).isZero();
        assertThat(new ClusterScorer(timelines(4), CoordinationParams.defaults()).audienceShare(b))
                .isCloseTo(0.5, within(1e-12));
        assertThat(new ClusterScorer(timelines(SIZE), CoordinationParams.defaults()).audienceShare(b)).isEqualTo(1.0);
        // a retweet of an account outside the targets (the celebrity) is not an action on the block
        assertThat(new ClusterScorer(timelines(0), CoordinationParams.defaults())
                .audienceShare(new DenseBlock(members(), new int[]{2}, 1.0, SIZE, 0.5, 1e-12))).isEqualTo(1.0);
    }

    @Test
    void aFollowBlockWhoseFollowersReadItsTargetsIsAnAudienceNotAFarm() {
        double suspicious = CoordinationParams.defaults().cluster().suspiciousScore();
        List<CoordinationEdge> follow = chain(CoordinationSignal.LOCKSTEP_FOLLOW);
        double farm = score(timelines(0), follow, block());
        // significance 1 (p = 1e-12 is beyond 1e-10), density 1: 0.45 + 0.2 at least, a farm whatever its timelines
        assertThat(farm).isGreaterThanOrEqualTo(0.65).isGreaterThanOrEqualTo(suspicious);
        double half = score(timelines(4), follow, block());
        double readers = score(timelines(SIZE), follow, block());
        assertThat(readers).isZero();
        assertThat(half).isLessThan(suspicious);
        // the posts differ between the three timelines only by the actions on the targets: the burst share moves
        // with them, so the factor is checked against the unscaled score of the same timelines
        ClusterScorer halfScorer = new ClusterScorer(timelines(4), CoordinationParams.defaults());
        double unscaled = halfScorer.score(0, members(), chain(CoordinationSignal.CO_TEXT), follow.size(), block())
                .score();
        assertThat(half).isCloseTo(0.5 * unscaled, within(1e-9));
    }

    @Test
    void otherKindsAndArchivesWithoutTimelinesAreNotScaled() {
        DenseBlock b = block();
        // a cluster whose evidence is co-action (a botnet whose amplifiers follow the seeds they retweet, a link
        // ring following itself) keeps its score however much its members act on the block's targets
        List<CoordinationEdge> coText = chain(CoordinationSignal.CO_TEXT);
        ClusterScorer acting = new ClusterScorer(timelines(SIZE), CoordinationParams.defaults());
        Cluster ring = acting.score(0, members(), coText, coText.size(), b);
        assertThat(ring.kind()).isNotEqualTo(Signal.LOCKSTEP_FOLLOW.kind());
        assertThat(ring.score()).isGreaterThanOrEqualTo(0.65);
        // a follow graph without the followers' posts: nobody is seen acting, the block score stands
        Timeline bare = new Timeline().accounts("o0", "o1", "c");
        for (int i = 0; i < SIZE; i++) {
            bare.accounts("m" + i);
        }
        List<CoordinationEdge> follow = chain(CoordinationSignal.LOCKSTEP_FOLLOW);
        double alone = score(bare.build(), follow, b);
        assertThat(alone).isCloseTo(0.45 + 0.2, within(1e-9));
    }
}
