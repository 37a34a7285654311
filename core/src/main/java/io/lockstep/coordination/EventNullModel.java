package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The co-action null model that knows events: the count a pair's co-actions reach by chance when each item's actions
 * keep their own times. {@link CoActionNullModel} places every action of the archive alike in time (one data-wide
 * chance that two actions coincide), so a hashtag whose uses all fall inside a football match, or an idol's post
 * retweeted by its fans in the minutes after it, makes the fans' pairs look like 10<sup>-15</sup> events. Here the
 * observed time profile of each item is held fixed and only which of the item's accounts made which of its uses is
 * left to chance: the permutation null of Pacheco et al., "Uncovering Coordinated Networks on Social Media", ICWSM
 * 2021 (shuffle the accounts over an item's observed activity), in the conditional form of the bipartite projection
 * nulls, which keep the account–item graph and ask whether a pair's co-occurrence is more than its shared items
 * explain (Neal, "The backbone of bipartite projections", Social Networks 39, 2014; Saracco et al., "Inferring
 * monopartite projections of bipartite networks: an entropy-based approach", New J. Phys. 19, 2017).
 *
 * <p>For an item i the signal's walk ({@link ItemPairs}, the same window, neighbour cap and account groups) examines
 * L<sub>i</sub> distinct pairs among the P<sub>i</sub> pairs it could examine (m(m − 1)/2 for m distinct accounts;
 * inside each account group for an item split into groups). q<sub>i</sub> = L<sub>i</sub> / P<sub>i</sub> is the
 * chance that two of its accounts drawn at random are examined together: 1 for an item used in one burst, near 0 for
 * one used over months. A pair that both acted on items I<sub>ab</sub> (the same group of a split item) then
 * co-occurs on about λ<sub>event</sub> = Σ<sub>i ∈ I<sub>ab</sub></sub> q<sub>i</sub> of them by chance, and its
 * count is tested against P(Poisson(λ) ≥ count) (a sum of Bernoulli trials has a lighter upper tail than the Poisson
 * of the same mean, so the test is conservative). The evidence left is co-occurrence beyond the items' own bursts:
 * a pair that meets within the window on more of its shared items than their time profiles predict.
 *
 * <p>Where it applies: co-hashtag, co-retweet and co-reply, whose items (a hashtag, an original, a replied post) are
 * used by crowds that an outside event or a source gathers (a club's fans on its match tags, an idol's fans on its
 * posts: docs/quality.md). The other co-action signals keep {@link CoActionNullModel}'s expectation: co-text,
 * co-link-slow and hashtag-burst discount visible sources of their own, and their items are mostly used by the rings
 * that share them, which this null would explain by their own bursts. An edge's expectation becomes
 * max(λ<sub>volume</sub>, λ<sub>strength</sub>, λ<sub>event</sub>) ({@link CoordinationEdge#expected}): the pair must
 * beat every model. The edges themselves are those {@link CoActionNullModel} kept; only their p-values, which the
 * timed score's significance term reads ({@link ClusterScorer}), change. What it cannot tell: an item that only an
 * operation uses (a pushed hashtag, a seed post no one else retweets) has the operation's own burst as its profile,
 * so one item explains its own co-uses; the operation's evidence is then its repetition over many items with
 * q<sub>i</sub> &lt; 1.
 *
 * <p>Cost per signal: its actions rebuilt and radix-sorted (O(n)), one walk of the items ({@link ItemPairs#walk}) that
 * pairs only the items both accounts of some edge acted on, and per item of m accounts Σ over its accounts of their
 * edge partners × log m; memory O(accounts + edges).
 * Deterministic: sums in item order.
 */
final class EventNullModel {
    /** The signals whose edges this model re-tests. */
    static final List<String> SIGNALS = List.of(CoordinationSignal.CO_RETWEET, CoordinationSignal.CO_HASHTAG,
            CoordinationSignal.CO_REPLY);

    private EventNullModel() {
    }

    /**
     * {@code edges} with each edge of {@link #SIGNALS} carrying max(its expectation, λ<sub>event</sub>); the other
     * edges unchanged, the order kept.
     */
    static List<CoordinationEdge> apply(Activity activity, CoordinationParams params, List<CoordinationEdge> edges,
                                        TerminationFlag termination) {
        List<CoordinationEdge> out = new ArrayList<>(edges);
        for (String signal : SIGNALS) {
            if (!params.enabled(signal)) {
                continue;
            }
            int k = 0;
            for (CoordinationEdge e : edges) {
                if (e.signal().equals(signal) && !Double.isNaN(e.expected())) {
                    k++;
                }
            }
            if (k == 0) {
                continue;
            }
            long[] pairs = new long[k];
            int[] at = new int[k];
            k = 0;
            for (int i = 0; i < edges.size(); i++) {
                CoordinationEdge e = edges.get(i);
                if (e.signal().equals(signal) && !Double.isNaN(e.expected())) {
                    pairs[k] = e.pairKey();
                    at[k++] = i;
                }
            }
            SortedActions sorted = SortedActions.of(signal, actions(activity, signal), activity.accountCount());
            double[] lambda = expectations(sorted, activity.accountCount(), pairs,
                    Signal.of(signal).window(params), params.maxNeighbours(), termination);
            for (int j = 0; j < k; j++) {
                CoordinationEdge e = out.get(at[j]);
                if (lambda[j] > e.expected()) {
                    out.set(at[j], new CoordinationEdge(e.source(), e.target(), e.signal(), e.weight(), e.count(),
                            e.evidence(), lambda[j]));
                }
            }
        }
        return out;
    }

    /** The actions of one of {@link #SIGNALS}, as the signal itself builds them. */
    static Actions actions(Activity activity, String signal) {
        return switch (signal) {
            case CoordinationSignal.CO_RETWEET -> CoRetweetSignal.referencing(activity, PostKind.RETWEET);
            case CoordinationSignal.CO_REPLY -> CoRetweetSignal.referencing(activity, PostKind.REPLY);
            case CoordinationSignal.CO_HASHTAG -> CoHashtagSignal.actions(activity);
            default -> throw new IllegalArgumentException("signal: no event null model for '" + signal + "'");
        };
    }

    /**
     * λ<sub>event</sub> of each pair of {@code pairs} (pair keys, each at most once): Σ q<sub>i</sub> over the items
     * both accounts acted on (in the same account group of a split item), q<sub>i</sub> the share of the item's
     * possible pairs that the walk with {@code window} and {@code maxNeighbours} examines ({@link #share}).
     */
    static double[] expectations(SortedActions actions, int accountCount, long[] pairs, long window,
                                 int maxNeighbours, TerminationFlag termination) {
        int k = pairs.length;
        double[] lambda = new double[k];
        if (k == 0) {
            return lambda;
        }
        // partners of the lower account, CSR, each account's partners ascending
        long[] keys = pairs.clone();
        long[] idx = new long[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        LongArrays.radixSort(keys, idx);
        int[] start = new int[accountCount + 1];
        for (long pair : keys) {
            start[(int) (pair >>> 32) + 1]++;
        }
        for (int a = 0; a < accountCount; a++) {
            start[a + 1] += start[a];
        }
        int[] partner = new int[k];
        int[] index = new int[k];
        for (int i = 0; i < k; i++) {
            partner[i] = (int) keys[i];
            index[i] = (int) idx[i];
        }
        ItemPairs.walk(actions, window, maxNeighbours, new ItemPairs.ItemVisitor() {
            /** Only an item both accounts of some edge acted on needs its pairs: most items are skipped unpaired. */
            @Override
            public boolean wants(int[] distinct, int m) {
                for (int x = 0; x < m - 1; x++) {
                    int a = distinct[x];
                    for (int p = start[a]; p < start[a + 1]; p++) {
                        if (Arrays.binarySearch(distinct, x + 1, m, partner[p]) >= 0) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public void item(int s, int e, int[] distinct, int m, long[] pairKeys, int np) {
                if (m < 2 || np == 0) {
                    return;
                }
                int bits = ItemPairs.groupBits(m);
                double q = share(np, distinct, m, bits);
                for (int x = 0; x < m - 1; x++) {
                    int a = distinct[x];
                    int from = start[a], to = start[a + 1];
                    if (from == to) {
                        continue;
                    }
                    int ga = ItemPairs.group(a, bits);
                    for (int p = from; p < to; p++) {
                        int b = partner[p];
                        if (Arrays.binarySearch(distinct, x + 1, m, b) >= 0 && ItemPairs.group(b, bits) == ga) {
                            lambda[index[p]] += q;
                        }
                    }
                }
            }
        }, ProgressListener.NONE, termination);
        return lambda;
    }

    /**
     * q<sub>i</sub> of an item: its {@code examined} distinct pairs over the pairs the walk could examine among its
     * distinct accounts {@code distinct[0, m)}, m(m − 1)/2 whole or Σ over the account groups of g(g − 1)/2 when
     * split by {@code bits} bits ({@link ItemPairs#groupBits}); at most 1.
     */
    static double share(int examined, int[] distinct, int m, int bits) {
        double possible;
        if (bits == 0) {
            possible = (double) m * (m - 1) / 2.0;
        } else {
            int[] size = new int[1 << bits];
            for (int i = 0; i < m; i++) {
                size[ItemPairs.group(distinct[i], bits)]++;
            }
            possible = 0;
            for (int g : size) {
                possible += (double) g * (g - 1) / 2.0;
            }
        }
        return possible <= 0 ? 0 : Math.min(1.0, examined / possible);
    }
}
