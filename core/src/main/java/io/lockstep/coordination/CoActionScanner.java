package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;

import java.util.ArrayList;
import java.util.List;

/**
 * The sort-and-scan core shared by the co-action signals (co-retweet, co-hashtag, hashtag-sequence, co-link,
 * co-text, co-reply), in the line of the QUT coordination-network-toolkit (Graham et al.) and CooRnet
 * (Giglietto et al. 2020), but with sliding rather than fixed windows. {@link #scan} runs four phases, each its own
 * tested class:
 * <ol>
 *   <li>{@link SortedActions}: actions packed as {@code key << 32 | (time - minTime)} and radix-sorted, so each
 *       item's actions lie together in time order: O(n) for n actions.</li>
 *   <li>{@link PairCounting}: per item, its inverse-popularity weight {@code w = 1 + ln((1 + A) / (1 + m))}
 *       (m distinct accounts on the item, A in the signal), the accounts' volumes and norms (items no other account
 *       acted on stay out of the norm), and, for items of at least 2 accounts, the pairs of the sliding window
 *       ({@link WindowPairs}: each action with the later actions at most {@code window} seconds after it, at most
 *       {@code maxNeighbours} of them, nearest first; same-account pairs skipped), each counted once per item with
 *       the item's w². Pairs straddling any boundary are found, unlike fixed bins. Items of more than
 *       {@link #MAX_ITEM_ACCOUNTS} accounts are windowed inside fixed account-hash groups of at most about
 *       {@link #LARGE_ITEM_GROUP} accounts ({@link ItemPairs}): bounded cost, and the same pairs on every large
 *       item. Their low w (popular items are weak evidence) enters the cosine and the edge's rarity as any item's;
 *       the null model counts the pair events looked at.</li>
 *   <li>{@link CoActionNullModel}: a pair is kept with at least {@code minShared} shared items, a cosine
 *       {@code Σ_shared w² / (‖a‖ ‖b‖)} of at least {@code minSimilarity}, and a Poisson tail
 *       P(Poisson(n_a n_b P) ≥ count) ≤ {@code maxPValue} under random placement of each account's items, P the
 *       data-wide chance that two actions coincide. Its weight is the cosine times the shared items' rarity.</li>
 *   <li>{@link EvidenceGathering}: the same window over the paired items again, collecting up to
 *       {@code evidenceCap} examples for the kept pairs only, stopping once every pair has all it can get.</li>
 * </ol>
 * Counting and evidence walk the items with one {@link ItemPairs}, as does the Spark engine through
 * {@link CoActionKernel}, so the three see the same pairs.
 *
 * <p>Cost: O(n + n·min(d, maxNeighbours)) time for window occupancy d (at most n·min(d, G) on items above the
 * threshold), memory O(n + distinct pairs).
 * Deterministic: every phase is; the edges come out sorted by pair.
 */
final class CoActionScanner {
    /** Names the shared item of a window pair for evidence. */
    @FunctionalInterface
    interface ItemLabel {
        String label(int key, int sourcePost, int targetPost);
    }

    /**
     * Items acted on by at most this many accounts are paired whole by the sliding window; larger ones are split
     * into account-hash groups of at most about {@link #LARGE_ITEM_GROUP} accounts, paired inside each group only
     * ({@link ItemPairs}). Whole, an item of m accounts can emit up to m·maxNeighbours pair events, mostly distinct
     * pairs seen once, enough to fill the heap on an archive with a few viral originals ({@code docs/benchmarks.md}).
     * Split, it emits at most about m·G/2 (G = {@link #LARGE_ITEM_GROUP}), and the pairs of one group recur on every
     * large item, so that an operation of thousands of accounts on the same originals (a botnet pushing its
     * originals past this cap, {@code docs/quality.md}) is counted in full inside each group instead of being
     * invisible.
     */
    static final int MAX_ITEM_ACCOUNTS = 1_000;

