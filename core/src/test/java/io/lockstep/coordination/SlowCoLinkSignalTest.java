package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Co-link-slow on hand-built archives: a ring that shares its own URLs over hours, the readers of one small outlet
 * who share its posts at their own times, and the phases (the common-source filter, filtered pair counting).
 */
class SlowCoLinkSignalTest {
    private static final ProgressListener P = ProgressListener.NONE;
    private static final TerminationFlag T = TerminationFlag.RUNNING_TRUE;
    private static final long START = 1_700_000_000L;
    private static final long DAY = 86_400L;

    /**
     * A month of ordinary link sharing: 50 outlets post 40 articles each; 1,000 ordinary accounts (created years apart)
     * each share 8 of them a few hours after publication and post 10 links of their own (an archive in which the ring
     * is a small part, as an operation is; where it makes most of the co-shares, the volume model's data-wide chance
     * is its own and explains it). With {@code ring}, 40
     * old accounts share 60 URLs of their own sites that nobody else shares, each URL by a random 25-60 % of them at
     * t0 plus a lognormal delay (median 60 min, sigma 1.3: the fourth generator's ring), and live an ordinary life
     * besides. With {@code readers}, a small outlet posts 60 articles and 40 devoted readers share each with
     * probability 0.5 at their own times, 0-3 days after it was posted, besides their ordinary life.
     */
    static Timeline world(boolean ring, boolean readers, long seed) {
        Random r = new Random(seed);
        Timeline t = new Timeline();
        List<String[]> articles = new ArrayList<>(); // {post id, url, time}
        List<long[]> times = new ArrayList<>();
        for (int o = 0; o < 50; o++) {
            t.b.account("outlet" + o, "outlet" + o, START - 3000 * DAY, 50_000);
            for (int i = 0; i < 40; i++) {
                long when = START + (long) (r.nextDouble() * 30 * DAY);
                String url = "https://outlet" + o + ".example/a" + i;
                t.tweet("o" + o + "-" + i, "outlet" + o, when, "headline " + o + " " + i, List.of(), List.of(url));
                articles.add(new String[] {url});
                times.add(new long[] {when});
            }
        }
        List<String> people = new ArrayList<>();
        for (int a = 0; a < 1000; a++) {
            people.add("user" + a);
        }
        if (ring) {
            for (int m = 0; m < 40; m++) {
                people.add("ring" + m);
            }
        }
        if (readers) {
            for (int m = 0; m < 40; m++) {
                people.add("reader" + m);
            }
        }
        for (String u : people) {
            t.b.account(u, u, START - (long) (r.nextDouble() * 4000) * DAY, 200);
            ordinaryLife(t, r, u, articles, times);
        }
        if (ring) {
            for (int i = 0; i < 60; i++) {
                long t0 = START + (long) (r.nextDouble() * 29 * DAY);
                String url = "https://site" + (i % 4) + ".example/story-" + i;
                double p = 0.25 + 0.35 * r.nextDouble();
                for (int m = 0; m < 40; m++) {
                    if (r.nextDouble() < p) {
                        long delay = (long) (3600 * Math.exp(1.3 * r.nextGaussian()));
                        t.tweet("rs" + i + "-" + m, "ring" + m, t0 + delay, "look " + i + " " + m, List.of(),
                                List.of(url));
                    }
                }
            }
        }
        if (readers) {
            t.b.account("blog", "blog", START - 2000 * DAY, 800);
            for (int i = 0; i < 60; i++) {
                long when = START + (long) (r.nextDouble() * 27 * DAY);
                String url = "https://smallblog.example/post-" + i;
                t.tweet("b" + i, "blog", when, "new post " + i, List.of(), List.of(url));
                for (int m = 0; m < 40; m++) {
                    if (r.nextDouble() < 0.5) {
                        t.tweet("rd" + i + "-" + m, "reader" + m, when + 600 + (long) (r.nextDouble() * 3 * DAY),
                                "read this " + i, List.of(), List.of(url));
                    }
                }
            }
        }
        return t;
    }

    private static void ordinaryLife(Timeline t, Random r, String u, List<String[]> articles, List<long[]> times) {
        for (int j = 0; j < 8; j++) {
            int i = r.nextInt(articles.size());
            long delay = (long) (2 * 3600 * Math.exp(1.5 * r.nextGaussian()));
            t.tweet(u + "-s" + j, u, times.get(i)[0] + 60 + delay, "worth reading", List.of(),
                    List.of(articles.get(i)[0]));
        }
        for (int j = 0; j < 10; j++) {
            t.tweet(u + "-own" + j, u, START + (long) (r.nextDouble() * 30 * DAY), "my page", List.of(),
                    List.of("https://" + u + ".example/p" + j));
        }
    }

    @Test
    void aRingSharingItsOwnUrlsOverHoursIsFoundWhereTheMinuteWindowSeesNothing() {
        Activity a = world(true, false, 3).build();
        CoordinationParams p = CoordinationParams.defaults();
        SignalGraph slow = new SlowCoLinkSignal(p).graph(a, P, T);
        SignalGraph fast = new CoLinkSignal(p).graph(a, P, T);
        assertThat(PrefixEdges.among(fast, a, "ring")).isLessThan(5);
        // 780 ring pairs; each shares about 60 · 0.19 = 11 URLs
        assertThat(PrefixEdges.among(slow, a, "ring")).isGreaterThan(650);
        assertThat(slow.edges().size()).isEqualTo(PrefixEdges.among(slow, a, "ring"));
        CoordinationEdge e = slow.edges().get(0);
        assertThat(e.signal()).isEqualTo("co-link-slow");
        assertThat(e.evidence()).isNotEmpty().allMatch(ev -> ev.item().startsWith("site"));
    }

