package io.lockstep.coordination;

/**
 * Which items of a co-action signal are paired, and which of an item's examined pairs count, for the signals that
 * restrict the common scan ({@link CoActionScanner}): {@link #ALL} (every item, every pair) for the windowed signals,
 * the {@link SourceFilter}s of co-link-slow ({@link CommonSources}) and hashtag-burst ({@link HashtagSources}). Pair
 * counting ({@link PairCounting}) and evidence ({@link EvidenceGathering}) ask the same filter, so the evidence of an
 * edge comes from the items its count does.
 * An item not paired still counts in its accounts' volumes and norms.
 */
interface PairFilter {
    /** Pairs every item and counts every examined pair. */
    PairFilter ALL = new PairFilter() {
        @Override
        public boolean pairs(int m) {
            return true;
        }

        @Override
        public boolean counts(int start, int end, long pairKey) {
            return true;
        }
    };

    /** Whether an item acted on by {@code m ≥ 2} distinct accounts is paired at all. */
    boolean pairs(int m);

    /**
     * Whether the examined pair {@code pairKey} ({@link CoordinationEdge#pairKey}) of the item whose actions are
     * {@code [start, end)} of the sorted actions counts. Called item by item, in any order of the item's pairs.
     */
    boolean counts(int start, int end, long pairKey);

    /** Builds the filter of a signal from its sorted actions. */
    @FunctionalInterface
    interface Factory {
        PairFilter of(SortedActions actions);
    }
}