    /**
     * The largest expected account-group size G of an item above {@link #MAX_ITEM_ACCOUNTS}: an item of m accounts
     * is split into 2^b groups, b the smallest with m ≤ G·2^b, so its groups hold G/2 to G accounts on average.
     */
    static final int LARGE_ITEM_GROUP = 100;

    private CoActionScanner() {
    }

    /** How the selection phase tests a counted pair ({@link CoActionNullModel#select}). */
    enum NullTest {
        /** Both models of ordinary co-action, each pair at {@code maxPValue}. */
        PAIR,
        /**
         * Both models, {@code maxPValue} bounding the chance of any false edge among the counted pairs (Bonferroni),
         * for a signal whose unbounded window makes chance co-occurrences common enough that a per-pair level would
         * link thousands of ordinary pairs.
         */
        FAMILY_WISE,
        /**
         * The volume model alone, each pair at {@code maxPValue}, for a signal whose pair filter leaves out the bulk of
         * ordinary co-occurrences by design: the strength model's background is an empirical null estimated from the
         * bulk of the counted co-occurrences, and when the filter leaves little besides what the signal looks for, the
         * background is that group's own co-occurrences, which then explain the group.
         */
        VOLUME
    }

    /** The signal's edges from its {@code actions}; {@code progress} counts three passes over the actions. */
    static SignalGraph scan(String signal, Actions actions, int accountCount, CoordinationParams.CoAction p,
                            int maxNeighbours, int evidenceCap, ItemLabel label, ProgressListener progress,
                            TerminationFlag termination) {
        return scan(signal, actions, accountCount, p, maxNeighbours, evidenceCap, label, s -> PairFilter.ALL,
                NullTest.PAIR, progress, termination);
    }

    /**
     * As above, pairing and counting only what the filter built from the sorted actions lets through
     * ({@link PairFilter}); counting, null model and evidence all see the filtered pairs, tested as {@code nullTest}
     * says ({@link NullTest}: with {@code FAMILY_WISE} each pair at {@code maxPValue / counted pairs}).
     */
    static SignalGraph scan(String signal, Actions actions, int accountCount, CoordinationParams.CoAction p,
                            int maxNeighbours, int evidenceCap, ItemLabel label, PairFilter.Factory filters,
                            NullTest nullTest, ProgressListener progress, TerminationFlag termination) {
        int n = actions.size();
        if (n == 0) {
            return new SignalGraph(signal, List.of(), 0, 0);
        }
        progress.begin(signal, 3L * n);
        SortedActions sorted = SortedActions.of(signal, actions, accountCount);
        PairFilter filter = filters.of(sorted);
        progress.advance(n);
        PairCounting counts = PairCounting.run(sorted, accountCount, p.window(), maxNeighbours, filter, progress,
                termination);
        CoordinationParams.CoAction test = nullTest == NullTest.FAMILY_WISE && counts.pairs.size() > 1
                ? new CoordinationParams.CoAction(p.window(), p.minShared(), p.minSimilarity(),
                p.maxPValue() / counts.pairs.size())
                : p;
        CoActionNullModel.Selected kept = CoActionNullModel.select(counts, sorted.activeAccounts(), test,
                CoActionKernel.overlapGate(signal) ? pairs -> ItemOverlap.units(sorted, accountCount, pairs) : null,
                nullTest != NullTest.VOLUME);
        long candidates = counts.pairs.size();
        termination.assertRunning();
        List<List<Evidence>> evidence = EvidenceGathering.run(sorted, counts.pairedItems, kept, p.window(),
                maxNeighbours, evidenceCap, label, filter);
        progress.advance(n);
        List<CoordinationEdge> edges = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            long pair = kept.pairs[i];
            edges.add(new CoordinationEdge((int) (pair >>> 32), (int) pair, signal, kept.weights[i], kept.counts[i],
                    evidence.get(i), kept.expected[i]));
        }
        progress.end();
        return new SignalGraph(signal, edges, n, candidates);
    }
}
