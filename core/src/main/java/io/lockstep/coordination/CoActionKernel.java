package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * The pure parts of {@link CoActionScanner} for engines that partition the scan by item (the Spark engine): the
 * item weight and pair-statistics packing ({@link PairCounting}), the pairing of one item ({@link ItemPairs})
 * and the pair selection (thresholds and null model, {@link CoActionNullModel}), each delegating to the phase the
 * scanner runs. Each function computes exactly what the scanner computes for the same inputs, so an engine that sums
 * the same per-item contributions in any order gets the same edges.
 *
 * <p>Determinism: all functions are pure; the pairing depends only on the order of the item's actions and the account numbers, which
 * must be by time, then account (the scanner's radix sort order; the post id never changes a pair).
 */
public final class CoActionKernel {
    /**
     * Items with more distinct accounts than this are paired inside account-hash groups (see
     * {@link CoActionScanner#MAX_ITEM_ACCOUNTS} and {@link ItemPairs}).
     */
    public static final int MAX_ITEM_ACCOUNTS = CoActionScanner.MAX_ITEM_ACCOUNTS;
    /** Fixed-point scale of a pair's summed squared item weights (the scanner's packing). */
    public static final double WEIGHT_SCALE = PairCounting.WEIGHT_SCALE;

    private CoActionKernel() {
    }

    /** Inverse popularity of an item used by {@code m} of the signal's {@code activeAccounts} accounts. */
    public static double idf(int activeAccounts, int m) {
        return PairCounting.idf(activeAccounts, m);
    }

    /**
     * Whether an item used by {@code m} distinct accounts adds its w² to those accounts' norms (an item no other
     * account acted on cannot be shared: it counts in the volume, not in the norm).
     */
    public static boolean inNorm(int m) {
        return m > 1;
    }

    /** One shared item's contribution to a pair's fixed-point sum of squared weights. */
    public static long weightUnits(double w) {
        return PairCounting.weightUnits(w);
    }

    /** The unordered pair {@code (min, max)} as one long. */
    public static long pairKey(int a, int b) {
        return CoordinationEdge.pairKey(a, b);
    }

    /**
     * The distinct accounts among {@code accounts[0, len)}, sorted ascending into {@code scratch}; returns how many:
     * the m an item is weighed ({@link #idf}) and split ({@link #MAX_ITEM_ACCOUNTS}) by.
     */
    public static int distinctAccounts(int[] accounts, int len, int[] scratch) {
        return ItemPairs.distinctAccounts(accounts, len, scratch);
    }

    /** Whether an item used by {@code m} distinct accounts is paired at all (it needs two accounts). */
    public static boolean paired(int m) {
        return m > 1;
    }

    /**
     * Appends to {@code out} the account pairs of one item's actions {@code [from, to)}, sorted by time then account,
     * {@code m} distinct accounts: each action with the later actions at most {@code window} seconds after it, at
     * most {@code maxNeighbours} of them (nearest first), skipping pairs of the same account, inside the account
     * groups of {@link ItemPairs} when m exceeds {@link #MAX_ITEM_ACCOUNTS}. Pairs may repeat; a pair counts once per
     * item.
     */
    public static void itemPairs(long[] times, int[] accounts, int from, int to, int m, long window,
                                 int maxNeighbours, LongArrayList out) {
        ItemPairs pairs = new ItemPairs(window, maxNeighbours);
        pairs.reset(times, accounts, from, to, m);
        while (pairs.next()) {
            out.add(CoordinationEdge.pairKey(accounts[pairs.first()], accounts[pairs.second()]));
        }
    }

    /**
     * Appends to {@code out} the pairs of {@link #itemPairs} as the indices of their two actions (the earlier, then
     * the later), in the same order: for engines that need the actions themselves (their times and posts), such as
     * the evidence of selected pairs.
     */
    public static void itemPairIndices(long[] times, int[] accounts, int from, int to, int m, long window,
                                       int maxNeighbours, IntArrayList out) {
        ItemPairs pairs = new ItemPairs(window, maxNeighbours);
        pairs.reset(times, accounts, from, to, m);
        while (pairs.next()) {
            out.add(pairs.first());
            out.add(pairs.second());
        }
    }

    /**
     * The edge weight of a pair that shares {@code count} items inside the window with fixed-point squared-weight
     * sum {@code sharedUnits}, or {@code NaN} when the pair fails the signal's thresholds or null model. The
     * similarity gate reads the larger of {@code sharedUnits} and {@code overlapUnits}, the pair's Σ w² over every
     * item both accounts acted on at any time ({@link #overlapUnits}); pass {@code sharedUnits} when the overlap is
     * not known, and compute it for the pairs {@link #needsOverlap} names.
     *
     * @param volumeU  items of the lower account in the signal; {@code normSqU} its summed squared item weights
     * @param chance   the data-wide chance (pair co-occurrences over cross-account action pairs)
     * @param strength the pair's expectation under the strength model, from the background of pairs the null model
     *                 explains ({@code CoActionNullModel.Background}); 0 tests the volume model alone
     */
    public static double select(int count, long sharedUnits, long overlapUnits, int volumeU, double normSqU,
                                int volumeV, double normSqV, double chance, double strength, int activeAccounts,
                                CoordinationParams.CoAction p, TailTest test) {
        return CoActionNullModel.weight(count, sharedUnits, overlapUnits, volumeU, normSqU, volumeV, normSqV, chance,
                strength, activeAccounts, p, test.explains);
    }

    /**
     * The count the null model expects of a pair by chance, max(λ<sub>volume</sub>, λ<sub>strength</sub>): the edge's
     * {@code expected} ({@link CoordinationEdge#pValue}). Arguments as {@link #select}.
     */
    public static double expected(int volumeU, int volumeV, double chance, double strength) {
        return CoActionNullModel.expected(volumeU, volumeV, chance, strength);
    }

    /**
     * Whether the similarity gate of {@code signal} reads the item overlap ({@link #needsOverlap}): co-retweet only.
     * Its items are other accounts' posts, and whether two accounts retweet the same posts is the co-retweet
     * similarity of Pacheco et al. (ICWSM 2021), measured without a window. For authored items (links, texts,
     * hashtags) the windowed gate stays: colleagues of one outlet share its articles and fans of one club its match
     * hashtag at any time, so there the overlap measures a shared source rather than co-action (on a blind archive
     * without operations it let 23 of 71 journalists' co-link and co-text pairs through: docs/quality.md).
     */
    public static boolean overlapGate(String signal) {
        return CoordinationSignal.CO_RETWEET.equals(signal);
    }

    /**
     * Whether the pair passes every test of {@link #select} but the similarity gate on its windowed items, so that
     * its item overlap decides, exactly as the scanner decides it.
     */
    public static boolean needsOverlap(int count, long sharedUnits, int volumeU, double normSqU, int volumeV,
                                       double normSqV, double chance, double strength, CoordinationParams.CoAction p,
                                       TailTest test) {
        return CoActionNullModel.needsOverlap(count, sharedUnits, volumeU, normSqU, volumeV, normSqV, chance,
                strength, p, test.explains);
    }

    /**
     * One item's contribution to the item overlap of the pairs asked: for an item of {@code m} distinct accounts
     * {@code distinct[0, m)} (ascending, {@link #distinctAccounts}) of weight units {@code units}
     * ({@link #weightUnits} of its w), calls {@code out} with each asked pair both of whose accounts are among them.
     * {@code partners} gives, per account, its asked partners of higher number (ascending, or null). Summed over
     * all items: the overlap the scanner computes ({@code ItemOverlap}).
     */
    public static void overlapPairs(int[] distinct, int m, IntFunction<int[]> partners,
                                    LongConsumer out) {
        for (int x = 0; x < m - 1; x++) {
            int[] ps = partners.apply(distinct[x]);
            if (ps == null) {
                continue;
            }
            for (int b : ps) {
                if (Arrays.binarySearch(distinct, x + 1, m, b) >= 0) {
                    out.accept(CoordinationEdge.pairKey(distinct[x], b));
                }
            }
        }
    }

    /** Rounds of the strength model's background iteration at most ({@code CoActionNullModel.background}). */
    public static final int MAX_BACKGROUND_ROUNDS = CoActionNullModel.MAX_ROUNDS;

    /**
     * The null model's tail test: whether P(Poisson(λ) ≥ count) exceeds {@code maxPValue}, i.e. the model explains
     * {@code count}, exactly as the scanner decides it (a threshold on λ below 256 shared items). Not thread-safe;
     * one per task.
     */
    public static final class TailTest {
        private final CoActionNullModel.Explains explains;

        public TailTest(double maxPValue) {
            explains = new CoActionNullModel.Explains(maxPValue);
        }

        public boolean explains(int count, double lambda) {
            return explains.test(count, lambda);
        }
    }

    /**
     * One round of the strength model's background iteration over a block of counted pairs (pair keys, counts at
     * the same index, {@code n} of them), exactly as the scanner's iteration decides each pair: bit i of {@code next}
     * ({@code (n + 63) / 64} longs) is set when the null model explains pair i given the background of the round
     * before (its flags {@code flags}, its strengths per account {@code strength} and its co-occurrences, expanded by
     * what the signal's pair events stand for, {@code expansion}); with {@code strength == null}, round 0 (the
     * volume model and the pairs of accounts acting mostly on split items, {@code flags} unused). {@code volume}
     * holds the signal's items per account, {@code chance} the data-wide co-occurrence probability.
     *
     * @return how many flags differ from {@code flags} (round 0: how many are set)
     */
    public static int backgroundRound(long[] pairs, int[] counts, int n, int[] volume, double chance, long[] flags,
                                      long[] strength, double expandedCoOccurrences, Expansion expansion,
                                      TailTest test, long[] next) {
        return CoActionNullModel.round(pairs, counts, n, volume, chance, flags, strength, expandedCoOccurrences,
                expansion.sampled, test.explains, next);
    }

    /**
     * Adds the counts of the background's pairs (bit i of {@code flags} set) among the block's {@code n} pairs to
     * both accounts' entries of {@code strength}; returns their co-occurrences. Summed over all blocks: the
     * background's strengths and co-occurrences, as the scanner's iteration computes them.
     */
    public static long addBackgroundStrengths(long[] pairs, int[] counts, int n, long[] flags, long[] strength) {
        return CoActionNullModel.addStrengths(pairs, counts, n, flags, strength);
    }

    /**
     * The strength model's expectation for the pair (u, v): {@code sU · sV / (2 W')} over the background's counted
     * strengths and its expanded co-occurrences ({@link Expansion#expandedTotal}), times what the pair's strengths
     * stand for and its reach ({@code SampledCoOccurrences#pairFactor}); a pair of the background has taken its own
     * count out of both strengths and its {@link Expansion#ownExpanded} out of W'.
     */
    public static double strengthExpectation(long strengthU, long strengthV, double expandedCoOccurrences, int u,
                                             int v, Expansion expansion) {
        return CoActionNullModel.strengthExpectation(strengthU, strengthV, expandedCoOccurrences,
                expansion.sampled.pairFactor(u, v));
    }

    /**
     * The data-wide chance of a co-occurrence from the signal's account volumes and its pair co-occurrences, each
     * counted for what it stands for ({@link Expansion#coOccurrences}).
     */
    public static double chance(long coOccurrences, double volumeSum, double volumeSquareSum) {
        return CoActionNullModel.chance(coOccurrences, volumeSum, volumeSquareSum);
    }

    /**
     * What one pair event on an item of {@code m} distinct accounts stands for: 2^b, b the bits its accounts are
     * grouped by ({@link ItemPairs}; 1 for an item paired whole). Summed per account over its counted events and
     * data-wide, the input of {@link Expansion#of}.
     */
    public static long standsFor(int m) {
        return SampledCoOccurrences.standsFor(m);
    }

    /** The bits an item of {@code m} distinct accounts is split by: 0 for an item paired whole ({@link ItemPairs}). */
    public static int splitBits(int m) {
        return ItemPairs.groupBits(m);
    }

    /**
     * What a signal's counted pair events stand for, per account and data-wide ({@code SampledCoOccurrences}): the
     * null model's expansion of the co-occurrences that pairing inside account groups did not look at.
     */
    public static final class Expansion implements Serializable {
        private static final long serialVersionUID = 1L;
        final SampledCoOccurrences sampled;

        private Expansion(SampledCoOccurrences sampled) {
            this.sampled = sampled;
        }

        /**
         * From per-account counted pair events and their sums of {@link #standsFor} (dense by account number), the same
         * sums on split items by class for the accounts that have them ({@code byClass.get(a)[c]}, c ≥ 1 the bits the
         * item was split by; see {@link #addByClass}), and the data-wide sums of both.
         */
        public static Expansion of(long[] events, long[] expanded, Int2ObjectMap<long[]> byClass, long coOccurrences,
                                   long expandedCoOccurrences) {
            return new Expansion(SampledCoOccurrences.of(events, expanded, byClass, coOccurrences,
                    expandedCoOccurrences));
        }

        /** Adds {@code amount} to class {@code bits} of {@code account} in {@code byClass}, growing its array. */
        public static void addByClass(Int2ObjectOpenHashMap<long[]> byClass, int account, int bits, long amount) {
            SampledCoOccurrences.Counter.add(byClass, account, bits, amount);
        }

        /**
         * The pair's chance: the signal's data-wide chance times the share of what the models expect of the pair that
         * falls on the items it was looked at on ({@code SampledCoOccurrences#reach}).
         */
        public double pairChance(double chance, int u, int v) {
            return chance * sampled.reach(u, v);
        }

        /** The expansion core's pair counting summed ({@link PairCounting#sampled}). */
        static Expansion of(SampledCoOccurrences sampled) {
            return new Expansion(sampled);
        }

        /**
         * The background's co-occurrences expanded as its counted strengths are, ½ Σ_a strength_a f_a in account
         * order: the {@code expandedCoOccurrences} of {@link #backgroundRound} and {@link #strengthExpectation}.
         */
        public double expandedTotal(long[] strength) {
            return sampled.expandedTotal(strength);
        }

        /** What a background pair of (u, v) counted {@code own} times takes out of {@link #expandedTotal}. */
        public double ownExpanded(int u, int v, long own) {
            return sampled.ownExpanded(u, v, own);
        }

        /** The expanded co-occurrences, which {@link #chance} divides. */
        public long coOccurrences() {
            return sampled.coOccurrences();
        }
    }
}
