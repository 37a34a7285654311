package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;
import java.util.Objects;

/**
 * Co-text: accounts posting near-duplicate texts within a window (default 3600 s) on at least 2 distinct texts.
 * Near-duplicates, not only exact copies: texts become word-shingle sets, MinHash/LSH banding
 * ({@link MinHasher}) proposes candidate pairs in linear time, each candidate is verified by its exact shingle
 * Jaccard similarity ({@code minJaccard}, default 0.5) and verified pairs are merged by union-find into text
 * clusters. Within an LSH bucket each text is compared with the bucket's first text and with its predecessor only,
 * so a bucket of b texts costs at most 2b comparisons. Text clusters are then the items of {@link CoActionScanner}
 * (window, inverse popularity, null model). No pair of texts is compared outside a shared bucket, so the cost is
 * linear in the texts and their candidates, never quadratic in the texts. The scanned pairs are then discounted by
 * the events a visible common source explains ({@link CommonSource}): copies of an earlier post by an account the
 * copiers follow, mention or link (an outlet's headline echoed by its journalists and readers) are reactions to that
 * post, not co-action, unless a pair's copies fall within the co-retweet window of each other more often than an
 * audience's do, by the other sources' audiences and by the pair's own pace.
 *
 * <p>Evidence items read {@code sourcePostId~targetPostId}. Memory: {@code 4·bands} bytes per eligible text.
 */
public final class CoTextSignal implements CoordinationSignal {
    private final CoordinationParams.CoAction params;
    private final CoordinationParams.TextParams text;
    private final int maxNeighbours;
    private final int evidenceCap;
    private final long seed;
    /** Copies of a common source further apart than this are explained by it: the co-retweet window. */
    private final long reactionWindow;

    public CoTextSignal(CoordinationParams params) {
        Objects.requireNonNull(params, "params");
        this.params = params.coText();
        this.text = params.text();
        this.maxNeighbours = params.maxNeighbours();
        this.evidenceCap = params.evidenceCap();
        this.seed = params.seed();
        this.reactionWindow = params.coRetweet().window();
    }

    @Override
    public String name() {
        return CO_TEXT;
    }

    @Override
    public SignalGraph graph(Activity activity, ProgressListener progress, TerminationFlag termination) {
        int[] cluster = textClusters(activity, termination);
        int posts = activity.postCount();
        Actions actions = new Actions(16);
        for (int p = 0; p < posts; p++) {
            if (cluster[p] >= 0) {
                actions.add(cluster[p], activity.time(p), activity.author(p), p);
            }
        }
        // the item of each evidence label, for the examples of the items a common source explains
        Object2IntOpenHashMap<String> itemOfLabel = new Object2IntOpenHashMap<>();
        itemOfLabel.defaultReturnValue(CommonSource.NONE);
        SignalGraph scanned = CoActionScanner.scan(name(), actions, activity.accountCount(), params, maxNeighbours,
                evidenceCap, (key, sourcePost, targetPost) -> {
                    String label = activity.postId(sourcePost) + "~" + activity.postId(targetPost);
                    itemOfLabel.put(label, key);
                    return label;
                }, progress, termination);
        return discounted(activity, actions, scanned, itemOfLabel, termination);
    }

    /**
     * The scanned edges discounted by the events a visible common source explains ({@link CommonSource}): copies of
     * an earlier post whose author the copier follows, mentions or links, unless in step beyond an audience.
     */
    SignalGraph discounted(Activity activity, Actions actions, SignalGraph scanned,
                           Object2IntOpenHashMap<String> itemOfLabel, TerminationFlag termination) {
        if (scanned.edges().isEmpty()) {
            return scanned;
        }
        int items = 0;
        for (int i = 0; i < actions.size(); i++) {
            items = Math.max(items, actions.key.getInt(i) + 1);
        }
        int[] candidate = CommonSource.candidates(activity, actions, items);
        boolean[] copy = CommonSource.copies(activity, actions, candidate, termination);
        int[] source = CommonSource.sources(activity, actions, candidate, copy);
        long[] pairs = new long[scanned.edges().size()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = scanned.edges().get(i).pairKey();
        }
        CommonSource.Reference reference = CommonSource.reference(activity, actions, source, copy, params.window(),
                reactionWindow);
        LongOpenHashSet explained = CommonSource.explained(activity, actions, source, copy, reference, pairs,
                params.window(), reactionWindow, maxNeighbours, params.maxPValue(), activity.accountCount(),
                termination);
        return CommonSource.discount(scanned, explained, itemOfLabel, params.minShared());
    }

