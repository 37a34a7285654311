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
 * The seeds of a retweet botnet ({@link AmplifiedSeedSignal}): end to end beside an idol's fans and ordinary accounts, and
 * a news account's readers and ordinary accounts, and the phases (the retweet pairs, the two tests, the edges, the move
 * into the amplifiers' cluster).
 */
class AmplifiedSeedSignalTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L;
    private static final long DAY = 86_400L;

    /**
     * 3 seeds posting 60 posts each over 20 days, each post retweeted by each of 40 amplifiers with probability 0.5
     * within 5 to 40 seconds; the amplifiers also retweet an idol now and then (camouflage). The idol posts 100 posts,
     * each retweeted by a quarter of its 300 fans after a log-normal delay of minutes. A news account posts 50 posts,
     * each retweeted by a tenth of its 200 readers within half an hour and by a tenth of the amplifiers. 600 ordinary accounts post 10
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
        t.b.account("news", "news", START - 3000 * DAY, 200_000);
        for (int j = 0; j < 50; j++) {
            long when = START + r.nextInt((int) (20 * DAY));
            t.tweet("news-" + j, "news", when);
            for (int f = 0; f < 200; f++) {
                if (r.nextDouble() < 0.1) { // the share button: seconds to half an hour
                    t.retweet("reader" + f, when + 5 + r.nextInt(1800), "news-" + j);
                }
            }
            for (int a = 0; a < 40; a++) {
                if (r.nextDouble() < 0.1) {
                    t.retweet("amp" + a, when + 10 + r.nextInt(600), "news-" + j);
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
    void endToEndTheSeedsJoinTheirAmplifiersClusterWithTheirEdgesAndTheIdolNewsAndOrdinaryAccountsDoNot() {
        Timeline t = world(5);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet", "amplified-seed"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        int amplifiers = 0;
        for (int acc : r.suspiciousAccounts()) {
            if (a.accountId(acc).startsWith("amp")) {
                amplifiers++;
            }
        }
        assertThat(amplifiers).isEqualTo(40);
        for (int k = 0; k < 3; k++) {
            final int s = k;
            int seed = t.id("seed" + s);
            AccountVerdict v = r.accounts()[seed];
            assertThat(v.suspicious()).as("seed %d", s).isTrue();
            assertThat(v.signals()).containsExactly("amplified-seed");
            Cluster c = r.clusters().get(v.cluster());
            assertThat(Arrays.binarySearch(c.members(), seed)).isNotNegative();
            assertThat(Arrays.stream(c.members()).filter(m -> a.accountId(m).startsWith("amp")).count())
                    .isGreaterThan(20);
            assertThat(c.signals()).contains("co-retweet", "amplified-seed");
            assertThat(v.score()).isEqualTo(c.score());
            // the evidence: its 10 amplifiers that retweeted the most of its 60 posts, within 5-40 s
            List<CoordinationEdge> mine = r.edges().stream()
                    .filter(e -> e.signal().equals("amplified-seed") && (e.source() == seed || e.target() == seed))
                    .toList();
            assertThat(mine).hasSize(10).allSatisfy(e -> {
                int amp = e.source() == seed ? e.target() : e.source();
                assertThat(a.accountId(amp)).startsWith("amp");
                assertThat(e.weight()).isEqualTo(1.0); // every retweeter of a seed is an amplifier
                assertThat(e.count()).isBetween(20, 60);
                assertThat(e.expected()).isNaN();
                assertThat(e.evidence()).hasSize(p.evidenceCap() == 0 ? 0 : Math.min(p.evidenceCap(), e.count()));
                for (Evidence x : e.evidence()) {
                    assertThat(x.item()).startsWith("seed" + s + "-");
                    long delay = e.source() == seed ? x.targetTime() - x.sourceTime() : x.sourceTime() - x.targetTime();
                    assertThat(delay).isBetween(5L, 40L);
                }
            });
        }
        for (String honest : List.of("idol", "news", "user0", "fan0", "reader0")) {
            assertThat(t.id(honest)).as(honest).isNotNegative();
            assertThat(r.accounts()[t.id(honest)].suspicious()).as(honest).isFalse();
        }
        assertThat(Arrays.stream(r.suspiciousAccounts()).filter(m -> !a.accountId(m).startsWith("amp")
                && !a.accountId(m).startsWith("seed")).count()).isZero();
        assertThat(r.edges()).filteredOn(e -> e.signal().equals("amplified-seed"))
                .allMatch(e -> a.accountId(e.source()).startsWith("seed") || a.accountId(e.target()).startsWith("seed"));
        assertThat(p.describe()).contains("- amplified-seed: after the verdicts", "<= 0.05 / m",
                "each seed linked to its 10 amplifiers");
    }

    @Test
    void withoutTheSignalTheSeedsAreNotFlagged() {
        Timeline t = world(5);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        assertThat(r.accounts()[t.id("seed0")].suspicious()).isFalse();
        assertThat(r.edges()).noneMatch(e -> e.signal().equals("amplified-seed"));
    }

    @Test
    void eachSeedIsLinkedToItsAmplifiersThatRetweetedTheMostOfItsPostsTheFirstExampleAtTheMedianDelay() {
        // seed s posts 4 originals; amplifier a_i retweets the first i + 1 of them (a_3 all four), a_3 at delays
        // 40, 10, 20, 30 s; an ordinary account r retweets all four
        Timeline t = new Timeline().accounts("s", "a0", "a1", "a2", "a3", "r");
        for (int j = 0; j < 4; j++) {
            t.tweet("p" + j, "s", 1000L * (j + 1));
        }
        long[] d3 = {40, 10, 20, 30};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                t.retweet("a" + i, 1000L * (j + 1) + (i == 3 ? d3[j] : 5 + i), "p" + j);
            }
        }
        for (int j = 0; j < 4; j++) {
            t.retweet("r", 1000L * (j + 1) + 500, "p" + j);
        }
        Activity a = t.build();
        int n = a.accountCount();
        boolean[] amplifier = amplifiersA0ToA3(t, n);
        int s = t.id("s");
        AmplifiedSeedSignal.Audience[] audience = new AmplifiedSeedSignal.Audience[n];
        audience[s] = new AmplifiedSeedSignal.Audience(5, 4);
        CoordinationParams.ClusterParams c = CoordinationParams.defaults().cluster();
        CoordinationParams p = CoordinationParams.defaults().withCluster(new CoordinationParams.ClusterParams(
                c.minEdgeWeight(), c.minSize(), c.suspiciousScore(), c.creationBurst(), c.burstBin(), c.leiden(), 2,
                c.weights()));
        List<CoordinationEdge> edges = new AmplifiedSeedSignal(p).edges(a, new int[]{s}, amplifier, audience);
        assertThat(edges).hasSize(2);
        CoordinationEdge top = edges.stream().filter(e -> e.source() == t.id("a3") || e.target() == t.id("a3"))
                .findFirst().orElseThrow();
        assertThat(top.count()).isEqualTo(4);
        assertThat(top.weight()).isEqualTo(0.8);
        assertThat(top.signal()).isEqualTo("amplified-seed");
        Evidence first = top.evidence().get(0); // delays 10, 20, 30, 40: the lower median is 20 s, on p2
        assertThat(first.item()).isEqualTo("p2");
        assertThat(edges).anySatisfy(e -> assertThat(e.count()).isEqualTo(3)); // a2, the runner-up
        assertThat(edges).noneMatch(e -> e.source() == t.id("r") || e.target() == t.id("r"));
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
        long[] pairs = AmplifiedSeedSignal.retweetPairs(t.build());
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
        // account 1002, a club: 100 fans retweet it, and 45 amplifiers (flagged fans, or camouflage): far beyond
        // chance (P(Poisson(5.5) >= 45) < 1e-25), but a minority of its audience
        for (int r = 201; r <= 300; r++) { // 200 already retweets it (200 % 199 == 1)
            pairs.add(((long) (first + 2) << 32) | r);
        }
        for (int i = 0; i < 45; i++) {
            pairs.add(((long) (first + 2) << 32) | i);
        }
        long[] sorted = pairs.toLongArray();
        Arrays.sort(sorted);
        int[] seedCluster = new int[n];
        Arrays.fill(seedCluster, -1);
        AmplifiedSeedSignal.Audience[] audience = new AmplifiedSeedSignal.Audience[n];
        assertThat(AmplifiedSeedSignal.seeds(sorted, amplifier, verdicts, n, seedCluster, audience))
                .containsExactly(first);
        assertThat(audience[first]).isEqualTo(new AmplifiedSeedSignal.Audience(20, 12));
        assertThat(seedCluster[first]).isZero();
        // 3 amplifiers and nobody else: a majority, but P(Poisson(0.15) ≥ 3) ≈ 5e-4 is above 0.05 / 200
        LongArrayList few = new LongArrayList(pairs);
        few.removeIf(x -> (x >>> 32) == first);
        for (int i = 0; i < 3; i++) {
            few.add(((long) first << 32) | i);
        }
        long[] fewSorted = few.toLongArray();
        Arrays.sort(fewSorted);
        assertThat(AmplifiedSeedSignal.seeds(fewSorted, amplifier, verdicts, n, seedCluster, audience)).isEmpty();
        assertThat(PoissonTail.upper(3, 3 * 0.05)).isGreaterThan(0.05 / 200);
    }
    /**
     * A follower farm's client (the fourth generator's follower buyers): cluster 0 is a follow block of 10 accounts
     * ("farm0".."farm9"), all of whom follow and retweet "client"; "seedA" is retweeted by the same accounts and
     * followed by two of them. Both pass the audience tests; the client, followed by more than half of the block, is
     * the farm's target and no seed; seedA is kept. The same client beside a co-retweet cluster (not a follow block)
     * is kept: only a follow block's targets are its clients.
     */
    @Test
    void anAccountThatItsFollowerFarmFollowsIsItsClientAndNoSeed() {
        Timeline t = new Timeline();
        t.accounts("client", "seedA", "other");
        for (int i = 0; i < 10; i++) {
            t.accounts("farm" + i);
            t.b.addFollow("farm" + i, "client");
            if (i < 2) {
                t.b.addFollow("farm" + i, "seedA");
            }
        }
        Activity a = t.build();
        int n = a.accountCount();
        int client = t.id("client"), seedA = t.id("seedA");
        int[] farm = new int[10];
        AccountVerdict[] verdicts = new AccountVerdict[n];
        for (int v = 0; v < n; v++) {
            verdicts[v] = new AccountVerdict(v, 0, false, -1, List.of());
        }
        for (int i = 0; i < 10; i++) {
            farm[i] = t.id("farm" + i);
            verdicts[farm[i]] = new AccountVerdict(farm[i], 0.7, true, 0, List.of(CoordinationSignal.LOCKSTEP_FOLLOW));
        }
        Arrays.sort(farm);
        int[] candidates = client < seedA ? new int[] {client, seedA} : new int[] {seedA, client};
        for (String kind : List.of(Signal.LOCKSTEP_FOLLOW.kind(), Signal.CO_RETWEET.kind())) {
            List<Cluster> clusters = List.of(new Cluster(0, kind, farm, 0.7, List.of(), List.of(), Activity.NO_TIME,
                    Activity.NO_TIME));
            int[] seedCluster = new int[n];
            Arrays.fill(seedCluster, -1);
            seedCluster[client] = 0;
            seedCluster[seedA] = 0;
            AmplifiedSeedSignal.Audience[] audience = new AmplifiedSeedSignal.Audience[n];
            audience[client] = new AmplifiedSeedSignal.Audience(10, 10);
            audience[seedA] = new AmplifiedSeedSignal.Audience(10, 10);
            int[] kept = AmplifiedSeedSignal.withoutClients(a, clusters, verdicts, candidates.clone(), seedCluster,
                    audience, null);
            if (kind.equals(Signal.LOCKSTEP_FOLLOW.kind())) {
                assertThat(kept).as("a follow block's target is its client").containsExactly(seedA);
                assertThat(audience[client]).isNull();
                assertThat(seedCluster[client]).isEqualTo(-1);
                // the same target with a devoted audience is a seed its amplifiers follow, not a client
                boolean[] devotedSources = new boolean[n];
                devotedSources[client] = true;
                seedCluster[client] = 0;
                audience[client] = new AmplifiedSeedSignal.Audience(10, 10);
                assertThat(AmplifiedSeedSignal.withoutClients(a, clusters, verdicts, candidates.clone(), seedCluster,
                        audience, () -> devotedSources)).containsExactly(candidates);
            } else {
                assertThat(kept).as("beside a co-retweet cluster").containsExactly(candidates);
            }
        }
    }

    /**
     * The botnet's camouflage (indep-7's case): an ordinary account "camo" with 20 posts, each of 30 amplifiers
     * retweeting one of them hours later, and three friends retweeting it. Its audience is a majority of amplifiers,
     * beyond chance, so it passes the audience tests; no amplifier retweeted two of its posts, so it is no seed. The
     * three seeds, whose amplifiers retweet half of their 60 posts each, are found as without the camouflage target.
     */
    @Test
    void anAccountThatTheCamouflageRetweetsOncePerAmplifierIsNoSeed() {
        Timeline t = world(5);
        Random r = new Random(11);
        for (int j = 0; j < 20; j++) {
            t.tweet("camo-" + j, "user1", START + DAY / 2 + j * (DAY / 2));
        }
        for (int x = 0; x < 30; x++) {
            t.retweet("amp" + x, START + DAY + (long) x * (DAY / 3) + 3 * 3600 + r.nextInt(3600), "camo-" + (x % 20));
        }
        for (int f = 0; f < 3; f++) {
            t.retweet("user" + (600 - 1 - f), START + 25 * DAY + f, "camo-" + f);
        }
        Activity a = t.build();
        int n = a.accountCount();
        boolean[] amplifier = new boolean[n];
        AccountVerdict[] verdicts = new AccountVerdict[n];
        for (int v = 0; v < n; v++) {
            amplifier[v] = a.accountId(v).startsWith("amp");
            verdicts[v] = new AccountVerdict(v, amplifier[v] ? 0.8 : 0, amplifier[v], amplifier[v] ? 0 : -1, List.of());
        }
        int camo = t.id("user1");
        int[] seedCluster = new int[n];
        AmplifiedSeedSignal.Audience[] audience = new AmplifiedSeedSignal.Audience[n];
        int[] candidates = AmplifiedSeedSignal.seeds(AmplifiedSeedSignal.retweetPairs(a), amplifier, verdicts, n,
                seedCluster, audience);
        assertThat(candidates).contains(camo, t.id("seed0"), t.id("seed1"), t.id("seed2"));
        int[] seeds = AmplifiedSeedSignal.systematic(a, candidates, amplifier, audience);
        assertThat(seeds).containsExactlyInAnyOrder(t.id("seed0"), t.id("seed1"), t.id("seed2"));
        assertThat(audience[camo]).isNull();

        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-retweet", "amplified-seed"));
        CoordinationResult res = new CoordinationDetector(p).run(a, P, T);
        assertThat(res.accounts()[camo].suspicious()).isFalse();
        for (int k = 0; k < 3; k++) {
            assertThat(res.accounts()[t.id("seed" + k)].suspicious()).as("seed %d", k).isTrue();
        }
    }

    /**
     * The per-post test at its boundaries: s has 4 posts retweeted by 4 amplifiers among 204 retweeted posts (200
     * of account x, each retweeted once by y). Three amplifiers retweeting two of its posts each (λ = 2 · 4 / 204,
     * P(Poisson(λ) ≥ 2) ≈ 7.5e-4 ≤ 0.05 / 4) and one retweeting one: 3 of 4 systematic, a seed. Two of 4: no
     * majority. An amplifier that retweets all 200 posts of x as well retweets two of s's as its volume explains
     * (λ ≈ 3.96): not systematic.
     */
    @Test
    void aSeedNeedsMostOfItsAmplifiersToRetweetSeveralOfItsPostsBeyondTheirVolume() {
        assertThat(systematicOf(new int[]{2, 2, 2, 1}, false)).isTrue();
        assertThat(systematicOf(new int[]{2, 2, 1, 1}, false)).isFalse();
        assertThat(systematicOf(new int[]{2, 2, 1, 2}, true)).isFalse(); // a3 retweets everything: 2 of 4
        assertThat(systematicOf(new int[]{2, 2, 2, 2}, true)).isTrue(); // 3 of 4 still
        assertThat(PoissonTail.upper(2, 2.0 * 4 / 204)).isLessThan(0.05 / 4);
        assertThat(PoissonTail.upper(2, 202.0 * 4 / 204)).isGreaterThan(0.05 / 4);
    }

    /** Whether s passes {@link AmplifiedSeedSignal#systematic} when amplifier a_i retweets the first k[i] of its 4 posts. */
    private static boolean systematicOf(int[] k, boolean heavyA3) {
        Timeline t = new Timeline().accounts("s", "a0", "a1", "a2", "a3", "x", "y");
        for (int j = 0; j < 4; j++) {
            t.tweet("p" + j, "s", 1000L * (j + 1));
        }
        for (int j = 0; j < 200; j++) {
            t.tweet("x" + j, "x", 10_000L + j);
            t.retweet("y", 20_000L + j, "x" + j);
            if (heavyA3) {
                t.retweet("a3", 30_000L + j, "x" + j);
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < k[i]; j++) {
                t.retweet("a" + i, 1000L * (j + 1) + 5, "p" + j);
            }
        }
        Activity a = t.build();
        int n = a.accountCount();
        boolean[] amplifier = amplifiersA0ToA3(t, n);
        int s = t.id("s");
        AmplifiedSeedSignal.Audience[] audience = new AmplifiedSeedSignal.Audience[n];
        audience[s] = new AmplifiedSeedSignal.Audience(4, 4);
        return AmplifiedSeedSignal.systematic(a, new int[]{s}, amplifier, audience).length == 1;
    }

    /** Accounts a0 to a3 of {@code t} marked as amplifiers, among {@code n} accounts. */
    private static boolean[] amplifiersA0ToA3(Timeline t, int n) {
        boolean[] amplifier = new boolean[n];
        for (int i = 0; i < 4; i++) {
            amplifier[t.id("a" + i)] = true;
        }
        return amplifier;
    }
}
