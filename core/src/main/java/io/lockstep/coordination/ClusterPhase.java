package io.lockstep.coordination;

import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The cluster phase of {@link CoordinationDetector}: the combined graph clustered by {@link ClusterRefiner} (Leiden
 * on modularity, Traag, Waltman and van Eck 2019, each community split into its connected components), then the
 * follow signal's dense blocks placed. Each block is one cluster: its followers are taken out of the clusters they
 * fell in (a block's edges link each member to a few partners only, and modularity would cut such a sparse graph into
 * pieces). When at least half of them already share one cluster (a botnet whose amplifiers follow its seeds, a link
 * ring whose members follow each other), that cluster keeps those of them <em>held by co-reaction</em> there: with a
 * co-retweet, co-reply, fast-retweet or devoted-retweet edge to another of its members ({@link #REACTIONS}; the
 * cluster at least {@link CoordinationParams.ClusterParams#minSize()} strong), and the block's cluster is its other
 * followers. The reason: a retweet or a reply answers a post of an account one usually follows, so the accounts that
 * react to the same authors are also the accounts that follow them, and the follow signal links an amplification
 * network to the honest readers of its seeds; modularity then puts those readers with the amplifiers through the
 * block's edges. In the botnet's cluster they carry no co-action and the timed score, whose density counts every
 * member, would score the botnet as sparse (branch coretweet13, docs/quality.md: 78 readers of one 85-follower block in
 * a cluster of 102 amplifiers, density 0.32 instead of 0.88); in the block's cluster they are judged by the follow
 * evidence, the block's significance and its audience. Authored co-action (co-link, co-text, co-hashtag) holds nobody:
 * followers of one outlet or club share its links and hashtags without following being a consequence, and holding them
 * too exposed small co-text and co-hashtag clusters of honest share-button readers and sports fans on the blind
 * archives (docs/quality.md). Before the blocks, pieces that modularity cut below {@link
 * CoordinationParams.ClusterParams#minSize()} rejoin the community holding at least half of their weight ({@link
 * #rejoin}); then the members tied to their cluster more weakly than a typical pair of its members are split off
 * ({@link ClusterRefiner#detachWeak}). After the blocks, what a block left of a cluster is split into its connected
 * pieces ({@link #splitLeftovers}). Clusters smaller than {@code minSize} are dropped. A block's cluster may hold
 * co-action parts ({@link #coActionParts}), which the score phase judges on their own evidence.
 *
 * <p>Cost: Leiden's, then O(n + edges + Σ block followers). Deterministic for a given seed (Leiden runs
 * single-threaded).
 */
final class ClusterPhase {
    /** The signals of reactions to other accounts' posts, whose edges hold a block's followers in their cluster. */
    static final Set<String> REACTIONS = Set.of(CoordinationSignal.CO_RETWEET,
            CoordinationSignal.CO_REPLY, CoordinationSignal.FAST_RETWEET, CoordinationSignal.DEVOTED_RETWEET);

    /**
     * The signals whose edges make a co-action part of a block's cluster ({@link #coActionParts}): those whose pairs
     * were already tested against an audience's explanation, by their signal or by the timed score: co-retweet and
     * co-reply (the crowd factor of {@link ClusterScorer}: co-reactions a crowd explains do not count), fast-retweet
     * (its source test is relative to the archive's audiences), devoted-retweet (its source test is of the source's
     * audience: accounts devoted to it, most of its audience, faster than the undevoted), co-text (copies with a
     * visible route to a common source are discounted, {@link CommonSource}), co-link-slow (co-shares a common
     * source's audience explains are left out, {@link CommonSources}) and hashtag-burst (co-uses of a short-lived
     * hashtag that a source both accounts follow or retweeted on it explains are left out, {@link HashtagSources}: a
     * club's match tag, a fanbase's hashtag project). Co-hashtag, hashtag-sequence and the 60 s co-link have no such
     * test: the followers of one club or outlet use its hashtags and links because they follow it, so that evidence of
     * a block's followers stays with the block. An edge of any of these signals carves only between followers that are
     * not tied to the block's audience: whose follows to and from the followers of the block outside their own
     * co-action component are no more than their degree explains ({@link LockstepReaders#tiedAcrossBeyondChance}).
     * Members of an audience who know one another act together on the accounts they follow because they see the same
     * posts and one another (Aral, Muchnik and Sundararajan, PNAS 106, 2009; the rule by which {@link LockstepReaders}
     * counts them as readers): the core of a club's fans retweeting its posts within the minute, or posting its chant,
     * follows other fans of the club (the fourth generator's g2: four sports fans' co-text part scored 0.756 alone when
     * only reactions were held to this rule; docs/quality.md). A follow-unfollow churn farm follows hundreds of
     * accounts to be followed back, and meets the block's other followers at its degree's rate: that is no acquaintance
     * (the fourth generator's x3: the whole churn farm held in its sports fans' block when any tie counted;
     * docs/quality.md, "Ties beyond chance"). A group whose follows stay inside the group itself (a botnet whose
     * amplifiers follow one another and the seeds) is judged by its co-action.
     */
    static final Set<String> CARVING = Set.of(CoordinationSignal.CO_RETWEET, CoordinationSignal.CO_REPLY,
            CoordinationSignal.FAST_RETWEET, CoordinationSignal.DEVOTED_RETWEET, CoordinationSignal.CO_TEXT,
            CoordinationSignal.CO_LINK_SLOW,
            CoordinationSignal.HASHTAG_BURST);

    /**
     * A co-action part of a block's cluster: members of group {@code group} (a block's) tied to one another by
     * {@link #CARVING} edges inside it, at least {@code minSize} of them.
     *
     * @param members ascending
     */
    record Part(int group, int[] members) {
    }

    /** The clusters that were kept, before scoring. */
    static final class Groups {
        /** Per account, its raw cluster label, or -1 when it has no edge and no block. */
        final int[] membership;
        /** Per raw label, the index of its group, or -1 when the cluster was too small. */
        final int[] kept;
        /** Per group, its members ascending. */
        final List<int[]> members;
        /** Per group, the dense block whose cluster it is, or null. */
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
    /**
     * Per account, whether it has an edge of a {@link #REACTIONS} signal to a member of its cluster in
     * {@code membership}, a cluster of at least {@code minSize} members. O(n + edges).
     */
    static boolean[] heldByCoAction(int[] membership, int labels, List<CoordinationEdge> edges, int minSize) {
        int[] sizes = new int[labels];
        for (int m : membership) {
            if (m >= 0) {
                sizes[m]++;
            }
        }
        boolean[] held = new boolean[membership.length];
        for (CoordinationEdge e : edges) {
            if (!REACTIONS.contains(e.signal())) {
                continue;
            }
            int c = membership[e.source()];
            if (c >= 0 && c == membership[e.target()] && sizes[c] >= minSize) {
                held[e.source()] = true;
                held[e.target()] = true;
            }
        }
        return held;
    }

    /**
     * The co-action parts of the blocks' clusters: per group that is a dense block's, the connected components of its
     * members over the {@link #CARVING} edges with both ends in it, kept from {@code minSize} members. A follow block
     * is evidence on each of its followers; a co-action edge is evidence on its two accounts only, so a few co-acting
     * followers of a block are a finding of their own, to be judged by the timed score on their own edges
     * ({@link ScorePhase}) as well as with the block (a link ring whose members also follow the popular accounts of
     * their communities; docs/quality.md). Ordered by group, then by smallest member. O(n + edges) with union-find (path halving). Deterministic.
     */
    static List<Part> coActionParts(Groups groups, List<CoordinationEdge> edges, int minSize) {
        return coActionParts(groups, edges, minSize, new boolean[groups.membership.length]);
    }

    /**
     * As above; {@code tied} marks, per account, a follower tied by a follow to its block's audience ({@link #CARVING}):
     * its edges carve nothing.
     */
    static List<Part> coActionParts(Groups groups, List<CoordinationEdge> edges, int minSize, boolean[] tied) {
        int[] root = coActionComponents(groups, edges, tied);
        List<Part> parts = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (groups.blocks.get(g) == null) {
                continue;
            }
            Int2ObjectOpenHashMap<IntArrayList> byRoot = new Int2ObjectOpenHashMap<>();
            IntArrayList order = new IntArrayList();
            for (int m : groups.members.get(g)) {
                int r = root[m];
                IntArrayList c = byRoot.get(r);
                if (c == null) {
                    c = new IntArrayList();
                    byRoot.put(r, c);
                    order.add(r);
                }
                c.add(m);
            }
            for (int r : order) {
                IntArrayList c = byRoot.get(r);
                if (c.size() >= minSize) {
                    parts.add(new Part(g, c.toIntArray()));
                }
            }
        }
        return parts;
    }

    /**
     * Per account, the smallest account of its connected component over the {@link #CARVING} edges inside the blocks'
     * clusters (edges at a {@code tied} account left out); itself when it has none. O(n + edges).
     */
    static int[] coActionComponents(Groups groups, List<CoordinationEdge> edges, boolean[] tied) {
        int n = groups.membership.length;
        int[] root = new int[n];
        for (int v = 0; v < n; v++) {
            root[v] = v;
        }
        for (CoordinationEdge e : edges) {
            if (!CARVING.contains(e.signal())
                    || tied[e.source()] || tied[e.target()]) {
                continue;
            }
            int g = groups.groupOf(e.source());
            if (g < 0 || groups.blocks.get(g) == null
                    || groups.membership[e.source()] != groups.membership[e.target()]) {
                continue;
            }
            int a = find(root, e.source());
            int b = find(root, e.target());
            if (a != b) {
                root[Math.max(a, b)] = Math.min(a, b);
            }
        }
        for (int v = 0; v < n; v++) {
            root[v] = find(root, v);
        }
        return root;
    }

    private static int find(int[] root, int v) {
        while (root[v] != v) {
            root[v] = root[root[v]];
            v = root[v];
        }
        return v;
    }

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

    /**
     * Splits each cluster that is not a block's ({@code membership} below {@code firstBlockLabel}) into its connected
     * components of {@code graph} among the accounts it still holds, in place; the block labels follow them, in
     * order. A block takes its followers out of the clusters they fell in, and those followers may have been the only
     * ties between two groups modularity put together (the fourth generator's n3 at seed 2: a copy-paste ring and 26
     * sports fans, joined only through readers of a block, scored as one cluster on the ring's evidence and flagged
     * together): what is left is as many findings as it has connected pieces, as {@link ClusterRefiner} splits
     * Leiden's communities. Returns the number of labels. O(n + m).
     */
    static int splitLeftovers(CompactGraph graph, int[] membership, int firstBlockLabel, int blocks) {
        int n = membership.length;
        int[] keyed = new int[n];
        for (int v = 0; v < n; v++) {
            int m = membership[v];
            // a block's follower or an unclustered account joins no piece: a key of its own
            keyed[v] = m >= 0 && m < firstBlockLabel ? m : -2 - v;
        }
        int[] parts = ClusterRefiner.connectedParts(graph, keyed);
        int[] dense = new int[n + 1];
        Arrays.fill(dense, -1);
        int next = 0;
        for (int v = 0; v < n; v++) {
            int m = membership[v];
            if (m >= 0 && m < firstBlockLabel && parts[v] >= 0 && dense[parts[v]] < 0) {
                dense[parts[v]] = next++;
            }
        }
        for (int v = 0; v < n; v++) {
            int m = membership[v];
            if (m >= firstBlockLabel) {
                membership[v] = next + m - firstBlockLabel;
            } else if (m >= 0) {
                // no edge left to anyone: isolated, as ClusterRefiner leaves such accounts
                membership[v] = parts[v] < 0 ? -1 : dense[parts[v]];
            }
        }
        return next + blocks;
    }

    /** {@link #run(CompactGraph, List, List, CoordinationParams.ClusterParams, long, TerminationFlag)} without signal edges: no follower is held by co-action. */
    static Groups run(CompactGraph graph, List<DenseBlock> blocks, CoordinationParams.ClusterParams params, long seed,
                      TerminationFlag termination) {
        return run(graph, List.of(), blocks, params, seed, termination);
    }

    /**
     * @param edges the signals' edges the combined {@code graph} was built from, which tell the followers held by
     *              co-action
     */
    static Groups run(CompactGraph graph, List<CoordinationEdge> edges, List<DenseBlock> blocks,
                      CoordinationParams.ClusterParams params, long seed, TerminationFlag termination) {
        int n = graph.nodeCount();
        int[] membership = ClusterRefiner.detachWeak(graph, rejoin(graph,
                ClusterRefiner.cluster(graph, params.leiden(), seed, termination), params.minSize()));
        termination.assertRunning();
        int labels = 0;
        for (int m : membership) {
            labels = Math.max(labels, m + 1);
        }
        boolean[] held = heldByCoAction(membership, labels, edges, params.minSize());
        int firstBlockLabel = labels;
        for (int i = 0; i < blocks.size(); i++) {
            DenseBlock b = blocks.get(i);
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
            int joined = 2 * bestCount >= b.followers().length ? best : -1;
            int label = firstBlockLabel + i;
            for (int f : b.followers()) {
                if (joined < 0 || membership[f] != joined || !held[f]) {
                    membership[f] = label;
                }
            }
        }
        labels = splitLeftovers(graph, membership, firstBlockLabel, blocks.size());
        int firstBlock = labels - blocks.size(); // the block labels, in the blocks' order, after the pieces
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
                groupBlock.add(c >= firstBlock ? blocks.get(c - firstBlock) : null);
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