    /**
     * Near-duplicate text cluster id per eligible post: clusters of at least two posts first (ids 0…), then one id
     * per unique text (so that every eligible text counts in its author's volume); -1 for ineligible posts.
     */
    int[] textClusters(Activity activity, TerminationFlag termination) {
        MinHasher hasher = new MinHasher(text.shingle(), text.bands(), text.rows(), seed);
        int posts = activity.postCount();
        IntArrayList eligible = new IntArrayList();
        int bands = text.bands();
        int[][] keys = new int[bands][];
        int capacity = 0;
        for (int p = 0; p < posts; p++) {
            if (!CoHashtagSignal.authored(activity, p) || activity.text(p) == null) {
                continue;
            }
            int[] words = MinHasher.wordHashes(activity.text(p));
            if (words.length < text.minTokens()) {
                continue;
            }
            int idx = eligible.size();
            if (idx == capacity) {
                capacity = Math.max(1024, capacity * 2);
                for (int b = 0; b < bands; b++) {
                    keys[b] = keys[b] == null ? new int[capacity] : Arrays.copyOf(keys[b], capacity);
                }
            }
            eligible.add(p);
            hasher.bandKeys(hasher.shingles(words), keys, idx);
            if ((p & 0xffff) == 0) {
                termination.assertRunning();
            }
        }
        int e = eligible.size();
        int[] parent = new int[e];
        for (int i = 0; i < e; i++) {
            parent[i] = i;
        }
        long[] sorted = new long[e];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < e; i++) {
                sorted[i] = ((long) keys[b][i] << 32) | i;
            }
            keys[b] = null;
            LongArrays.radixSort(sorted, 0, e);
            for (int s = 0; s < e; ) {
                int end = s + 1;
                while (end < e && (sorted[end] >>> 32) == (sorted[s] >>> 32)) {
                    end++;
                }
                if (end - s > 1) {
                    int first = (int) sorted[s];
                    long[] firstShingles = null;
                    for (int j = s + 1; j < end; j++) {
                        int cur = (int) sorted[j];
                        if (find(parent, cur) == find(parent, first)) {
                            continue;
                        }
                        if (firstShingles == null) {
                            firstShingles = shingles(activity, hasher, eligible.getInt(first));
                        }
                        long[] curShingles = shingles(activity, hasher, eligible.getInt(cur));
                        if (MinHasher.jaccard(firstShingles, curShingles) >= text.minJaccard()) {
                            union(parent, first, cur);
                        } else if (j - 1 > s) {
                            int prev = (int) sorted[j - 1];
                            if (find(parent, prev) != find(parent, cur) && MinHasher.jaccard(
                                    shingles(activity, hasher, eligible.getInt(prev)), curShingles)
                                    >= text.minJaccard()) {
                                union(parent, prev, cur);
                            }
                        }
                    }
                }
                s = end;
            }
            termination.assertRunning();
        }
        int[] size = new int[e];
        for (int i = 0; i < e; i++) {
            size[find(parent, i)]++;
        }
        int[] id = new int[e];
        Arrays.fill(id, -1);
        int next = 0;
        int[] out = new int[posts];
        Arrays.fill(out, -1);
        for (int i = 0; i < e; i++) {
            int r = find(parent, i);
            if (size[r] < 2) {
                continue;
            }
            if (id[r] < 0) {
                id[r] = next++;
            }
            out[eligible.getInt(i)] = id[r];
        }
        // unique texts are items of their own: they count in each account's volume for the null model
        for (int i = 0; i < e; i++) {
            if (out[eligible.getInt(i)] < 0) {
                out[eligible.getInt(i)] = next++;
            }
        }
        return out;
    }

    private static long[] shingles(Activity activity, MinHasher hasher, int post) {
        return hasher.shingles(MinHasher.wordHashes(activity.text(post)));
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int x, int y) {
        int rx = find(parent, x), ry = find(parent, y);
        if (rx != ry) {
            parent[Math.max(rx, ry)] = Math.min(rx, ry);
        }
    }
}
