package io.lockstep.coordination;

import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sort-and-scan core shared by the co-action signals (co-retweet, co-hashtag, hashtag-sequence, co-link,
 * co-text, co-reply), in the line of the QUT coordination-network-toolkit (Graham et al.) and CooRnet
 * (Giglietto et al. 2020), but with sliding rather than fixed windows.
 *
 * <p>Method:
 * <ol>
 *   <li>Actions are packed as {@code key << 32 | (time - minTime)} and sorted by radix sort, so each item's actions
 *       lie together in time order: O(n) for n actions.</li>
 *   <li>For each item, a sliding window pairs each action with the later actions at most {@code window} seconds
 *       after it (at most {@code maxNeighbours} of them, nearest first, which bounds viral items), skipping pairs of
 *       the same account; items with more than {@link #MAX_ITEM_ACCOUNTS} accounts are not paired. A pair counts
 *       once per item. Pairs straddling any boundary are found, unlike fixed bins.</li>
 *   <li>Each item gets an inverse-popularity weight {@code w = 1 + ln((1 + A) / (1 + m))}, m = distinct accounts on
 *       the item, A = distinct accounts in the signal. Per pair: {@code count} = shared items, and the cosine
 *       {@code Σ_shared w² / (‖a‖ ‖b‖)} where ‖a‖² sums w² over a's items that at least one other account acted on
 *       (so volume alone does not help). Items no other account acted on are left out of the norm, as terms of a
 *       single document are in TF-IDF (a minimum document frequency of 2): they can never be shared, yet they carry
 *       the largest weight of all, so in a sparse archive, where many of an account's items are its alone, they
 *       would make the cosine measure the sampling rate rather than the accounts. They still count in the volume
 *       for the null model. The edge weight is that cosine times the shared items' rarity, the root-mean-square w
 *       of the shared items over the largest possible w (an item shared by just two accounts), so that two accounts
 *       sharing only viral items get a low weight even when their vectors coincide.</li>
 *   <li>Null model: under random placement of each account's n_a items, two given actions coincide with the
 *       data-wide probability P = (pair co-occurrences) / (cross-account action pairs); the pair's expected count
 *       is λ = n_a n_b P, and the edge needs P(Poisson(λ) ≥ count) ≤ {@code maxPValue}.</li>
 *   <li>A second scan over the paired items collects up to {@code evidenceCap} examples for the surviving pairs
 *   only, and stops once every pair has all it can get.</li>
 * </ol>
 * Cost: O(n + n·min(d, maxNeighbours)) time for window occupancy d, memory O(n + distinct pairs).
 */
final class CoActionScanner {
    /** Names the shared item of a window pair for evidence. */
    @FunctionalInterface
    interface ItemLabel {
        String label(int key, int sourcePost, int targetPost);
    }

    /**
     * Items acted on by more accounts than this are not paired (they still count in every account's volume and
     * norm). Their weight w is the lowest of all, and at 10M posts the few viral originals with 10⁴–10⁵ retweets
     * would otherwise emit most of the pair events (hundreds of millions of distinct, once-seen pairs) and exhaust an
     * 8 GB heap. An operation larger than this on one item still shows on its smaller items.
     */
    static final int MAX_ITEM_ACCOUNTS = 1_000;

    private CoActionScanner() {
    }

    static SignalGraph scan(String signal, Actions actions, int accountCount, DetectionParams.CoAction p,
                            int maxNeighbours, int evidenceCap, ItemLabel label, ProgressListener progress,
                            TerminationFlag termination) {
        int n = actions.size();
        if (n == 0) {
            return new SignalGraph(signal, List.of(), 0, 0);
        }
        progress.begin(signal, 3L * n);
        long minT = Long.MAX_VALUE, maxT = Long.MIN_VALUE;
        long[] times = actions.time.elements();
        for (int i = 0; i < n; i++) {
            minT = Math.min(minT, times[i]);
            maxT = Math.max(maxT, times[i]);
        }
        if (maxT - minT >= (1L << 32)) {
            throw new IllegalArgumentException("time span of " + signal + " actions exceeds 2^32 seconds");
        }
        int[] keys = actions.key.elements();
        int[] accs = actions.account.elements();
        int[] posts = actions.post.elements();
        long[] a = new long[n];
        long[] b = new long[n];
        boolean[] active = new boolean[accountCount];
        int activeAccounts = 0;
        for (int i = 0; i < n; i++) {
            a[i] = ((long) keys[i] << 32) | (times[i] - minT);
            b[i] = ((long) accs[i] << 32) | (posts[i] & 0xffffffffL);
            if (!active[accs[i]]) {
                active[accs[i]] = true;
                activeAccounts++;
            }
        }
        active = null;
        if (n > 1_000_000) {
            LongArrays.parallelRadixSort(a, b);
        } else {
            LongArrays.radixSort(a, b);
        }
        progress.advance(n);

        // pass 1: count pairs per item, accumulate per-pair counts and weights
        int[] volume = new int[accountCount];
        double[] normSq = new double[accountCount];
        // per pair: count in the high 24 bits, fixed-point sum of w² (scale 2^12) in the low 40 bits, so that one
        // addTo (a single probe) records a pair event
        Long2LongOpenHashMap stats = new Long2LongOpenHashMap();
        LongArrayList itemPairs = new LongArrayList();
        // the [start, end) ranges of the items that were paired, so that pass 3 visits those only
        IntArrayList pairedRanges = new IntArrayList();
        int[] scratch = new int[16];
        long coOccurrences = 0;
        int groups = 0;
        for (int s = 0; s < n; ) {
            int key = (int) (a[s] >>> 32);
            int e = s + 1;
            while (e < n && (int) (a[e] >>> 32) == key) {
                e++;
            }
            // distinct accounts on this item
            int len = e - s;
            if (scratch.length < len) {
                scratch = new int[Math.max(len, 2 * scratch.length)];
            }
            for (int i = 0; i < len; i++) {
                scratch[i] = (int) (b[s + i] >>> 32);
            }
            IntArrays.quickSort(scratch, 0, len);
            int m = 0;
            for (int i = 0; i < len; i++) {
                if (i == 0 || scratch[i] != scratch[i - 1]) {
                    scratch[m++] = scratch[i];
                }
            }
            double w = idf(activeAccounts, m);
            long increment = (1L << COUNT_SHIFT) | Math.round(w * w * WEIGHT_SCALE);
            for (int i = 0; i < m; i++) {
                volume[scratch[i]]++;
            }
            if (m > 1) {
                // an item no other account acted on cannot be shared: it counts in the volume, not in the norm
                for (int i = 0; i < m; i++) {
                    normSq[scratch[i]] += w * w;
                }
            }
            if (m > 1 && m <= MAX_ITEM_ACCOUNTS) {
                pairedRanges.add(s);
                pairedRanges.add(e);
                windowPairs(a, b, s, e, p.window(), maxNeighbours, itemPairs);
                long[] ip = itemPairs.elements();
                int np = itemPairs.size();
                LongArrays.radixSort(ip, 0, np);
                for (int i = 0; i < np; i++) {
                    if (i > 0 && ip[i] == ip[i - 1]) {
                        continue;
                    }
                    coOccurrences++;
                    stats.addTo(ip[i], increment);
                }
            }
            progress.advance(len);
            if ((++groups & 0xfff) == 0) {
                termination.assertRunning();
            }
            s = e;
        }

        // pass 2: thresholds and null model
        double sum = 0, sumSq = 0;
        for (int v = 0; v < accountCount; v++) {
            sum += volume[v];
            sumSq += (double) volume[v] * volume[v];
        }
        double crossPairs = (sum * sum - sumSq) / 2.0;
        double chance = crossPairs > 0 ? coOccurrences / crossPairs : 1.0;
        Long2IntOpenHashMap selected = new Long2IntOpenHashMap();
        selected.defaultReturnValue(-1);
        LongArrayList selPair = new LongArrayList();
        IntArrayList selCount = new IntArrayList();
        DoubleArrayList selWeight = new DoubleArrayList();
        for (var entry : stats.long2LongEntrySet()) {
            long pair = entry.getLongKey();
            long packed = entry.getLongValue();
            int c = (int) (packed >>> COUNT_SHIFT);
            double sharedWeight = (packed & ((1L << COUNT_SHIFT) - 1)) / WEIGHT_SCALE;
            if (c < p.minShared()) {
                continue;
            }
            int u = (int) (pair >>> 32), v = (int) pair;
            double cosine = Math.min(1.0, sharedWeight / Math.sqrt(normSq[u] * normSq[v]));
            if (cosine < p.minSimilarity()) {
                continue;
            }
            double lambda = (double) volume[u] * volume[v] * chance;
            if (PoissonTail.upper(c, lambda) > p.maxPValue()) {
                continue;
            }
            selected.put(pair, selPair.size());
            selPair.add(pair);
            selCount.add(c);
            // rarity: root-mean-square weight of the shared items relative to the rarest possible shared item
            double rarity = Math.min(1.0, Math.sqrt(sharedWeight / c) / idf(activeAccounts, 2));
            selWeight.add(cosine * rarity);
        }
        long candidates = stats.size();
        stats = null;
        termination.assertRunning();

        // pass 3: evidence for the surviving pairs
        int k = selPair.size();
        @SuppressWarnings("unchecked")
        List<Evidence>[] evidence = new List[k];
        int[] lastKey = new int[k];
        Arrays.fill(lastKey, -1);
        // A pair gets one example per item it shares, so exactly min(evidenceCap, its count) in all: once every pair
        // has them, the rest of the scan cannot add any (a dense botnet fills its pairs within a few items).
        int incomplete = k;
        if (k > 0 && evidenceCap > 0) {
            int[] ranges = pairedRanges.elements();
            scan:
            for (int r = 0; r < pairedRanges.size(); r += 2) {
                int s = ranges[r];
                int e = ranges[r + 1];
                int key = (int) (a[s] >>> 32);
                for (int i = s; i < e; i++) {
                    long ti = a[i] & 0xffffffffL;
                    int ai = (int) (b[i] >>> 32);
                    int limit = Math.min(e, i + 1 + maxNeighbours);
                    for (int j = i + 1; j < limit && (a[j] & 0xffffffffL) - ti <= p.window(); j++) {
                        int aj = (int) (b[j] >>> 32);
                        if (ai == aj) {
                            continue;
                        }
                        int at = selected.get(CoordinationEdge.pairKey(ai, aj));
                        if (at < 0 || lastKey[at] == key) {
                            continue;
                        }
                        lastKey[at] = key;
                        List<Evidence> list = evidence[at];
                        if (list == null) {
                            list = evidence[at] = new ArrayList<>(Math.min(evidenceCap, 4));
                        }
                        if (list.size() < evidenceCap) {
                            boolean iFirst = ai < aj;
                            int srcPost = (int) (iFirst ? b[i] : b[j]);
                            int dstPost = (int) (iFirst ? b[j] : b[i]);
                            long srcTime = minT + (iFirst ? ti : (a[j] & 0xffffffffL));
                            long dstTime = minT + (iFirst ? (a[j] & 0xffffffffL) : ti);
                            list.add(new Evidence(label.label(key, srcPost, dstPost), srcTime, dstTime));
                            if (list.size() == Math.min(evidenceCap, selCount.getInt(at)) && --incomplete == 0) {
                                break scan;
                            }
                        }
                    }
                }
            }
        }
        progress.advance(n);
        long[] order = selPair.toLongArray();
        Arrays.sort(order);
        List<CoordinationEdge> edges = new ArrayList<>(k);
        for (long pair : order) {
            int at = selected.get(pair);
            edges.add(new CoordinationEdge((int) (pair >>> 32), (int) pair, signal, selWeight.getDouble(at),
                    selCount.getInt(at), evidence[at] == null ? List.of() : evidence[at]));
        }
        progress.end();
        return new SignalGraph(signal, edges, n, candidates);
    }

    /** Pair statistics packing: count above this bit, fixed-point weight below (w² ≤ 1 + ln(2^31) squared ≈ 500). */
    private static final int COUNT_SHIFT = 40;
    private static final double WEIGHT_SCALE = 4096.0;

    /** Inverse popularity of an item used by m of the signal's A accounts. */
    static double idf(int activeAccounts, int m) {
        return 1.0 + Math.log((1.0 + activeAccounts) / (1.0 + m));
    }

    private static void windowPairs(long[] a, long[] b, int s, int e, long window, int maxNeighbours,
                                    LongArrayList out) {
        out.clear();
        for (int i = s; i < e; i++) {
            long ti = a[i] & 0xffffffffL;
            int ai = (int) (b[i] >>> 32);
            int limit = Math.min(e, i + 1 + maxNeighbours);
            for (int j = i + 1; j < limit && (a[j] & 0xffffffffL) - ti <= window; j++) {
                int aj = (int) (b[j] >>> 32);
                if (ai != aj) {
                    out.add(CoordinationEdge.pairKey(ai, aj));
                }
            }
        }
    }
}
