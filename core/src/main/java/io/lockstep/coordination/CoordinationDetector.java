package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.campaign.Campaign;
import io.lockstep.campaign.CampaignDetector;
import io.lockstep.graph.CompactGraph;
import io.lockstep.graph.CompactGraphBuilder;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs every enabled {@link CoordinationSignal}, sums their edges into one coordination graph, clusters it and
 * scores the clusters, then finds hashtag campaigns.
 *
 * <p>Phases: (1) signals, each O(actions) after a radix sort; (2) combine: pair weights summed over signals, pairs
 * below {@link DetectionParams.ClusterParams#minEdgeWeight()} dropped, a {@link CompactGraph} built; (3) cluster:
 * Leiden on modularity, each community split into connected components ({@link ClusterRefiner}), keeping
 * clusters of at least {@code minSize}; (4) score ({@link ClusterScorer}); (5) verdicts per account; (6) campaigns
 * ({@link CampaignDetector}); (7) the reported edges ({@link StrongestPartners#report}): each flagged account's
 * {@code partners} strongest, and as many of the strongest pairs between unflagged accounts (a pair that retweeted
 * the same originals seconds apart is evidence even when no cluster forms): at most 2 · partners rows per flagged
 * account.
 */
public final class CoordinationDetector {
    private final DetectionParams params;

    public CoordinationDetector(DetectionParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public DetectionParams params() {
        return params;
    }

    /** The enabled signals, in canonical order. */
    public List<CoordinationSignal> signals() {
        List<CoordinationSignal> out = new ArrayList<>();
        for (String name : DetectionParams.ALL_SIGNALS) {
            if (params.enabled(name)) {
                out.add(create(name, params));
            }
        }
        return out;
    }

    /** Creates the signal with the given name ({@link Signal#of}). */
    public static CoordinationSignal create(String name, DetectionParams params) {
        return Signal.of(name).create(params);
    }

    public DetectionResult detect(Activity activity, ProgressListener progress, TerminationFlag termination) {
        Objects.requireNonNull(activity, "activity");
        List<CoordinationEdge> edges = new ArrayList<>();
        List<DenseBlock> blocks = new ArrayList<>();
        for (CoordinationSignal signal : signals()) {
            termination.assertRunning();
            SignalGraph g = signal.detect(activity, progress, termination);
            edges.addAll(g.edges());
            blocks.addAll(g.blocks());
        }
        return assemble(activity, edges, blocks, progress, termination);
    }

    /** Phases 2–6 on edges already computed (for callers that run signals themselves), without dense blocks. */
    public DetectionResult assemble(Activity activity, List<CoordinationEdge> edges, ProgressListener progress,
                                    TerminationFlag termination) {
        return assemble(activity, edges, List.of(), progress, termination);
    }

    /**
     * Phases 2–6 on edges and dense blocks already computed. Each dense block is one cluster: its followers are
     * taken out of the Leiden clusters they fell in (a block's edges link each member to a few partners only, and
     * modularity would cut such a sparse graph into pieces), unless at least half of them already share one cluster,
     * which the whole block then joins.
     */
    public DetectionResult assemble(Activity activity, List<CoordinationEdge> edges, List<DenseBlock> blocks,
                                    ProgressListener progress, TerminationFlag termination) {
        int n = activity.accountCount();
        progress.begin("combine and cluster", -1);
        Long2DoubleOpenHashMap combined = new Long2DoubleOpenHashMap();
        for (CoordinationEdge e : edges) {
            combined.addTo(e.pairKey(), e.weight());
        }
        CompactGraphBuilder builder = new CompactGraphBuilder(n);
        for (var entry : combined.long2DoubleEntrySet()) {
            double w = entry.getDoubleValue();
            if (w > 0 && w >= params.cluster().minEdgeWeight()) {
                long pair = entry.getLongKey();
                builder.addEdge((int) (pair >>> 32), (int) pair, w);
            }
        }
        CompactGraph graph = builder.build();
        termination.assertRunning();
        int[] membership = ClusterRefiner.cluster(graph, params.cluster().leiden(), params.seed(), termination);
        termination.assertRunning();

        // group members per raw cluster label; each dense block its own label
        int labels = 0;
        for (int m : membership) {
            labels = Math.max(labels, m + 1);
        }
        int firstBlockLabel = labels;
        int ownBlocks = 0;
        it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<DenseBlock> blockOf =
                new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
        for (DenseBlock b : blocks) {
            // a block most of whose members already share a cluster (a link ring whose members also follow each
            // other) joins it; otherwise it is a cluster of its own
            Int2IntOpenHashMap inCluster = new Int2IntOpenHashMap();
            int best = -1, bestCount = 0;
            for (int f : b.followers()) {
                if (membership[f] >= 0 && membership[f] < firstBlockLabel) {
                    int c = inCluster.addTo(membership[f], 1) + 1;
                    if (c > bestCount || (c == bestCount && membership[f] < best)) {
                        best = membership[f];
                        bestCount = c;
                    }
                }
            }
            int label = 2 * bestCount >= b.followers().length ? best : labels + ownBlocks++;
            blockOf.putIfAbsent(label, b);
            for (int f : b.followers()) {
                membership[f] = label;
            }
        }
        labels += ownBlocks;
        int[] sizes = new int[labels];
        for (int v = 0; v < n; v++) {
            if (membership[v] >= 0) {
                sizes[membership[v]]++;
            }
        }
        int[] kept = new int[labels]; // raw label -> index in groups, or -1
        List<IntArrayList> groups = new ArrayList<>();
        List<DenseBlock> groupBlock = new ArrayList<>();
        for (int c = 0; c < labels; c++) {
            if (sizes[c] >= params.cluster().minSize()) {
                kept[c] = groups.size();
                groups.add(new IntArrayList(sizes[c]));
                groupBlock.add(blockOf.get(c));
            } else {
                kept[c] = -1;
            }
        }
        for (int v = 0; v < n; v++) {
            if (membership[v] >= 0 && kept[membership[v]] >= 0) {
                groups.get(kept[membership[v]]).add(v);
            }
        }
        List<List<CoordinationEdge>> internal = new ArrayList<>();
        long[] internalCombined = new long[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            internal.add(new ArrayList<>());
        }
        for (CoordinationEdge e : edges) {
            int c = membership[e.source()];
            if (c >= 0 && c == membership[e.target()] && kept[c] >= 0) {
                internal.get(kept[c]).add(e);
            }
        }
        for (int v = 0; v < n; v++) {
            int c = membership[v];
            if (c < 0 || kept[c] < 0) {
                continue;
            }
            for (int i = graph.start(v); i < graph.end(v); i++) {
                int u = graph.target(i);
                if (u > v && membership[u] == c) {
                    internalCombined[kept[c]]++;
                }
            }
        }
        ClusterScorer scorer = new ClusterScorer(activity, params);
        List<Cluster> scored = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            scored.add(scorer.score(g, groups.get(g).toIntArray(), internal.get(g), internalCombined[g],
                    groupBlock.get(g)));
        }
        scored.sort(Comparator.comparingDouble(Cluster::score).reversed()
                .thenComparing(Comparator.comparingInt(Cluster::size).reversed())
                .thenComparingInt(c -> c.members()[0]));
        List<Cluster> clusters = new ArrayList<>();
        int[] clusterOf = new int[n];
        java.util.Arrays.fill(clusterOf, -1);
        for (int i = 0; i < scored.size(); i++) {
            Cluster c = scored.get(i);
            Cluster renumbered = new Cluster(i, c.kind(), c.members(), c.score(), c.signals(), c.topHashtags(),
                    c.firstSeen(), c.lastSeen());
            clusters.add(renumbered);
            for (int m : c.members()) {
                clusterOf[m] = i;
            }
        }
        progress.end();

        // verdicts
        // one bit per signal and account (a per-account scan of a shared BitSet with nextSetBit ran over every
        // empty stretch once per account: quadratic, 50 s at 1M accounts)
        int signalCount = DetectionParams.ALL_SIGNALS.size();
        if (signalCount > Integer.SIZE) {
            throw new IllegalStateException("more signals than bits in an int: " + signalCount);
        }
        int[] fired = new int[n];
        for (CoordinationEdge e : edges) {
            int bit = 1 << DetectionParams.ALL_SIGNALS.indexOf(e.signal());
            fired[e.source()] |= bit;
            fired[e.target()] |= bit;
        }
        AccountVerdict[] verdicts = new AccountVerdict[n];
        double threshold = params.cluster().suspiciousScore();
        for (int v = 0; v < n; v++) {
            List<String> sig = new ArrayList<>(Integer.bitCount(fired[v]));
            for (int bits = fired[v]; bits != 0; bits &= bits - 1) {
                sig.add(DetectionParams.ALL_SIGNALS.get(Integer.numberOfTrailingZeros(bits)));
            }
            int c = clusterOf[v];
            double score = c >= 0 ? clusters.get(c).score() : 0.0;
            verdicts[v] = new AccountVerdict(v, score, c >= 0 && score >= threshold, c, sig);
        }
        termination.assertRunning();
        List<Campaign> campaigns = new CampaignDetector(params.campaign())
                .campaigns(activity, amplifiers(activity, edges, verdicts), progress, termination);
        boolean[] flagged = new boolean[n];
        for (AccountVerdict v : verdicts) {
            flagged[v.account()] = v.suspicious();
        }
        List<CoordinationEdge> sorted = StrongestPartners.report(edges, params.cluster().partners(), flagged);
        sorted.sort(Comparator.comparingInt(CoordinationEdge::source).thenComparingInt(CoordinationEdge::target)
                .thenComparingInt(e -> DetectionParams.ALL_SIGNALS.indexOf(e.signal())));
        return new DetectionResult(sorted, clusters, verdicts, campaigns, params, blocks);
    }

    /** The accounts that count as coordinated amplifiers of a campaign: suspicious, or on a co-retweet or fast-retweet edge. */
    static boolean[] amplifiers(Activity activity, List<CoordinationEdge> edges, AccountVerdict[] verdicts) {
        boolean[] coordinated = new boolean[activity.accountCount()];
        for (AccountVerdict v : verdicts) {
            coordinated[v.account()] |= v.suspicious();
        }
        for (CoordinationEdge e : edges) {
            if (e.signal().equals(CoordinationSignal.CO_RETWEET) || e.signal().equals(CoordinationSignal.FAST_RETWEET)) {
                coordinated[e.source()] = true;
                coordinated[e.target()] = true;
            }
        }
        return coordinated;
    }
}
