package io.lockstep.coordination;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.Arrays;

/**
 * The selection phase of {@link CoActionScanner}: which counted pairs ({@link PairCounting}) become edges, and with
 * what weight. A pair sharing {@code count} items passes when
 * <ol>
 *   <li>{@code count ≥ minShared};</li>
 *   <li>its cosine {@code Σ_shared w² / (‖a‖ ‖b‖)} (capped at 1) is at least {@code minSimilarity};</li>
 *   <li>neither model of ordinary co-action explains it: P(Poisson(λ) ≥ count) ≤ {@code maxPValue}
 *       ({@link PoissonTail}) for λ = max(λ<sub>volume</sub>, λ<sub>strength</sub>), where
 *       <ul>
 *         <li>the <b>volume model</b> places each account's n_a items at random: two given actions coincide with the
 *             data-wide probability P = co-occurrences / cross-account action pairs ({@link #chance}), and
 *             λ<sub>volume</sub> = n_a n_b P;</li>
 *         <li>the <b>strength model</b> is the configuration model of the co-occurrence graph itself, as in the
 *             marginal likelihood filter of Dianati, "Unwinding the hairball graph: pruning algorithms for
 *             weighted complex networks", Phys. Rev. E 93, 012304 (2016): with s_a the co-occurrences of account
 *             a with other accounts and W those of all pairs, λ<sub>strength</sub> = s_a s_b / (2 W). The
 *             strengths and W are those of the <b>background</b>, the pairs the null model itself explains
 *             (an empirical null estimated from the bulk of the data, as in Efron, "Large-scale simultaneous
 *             hypothesis testing: the choice of a null hypothesis", JASA 99, 2004): a group that co-acts with
 *             itself again and again must not explain itself, and in a sparse signal (a link ring making most of
 *             co-link's co-occurrences) the plain configuration model would do just that. The background is found
 *             by fixed-point iteration ({@link #background}): start from the pairs the volume model explains and
 *             the pairs of accounts that act mostly on split items (below), re-estimate the strengths from them,
 *             re-test every pair against both models, until the background no longer changes or
 *             {@value #MAX_ROUNDS} rounds. A pair of the background leaves its own count out of both strengths and
 *             of W.</li>
 *       </ul>
 *       The volume model alone takes every item and every moment as alike. An account that acts inside the crowded
 *       first minutes of popular items (a fan retweeting its idol at once, a reader of breaking news) meets many
 *       accounts in its windows, with each of them a few times; its background strength says so, and a pair of such
 *       accounts must co-occur more often than their strengths predict. Accounts that co-act with one group again
 *       and again (a botnet, a link ring) fall out of the background, and their strength with it.
 *       <p>How much a closed group of k accounts can explain itself through its low-count pairs, the ones the volume
 *       model lets into the background: with B of their co-occurrences there and none with outsiders, each member's
 *       strength is about 2B/k and λ<sub>strength</sub> of an inside pair about (2B/k)² / 2W, which explains a count
 *       c only above the tail test's threshold t(c) (0.19 for c = 3 at p = 0.001), i.e. when B ≥ k √(t(c) W / 2).
 *       Measured on a 20-bot botnet in 1,200 accounts (`simulate --scenario botnet --accounts 1200 --days 3
 *       --seed 7`, co-retweet): B = 56 of W = 15,633 (the bots' 28 pairs of count 1 and 14 of their 34 pairs of
 *       count 2), λ<sub>strength</sub> ≤ 0.002 for the bots' 81 pairs of count ≥ 3, all of which pass; the bound
 *       above asks for B ≥ 772. A group explains itself only when its low-count pairs are many against a small
 *       W (B² ≥ k² t(c) W / 2), as a link ring's in a sparse co-link signal: there the iteration's later rounds
 *       take the ring's pairs out of the background (docs/quality.md: all 45 ring pairs of n3000-default kept).</li>
 * </ol>
 * Both models read the co-occurrences the items had, not the share of them the pairing looked at: on an item paired
 * inside account groups ({@link ItemPairs}) each pair event stands for 2^b, P and the strengths are expanded by what
 * their events stand for, and each pair's expectation is limited to the share of it that falls on the items the pair
 * was looked at on ({@link SampledCoOccurrences}), since its count covers those items in full and no other.
 * Pairing inside groups also takes away what lets a crowd into the background from below: the same accounts share a
 * group on every split item, so a crowd member's counted pairs are in-group pairs counted on most of its items, too
 * many for the volume model, and its low-count pairs across groups are never formed. Ten thousand fans on each of
 * their idols' posts, split into 64 groups, were kept out of the background this way and flagged in pieces
 * (docs/quality.md, "Split items in the null model"). So round 0 also admits every pair of two accounts with most of
 * their expanded events on split items ({@link SampledCoOccurrences#onSplitItems}), and the iteration lets out
 * those the crowd's strengths do not explain: a botnet on the same large items is a small share of the crowd's
 * co-occurrences and leaves in the first rounds. Items of up to {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts,
 * a link ring's or a small botnet's, are untouched: a closed group there still starts outside the background.
 * A passing pair weighs its cosine times the rarity of its shared items: their root-mean-square w over the largest
 * possible w (an item of two accounts), capped at 1, so that two accounts sharing only viral items weigh little even
 * when their vectors coincide.
 *
 * <p>Cost: O(rounds · counted pairs + accounts) time (rounds ≤ {@value #MAX_ROUNDS}; the tail test is a table
 * look-up for counts below {@value #TABLE}), O(accounts + counted pairs / 64 + selected pairs) memory.
 * Deterministic: a pure function of the counts; the selected pairs come out in ascending pair-key order.
 */