    @Test
    void theReadersOfOneSmallOutletSharingItsPostsAtTheirOwnTimesAreNotLinked() {
        Activity a = world(false, true, 4).build();
        SignalGraph slow = new SlowCoLinkSignal(CoordinationParams.defaults()).graph(a, P, T);
        assertThat(PrefixEdges.touching(slow, a, "reader")).isZero();
        assertThat(PrefixEdges.touching(slow, a, "blog")).isZero();
        assertThat(slow.edges()).isEmpty();
    }

    @Test
    void endToEndTheRingIsOneSuspiciousLinkRingAndTheReadersAreNotFlagged() {
        Timeline t = world(true, true, 5);
        Activity a = t.build();
        CoordinationParams p = CoordinationParams.defaults().withSignals(Set.of("co-link", "co-link-slow"));
        CoordinationResult r = new CoordinationDetector(p).run(a, P, T);
        int ring = 0, others = 0;
        for (int acc : r.suspiciousAccounts()) {
            if (a.accountId(acc).startsWith("ring")) {
                ring++;
            } else {
                others++;
            }
        }
        assertThat(ring).isEqualTo(40);
        assertThat(others).isZero();
        Cluster c = r.clusters().stream().filter(x -> x.score() >= 0.5).findFirst().orElseThrow();
        assertThat(c.kind()).isEqualTo("link-ring");
        assertThat(c.signals()).containsExactly("co-link-slow");
    }

    @Test
    void theSourcesOfAnItemAreItsEarliestAccountsAndTheFilterDropsAnAudience() {
        // item 0: x first, then a and b; items 1, 2: x first, a and b later; item 3: a and b at the same second
        Actions actions = new Actions(16);
        int x = 0, a = 1, b = 2, c = 3;
        for (int i = 0; i < 3; i++) {
            actions.add(i, 100L * i, x, 10 * i);
            actions.add(i, 100L * i + 5, a, 10 * i + 1);
            actions.add(i, 100L * i + 9, b, 10 * i + 2);
        }
        actions.add(3, 500, b, 31);
        actions.add(3, 500, a, 30);
        actions.add(3, 520, c, 32);
        SortedActions sorted = SortedActions.of("test", actions, 4);
        CommonSources sources = new CommonSources(sorted, 3);
        assertThat(sources.shared(a, x)).isEqualTo(3);
        assertThat(sources.shared(x, x)).isEqualTo(3);
        assertThat(sources.shared(c, a)).isEqualTo(1);
        assertThat(sources.shared(c, b)).isEqualTo(1);
        int item3 = 9;
        assertThat(sorted.key(item3)).isEqualTo(3);
        assertThat(sources.sources(item3, 12)).containsExactly(a, b);
        // on x's items, a and b are both x's audience (3 of its items each), and x is its own source
        assertThat(sources.counts(0, 3, CoordinationEdge.pairKey(a, b))).isFalse();
        assertThat(sources.counts(0, 3, CoordinationEdge.pairKey(x, a))).isFalse();
        // on item 3 neither source has 3 items: the pairs count
        assertThat(sources.counts(item3, 12, CoordinationEdge.pairKey(a, b))).isTrue();
        assertThat(sources.counts(item3, 12, CoordinationEdge.pairKey(a, c))).isTrue();
        assertThat(sources.pairs(CoActionScanner.MAX_ITEM_ACCOUNTS)).isTrue();
        assertThat(sources.pairs(CoActionScanner.MAX_ITEM_ACCOUNTS + 1)).isFalse();
    }

    @Test
    void pairCountingCountsOnlyTheFilteredPairsAndTheirCoOccurrences() {
        Actions actions = new Actions(16);
        for (int i = 0; i < 3; i++) {
            actions.add(i, 100L * i, 0, 10 * i);
            actions.add(i, 100L * i + 5, 1, 10 * i + 1);
            actions.add(i, 100L * i + 9, 2, 10 * i + 2);
        }
        actions.add(3, 500, 1, 30);
        actions.add(3, 510, 2, 31);
        SortedActions sorted = SortedActions.of("test", actions, 3);
        PairCounting all = PairCounting.run(sorted, 3, 1000, 200, P, T);
        PairCounting filtered = PairCounting.run(sorted, 3, 1000, 200, new CommonSources(sorted, 3), P, T);
        assertThat(PairCounting.count(all.pairs.get(CoordinationEdge.pairKey(1, 2)))).isEqualTo(4);
        assertThat(all.coOccurrences).isEqualTo(10);
        // account 0 posted items 0-2 first and 1 and 2 shared all three: only item 3's pair is left
        assertThat(PairCounting.count(filtered.pairs.get(CoordinationEdge.pairKey(1, 2)))).isEqualTo(1);
        assertThat(filtered.pairs.containsKey(CoordinationEdge.pairKey(0, 1))).isFalse();
        assertThat(filtered.coOccurrences).isEqualTo(1);
        // volumes and norms are the same either way
        assertThat(filtered.volume).containsExactly(all.volume);
        assertThat(filtered.normSq).containsExactly(all.normSq);
        assertThat(filtered.pairedItems.size()).isEqualTo(2);
    }
}
