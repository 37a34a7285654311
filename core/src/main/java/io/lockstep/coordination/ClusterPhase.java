package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
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
 * other), which the whole block then joins; ties go to the smaller cluster label. Clusters smaller than
 * {@link DetectionParams.ClusterParams#minSize()} are dropped.
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

    static Groups run(CompactGraph graph, List<DenseBlock> blocks, DetectionParams.ClusterParams params, long seed,
                      TerminationFlag termination) {
        int n = graph.nodeCount();
        int[] membership = ClusterRefiner.cluster(graph, params.leiden(), seed, termination);
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