final class CoActionNullModel {
    /**
     * The pairs that passed, ascending by pair key, with their counts, weights and the counts the null model expects
     * of them (λ = max(λ<sub>volume</sub>, λ<sub>strength</sub>)) at the same index.
     */
    static final class Selected {
        final long[] pairs;
        final int[] counts;
        final double[] weights;
        final double[] expected;
        private final Long2IntOpenHashMap index;

        Selected(long[] pairs, int[] counts, double[] weights, double[] expected) {
            this.pairs = pairs;
            this.counts = counts;
            this.weights = weights;
            this.expected = expected;
            index = new Long2IntOpenHashMap(pairs.length);
            index.defaultReturnValue(-1);
            for (int i = 0; i < pairs.length; i++) {
                index.put(pairs[i], i);
            }
        }

        int size() {
            return pairs.length;
        }

        /** The index of {@code pair}, or -1 when it was not selected (one hash probe per window pair). */
        int indexOf(long pair) {
            return index.get(pair);
        }
    }

    private CoActionNullModel() {
    }

    /** The data-wide chance of a co-occurrence from the account volumes' sum and sum of squares. */
    static double chance(long coOccurrences, double volumeSum, double volumeSquareSum) {
        double crossPairs = (volumeSum * volumeSum - volumeSquareSum) / 2.0;
        return crossPairs > 0 ? coOccurrences / crossPairs : 1.0;
    }

    /** {@link #chance(long, double, double)} over per-account volumes. */
    static double chance(long coOccurrences, int[] volume) {
        double sum = 0, sumSq = 0;
        for (int v : volume) {
            sum += v;
            sumSq += (double) v * v;
        }
        return chance(coOccurrences, sum, sumSq);
    }

    /** Rounds of the background's fixed-point iteration at most. */
    static final int MAX_ROUNDS = 10;
    /** Counts below this are tested against a precomputed threshold on λ. */
    static final int TABLE = 256;

    /**
     * The background of the strength model: the pairs the null model explains (a bit per pair, in the iteration
     * order of the counted pairs' map), the strengths of the accounts over them and their co-occurrences.
     */
    record Background(long[] explained, long[] strength, long coOccurrences, int rounds,
                      SampledCoOccurrences sampled, double expandedCoOccurrences) {
        Background(long[] explained, long[] strength, long coOccurrences, int rounds, SampledCoOccurrences sampled) {
            this(explained, strength, coOccurrences, rounds, sampled, sampled.expandedTotal(strength));
        }

        boolean contains(int index) {
            return (explained[index >>> 6] & (1L << index)) != 0;
        }

        /** λ<sub>strength</sub> of pair {@code index} of the map, counted {@code count} times. */
        double expectation(int index, int u, int v, int count) {
            return expectation(index, u, v, count, sampled.reach(u, v));
        }

        /** As above, the pair's {@link SampledCoOccurrences#reach(int, int)} already read. */
        double expectation(int index, int u, int v, int count, double reach) {
            return expectation(index, u, v, count, sampled.pairFactor(u, v, reach),
                    contains(index) ? sampled.ownExpanded(u, v, count) : 0);
        }

        /**
         * As above, the pair's {@link SampledCoOccurrences#pairFactor(int, int, double)} and what its count stands
         * for ({@link SampledCoOccurrences#ownExpanded}, taken out while the pair is in the background; not read
         * otherwise) already read: the same λ.
         */
        double expectation(int index, int u, int v, int count, double pairFactor, double ownExpanded) {
            boolean in = contains(index);
            long own = in ? count : 0;
            return strengthExpectation(strength[u] - own, strength[v] - own,
                    expandedCoOccurrences - (in ? ownExpanded : 0), pairFactor);
        }
    }

