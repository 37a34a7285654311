package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds of a retweet botnet ({@link AmplifiedSeeds}): end to end beside an idol's fans and ordinary accounts, and
 * the phases (the retweet pairs, the two tests, the move into the amplifiers' cluster).
 */
class AmplifiedSeedsTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L;
    private static final long DAY = 86_400L;

    /**
     * 3 seeds posting 60 posts each over 20 days, each post retweeted by each of 40 amplifiers with probability 0.5
     * within 5 to 40 seconds; the amplifiers also retweet an idol now and then (camouflage). The idol posts 100 posts,
     * each retweeted by a quarter of its 300 fans after a log-normal delay of minutes. 600 ordinary accounts post 10
     * posts each and retweet 5 random posts of each other hours later; one of them ("lonely") is retweeted, twice,
     * by three amplifiers and nobody else.
     */
    static Timeline world(long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        for (int u = 0; u < 600; u++) {
            t.b.account("user" + u, "user" + u, START - 2000 * DAY, 100);
            for (int j = 0; j < 10; j++) {
                t.tweet("u" + u + "-" + j, "user" + u, START + r.nextInt((int) (20 * DAY)));
            }
        }
        for (int u = 0; u < 600; u++) {
            for (int j = 0; j < 5; j++) {
                int o = r.nextInt(600);
                if (o != u) {
                    t.retweet("user" + u, START + 21 * DAY + r.nextInt((int) DAY), "u" + o + "-" + r.nextInt(10));
                }
            }
        }
        t.b.account("idol", "idol", START - 3000 * DAY, 900_000);
        for (int j = 0; j < 100; j++) {
            long when = START + r.nextInt((int) (20 * DAY));
            t.tweet("idol-" + j, "idol", when);
            for (int f = 0; f < 300; f++) {
                if (r.nextDouble() < 0.25) {
                    t.retweet("fan" + f, when + (long) (120 * Math.exp(r.nextGaussian())), "idol-" + j);
                }
            }
            for (int a = 0; a < 40; a++) {
                if (r.nextDouble() < 0.05) {
                    t.retweet("amp" + a, when + 3600 + r.nextInt(3600), "idol-" + j);
                }
            }
        }
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < 60; j++) {
                long when = START + r.nextInt((int) (20 * DAY));
                String post = "seed" + s + "-" + j;
                t.tweet(post, "seed" + s, when);
                for (int a = 0; a < 40; a++) {
                    if (r.nextDouble() < 0.5) {
                        t.retweet("amp" + a, when + 5 + r.nextInt(35), post);
                    }
                }
            }
        }
        t.tweet("lonely-0", "user0", START + DAY);
        t.tweet("lonely-1", "user0", START + 2 * DAY);
        for (int a = 0; a < 3; a++) {
            t.retweet("amp" + a, START + DAY + 7200 + a * 600, "lonely-0");
            t.retweet("amp" + a, START + 2 * DAY + 7200 + a * 600, "lonely-1");
        }
        return t;
    }

    @Test
    void endToEndTheSeedsJoinTheirAmplifiersClusterAndTheIdolAndOrdinaryAccountsDoNot() {
        Timeline t = world(5);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        int amplifiers = 0;
        for (int acc : r.suspiciousAccounts()) {
            if (a.accountId(acc).startsWith("amp")) {
                amplifiers++;
            }
        }
        assertThat(amplifiers).isEqualTo(40);
        for (int s = 0; s < 3; s++) {
            AccountVerdict v = r.accounts()[t.id("seed" + s)];
            assertThat(v.suspicious()).as("seed %d", s).isTrue();
            Cluster c = r.clusters().get(v.cluster());
            assertThat(Arrays.binarySearch(c.members(), t.id("seed" + s))).isNotNegative();
            assertThat(Arrays.stream(c.members()).filter(m -> a.accountId(m).startsWith("amp")).count())
                    .isGreaterThan(20);
            assertThat(v.score()).isEqualTo(c.score());
        }
        assertThat(r.accounts()[t.id("idol")].suspicious()).isFalse();
        assertThat(r.accounts()[t.id("user0")].suspicious()).isFalse();
        assertThat(Arrays.stream(r.suspiciousAccounts()).filter(m -> !a.accountId(m).startsWith("amp")
                && !a.accountId(m).startsWith("seed")).count()).isZero();
    }

    @Test
    void theRetweetPairsAreTheDistinctRetweetedAuthorAndRetweeterPairsSorted() {
        Timeline t = new Timeline();
        t.accounts("s", "a", "b");
        t.tweet("p1", "s", 100);
        t.tweet("p2", "s", 200);
        t.tweet("q1", "a", 300);
        t.retweet("a", 110, "p1").retweet("a", 210, "p2").retweet("b", 220, "p2").retweet("s", 310, "q1");
        t.retweet("a", 320, "q1"); // a retweeting itself is not a pair
        long[] pairs = AmplifiedSeeds.retweetPairs(t.build());
        int s = t.id("s"), a = t.id("a"), b = t.id("b");
        long[] expected = {((long) s << 32) | a, ((long) s << 32) | b, ((long) a << 32) | s};
        Arrays.sort(expected);
        assertThat(pairs).containsExactly(expected);
    }

    @Test
    void aSeedNeedsAMajorityOfAmplifiersAmongItsRetweetersAndATailBelowTheLevelOverTheAccountsTested() {
        // 1,000 retweeters, 50 of them amplifiers (f = 0.05), 200 accounts retweeted: the level is 0.05 / 200
        int n = 1200;
        boolean[] amplifier = new boolean[n];
        for (int i = 0; i < 50; i++) {
            amplifier[i] = true;
        }
        AccountVerdict[] verdicts = new AccountVerdict[n];
        for (int v = 0; v < n; v++) {
            verdicts[v] = new AccountVerdict(v, amplifier[v] ? 0.8 : 0, amplifier[v], amplifier[v] ? 0 : -1, List.of());
        }
        LongArrayList pairs = new LongArrayList();
        int first = 1000;
        for (int r = 50; r < 1000; r++) { // the ordinary retweeters spread over accounts 1001..1199
            pairs.add(((long) (first + 1 + r % 199) << 32) | r);
        }
        for (int i = 0; i < 50; i++) { // each amplifier also retweets one of accounts 1100..1149, among others
            pairs.add(((long) (1100 + i) << 32) | i);
        }
        // account 1000: 12 amplifiers and 8 others (a majority; P(Poisson(1) ≥ 12) ≈ 1e-9): a seed
        for (int i = 0; i < 12; i++) {
            pairs.add(((long) first << 32) | i);
        }
        for (int i = 0; i < 8; i++) {
            pairs.add(((long) first << 32) | (100 + i));
        }
        // account 1001 gets 3 amplifiers besides its ordinary retweeters: no majority
        for (int i = 20; i < 23; i++) {
            pairs.add(((long) (first + 1) << 32) | i);
        }
        long[] sorted = pairs.toLongArray();
        Arrays.sort(sorted);
        int[] seedCluster = new int[n];
        Arrays.fill(seedCluster, -1);
        assertThat(AmplifiedSeeds.seeds(sorted, amplifier, verdicts, n, seedCluster)).containsExactly(first);
        assertThat(seedCluster[first]).isZero();
        // 3 amplifiers and nobody else: a majority, but P(Poisson(0.15) ≥ 3) ≈ 5e-4 is above 0.05 / 200
        LongArrayList few = new LongArrayList(pairs);
        few.removeIf(x -> (x >>> 32) == first);
        for (int i = 0; i < 3; i++) {
            few.add(((long) first << 32) | i);
        }
        long[] fewSorted = few.toLongArray();
        Arrays.sort(fewSorted);
        assertThat(AmplifiedSeeds.seeds(fewSorted, amplifier, verdicts, n, seedCluster)).isEmpty();
        assertThat(PoissonTail.upper(3, 3 * 0.05)).isGreaterThan(0.05 / 200);
    }
}
