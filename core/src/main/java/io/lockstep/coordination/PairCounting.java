package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

/**
 * The pair-counting phase of {@link CoActionScanner}: one pass over the sorted items that weights each item, adds it
 * to its accounts' volumes and norms, and counts the account pairs its sliding window ({@link WindowPairs}) finds.
 *
 * <p>An item acted on by m distinct accounts out of the signal's A active accounts weighs
 * {@code w = 1 + ln((1 + A) / (1 + m))} ({@link #idf}, the inverse document frequency of TF-IDF). Every item adds 1
 * to the volume of each of its accounts. An item of m ≥ 2 accounts adds w² to each one's squared norm; an item no
 * other account acted on cannot be shared, so it stays out of the norm, as terms of a single document do under a
 * minimum document frequency of 2. Every item of at least 2 accounts is paired by {@link ItemPairs} (the sliding
 * window over the whole item up to {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts, inside fixed account-hash
 * groups above): each distinct pair it yields counts once, adding 1 to the pair's count and w² to its shared weight,
 * and once to the data-wide co-occurrences that the null model ({@link CoActionNullModel}) divides. The walk is
 * {@link ItemPairs#walk}, which the crowd factor ({@link CrowdShare}) shares. The
 * co-occurrences are the pair events looked at, not an estimate of all an item's pairs: the chance they give is the
 * chance that two actions coincide and are looked at, the observation the pair counts come from.
 *
 * <p>A pair's count and shared weight are packed in one long (count above bit {@link #COUNT_SHIFT}, w² in fixed point
 * of scale {@link #WEIGHT_SCALE} below it), so that one hash-map {@code addTo} records a pair event.
 *
 * <p>Cost: O(n + Σ_items p log p) for n actions and p pairs per item ({@link ItemPairs}: p ≤ len·maxNeighbours,
 * and ≤ len·{@link CoActionScanner#LARGE_ITEM_GROUP} above the threshold), memory O(accounts + distinct pairs).
 * Deterministic: sums of integers and of fixed-point weights, independent of visiting order.
 */
final class PairCounting {
    /**
     * Count above this bit (24 bits), fixed-point shared weight below: w² ≤ (1 + ln 2^31)² ≈ 500, i.e. at most 2^21
     * units an item, so the 40 low bits hold 2^19 shared items at the largest weight.
     */
    static final int COUNT_SHIFT = 40;
    /** Fixed-point scale of the summed squared item weights. */
    static final double WEIGHT_SCALE = 4096.0;

    /** Per-account volume (items acted on). */
    final int[] volume;
    /** Per-account summed w² over the items at least two accounts acted on. */
    final double[] normSq;
    /** Per pair ({@link CoordinationEdge#pairKey}): packed count and shared weight. */
    final Long2LongOpenHashMap pairs;
    /** Pair events: distinct pairs summed over the paired items. */
    final long coOccurrences;
    /** The {@code [start, end)} action ranges of the items with a counted pair, flattened, in scan order. */
    final IntArrayList pairedItems;
    /** What the pair events stand for, per account and data-wide ({@link SampledCoOccurrences}). */
    final SampledCoOccurrences sampled;

    private PairCounting(int[] volume, double[] normSq, Long2LongOpenHashMap pairs, long coOccurrences,
                         IntArrayList pairedItems, SampledCoOccurrences sampled) {
        this.volume = volume;
        this.normSq = normSq;
        this.pairs = pairs;
        this.coOccurrences = coOccurrences;
        this.pairedItems = pairedItems;
        this.sampled = sampled;
    }

    /** These counts with {@code sampled} as what their events stand for (to compare null models on one count). */
    PairCounting withSampled(SampledCoOccurrences sampled) {
        return new PairCounting(volume, normSq, pairs, coOccurrences, pairedItems, sampled);
    }

    /** Inverse popularity of an item used by {@code m} of the signal's {@code activeAccounts} accounts. */
    static double idf(int activeAccounts, int m) {
        return 1.0 + Math.log((1.0 + activeAccounts) / (1.0 + m));
    }

    /** One shared item's contribution to a pair's fixed-point sum of squared weights. */
    static long weightUnits(double w) {
        return Math.round(w * w * WEIGHT_SCALE);
    }

    /** The shared items of a packed pair statistic. */
    static int count(long packed) {
        return (int) (packed >>> COUNT_SHIFT);
    }

    /** The fixed-point summed w² of a packed pair statistic. */
    static long units(long packed) {
        return packed & ((1L << COUNT_SHIFT) - 1);
    }

    /**
     * Counts the pairs of {@code actions}. {@code progress} advances by each item's actions; {@code termination} is
     * polled every 4,096 items.
     */
    static PairCounting run(SortedActions actions, int accountCount, long window, int maxNeighbours,
                            ProgressListener progress, TerminationFlag termination) {
        return run(actions, accountCount, window, maxNeighbours, PairFilter.ALL, progress, termination);
    }

    /**
     * As above, pairing only the items {@code filter} pairs and counting only the examined pairs it counts (the
     * co-occurrences too); every item still adds to its accounts' volumes and, with m ≥ 2, norms.
     */
    static PairCounting run(SortedActions actions, int accountCount, long window, int maxNeighbours,
                            PairFilter filter, ProgressListener progress, TerminationFlag termination) {
        int activeAccounts = actions.activeAccounts();
        int[] volume = new int[accountCount];
        double[] normSq = new double[accountCount];
        Long2LongOpenHashMap pairs = new Long2LongOpenHashMap();
        IntArrayList pairedItems = new IntArrayList();
        long[] coOccurrences = {0};
        SampledCoOccurrences.Counter sampled = new SampledCoOccurrences.Counter(accountCount);
        ItemPairs.walk(actions, window, maxNeighbours, new ItemPairs.ItemVisitor() {
            @Override
            public boolean wants(int[] distinct, int m) {
                return filter.pairs(m);
            }

            @Override
            public void item(int s, int e, int[] distinct, int m, long[] pairKeys, int np) {
                double w = idf(activeAccounts, m);
                for (int i = 0; i < m; i++) {
                    volume[distinct[i]]++;
                }
                if (m > 1) {
                    for (int i = 0; i < m; i++) {
                        normSq[distinct[i]] += w * w;
                    }
                    long increment = (1L << COUNT_SHIFT) | weightUnits(w);
                    long standsFor = SampledCoOccurrences.standsFor(m);
                    sampled.beginItem(distinct, m);
                    int counted = 0;
                    for (int i = 0; i < np; i++) {
                        if (filter.counts(s, e, pairKeys[i])) {
                            long key = pairKeys[i];
                            pairs.addTo(key, increment);
                            sampled.event((int) (key >>> 32), (int) key, standsFor);
                            counted++;
                        }
                    }
                    sampled.endItem(distinct, m);
                    if (counted > 0) {
                        pairedItems.add(s);
                        pairedItems.add(e);
                    }
                    coOccurrences[0] += counted;
                }
            }
        }, progress, termination);
        return new PairCounting(volume, normSq, pairs, coOccurrences[0], pairedItems,
                sampled.build());
    }
}