    /**
     * {@code strengthU · strengthV / (2 expandedCoOccurrences)} times {@code pairFactor}: the strength model's λ over
     * counted strengths, with what the strengths' events stand for in {@code pairFactor} and
     * {@code expandedCoOccurrences} ({@link SampledCoOccurrences#pairFactor}, {@link SampledCoOccurrences#expandedTotal});
     * 0 when no co-occurrence is left.
     */
    static double strengthExpectation(long strengthU, long strengthV, double expandedCoOccurrences,
                                      double pairFactor) {
        if (expandedCoOccurrences <= 0) {
            return 0;
        }
        return (double) Math.max(0, strengthU) * Math.max(0, strengthV) / (2.0 * expandedCoOccurrences) * pairFactor;
    }

    /**
     * Whether P(Poisson(λ) ≥ count) exceeds {@code maxPValue}, i.e. the model explains the count. The tail grows
     * with λ, so below {@value #TABLE} the test compares λ with the smallest λ that explains the count.
     */
    static final class Explains {
        private final double maxPValue;
        private final double[] threshold = new double[TABLE];

        Explains(double maxPValue) {
            this.maxPValue = maxPValue;
            Arrays.fill(threshold, Double.NaN);
        }

        boolean test(int count, double lambda) {
            if (count <= 0) {
                return true;
            }
            if (count >= TABLE) {
                return PoissonTail.upper(count, lambda) > maxPValue;
            }
            double t = threshold[count];
            if (Double.isNaN(t)) {
                t = smallestExplaining(count);
                threshold[count] = t;
            }
            return lambda >= t;
        }

        /** Bisection on λ ∈ (0, count + 64 √count + 64] for the boundary of the tail test. */
        private double smallestExplaining(int count) {
            double lo = 0, hi = count + 64 * Math.sqrt(count) + 64;
            for (int i = 0; i < 200 && lo < hi; i++) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (PoissonTail.upper(count, mid) > maxPValue) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }
    }

