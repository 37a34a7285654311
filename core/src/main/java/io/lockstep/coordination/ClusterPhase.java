package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster phase of {@link CoordinationDetector}: the combined graph clustered by {@link ClusterRefiner} (Leiden
 * on modularity, Traag, Waltman and van Eck 2019, each community split into its connected components), then the
 * follow signal's dense blocks placed. Each block is one cluster: its followers are taken out of the clusters they
 * fell in (a block's edges link each member to a few partners only, and modularity would cut such a sparse graph
 * into pieces), unless at least half of them already share one cluster (a link ring whose members also follow each
 * other), which the whole block then joins; ties go to the smaller cluster label. Before the blocks, pieces that
 * modularity cut below {@link CoordinationParams.ClusterParams#minSize()} rejoin the community holding at least half of
 * their weight ({@link #rejoin}); then the members tied to their cluster more weakly than a typical pair of its
 * members are split off ({@link ClusterRefiner#detachWeak}). Clusters smaller than {@code minSize} are dropped.
 *
 * <p>Cost: Leiden's, then O(n + Σ block followers). Deterministic for a given seed (Leiden runs single-threaded).
 */
final class ClusterPhase {
    /** The clusters that were kept, before scoring. */
    static final class Groups {
        /** Per account, its raw cluster label, or -1 when it has no edge and no block. */
        final int[] membership;
        /** Per raw label, the index of its group, or -1 when the cluster was too small. */
        final int[] kept;
        /** Per group, its members ascending. */
        final List<int[]> members;
        /** Per group, the dense block it is or joined, or null. */
        final List<DenseBlock> blocks;

        Groups(int[] membership, int[] kept, List<int[]> members, List<DenseBlock> blocks) {
            this.membership = membership;
            this.kept = kept;
            this.members = members;
            this.blocks = blocks;
        }

        int size() {
            return members.size();
        }

        /** The group of {@code account}, or -1. */
        int groupOf(int account) {
            int c = membership[account];
            return c < 0 ? -1 : kept[c];
        }
    }

    private ClusterPhase() {
    }

    /**
     * Pieces that modularity cut below {@code minSize} rejoin the community of at least {@code minSize} that holds at
     * least half of their weight (the largest such; the smaller label on ties). Modularity may split a pair that is
     * tied to each other by one strong edge (a seed and its fastest amplifier) from the botnet both are tied to by
     * many; dropped as too small, the pair would go unflagged though most of its evidence is with the botnet.
     * Pieces with most of their weight elsewhere or inside stay as they are. O(n + m).
     */
    static int[] rejoin(CompactGraph graph, int[] membership, int minSize) {
        int n = graph.nodeCount();
        int labels = 0;
        for (int m : membership) {
            labels = Math.max(labels, m + 1);
        }
        int[] sizes = new int[labels];
        for (int m : membership) {
            if (m >= 0) {
                sizes[m]++;
            }
        }
        IntArrayList[] small = new IntArrayList[labels];
        for (int v = 0; v < n; v++) {
            int m = membership[v];
            if (m >= 0 && sizes[m] < minSize) {
                if (small[m] == null) {
                    small[m] = new IntArrayList();
                }
                small[m].add(v);
            }
        }
        int[] out = membership.clone();
        for (int piece = 0; piece < labels; piece++) {
            if (small[piece] == null) {
                continue;
            }
            Int2DoubleOpenHashMap toLabel = new Int2DoubleOpenHashMap();
            double strength = 0;
            for (int v : small[piece]) {
                for (int i = graph.start(v); i < graph.end(v); i++) {
                    int u = graph.target(i);
                    if (u == v) {
                        continue;
                    }
                    double w = graph.weight(i);
                    strength += w;
                    if (membership[u] != piece && sizes[membership[u]] >= minSize) {
                        toLabel.addTo(membership[u], w);
                    }
                }
            }
            int best = -1;
            double bestWeight = 0;
            for (var e : toLabel.int2DoubleEntrySet()) {
                double w = e.getDoubleValue();
                if (w > bestWeight || (w == bestWeight && e.getIntKey() < best)) {
                    best = e.getIntKey();
                    bestWeight = w;
                }
            }
            if (best >= 0 && 2 * bestWeight >= strength) {
                for (int v : small[piece]) {
                    out[v] = best;
                }
            }
        }
        return out;
    }

    static Groups run(CompactGraph graph, List<DenseBlock> blocks, CoordinationParams.ClusterParams params, long seed,
                      TerminationFlag termination) {
        int n = graph.nodeCount();
        int[] membership = ClusterRefiner.detachWeak(graph, rejoin(graph,
                ClusterRefiner.cluster(graph, params.leiden(), seed, termination), params.minSize()));
        termination.assertRunning();
        int labels = 0;
        for (int m : membership) {
            labels = Math.max(labels, m + 1);
        }
        int firstBlockLabel = labels;
        int ownBlocks = 0;
        Int2ObjectOpenHashMap<DenseBlock> blockOf = new Int2ObjectOpenHashMap<>();
        for (DenseBlock b : blocks) {
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
        int[] kept = new int[labels];
        List<IntArrayList> groups = new ArrayList<>();
        List<DenseBlock> groupBlock = new ArrayList<>();
        for (int c = 0; c < labels; c++) {
            if (sizes[c] >= params.minSize()) {
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
        List<int[]> members = new ArrayList<>(groups.size());
        for (IntArrayList g : groups) {
            members.add(g.toIntArray());
        }
        return new Groups(membership, kept, members, groupBlock);
    }
}
