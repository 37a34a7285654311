package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the counted pair events stand for, so that the null model ({@link CoActionNullModel}) reads the co-occurrences
 * the items had, not the share of them that pairing looked at.
 *
 * <p>An item of more than {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts is paired inside 2^b account-hash groups
 * only ({@link ItemPairs}): a pair in one group is counted in full on it, a pair across groups never. The volumes'
 * data-wide chance and the accounts' strengths, summed over the pair events looked at, then hold about 2^-b of the
 * large items' co-occurrences, while a pair tested there was looked at on the large items both acted on. Tested
 * against them, the pairs of a crowd of thousands on the same posts (ten thousand fans retweeting their idol within
 * minutes) look 2^b times rarer than they are, pass, and the crowd comes out as 2^b dense cliques of about
 * {@link CoActionScanner#LARGE_ITEM_GROUP} accounts: the simulator's fandom at a million accounts was flagged 8,308
 * of 10,000 this way while the same fandom at 100,000 accounts, its items below the split, was not (docs/quality.md,
 * "The simulator's fandom at a million accounts"). So a pair event on an item split by b bits stands for 2^b, the
 * inverse of the probability that a pair of its accounts shares a group: the Horvitz–Thompson estimator of the
 * co-occurrences (Horvitz and Thompson, "A generalization of sampling without replacement from a finite universe",
 * JASA 47, 1952). An item below the split stands for itself.
 *
 * <p>Two things are kept per account: its <b>expansion</b> f_a, what its events stand for on average, and, for an
 * account with events on split items, its <b>reach</b> ρ_a(c), the share of its expanded events on items split by at
 * most c bits. A pair (u, v) is looked at on exactly the items split by at most {@link ItemPairs#sharedBits} = c* bits
 * (the groups are nested), so its count covers about ρ(u, v) = √(ρ_u(c*) ρ_v(c*)) of what the full models expect
 * of it (the geometric mean: the pair's share is not known, each account's is). The strength model's expectation,
 * s_u s_v / (2 W) over the counted background, becomes s_u f_u · s_v f_v · ρ(u, v) / (2 W'), W' = ½ Σ_a s_a f_a the
 * background's co-occurrences expanded the same way ({@link #pairFactor}, {@link #expandedTotal}): a background
 * made mostly of pairs on whole items must not be divided by the expansion of the archive's split ones, or a crowd
 * on split items, kept out of the background by that too small λ, stays out of it. The volume model's n_u n_v P
 * becomes n_u n_v P ρ(u, v), P dividing the expanded co-occurrences ({@link #coOccurrences}, {@link #reach}). On an
 * archive without an item above the split every factor is 1 and the null model is the one without this correction.
 *
 * <p>Cost: O(accounts) memory, plus O(classes) for each account with events on split items; O(1) per pair (array
 * reads).
 * Immutable once built; serialisable for engines that ship it to their workers.
 */
final class SampledCoOccurrences implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] expansion;
    private final double total;
    private final long coOccurrences;
    /**
     * Per account with events on split items, ρ_a(c) for c = 0 … its largest class − 1 (1 from there on), laid out
     * densely: account a's values are {@code reachValues[reachStart[a] … reachStart[a + 1])}, none when the two are
     * equal; null when no account has any (no item split). The pair tests read it once per pair and round, so an
     * array read rather than two hash probes per pair (measured at 10M posts, docs/benchmarks.md).
     */
    private final int[] reachStart;
    private final double[] reachValues;

    private SampledCoOccurrences(double[] expansion, double total, long coOccurrences, int[] reachStart,
                                 double[] reachValues) {
        this.expansion = expansion;
        this.total = total;
        this.coOccurrences = coOccurrences;
        this.reachStart = reachStart;
        this.reachValues = reachValues;
    }

    /** No item split: every event stands for itself. */
    static SampledCoOccurrences whole(int accounts, long coOccurrences) {
        double[] f = new double[accounts];
        Arrays.fill(f, 1.0);
        return new SampledCoOccurrences(f, 1.0, coOccurrences, null, null);
    }

    /**
     * From per-account counted events and what they stand for (Σ 2^b over the account's events), the same sums split
     * by class for the accounts with events on split items ({@code byClass.get(a)[c]}: Σ 2^c over a's events on items
     * split by c ≥ 1 bits; index 0 unused), and the data-wide sums. O(accounts + Σ classes).
     */
    static SampledCoOccurrences of(long[] events, long[] expanded, Int2ObjectMap<long[]> byClass, long coOccurrences,
                                   long expandedCoOccurrences) {
        double[] f = new double[events.length];
        for (int a = 0; a < f.length; a++) {
            f[a] = events[a] == 0 ? 1.0 : (double) expanded[a] / events[a];
        }
        Int2ObjectOpenHashMap<double[]> reach = new Int2ObjectOpenHashMap<>(byClass.size());
        int values = 0;
        for (Int2ObjectMap.Entry<long[]> e : byClass.int2ObjectEntrySet()) {
            int a = e.getIntKey();
            long[] split = e.getValue();
            int top = split.length - 1;
            while (top > 0 && split[top] == 0) {
                top--;
            }
            if (top == 0 || expanded[a] == 0) {
                continue;
            }
            double[] r = new double[top];
            long above = 0;
            for (int c = top; c >= 1; c--) {
                above += split[c];
                r[c - 1] = (double) (expanded[a] - above) / expanded[a];
            }
            reach.put(a, r);
            values += r.length;
        }
        double t = coOccurrences == 0 ? 1.0 : (double) expandedCoOccurrences / coOccurrences;
        if (reach.isEmpty()) {
            return new SampledCoOccurrences(f, t, expandedCoOccurrences, null, null);
        }
        int[] start = new int[f.length + 1];
        double[] flat = new double[values];
        int at = 0;
        for (int a = 0; a < f.length; a++) {
            start[a] = at;
            double[] r = reach.get(a);
            if (r != null) {
                System.arraycopy(r, 0, flat, at, r.length);
                at += r.length;
            }
        }
        start[f.length] = at;
        return new SampledCoOccurrences(f, t, expandedCoOccurrences, start, flat);
    }

    /** What one pair event on an item of {@code m} distinct accounts stands for: 2^b, b its split bits. */
    static long standsFor(int m) {
        return 1L << ItemPairs.groupBits(m);
    }

    /** The counted co-occurrences, each multiplied by what it stands for: the volume model's numerator. */
    long coOccurrences() {
        return coOccurrences;
    }

    /** f_a. */
    double expansion(int account) {
        return expansion[account];
    }

    /** f, the data-wide expansion. */
    double total() {
        return total;
    }

    /** ρ_a(c): the share of the account's expanded events on items split by at most c bits. O(1). */
    double accountReach(int account, int bits) {
        if (reachStart == null) {
            return 1.0;
        }
        int from = reachStart[account];
        return bits >= reachStart[account + 1] - from ? 1.0 : reachValues[from + bits];
    }

    /** ρ(u, v): the share of what the models expect of the pair that falls on the items it was looked at on. O(1). */
    double reach(int u, int v) {
        if (reachStart == null) {
            return 1.0;
        }
        int bits = ItemPairs.sharedBits(u, v);
        double ru = accountReach(u, bits);
        double rv = accountReach(v, bits);
        return ru == 1.0 && rv == 1.0 ? 1.0 : Math.sqrt(ru * rv);
    }

    /**
     * Whether both accounts have most of their expanded events on split items (ρ_a(0) &lt; ½ for each): a pair
     * whose co-occurrences are those of a crowd of more than {@link CoActionScanner#MAX_ITEM_ACCOUNTS} accounts on the
     * same items, which the strength model's background admits from its first round
     * ({@link CoActionNullModel#background}). False for every pair on an archive without a split item. O(1).
     */
    boolean onSplitItems(int u, int v) {
        return reachStart != null && accountReach(u, 0) < 0.5 && accountReach(v, 0) < 0.5;
    }

    /**
     * The strength model's factor for the pair (u, v) on counted strengths: f_u f_v ρ(u, v), its counted strengths
     * expanded and its share of them that falls on the items it was looked at on. O(1).
     */
    double pairFactor(int u, int v) {
        return pairFactor(u, v, reach(u, v));
    }

    /** {@link #pairFactor(int, int)} with the pair's {@link #reach(int, int)} already read. O(1). */
    double pairFactor(int u, int v, double reach) {
        return expansion[u] * expansion[v] * reach;
    }

    /**
     * The co-occurrences of a background whose counted strengths are {@code strength}, expanded as the strengths
     * are: ½ Σ_a strength_a f_a, summed in account order (the strength model's 2W is the sum of the strengths, and
     * a background of unexpanded pairs must not be divided by an expansion its pairs do not have). Equal to ½ Σ
     * strength, the counted co-occurrences, when every factor is 1. O(accounts).
     */
    double expandedTotal(long[] strength) {
        double sum = 0;
        for (int a = 0; a < strength.length; a++) {
            sum += strength[a] * expansion[a];
        }
        return sum / 2;
    }

    /** What a background pair of (u, v) counted {@code count} times adds to {@link #expandedTotal}. O(1). */
    double ownExpanded(int u, int v, long count) {
        return count == 0 ? 0 : count * (expansion[u] + expansion[v]) / 2;
    }

    /**
     * Sums what counted events stand for while an engine walks its items: per account, its events and their
     * expansion, and per class for events on split items. One per scan; not thread-safe.
     */
    static final class Counter {
        final long[] events;
        final long[] expanded;
        final Int2ObjectOpenHashMap<long[]> byClass = new Int2ObjectOpenHashMap<>();
        long counted;
        long expandedCounted;
        private long[] before = new long[16];

        Counter(int accounts) {
            events = new long[accounts];
            expanded = new long[accounts];
        }

        /** Before an item's events: remembers its accounts' events when the item is split. O(m) then, else O(1). */
        void beginItem(int[] distinct, int m) {
            if (ItemPairs.groupBits(m) == 0) {
                return;
            }
            if (before.length < m) {
                before = new long[Math.max(m, 2 * before.length)];
            }
            for (int i = 0; i < m; i++) {
                before[i] = events[distinct[i]];
            }
        }

        /** One counted event of the pair (u, v) on an item of {@code m} accounts standing for {@code standsFor}. */
        void event(int u, int v, long standsFor) {
            events[u]++;
            events[v]++;
            expanded[u] += standsFor;
            expanded[v] += standsFor;
            counted++;
            expandedCounted += standsFor;
        }

        /** After an item's events: adds them to each account's class. O(m) for a split item, else O(1). */
        void endItem(int[] distinct, int m) {
            int bits = ItemPairs.groupBits(m);
            if (bits == 0) {
                return;
            }
            for (int i = 0; i < m; i++) {
                long delta = events[distinct[i]] - before[i];
                if (delta > 0) {
                    add(byClass, distinct[i], bits, delta << bits);
                }
            }
        }

        /** Adds {@code amount} to class {@code bits} of {@code account} in {@code byClass}. */
        static void add(Int2ObjectOpenHashMap<long[]> byClass, int account, int bits, long amount) {
            long[] split = byClass.get(account);
            if (split == null || split.length <= bits) {
                long[] grown = new long[Math.max(bits + 1, 8)];
                if (split != null) {
                    System.arraycopy(split, 0, grown, 0, split.length);
                }
                split = grown;
                byClass.put(account, split);
            }
            split[bits] += amount;
        }

        SampledCoOccurrences build() {
            return of(events, expanded, byClass, counted, expandedCounted);
        }
    }
}