    /**
     * The strength model's background by fixed-point iteration: round 0 keeps the pairs the volume model explains
     * and those of accounts acting mostly on split items ({@link SampledCoOccurrences#onSplitItems});
     * each round re-estimates the strengths from the current background and keeps the pairs that the larger of
     * both models' λ explains; it stops when a round changes nothing or after {@value #MAX_ROUNDS} rounds.
     *
     * <p>The counted pairs are copied once into arrays in the map's iteration order (the background's bit order).
     * A pair the volume model explains with a count below {@value #TABLE} is explained in every round (the test
     * there is λ ≥ a threshold, and a round's λ is the larger of the volume λ and the strength λ), so later rounds
     * test only the other pairs and those admitted on split items, and each round's strengths are the last round's
     * plus and minus the counts of the pairs that entered or left the background (integer sums: the same strengths
     * as summed afresh). What no round changes (each tested pair's volume λ, strength factor and expanded own count)
     * is read once into arrays, 24 bytes per tested pair. Cost: O(counted pairs) for round 0, then O(pairs left to
     * test + accounts) per round.
     */
    static Background background(PairCounting counts, double chance, Explains explains) {
        int n = counts.pairs.size();
        long[] pairs = new long[n];
        int[] pairCounts = new int[n];
        int index = 0;
        for (Long2LongMap.Entry entry : Long2LongMaps.fastIterable(counts.pairs)) {
            pairs[index] = entry.getLongKey();
            pairCounts[index++] = PairCounting.count(entry.getLongValue());
        }
        long[] explained = new long[(n + 63) >>> 6];
        round(pairs, pairCounts, n, counts.volume, chance, null, null, 0, counts.sampled, explains, explained);
        long[] always = explained.clone();
        IntArrayList open = new IntArrayList();
        for (int i = 0; i < n; i++) {
            if ((explained[i >>> 6] & (1L << i)) == 0 || pairCounts[i] >= TABLE
                    || counts.sampled.onSplitItems((int) (pairs[i] >>> 32), (int) pairs[i])) {
                always[i >>> 6] &= ~(1L << i);
                open.add(i);
            }
        }
        long[] strength = new long[counts.volume.length];
        long total = addStrengths(pairs, pairCounts, n, explained, strength);
        Background bg = new Background(explained, strength, total, 0, counts.sampled);
        int[] tested = open.toIntArray();
        // what no round changes, read once per tested pair: its volume λ, its strength factor and what its own
        // count stands for; the rounds then read the pairs in order and only the strengths at random
        double[] volumeLambda = new double[tested.length];
        double[] factor = new double[tested.length];
        double[] ownExpanded = new double[tested.length];
        for (int t = 0; t < tested.length; t++) {
            int i = tested[t];
            int u = (int) (pairs[i] >>> 32), v = (int) pairs[i];
            double reach = counts.sampled.reach(u, v);
            volumeLambda[t] = (double) counts.volume[u] * counts.volume[v] * chance * reach;
            factor[t] = counts.sampled.pairFactor(u, v, reach);
            ownExpanded[t] = counts.sampled.ownExpanded(u, v, pairCounts[i]);
        }
        IntArrayList flipped = new IntArrayList();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            long[] next = always.clone();
            flipped.clear();
            for (int t = 0; t < tested.length; t++) {
                int i = tested[t];
                long pair = pairs[i];
                int u = (int) (pair >>> 32), v = (int) pair;
                int c = pairCounts[i];
                double lambda = Math.max(volumeLambda[t], bg.expectation(i, u, v, c, factor[t], ownExpanded[t]));
                boolean now = explains.test(c, lambda);
                if (now) {
                    next[i >>> 6] |= 1L << i;
                }
                if (now != bg.contains(i)) {
                    flipped.add(i);
                }
            }
            if (flipped.isEmpty()) {
                return bg;
            }
            long[] nextStrength = bg.strength().clone();
            long nextTotal = bg.coOccurrences();
            for (int i : flipped) {
                long pair = pairs[i];
                long c = bg.contains(i) ? -pairCounts[i] : pairCounts[i];
                nextStrength[(int) (pair >>> 32)] += c;
                nextStrength[(int) pair] += c;
                nextTotal += c;
            }
            bg = new Background(next, nextStrength, nextTotal, round, counts.sampled);
        }
        return bg;
    }

    /**
     * One round of {@link #background} over counted pairs held as arrays (an engine that keeps its pairs in blocks
     * rather than in one map): bit i of {@code next} is set when the larger of both models' λ explains
     * {@code pairs[i]} (counted {@code counts[i]} times), λ<sub>strength</sub> taken from {@code strength} and
     * {@code coOccurrences}, the background of the round before, whose flags are {@code flags} (a pair flagged there
     * leaves its own count out, as {@link Background#expectation}, and its expectation is expanded by {@code sampled});
     * with {@code strength == null}, round 0: the volume model and the pairs on split items
     * ({@link SampledCoOccurrences#onSplitItems}). The same test and the same floating-point
     * expressions as {@link #background}.
     *
     * @return the flags that differ from {@code flags} (round 0: the flags set)
     */
    static int round(long[] pairs, int[] counts, int n, int[] volume, double chance, long[] flags, long[] strength,
                     double expandedCoOccurrences, SampledCoOccurrences sampled, Explains explains, long[] next) {
        Arrays.fill(next, 0, (n + 63) >>> 6, 0L);
        int changed = 0;
        for (int i = 0; i < n; i++) {
            long pair = pairs[i];
            int u = (int) (pair >>> 32), v = (int) pair;
            int c = counts[i];
            double reach = sampled.reach(u, v);
            double lambda = (double) volume[u] * volume[v] * chance * reach;
            boolean was = false;
            if (strength != null) {
                was = (flags[i >>> 6] & (1L << i)) != 0;
                long own = was ? c : 0;
                lambda = Math.max(lambda, strengthExpectation(strength[u] - own, strength[v] - own,
                        expandedCoOccurrences - sampled.ownExpanded(u, v, own), sampled.pairFactor(u, v, reach)));
            }
            boolean explained = explains.test(c, lambda) || strength == null && sampled.onSplitItems(u, v);
            if (explained) {
                next[i >>> 6] |= 1L << i;
            }
            if (explained != was) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Adds the counts of the flagged pairs among {@code pairs[0, n)} to both accounts' entries of {@code strength}
     * (dense by account number); returns the flagged pairs' co-occurrences.
     */
    static long addStrengths(long[] pairs, int[] counts, int n, long[] flags, long[] strength) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            if ((flags[i >>> 6] & (1L << i)) != 0) {
                long pair = pairs[i];
                int c = counts[i];
                strength[(int) (pair >>> 32)] += c;
                strength[(int) pair] += c;
                total += c;
            }
        }
        return total;
    }

    /**
     * The edge weight of a pair that shares {@code count} items inside the window with fixed-point squared-weight sum
     * {@code sharedUnits}, or {@code NaN} when it fails the thresholds or the null model. The similarity gate takes
     * the larger of {@code sharedUnits} and {@code overlapUnits}, the pair's Σ w² over all the items both acted on
     * ({@link ItemOverlap}; pass {@code sharedUnits} when it is not known): the gate asks whether the two act on the
     * same items, the window count and the null model whether they act on them at the same time. The weight is the
     * windowed cosine times the rarity, the strength of the synchronous co-action.
     *
     * @param volumeU  items of one account in the signal; {@code normSqU} its summed squared item weights
     * @param chance   the data-wide co-occurrence probability ({@link #chance})
     * @param strength λ<sub>strength</sub> of the pair ({@link Background#expectation}; 0 for the volume model alone)
     */
    static double weight(int count, long sharedUnits, long overlapUnits, int volumeU, double normSqU, int volumeV,
                         double normSqV, double chance, double strength, int activeAccounts,
                         CoordinationParams.CoAction p) {
        return weight(count, sharedUnits, overlapUnits, volumeU, normSqU, volumeV, normSqV, chance, strength,
                activeAccounts, p, new Explains(p.maxPValue()));
    }

    static double weight(int count, long sharedUnits, long overlapUnits, int volumeU, double normSqU, int volumeV,
                         double normSqV, double chance, double strength, int activeAccounts,
                         CoordinationParams.CoAction p, Explains explains) {
        if (count < p.minShared()) {
            return Double.NaN;
        }
        double sharedWeight = sharedUnits / PairCounting.WEIGHT_SCALE;
        double norms = Math.sqrt(normSqU * normSqV);
        double overlap = Math.max(sharedUnits, overlapUnits) / PairCounting.WEIGHT_SCALE;
        if (Math.min(1.0, overlap / norms) < p.minSimilarity()) {
            return Double.NaN;
        }
        if (explains.test(count, Math.max((double) volumeU * volumeV * chance, strength))) {
            return Double.NaN;
        }
        double cosine = Math.min(1.0, sharedWeight / norms);
        double rarity = Math.min(1.0, Math.sqrt(sharedWeight / count) / PairCounting.idf(activeAccounts, 2));
        return cosine * rarity;
    }

    /**
     * Whether a pair passes every test but the similarity gate on its windowed items alone, so that its item overlap
     * ({@link ItemOverlap}) decides: {@code count ≥ minShared}, a windowed cosine below {@code minSimilarity}, and a
     * count neither model explains. Arguments as {@link #weight}.
     */
    static boolean needsOverlap(int count, long sharedUnits, int volumeU, double normSqU, int volumeV,
                                double normSqV, double chance, double strength, CoordinationParams.CoAction p,
                                Explains explains) {
        if (count < p.minShared()) {
            return false;
        }
        double sharedWeight = sharedUnits / PairCounting.WEIGHT_SCALE;
        if (Math.min(1.0, sharedWeight / Math.sqrt(normSqU * normSqV)) >= p.minSimilarity()) {
            return false;
        }
        return !explains.test(count, Math.max((double) volumeU * volumeV * chance, strength));
    }

    /**
     * The counted pairs that pass {@code p} and the null model, the item overlaps from {@code overlap}, or, with
     * {@code overlap} null, the similarity gate on the windowed items alone.
     */
    static Selected select(PairCounting counts, int activeAccounts, CoordinationParams.CoAction p,
                           LongArrayFunction overlap) {
        return select(counts, activeAccounts, p, overlap, true);
    }

    /**
     * As above; without {@code strengthModel} the pairs are tested against the volume model alone (λ<sub>strength</sub>
     * = 0: no background is estimated), for a signal whose counted co-occurrences are filtered down to what it looks
     * for ({@link CoActionScanner.NullTest#VOLUME}).
     */
    static Selected select(PairCounting counts, int activeAccounts, CoordinationParams.CoAction p,
                           LongArrayFunction overlap, boolean strengthModel) {
        double chance = chance(counts.sampled.coOccurrences(), counts.volume);
        Explains explains = new Explains(p.maxPValue());
        Background bg = strengthModel ? background(counts, chance, explains) : null;
        int index = -1;
        LongArrayList keptPairs = new LongArrayList();
        IntArrayList keptCounts = new IntArrayList();
        DoubleArrayList keptWeights = new DoubleArrayList();
        DoubleArrayList keptExpected = new DoubleArrayList();
        LongArrayList pending = new LongArrayList();
        IntArrayList pendingIndex = new IntArrayList();
        for (Long2LongMap.Entry entry : Long2LongMaps.fastIterable(counts.pairs)) {
            index++;
            long pair = entry.getLongKey();
            long packed = entry.getLongValue();
            int u = (int) (pair >>> 32), v = (int) pair;
            int c = PairCounting.count(packed);
            if (c < p.minShared()) {
                continue;
            }
            long units = PairCounting.units(packed);
            double reach = counts.sampled.reach(u, v);
            double strength = bg == null ? 0 : bg.expectation(index, u, v, c, reach);
            double pairChance = chance * reach;
            double w = weight(c, units, units, counts.volume[u], counts.normSq[u], counts.volume[v],
                    counts.normSq[v], pairChance, strength, activeAccounts, p, explains);
            if (Double.isNaN(w)) {
                if (overlap != null && needsOverlap(c, units, counts.volume[u], counts.normSq[u], counts.volume[v], counts.normSq[v],
                        pairChance, strength, p, explains)) {
                    pending.add(pair);
                    pendingIndex.add(index);
                }
                continue;
            }
            keptPairs.add(pair);
            keptCounts.add(c);
            keptWeights.add(w);
            keptExpected.add(expected(counts.volume[u], counts.volume[v], pairChance, strength));
        }
        if (!pending.isEmpty()) {
            long[] asked = pending.toLongArray();
            long[] overlaps = overlap.apply(asked);
            for (int i = 0; i < asked.length; i++) {
                long pair = asked[i];
                long packed = counts.pairs.get(pair);
                int u = (int) (pair >>> 32), v = (int) pair;
                int c = PairCounting.count(packed);
                double reach = counts.sampled.reach(u, v);
                double strength = bg == null ? 0 : bg.expectation(pendingIndex.getInt(i), u, v, c, reach);
                double pairChance = chance * reach;
                double w = weight(c, PairCounting.units(packed), overlaps[i], counts.volume[u], counts.normSq[u],
                        counts.volume[v], counts.normSq[v], pairChance, strength, activeAccounts, p, explains);
                if (Double.isNaN(w)) {
                    continue;
                }
                keptPairs.add(pair);
                keptCounts.add(c);
                keptWeights.add(w);
                keptExpected.add(expected(counts.volume[u], counts.volume[v], pairChance, strength));
            }
        }
        // ascending pair keys: sort indices by pair, then permute
        int k = keptPairs.size();
        long[] pairs = keptPairs.elements();
        int[] cs = keptCounts.elements();
        double[] ws = keptWeights.elements();
        double[] es = keptExpected.elements();
        long[] order = new long[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        long[] sortedPairs = Arrays.copyOf(pairs, k);
        LongArrays.radixSort(sortedPairs, order);
        int[] sortedCounts = new int[k];
        double[] sortedWeights = new double[k];
        double[] sortedExpected = new double[k];
        for (int i = 0; i < k; i++) {
            sortedCounts[i] = cs[(int) order[i]];
            sortedWeights[i] = ws[(int) order[i]];
            sortedExpected[i] = es[(int) order[i]];
        }
        return new Selected(sortedPairs, sortedCounts, sortedWeights, sortedExpected);
    }

    /** λ = max(λ<sub>volume</sub>, λ<sub>strength</sub>) of a pair: the count the null model expects by chance. */
    static double expected(int volumeU, int volumeV, double chance, double strength) {
        return Math.max((double) volumeU * volumeV * chance, strength);
    }

    /** The item overlaps ({@link ItemOverlap#units}) of the pairs asked, at the same index. */
    @FunctionalInterface
    interface LongArrayFunction {
        long[] apply(long[] pairs);
    }
}
