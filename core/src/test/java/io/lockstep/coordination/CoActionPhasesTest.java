package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each phase of {@link CoActionScanner} on its own, on actions small enough to check by hand. */
class CoActionPhasesTest {

    private static List<String> pairs(long[] times, int[] accounts, int from, int to, long window, int maxNeighbours) {
        WindowPairs w = new WindowPairs(window, maxNeighbours);
        w.reset(times, accounts, from, to);
        List<String> out = new ArrayList<>();
        while (w.next()) {
            out.add(w.first() + "-" + w.second());
        }
        assertThat(w.next()).isFalse(); // stays exhausted
        return out;
    }

    /** Actions from rows of (item key, epoch seconds, account, post), in the order given. */
    static Actions actions(long[][] rows) {
        Actions a = new Actions(rows.length);
        for (long[] r : rows) {
            a.add((int) r[0], r[1], (int) r[2], (int) r[3]);
        }
        return a;
    }

    /** Actions (index: time, account): 0: 0 s a1, 1: 10 s a2, 2: 10 s a1, 3: 50 s a3, 4: 200 s a4. */
    private static final long[] TIMES = {0, 10, 10, 50, 200};
    private static final int[] ACCOUNTS = {1, 2, 1, 3, 4};

    @Test
    void windowPairsEachActionWithTheLaterOnesInsideTheWindowSkippingTheSameAccount() {
        // 0-2 is a1 with a1; 3-4 and 0-4 are 150 s and 200 s apart
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 60, 10)).containsExactly("0-1", "0-3", "1-2", "1-3", "2-3");
        // the window is inclusive: 50 s apart with a 50 s window still pairs
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 50, 10)).containsExactly("0-1", "0-3", "1-2", "1-3", "2-3");
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 39, 10)).containsExactly("0-1", "1-2");
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 0, 10)).containsExactly("1-2");
    }

    @Test
    void windowPairsTakesTheNearestLaterActionsOnlyUpToMaxNeighbours() {
        // each action looks at its next one only: 0-1, 1-2, 2-3 (3-4 is outside the window)
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 60, 1)).containsExactly("0-1", "1-2", "2-3");
        // the skipped same-account action uses up a neighbour: 0 sees 1 and 2 (a1), not 3
        assertThat(pairs(TIMES, ACCOUNTS, 0, 5, 60, 2)).containsExactly("0-1", "1-2", "1-3", "2-3");
    }

    @Test
    void windowPairsStaysInsideItsRange() {
        assertThat(pairs(TIMES, ACCOUNTS, 1, 4, 60, 10)).containsExactly("1-2", "1-3", "2-3");
        assertThat(pairs(TIMES, ACCOUNTS, 2, 2, 60, 10)).isEmpty();
        assertThat(pairs(TIMES, ACCOUNTS, 4, 5, 60, 10)).isEmpty();
    }

    @Test
    void windowPairsRejectsBadSettingsByName() {
        assertThatThrownBy(() -> new WindowPairs(-1, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new WindowPairs(60, 0)).hasMessageContaining("maxNeighbours");
    }

    @Test
    void sortedActionsGroupEachItemInTimeThenAccountOrder() {
        Actions a = actions(new long[][] {
                {7, 1_000_050, 3, 30}, {2, 1_000_010, 1, 10}, {7, 1_000_000, 4, 40}, {2, 1_000_010, 0, 11},
                {7, 1_000_050, 2, 20}});
        SortedActions s = SortedActions.of("test", a, 6);
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.minTime()).isEqualTo(1_000_000);
        assertThat(s.activeAccounts()).isEqualTo(5);
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            order.append(s.key(i)).append('@').append(s.offset(i)).append(':').append(s.account(i)).append('/')
                    .append(s.post(i)).append(' ');
        }
        assertThat(order.toString().trim()).isEqualTo("2@10:0/11 2@10:1/10 7@0:4/40 7@50:2/20 7@50:3/30");
        assertThat(s.itemEnd(0)).isEqualTo(2);
        assertThat(s.itemEnd(2)).isEqualTo(5);
        long[] times = new long[3];
        int[] accounts = new int[3];
        s.unpack(2, 5, times, accounts);
        assertThat(times).containsExactly(0, 50, 50);
        assertThat(accounts).containsExactly(4, 2, 3);
    }

    @Test
    void sortedActionsRejectATimeSpanBeyondThirtyTwoBits() {
        Actions a = new Actions(2);
        a.add(0, 0, 0, 0);
        a.add(0, 1L << 32, 1, 1);
        assertThatThrownBy(() -> SortedActions.of("co-test", a, 2)).hasMessageContaining("co-test")
                .hasMessageContaining("2^32");
    }

    /**
     * Accounts 0–4 (4 never acts). Item 0: a0 at 100 s, a1 at 110 s, a2 at 200 s (window 60: pair 0–1 only).
     * Item 1: a0 at 100, a1 at 105. Item 2: a3 alone, twice. Item 3: a0 at 0, a1 at 1, a0 again at 2 (pair 0–1 seen
     * twice, counted once).
     */
    static Actions fourItems() {
        return actions(new long[][] {
                {0, 100, 0, 0}, {0, 110, 1, 1}, {0, 200, 2, 2},
                {1, 100, 0, 3}, {1, 105, 1, 4},
                {2, 100, 3, 5}, {2, 120, 3, 6},
                {3, 0, 0, 7}, {3, 1, 1, 8}, {3, 2, 0, 9}});
    }

    private static PairCounting count(Actions a, int accounts) {
        return PairCounting.run(SortedActions.of("test", a, accounts), accounts, 60, 200, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
    }

    @Test
    void pairCountingWeighsItemsAndCountsEachPairOncePerItem() {
        PairCounting c = count(fourItems(), 5);
        double w3 = 1 + Math.log(5.0 / 4); // item 0: 3 accounts of A = 4
        double w2 = 1 + Math.log(5.0 / 3); // items 1 and 3: 2 accounts
        assertThat(PairCounting.idf(4, 3)).isCloseTo(w3, within(1e-15));
        assertThat(c.volume).containsExactly(3, 3, 1, 1, 0);
        // item 2 has one account: in a3's volume, not its norm
        assertThat(c.normSq[0]).isCloseTo(w3 * w3 + 2 * w2 * w2, within(1e-12));
        assertThat(c.normSq[2]).isCloseTo(w3 * w3, within(1e-12));
        assertThat(c.normSq[3]).isZero();
        assertThat(c.pairs).hasSize(1);
        long packed = c.pairs.get(CoordinationEdge.pairKey(0, 1));
        assertThat(PairCounting.count(packed)).isEqualTo(3);
        assertThat(PairCounting.units(packed)).isEqualTo(Math.round(w3 * w3 * 4096) + 2 * Math.round(w2 * w2 * 4096));
        assertThat(c.coOccurrences).isEqualTo(3);
        // the paired items' action ranges: items 0, 1 and 3 (item 2 has one account)
        assertThat(c.pairedItems.toIntArray()).containsExactly(0, 3, 3, 5, 7, 10);
    }

    @Test
    void itemsAboveTheThresholdAreSplitIntoNestedAccountHashGroups() {
        int t = CoActionScanner.MAX_ITEM_ACCOUNTS;
        int g = CoActionScanner.LARGE_ITEM_GROUP;
        assertThat(ItemPairs.groupBits(2)).isZero();
        assertThat(ItemPairs.groupBits(t)).isZero();
        // the smallest b with m <= G·2^b
        assertThat(ItemPairs.groupBits(t + 1)).isEqualTo(4); // 1,001 <= 1,600
        assertThat(ItemPairs.groupBits(16 * g)).isEqualTo(4);
        assertThat(ItemPairs.groupBits(16 * g + 1)).isEqualTo(5);
        assertThat(ItemPairs.groupBits(2_740)).isEqualTo(5); // the 10M archive's botnet originals: 32 groups
        assertThat(ItemPairs.groupBits(Integer.MAX_VALUE)).isEqualTo(25);
        int[] sizes = new int[32];
        for (int a = 0; a < 100_000; a++) {
            assertThat(ItemPairs.group(a, 0)).isZero();
            int g5 = ItemPairs.group(a, 5);
            // groups of 2^(b+1) refine those of 2^b: two accounts in one finer group are in one coarser group
            assertThat(ItemPairs.group(a, 6) >>> 1).isEqualTo(g5);
            assertThat(ItemPairs.group(a, 5) >>> 1).isEqualTo(ItemPairs.group(a, 4));
            sizes[g5]++;
        }
        // the hash spreads consecutive account numbers evenly: 3,125 expected per group
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThan(2_900);
        assertThat(Arrays.stream(sizes).max().orElseThrow()).isLessThan(3_350);
    }

    /** All pairs of a naive join: same group, different accounts, at most {@code window} apart, as "first-second". */
    private static Set<String> naivePairs(long[] times, int[] accounts, int bits, long window) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < times.length; i++) {
            for (int j = i + 1; j < times.length; j++) {
                if (accounts[i] != accounts[j] && times[j] - times[i] <= window
                        && ItemPairs.group(accounts[i], bits) == ItemPairs.group(accounts[j], bits)) {
                    out.add(i + "-" + j);
                }
            }
        }
        return out;
    }

    @Test
    void itemPairsWalksASmallItemWholeAndALargeOneGroupByGroupWithOriginalIndices() {
        // a small item is exactly the sliding window
        ItemPairs small = new ItemPairs(60, 10);
        small.reset(TIMES, ACCOUNTS, 0, 5, 4);
        List<String> got = new ArrayList<>();
        while (small.next()) {
            got.add(small.first() + "-" + small.second());
        }
        assertThat(got).containsExactly("0-1", "0-3", "1-2", "1-3", "2-3");
        // a large item: 1,200 actions by 1,100 accounts over 20 minutes, sorted by time then account
        SplittableRandom rng = new SplittableRandom(7);
        int n = 1_200;
        long[][] rows = new long[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new long[]{rng.nextLong(1_200), i < 1_100 ? i * 7 : rng.nextInt(1_100) * 7};
        }
        Arrays.sort(rows, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[] times = new long[n];
        int[] accounts = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = rows[i][0];
            accounts[i] = (int) rows[i][1];
        }
        int m = ItemPairs.distinctAccounts(accounts, n, new int[n]);
        assertThat(m).isEqualTo(1_100);
        ItemPairs large = new ItemPairs(60, 1_000); // the neighbour cap never binds here
        large.reset(times, accounts, 0, n, m);
        Set<String> seen = new HashSet<>();
        int visits = 0;
        while (large.next()) {
            int i = large.first(), j = large.second();
            assertThat(i).isLessThan(j);
            seen.add(i + "-" + j);
            visits++;
        }
        Set<String> expected = naivePairs(times, accounts, ItemPairs.groupBits(m), 60);
        assertThat(visits).isEqualTo(seen.size());
        assertThat(seen).isEqualTo(expected);
        // about 1/16 of the pairs the whole window would give
        int whole = naivePairs(times, accounts, 0, 60).size();
        assertThat(expected.size()).isBetween(whole / 24, whole / 10);
    }

    @Test
    void pairCountingPairsLargeItemsInsideTheirGroupsOnly() {
        int crowd = CoActionScanner.MAX_ITEM_ACCOUNTS + 1;
        Actions a = new Actions(crowd + 2);
        for (int v = 0; v < crowd; v++) {
            a.add(0, 100, v, v);
        }
        a.add(1, 100, 0, crowd);
        a.add(1, 130, 1, crowd + 1);
        PairCounting c = count(a, crowd);
        int bits = ItemPairs.groupBits(crowd);
        assertThat(bits).isEqualTo(4);
        // every pair of one group on item 0 (one instant, groups of about 63 < 200 neighbours), and 0-1 of item 1
        int[] groupSize = new int[1 << bits];
        for (int v = 0; v < crowd; v++) {
            groupSize[ItemPairs.group(v, bits)]++;
        }
        long inGroups = 0;
        for (int size : groupSize) {
            inGroups += (long) size * (size - 1) / 2;
        }
        assertThat(inGroups).isBetween(25_000L, 40_000L); // of 500,500 pairs of the crowd
        boolean together = ItemPairs.group(0, bits) == ItemPairs.group(1, bits);
        assertThat(c.pairs).hasSize((int) inGroups + (together ? 0 : 1));
        assertThat(c.coOccurrences).isEqualTo(inGroups + 1);
        long wCrowd = PairCounting.weightUnits(PairCounting.idf(crowd, crowd));
        long w2 = PairCounting.weightUnits(PairCounting.idf(crowd, 2));
        for (var e : c.pairs.long2LongEntrySet()) {
            int u = (int) (e.getLongKey() >>> 32), v = (int) e.getLongKey();
            if (u == 0 && v == 1) {
                assertThat(PairCounting.count(e.getLongValue())).isEqualTo(together ? 2 : 1);
                assertThat(PairCounting.units(e.getLongValue())).isEqualTo(together ? wCrowd + w2 : w2);
            } else {
                assertThat(ItemPairs.group(u, bits)).isEqualTo(ItemPairs.group(v, bits));
                assertThat(PairCounting.count(e.getLongValue())).isEqualTo(1);
                assertThat(PairCounting.units(e.getLongValue())).isEqualTo(wCrowd);
            }
        }
        assertThat(c.volume[0]).isEqualTo(2);
        assertThat(c.volume[crowd - 1]).isEqualTo(1);
        double w = PairCounting.idf(crowd, crowd);
        assertThat(c.normSq[crowd - 1]).isCloseTo(w * w, within(1e-12));
        assertThat(c.pairedItems.toIntArray()).containsExactly(0, crowd, crowd, crowd + 2);
    }

    /**
     * 60 coordinated accounts inside crowds of 1,500 on the same five originals, each at its own random instants:
     * every pair of them in one group is counted on all five items, however far apart their actions fall in the
     * crowd, so that the null model sees their real count; pairs across groups are never formed.
     */
    @Test
    void aGroupActingOnManyLargeItemsIsCountedInFullInsideEachAccountGroup() {
        int crowd = 1_500;
        int bots = 60;
        SplittableRandom rng = new SplittableRandom(11);
        Actions a = new Actions(5 * crowd);
        int post = 0;
        for (int item = 0; item < 5; item++) {
            for (int v = 0; v < crowd; v++) {
                // bots are accounts 0-59 on every item; the rest of the crowd differs per item
                int account = v < bots ? v : bots + item * crowd + v;
                a.add(item, 1_000 + rng.nextInt(40), account, post++);
            }
        }
        int accounts = bots + 5 * crowd + crowd;
        PairCounting c = count(a, accounts);
        int bits = ItemPairs.groupBits(crowd);
        assertThat(bits).isEqualTo(4);
        int together = 0;
        for (int u = 0; u < bots; u++) {
            for (int v = u + 1; v < bots; v++) {
                long packed = c.pairs.get(CoordinationEdge.pairKey(u, v));
                if (ItemPairs.group(u, bits) == ItemPairs.group(v, bits)) {
                    together++;
                    assertThat(PairCounting.count(packed)).as(u + "-" + v).isEqualTo(5);
                } else {
                    assertThat(packed).as(u + "-" + v).isZero();
                }
            }
        }
        assertThat(together).isBetween(60, 180); // about 1,770 / 16
        // the cost bound: pair events at most about m·G/2 per item, far below the crowd's 1,124,250 pairs
        assertThat(c.coOccurrences).isLessThan(5L * crowd * CoActionScanner.LARGE_ITEM_GROUP / 2);
    }

    @Test
    void nullModelChanceIsCoOccurrencesOverCrossAccountActionPairs() {
        // volumes 3, 3, 1, 1, 0: 8 actions, (64 - 20) / 2 = 22 pairs of actions by different accounts
        assertThat(CoActionNullModel.chance(3, new int[]{3, 3, 1, 1, 0})).isCloseTo(3.0 / 22, within(1e-15));
        assertThat(CoActionNullModel.chance(0, new int[]{5, 0})).isEqualTo(1.0); // no cross pairs
    }

    @Test
    void nullModelWeightIsCosineTimesRarityAndEachThresholdRejects() {
        // a pair sharing 3 items of w² = 2 each, both accounts of norm² 8 and volume 4, among A = 9 accounts
        long units = 3 * PairCounting.weightUnits(Math.sqrt(2));
        double cosine = 6.0 / 8;
        double rarity = Math.sqrt(2) / (1 + Math.log(10.0 / 3));
        double chance = 0.01; // λ = 16 · 0.01 = 0.16
        CoordinationParams.CoAction open = new CoordinationParams.CoAction(60, 3, 0.0, 1.0);
        assertThat(CoActionNullModel.weight(3, units, units, 4, 8, 4, 8, chance, 0, 9, open))
                .isCloseTo(cosine * rarity, within(1e-12));
        // below minShared, below minSimilarity
        assertThat(CoActionNullModel.weight(3, units, units, 4, 8, 4, 8, chance, 0, 9, open.withMinShared(4))).isNaN();
        assertThat(CoActionNullModel.weight(3, units, units, 4, 8, 4, 8, chance, 0, 9,
                new CoordinationParams.CoAction(60, 3, 0.76, 1.0))).isNaN();
        // P(Poisson(0.16) >= 3) = 1 - e^-λ (1 + λ + λ²/2)
        double lambda = 0.16;
        double tail = 1 - Math.exp(-lambda) * (1 + lambda + lambda * lambda / 2);
        assertThat(CoActionNullModel.weight(3, units, units, 4, 8, 4, 8, chance, 0, 9,
                new CoordinationParams.CoAction(60, 3, 0.0, tail * 1.01))).isCloseTo(cosine * rarity, within(1e-12));
        assertThat(CoActionNullModel.weight(3, units, units, 4, 8, 4, 8, chance, 0, 9,
                new CoordinationParams.CoAction(60, 3, 0.0, tail * 0.99))).isNaN();
        // rarity is capped at 1, the cosine too
        assertThat(CoActionNullModel.weight(1, PairCounting.weightUnits(100), 0, 1, 1, 1, 1, 0, 0, 9,
                open.withMinShared(1)))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void nullModelSelectsInPairOrderWithCountsAndWeightsAlongside() {
        // pairs 0–1 (3 items), 1–2 (items 4, 5), 0–2 (item 4 only): minShared 2 keeps two, ascending by pair
        Actions a = fourItems();
        a.add(4, 500, 0, 10);
        a.add(4, 501, 1, 11);
        a.add(4, 502, 2, 12);
        a.add(5, 600, 2, 13);
        a.add(5, 601, 1, 14);
        PairCounting c = count(a, 5);
        CoActionNullModel.Selected s = CoActionNullModel.select(c, 4, new CoordinationParams.CoAction(60, 2, 0.0, 1.0),
                q -> new long[q.length]);
        assertThat(s.pairs).containsExactly(CoordinationEdge.pairKey(0, 1), CoordinationEdge.pairKey(1, 2));
        assertThat(s.counts).containsExactly(4, 2);
        assertThat(s.indexOf(CoordinationEdge.pairKey(1, 2))).isEqualTo(1);
        assertThat(s.indexOf(CoordinationEdge.pairKey(0, 2))).isEqualTo(-1);
        double chance = CoActionNullModel.chance(c.sampled.coOccurrences(), c.volume);
        long units = PairCounting.units(c.pairs.get(CoordinationEdge.pairKey(1, 2)));
        CoActionNullModel.Background bg = CoActionNullModel.background(c, chance,
                new CoActionNullModel.Explains(1.0));
        // with maxPValue 1 nothing is explained: the background is empty and the strength model expects nothing
        assertThat(bg.strength()).containsOnly(0L);
        assertThat(s.weights[1]).isEqualTo(CoActionNullModel.weight(2, units, units, c.volume[1], c.normSq[1],
                c.volume[2], c.normSq[2], chance, 0.0, 4, new CoordinationParams.CoAction(60, 2, 0.0, 1.0)));
    }

    @Test
    void strengthModelExpectsTheProductOfBackgroundStrengthsOverTwiceTheirCoOccurrences() {
        // background strengths 36 and 26 of 96 co-occurrences: λ = 36 · 26 / 192 = 4.875
        assertThat(CoActionNullModel.strengthExpectation(36, 26, 96, 1.0)).isCloseTo(36.0 * 26 / 192, within(1e-12));
        assertThat(CoActionNullModel.strengthExpectation(5, 5, 0, 1.0)).isZero();
        // counted events that stand for four times as many co-occurrences expect four times as many
        assertThat(CoActionNullModel.strengthExpectation(36, 26, 96, 4.0)).isCloseTo(4 * 36.0 * 26 / 192,
                within(1e-12));
        long units = 4 * PairCounting.weightUnits(Math.sqrt(2));
        CoordinationParams.CoAction p = new CoordinationParams.CoAction(60, 3, 0.0, 1e-3);
        // the volume model alone (λ = 10 · 10 · 0.001 = 0.1) finds 4 co-occurrences unlikely: P ≈ 3.8e-6
        assertThat(CoActionNullModel.weight(4, units, units, 10, 8, 10, 8, 0.001, 0.0, 9, p)).isPositive();
        // the same pair when both accounts meet many others in their windows: λ = 4.875, P(≥ 4) ≈ 0.72, explained
        assertThat(CoActionNullModel.weight(4, units, units, 10, 8, 10, 8, 0.001, 4.875, 9, p)).isNaN();
        // a larger λ from either model decides: here the volume model's 10 · 10 · 0.05 = 5
        assertThat(CoActionNullModel.weight(4, units, units, 10, 8, 10, 8, 0.05, 0.0, 9, p)).isNaN();
    }

    @Test
    void tailTestByThresholdAgreesWithTheTailItself() {
        CoActionNullModel.Explains explains = new CoActionNullModel.Explains(1e-3);
        for (int count = 1; count < 300; count += 7) {
            for (double lambda = 0.001; lambda < 400; lambda *= 1.37) {
                assertThat(explains.test(count, lambda)).as("count %d, λ %f", count, lambda)
                        .isEqualTo(PoissonTail.upper(count, lambda) > 1e-3);
            }
        }
    }

    /** Accounts of {@link #crowd}'s crowd (0 to 599); the closed group is 600 to 603. */
    static final int CROWD = 600;

    /**
     * The crowd and closed group of {@link #backgroundStrengthExplainsACrowdButNotAClosedGroup}: 60 popular items,
     * each account of the crowd on each with probability 1/4 after its own typical delay, and 4 accounts on 6 items
     * of their own within 30 s; {@code seed} draws the delays and the crowd's choices.
     */
    static Actions crowd(long seed) {
        Actions a = new Actions(64);
        Random rng = new Random(seed);
        int crowd = CROWD;
        double[] delay = new double[crowd];
        for (int i = 0; i < crowd; i++) {
            delay[i] = 600 * Math.exp(1.2 * rng.nextGaussian());
        }
        int post = 0;
        for (int item = 0; item < 60; item++) {
            for (int acc = 0; acc < crowd; acc++) {
                if (rng.nextDouble() < 0.25) {
                    a.add(item, 100_000L * item + (long) (delay[acc] * Math.exp(0.5 * rng.nextGaussian())), acc,
                            post++);
                }
            }
        }
        for (int item = 60; item < 66; item++) {
            for (int acc = crowd; acc < crowd + 4; acc++) {
                a.add(item, 100_000L * item + rng.nextInt(30), acc, post++);
            }
        }
        return a;
    }

    /**
     * The pairs whose first account is below {@code below} that share at least 3 items and that the volume model
     * alone does not explain at {@code p}'s p-value (expected n_a n_b P, P the archive's chance of a co-occurrence).
     */
    static int volumeSignificant(PairCounting c, CoordinationParams.CoAction p, int below) {
        double chance = CoActionNullModel.chance(c.sampled.coOccurrences(), c.volume);
        CoActionNullModel.Explains explains = new CoActionNullModel.Explains(p.maxPValue());
        int significant = 0;
        for (var e : c.pairs.long2LongEntrySet()) {
            int u = (int) (e.getLongKey() >>> 32), v = (int) (long) e.getLongKey();
            int count = PairCounting.count(e.getLongValue());
            if (u < below && count >= 3 && !explains.test(count, (double) c.volume[u] * c.volume[v] * chance)) {
                significant++;
            }
        }
        return significant;
    }

    /**
     * A crowd: 60 popular items, each retweeted by 150 of 600 accounts, each account after its own typical delay
     * (log-normal around 10 minutes, so that a few are always among the first), and a closed group of 4 accounts
     * retweeting 6 items only they retweet, within 30 s. The volume model flags many crowd pairs (the fast accounts
     * meet on item after item); the background strength model explains most of them (946 flagged, 107 kept), since the fast accounts
     * meet many others too, and keeps every pair of the group, whose co-occurrences are its own.
     */
    @Test
    void backgroundStrengthExplainsACrowdButNotAClosedGroup() {
        Actions a = crowd(3);
        int crowd = CROWD;
        int accounts = crowd + 4;
        SortedActions sorted = SortedActions.of("test", a, accounts);
        PairCounting c = PairCounting.run(sorted, accounts, 60, 200, ProgressListener.NONE,
                TerminationFlag.RUNNING_TRUE);
        CoordinationParams.CoAction p = new CoordinationParams.CoAction(60, 3, 0.0, 1e-3);
        double chance = CoActionNullModel.chance(c.sampled.coOccurrences(), c.volume);
        CoActionNullModel.Explains explains = new CoActionNullModel.Explains(p.maxPValue());
        int volumeSignificant = volumeSignificant(c, p, crowd);
        CoActionNullModel.Selected s = CoActionNullModel.select(c, sorted.activeAccounts(), p,
                q -> ItemOverlap.units(sorted, c.volume.length, q));
        for (int u = crowd; u < crowd + 4; u++) {
            for (int v = u + 1; v < crowd + 4; v++) {
                assertThat(s.indexOf(CoordinationEdge.pairKey(u, v))).as("group pair %d-%d", u, v).isNotNegative();
            }
        }
        int crowdKept = 0;
        for (long pair : s.pairs) {
            if ((int) (pair >>> 32) < crowd) {
                crowdKept++;
            }
        }
        assertThat(volumeSignificant).as("crowd pairs the volume model flags").isGreaterThan(100);
        assertThat(crowdKept).as("crowd pairs kept, of %d the volume model flags", volumeSignificant)
                .isLessThanOrEqualTo(volumeSignificant / 5);
        CoActionNullModel.Background bg = CoActionNullModel.background(c, chance, explains);
        assertThat(bg.rounds()).isBetween(1, CoActionNullModel.MAX_ROUNDS);
        assertThat(bg.strength()[crowd]).as("the group's strength stays out of the background").isZero();
    }

    @Test
    void evidenceIsOneExamplePerSharedItemUpToTheCapWithTheSmallerAccountAsSource() {
        Actions a = fourItems();
        a.add(4, 500, 2, 10); // a2 before a1: the example's source (a1) acted second
        a.add(4, 530, 1, 11);
        a.add(5, 600, 2, 12);
        a.add(5, 601, 1, 13);
        SortedActions sorted = SortedActions.of("test", a, 5);
        PairCounting c = PairCounting.run(sorted, 5, 60, 200, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        CoActionNullModel.Selected s = CoActionNullModel.select(c, 4, new CoordinationParams.CoAction(60, 2, 0.0, 1.0),
                q -> new long[q.length]);
        CoActionScanner.ItemLabel label = (key, source, target) -> key + ":" + source + ">" + target;
        List<List<Evidence>> all = EvidenceGathering.run(sorted, c.pairedItems, s, 60, 200, 10, label);
        // 0–1 shares items 0, 1 and 3; on item 3 the first window pair is a0 at 0 with a1 at 1
        assertThat(all.get(s.indexOf(CoordinationEdge.pairKey(0, 1)))).containsExactly(
                new Evidence("0:0>1", 100, 110), new Evidence("1:3>4", 100, 105), new Evidence("3:7>8", 0, 1));
        assertThat(all.get(s.indexOf(CoordinationEdge.pairKey(1, 2)))).containsExactly(
                new Evidence("4:11>10", 530, 500), new Evidence("5:13>12", 601, 600));
        // a cap of 2 keeps the first two items of each pair; a cap of 0 none
        List<List<Evidence>> capped = EvidenceGathering.run(sorted, c.pairedItems, s, 60, 200, 2, label);
        assertThat(capped.get(s.indexOf(CoordinationEdge.pairKey(0, 1)))).extracting(Evidence::item)
                .containsExactly("0:0>1", "1:3>4");
        assertThat(EvidenceGathering.run(sorted, c.pairedItems, s, 60, 200, 0, label)).allSatisfy(
                l -> assertThat(l).isEmpty());
    }

    @Test
    void itemOverlapSumsTheWeightOfEveryItemBothAccountsActedOnAtAnyTime() {
        // items 0–2: accounts 0 and 1 both, hours apart on item 2; item 3: 0 and 2; item 4: 1 and 2; item 5: 0 alone
        Actions a = new Actions(16);
        a.add(0, 100, 0, 0);
        a.add(0, 110, 1, 1);
        a.add(1, 200, 0, 2);
        a.add(1, 205, 1, 3);
        a.add(2, 300, 0, 4);
        a.add(2, 9_000, 1, 5);
        a.add(3, 400, 0, 6);
        a.add(3, 5_000, 2, 7);
        a.add(4, 500, 1, 8);
        a.add(4, 501, 2, 9);
        a.add(5, 600, 0, 10);
        SortedActions sorted = SortedActions.of("test", a, 3);
        long two = PairCounting.weightUnits(PairCounting.idf(3, 2));
        long[] pairs = {CoordinationEdge.pairKey(0, 1), CoordinationEdge.pairKey(0, 2), CoordinationEdge.pairKey(1, 2)};
        assertThat(ItemOverlap.units(sorted, 3, pairs)).containsExactly(3 * two, two, two);
        // only the pairs asked are summed, in the order asked
        assertThat(ItemOverlap.units(sorted, 3, new long[]{CoordinationEdge.pairKey(1, 2)})).containsExactly(two);
        assertThat(ItemOverlap.units(sorted, 3, new long[0])).isEmpty();
    }

    @Test
    void theSimilarityGateReadsTheItemOverlapAndTheWeightStaysTheWindowedOne() {
        // 3 items shared inside the window of w² = 2 each, norms² 80: windowed cosine 6 / 80 = 0.075 < 0.1
        long windowed = 3 * PairCounting.weightUnits(Math.sqrt(2));
        CoordinationParams.CoAction p = new CoordinationParams.CoAction(60, 3, 0.1, 1e-3);
        CoActionNullModel.Explains explains = new CoActionNullModel.Explains(1e-3);
        assertThat(CoActionNullModel.weight(3, windowed, windowed, 40, 80, 40, 80, 1e-6, 0, 9, p)).isNaN();
        assertThat(CoActionNullModel.needsOverlap(3, windowed, 40, 80, 40, 80, 1e-6, 0, p, explains)).isTrue();
        // the two acted on 20 of the same items in all (w² = 2): overlap cosine 40 / 80 = 0.5 passes
        long overlap = 20 * PairCounting.weightUnits(Math.sqrt(2));
        double w = CoActionNullModel.weight(3, windowed, overlap, 40, 80, 40, 80, 1e-6, 0, 9, p);
        double rarity = Math.sqrt(2) / (1 + Math.log(10.0 / 3));
        assertThat(w).isCloseTo(6.0 / 80 * rarity, within(1e-9));
        // an overlap that is no larger than the windowed items does not pass
        assertThat(CoActionNullModel.weight(3, windowed, 0, 40, 80, 40, 80, 1e-6, 0, 9, p)).isNaN();
        // the overlap is asked only of pairs that pass everything but the gate
        assertThat(CoActionNullModel.needsOverlap(2, windowed, 40, 80, 40, 80, 1e-6, 0, p, explains)).isFalse();
        assertThat(CoActionNullModel.needsOverlap(3, windowed, 40, 80, 40, 80, 0.01, 0, p, explains)).isFalse();
        assertThat(CoActionNullModel.needsOverlap(3, windowed, 4, 8, 4, 8, 1e-6, 0, p, explains)).isFalse();
        // and the null model still decides on the windowed count: λ = 40 · 40 · 0.01 = 16 explains 3
        assertThat(CoActionNullModel.weight(3, windowed, overlap, 40, 80, 40, 80, 0.01, 0, 9, p)).isNaN();
    }

    @Test
    void selectionAsksTheOverlapOfThePairsTheWindowedGateAloneRejects() {
        // 0 and 1 act on the same 6 items, 3 of them 5 s apart and 3 an hour apart; 2 and 0 on 4 more, 1 s apart
        Actions a = new Actions(32);
        for (int i = 0; i < 6; i++) {
            a.add(i, 10_000L * i, 0, 2 * i);
            a.add(i, 10_000L * i + (i < 3 ? 5 : 3_600), 1, 2 * i + 1);
        }
        for (int i = 6; i < 10; i++) {
            a.add(i, 10_000L * i, 2, 20 + i);
            a.add(i, 10_000L * i + 1, 0, 40 + i);
        }
        SortedActions sorted = SortedActions.of("test", a, 3);
        PairCounting c = PairCounting.run(sorted, 3, 60, 200, ProgressListener.NONE, TerminationFlag.RUNNING_TRUE);
        CoordinationParams.CoAction p = new CoordinationParams.CoAction(60, 3, 0.6, 1.0);
        long[][] asked = new long[1][];
        CoActionNullModel.Selected s = CoActionNullModel.select(c, sorted.activeAccounts(), p, q -> {
            asked[0] = q.clone();
            return ItemOverlap.units(sorted, 3, q);
        });
        // every item has 2 accounts, so one weight: 0–1 shares 3 items in the window, cosine 3 / sqrt(10 · 6) = 0.39
        // < 0.6, and 6 in all, 6 / sqrt(60) = 0.77; 0–2 shares 4 in the window, 4 / sqrt(10 · 4) = 0.63, not asked
        assertThat(asked[0]).containsExactly(CoordinationEdge.pairKey(0, 1));
        assertThat(s.pairs).containsExactly(CoordinationEdge.pairKey(0, 1), CoordinationEdge.pairKey(0, 2));
        assertThat(s.counts).containsExactly(3, 4);
    }
}
