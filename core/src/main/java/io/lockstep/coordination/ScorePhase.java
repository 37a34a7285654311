package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The score phase of {@link CoordinationDetector}: each kept group scored by {@link ClusterScorer} from its members,
 * the signal edges inside it and the combined edges inside it, then the clusters ordered by score (descending),
 * size (descending) and smallest member, and numbered 0, 1, … in that order.
 *
 * <p><b>Mixed clusters.</b> Every kept group is scored as a whole first, by {@link ClusterScorer#score}'s own choice of
 * formula (a block's cluster with timed edges inside takes the timed formula). A block's cluster may hold co-action
 * parts ({@link ClusterPhase#coActionParts}: followers tied to one another by co-retweet, co-reply, fast-retweet,
 * co-text, co-link-slow or hashtag-burst edges inside it, only between followers whose follow ties to the block's
 * followers outside their own component are no more than their degree explains): a follow block is evidence on every
 * follower, a co-action edge on its two accounts only, so a part carries evidence the rest of the block does not. Each part is scored by the timed formula on
 * its own edges, with its own crowd factor, and leaves the block's cluster for a cluster of its own when that score is
 * higher than the whole cluster's and at least {@code minSize} followers stay; the followers left keep the whole
 * cluster's score. A part therefore only adds a verdict: its members are judged by the stronger of the two evidences,
 * nobody else's score moves. The evidence a part leaves on is the one honest audiences lack: each carving signal has
 * already discounted what a visible common source explains (co-text: copies with a route to a common source, {@link
 * CommonSource}; co-link-slow: co-shares a first poster's audience explains, {@link CommonSources}; hashtag-burst:
 * co-uses a source the pair follows or retweeted explains, {@link HashtagSources}; co-retweet and co-reply: the crowd
 * factor; fast-retweet: its source test), and fans of one club who follow one another and react to it together make no
 * part. Co-hashtag, hashtag-sequence and the 60 s co-link carve nothing: a club's followers share its hashtags and
 * links because they follow it. A link ring whose members also follow their communities' popular accounts (absorbed by
 * the follow signal into honest blocks, 2-8 members per block) is found this way, and so are a hashtag push's members
 * absorbed into honest blocks by following the same stars (3-12 per block). The followers left are not scored again:
 * with no timed edge left they would take the block formula, which scores some ordinary blocks above the threshold
 * (docs/quality.md, "Mixed clusters, the part that holds").
 *
 * <p><b>Hired parts</b> (on by default, {@link #HIRED_PARTS}). Around each dense block, the accounts hired by its
 * targets ({@link LockstepReaders#hiredAround}: following one of them and acting on them in lockstep, with no post of
 * their own and no tie to the others beyond their degree's chance: an aged farm's accounts bought second-hand, whether
 * or not they follow enough of the block's targets to be its followers; with them, their mates in lockstep whose posts
 * are mostly such actions) are scored by the block formula on their own
 * follows ({@link ClusterScorer#scoreHired}) and leave whatever cluster holds them when that scores lower ({@link
 * #placeHired}): the block's cluster, where honest followers of the same public clients hold them under the audience
 * factor, or a co-reaction cluster held by chance co-retweets of accounts retweeting the same few posts. The clusters
 * left keep their score on the accounts that stay, so honest followers are not judged by the farm's evidence and
 * nobody's score falls. Measured on the fourth generator's archives (docs/quality.md, "Hired followers" and
 * "Aged farms hired around their blocks").
 *
 * <p><b>Accounts tied out of their cluster</b> ({@link #joinTiedOut}). Last, an account outside every cluster or in one
 * under the suspicious score whose carving partners are mostly members of suspicious clusters, at least two in one,
 * joins the one holding most of them: clustering places an account by all its combined weight, and the follow
 * signal's honest blocks hold a link ring's, a copy-paste ring's or a hashtag push's members who follow their
 * communities' popular accounts, a few per block, fewer than a co-action part needs, while their carving edges name
 * the operation. Measured on the
 * fourth generator's archives (docs/quality.md, "Accounts tied out of their cluster").
 *
 * <p>Cost: O(edges + combined edges) to find the internal edges, twice when a block's cluster has a part (the groups,
 * then the parts carved out), plus the scorer's O(members' posts log) per cluster and part, plus the crowd measurement
 * ({@link CrowdShare}: one walk over the examined pairs of the retweets and of the replies, when a cluster has an
 * internal co-retweet or co-reply edge; a second for the parts with one); with hired parts, O(Σ followers of the
 * blocks' targets × their posts) to read them and O(follows) once for the follower index. Deterministic: the order is
 * total (members are disjoint, so smallest members differ).
 */
final class ScorePhase {
    /**
     * Whether {@link #run} places the hired parts around the blocks (see the class comment): on, since they found
     * aged farms bought second-hand on archives made after them and shown to nobody who tuned them, and added no
     * honest account there, on the evaluation archives or in the robustness matrix (docs/quality.md, "Aged farms hired
     * around their blocks" and "The switches judged on archives nobody had seen").
     */
    static final boolean HIRED_PARTS = true;

    private ScorePhase() {
    }

    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups) {
        return run(activity, params, combined, edges, groups, TerminationFlag.RUNNING_TRUE);
    }

    /** As above; {@code termination} is polled by the crowd measurement. */
    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups, TerminationFlag termination) {
        return run(activity, params, combined, edges, groups, termination, HIRED_PARTS);
    }

    /**
     * As above, the hired parts ({@code hiredParts}) read around the blocks of {@code groups}; {@link
     * CoordinationDetector} passes every block the follow signal found ({@link #run(Activity, CoordinationParams,
     * CompactGraph, List, ClusterPhase.Groups, List, TerminationFlag, boolean)}).
     */
    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups, TerminationFlag termination,
                             boolean hiredParts) {
        List<DenseBlock> blocks = new ArrayList<>();
        for (DenseBlock b : groups.blocks) {
            if (b != null) {
                blocks.add(b);
            }
        }
        return run(activity, params, combined, edges, groups, blocks, termination, hiredParts);
    }

    /**
     * As above; {@code blocks} are the dense blocks whose hired accounts may leave their clusters
     * ({@link #placeHired}), each block's cluster or not (a block whose followers are held by co-reaction elsewhere
     * has none).
     */
    static List<Cluster> run(Activity activity, CoordinationParams params, CompactGraph combined,
                             List<CoordinationEdge> edges, ClusterPhase.Groups groups, List<DenseBlock> blocks,
                             TerminationFlag termination, boolean hiredParts) {
        int k = groups.size();
        int n = groups.membership.length;
        int minSize = params.cluster().minSize();
        int[] whole = new int[n];
        for (int v = 0; v < n; v++) {
            whole[v] = groups.groupOf(v);
        }
        ClusterScorer base = new ClusterScorer(activity, params, CrowdShare.NONE, edges);
        Inside wholeInside = Inside.of(whole, k, edges, combined);
        ClusterScorer scorer = base.withCrowd(crowd(activity, params, combined, whole, wholeInside, 0, termination));
        List<Cluster> kept = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            kept.add(scorer.score(g, groups.members.get(g), wholeInside.edges.get(g), wholeInside.combined[g],
                    groups.blocks.get(g)));
        }
        int[] components = ClusterPhase.coActionComponents(groups, edges, new boolean[n]);
        List<ClusterPhase.Part> parts = ClusterPhase.coActionParts(groups, edges, minSize,
                tied(base, groups, edges, components));
        if (!parts.isEmpty()) {
            carve(activity, params, combined, edges, groups, parts, kept, base, termination);
        }
        if (hiredParts) {
            placeHired(kept, hiredParts(blocks, base, minSize), base, n, minSize);
        }
        joinTiedOut(kept, edges, n, params.cluster().suspiciousScore());
        kept.sort(Comparator.comparingDouble(Cluster::score).reversed()
                .thenComparing(Comparator.comparingInt(Cluster::size).reversed())
                .thenComparingInt(c -> c.members()[0]));
        List<Cluster> clusters = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Cluster c = kept.get(i);
            clusters.add(new Cluster(i, c.kind(), c.members(), c.score(), c.signals(), c.topHashtags(),
                    c.firstSeen(), c.lastSeen()));
        }
        return clusters;
    }

    /**
     * Scores each co-action part by the timed formula on its own edges, with its own crowd factor, and takes the
     * parts that score higher than their block's cluster out of it ({@code kept}, indexed by group, is updated in
     * place: the block's cluster keeps its score on the followers left, and the parts that leave are appended). The
     * parts of a block leave only when at least {@code minSize} followers stay: a part that is nearly the whole cluster
     * is that cluster.
     */
    private static void carve(Activity activity, CoordinationParams params, CompactGraph combined,
                              List<CoordinationEdge> edges, ClusterPhase.Groups groups,
                              List<ClusterPhase.Part> coAction, List<Cluster> kept, ClusterScorer base,
                              TerminationFlag termination) {
        int k = groups.size();
        int n = groups.membership.length;
        int minSize = params.cluster().minSize();
        List<ClusterPhase.Part> parts = new ArrayList<>();
        List<Cluster> scored = new ArrayList<>();
        int[] carved = new int[n];
        for (int v = 0; v < n; v++) {
            carved[v] = groups.groupOf(v);
        }
        for (int j = 0; j < coAction.size(); j++) {
            for (int m : coAction.get(j).members()) {
                carved[m] = k + j;
            }
        }
        Inside inside = Inside.of(carved, k + coAction.size(), edges, combined);
        ClusterScorer scorer = base.withCrowd(crowd(activity, params, combined, carved, inside, k, termination));
        for (int j = 0; j < coAction.size(); j++) {
            ClusterPhase.Part part = coAction.get(j);
            Cluster c = scorer.score(k + j, part.members(), inside.edges.get(k + j), inside.combined[k + j], null);
            if (c.score() > kept.get(part.group()).score()) {
                parts.add(part);
                scored.add(c);
            }
        }
        int[] leaving = new int[k];
        for (ClusterPhase.Part part : parts) {
            leaving[part.group()] += part.members().length;
        }
        boolean[] left = new boolean[n];
        for (int j = 0; j < parts.size(); j++) {
            int g = parts.get(j).group();
            if (groups.members.get(g).length - leaving[g] >= minSize) {
                kept.add(scored.get(j));
                for (int m : parts.get(j).members()) {
                    left[m] = true;
                }
            }
        }
        for (int g = 0; g < k; g++) {
            Cluster c = kept.get(g);
            if (leaving[g] > 0 && groups.members.get(g).length - leaving[g] >= minSize) {
                int[] stay = Arrays.stream(c.members()).filter(m -> !left[m]).toArray();
                kept.set(g, new Cluster(c.id(), c.kind(), stay, c.score(), c.signals(), c.topHashtags(),
                        c.firstSeen(), c.lastSeen()));
            }
        }
    }

    /** A block's hired accounts ({@link ClusterScorer#hiredAround}), ascending. */
    record Hired(DenseBlock block, int[] members) {
    }

    /**
     * The hired accounts around each block ({@link ClusterScorer#hiredAround}), kept from {@code minSize} of them, in
     * the order of {@code blocks}. O(Σ followers of the blocks' targets × their posts, and their follows).
     */
    static List<Hired> hiredParts(List<DenseBlock> blocks, ClusterScorer scorer, int minSize) {
        List<Hired> parts = new ArrayList<>();
        for (DenseBlock b : blocks) {
            int[] members = scorer.hiredAround(b);
            if (members.length >= minSize) {
                parts.add(new Hired(b, members));
            }
        }
        return parts;
    }

    /**
     * Each block's hired accounts scored by {@link ClusterScorer#scoreHired} leave their clusters for one of their own
     * when it scores higher than the cluster each is in (any account outside every cluster leaves): the parts in
     * descending score order, each scored again on the accounts that leave, at least {@code minSize} of them. The
     * clusters they leave keep their score on the accounts that stay (a cluster left empty is dropped), so a part only
     * adds a verdict: its members are judged by the stronger of the two evidences, nobody else's score moves.
     * {@code kept} is updated in place. O(Σ part members + Σ cluster members) plus the scorer's per part.
     */
    static void placeHired(List<Cluster> kept, List<Hired> hired, ClusterScorer scorer, int n, int minSize) {
        if (hired.isEmpty()) {
            return;
        }
        int before = kept.size();
        int[] at = clusterIndex(kept, n);
        List<Cluster> scored = new ArrayList<>(hired.size());
        for (int h = 0; h < hired.size(); h++) {
            scored.add(scorer.scoreHired(before + h, hired.get(h).members(), hired.get(h).block()));
        }
        Integer[] order = new Integer[hired.size()];
        for (int h = 0; h < order.length; h++) {
            order[h] = h;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer h) -> -scored.get(h).score())
                .thenComparingInt(h -> h));
        boolean moved = false;
        for (int h : order) {
            Cluster c = scored.get(h);
            int[] movers = leaving(c.members(), c.score(), at, kept);
            if (movers.length < minSize) {
                continue;
            }
            if (movers.length < c.members().length) {
                c = scorer.scoreHired(c.id(), movers, hired.get(h).block());
                movers = leaving(movers, c.score(), at, kept);
                if (movers.length < minSize) {
                    continue;
                }
                c = scorer.scoreHired(c.id(), movers, hired.get(h).block());
            }
            int index = kept.size();
            kept.add(c);
            for (int m : movers) {
                at[m] = index;
            }
            moved = true;
        }
        if (moved) {
            regroup(kept, at);
        }
    }

    /** Per account, the index in {@code kept} of the cluster holding it, or -1. O(n + Σ members). */
    private static int[] clusterIndex(List<Cluster> kept, int n) {
        int[] at = new int[n];
        Arrays.fill(at, -1);
        for (int i = 0; i < kept.size(); i++) {
            for (int m : kept.get(i).members()) {
                at[m] = i;
            }
        }
        return at;
    }

    /**
     * {@code kept} rebuilt from an assignment of the accounts: cluster i holds the accounts a with {@code at[a] == i},
     * ascending, and keeps its score and its descriptions (a cluster whose members did not change is kept as it is);
     * a cluster left empty is dropped. O(n + Σ members).
     */
    private static void regroup(List<Cluster> kept, int[] at) {
        int k = kept.size();
        int[] start = new int[k + 1];
        for (int c : at) {
            if (c >= 0) {
                start[c + 1]++;
            }
        }
        for (int i = 0; i < k; i++) {
            start[i + 1] += start[i];
        }
        int[] members = new int[start[k]];
        int[] next = Arrays.copyOf(start, k);
        for (int a = 0; a < at.length; a++) {
            if (at[a] >= 0) {
                members[next[at[a]]++] = a;
            }
        }
        List<Cluster> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            if (start[i] == start[i + 1]) {
                continue;
            }
            Cluster c = kept.get(i);
            int[] now = Arrays.copyOfRange(members, start[i], start[i + 1]);
            out.add(Arrays.equals(now, c.members()) ? c : new Cluster(c.id(), c.kind(), now, c.score(), c.signals(),
                    c.topHashtags(), c.firstSeen(), c.lastSeen()));
        }
        kept.clear();
        kept.addAll(out);
    }

    /** Distinct partners at least, in one suspicious cluster, of an account that joins it ({@link #joinTiedOut}). */
    static final int MIN_TIED_PARTNERS = 2;

    /**
     * Accounts tied out of their cluster join the suspicious cluster they are tied to: an account outside every
     * cluster or in one scoring under {@code suspiciousScore}, more than half of whose partners over the
     * {@link ClusterPhase#CARVING} edges are members of clusters scoring at least {@code suspiciousScore}, at least
     * {@value #MIN_TIED_PARTNERS} of them in one, moves to the one holding most of them (ties: the first in
     * {@code kept}). An operation can lie in several suspicious pieces (a copy-paste ring whose members the follow
     * signal's blocks took apart, each piece carved from its block on its own co-text): its partners split between
     * the pieces are still its evidence. Clustering places each account by all its combined weight, so a link
     * ring's or a hashtag push's members who also follow their communities' popular accounts are held by the follow
     * signal's honest blocks (a few per block, too few for a co-action part) while their carving edges, the evidence
     * honest audiences lack, go to the operation's cluster. Each carving edge is already a verdict
     * on its two accounts; the rule reads the pair's verdicts against the clusters' and puts the account with the
     * partners its evidence names. Passes until none moves (at most {@value #MAX_TIED_PASSES}), each against the
     * clusters the last one left: an account whose partners joined in one pass may have most of them there in the
     * next. The clusters keep their scores, so a mover is judged by its partners' cluster and nobody else's score
     * moves; a cluster left empty is dropped. {@code kept} is updated in place. O(edges log edges + passes · (edges +
     * n + Σ cluster members)).
     */
    static void joinTiedOut(List<Cluster> kept, List<CoordinationEdge> edges, int n, double suspiciousScore) {
        // the distinct carving pairs, in key order, and each account's distinct carving partners: the same every pass
        long[] pairs = new long[edges.size()];
        int count = 0;
        for (CoordinationEdge e : edges) {
            if (ClusterPhase.CARVING.contains(e.signal())) {
                pairs[count++] = CoordinationEdge.pairKey(e.source(), e.target());
            }
        }
        Arrays.sort(pairs, 0, count);
        int distinct = 0;
        int[] partners = new int[n];
        for (int i = 0; i < count; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[distinct++] = pairs[i];
                partners[(int) (pairs[i] >>> 32)]++;
                partners[(int) pairs[i]]++;
            }
        }
        long[] carving = Arrays.copyOf(pairs, distinct);
        for (int pass = 0; pass < MAX_TIED_PASSES; pass++) {
            if (!joinTiedOutOnce(kept, carving, partners, n, suspiciousScore)) {
                return;
            }
        }
    }

    /** Passes of {@link #joinTiedOut} at most. */
    static final int MAX_TIED_PASSES = 10;

    /**
     * One pass of {@link #joinTiedOut} over the distinct carving pairs {@code carving} and each account's number of
     * carving partners {@code partners}; whether an account moved.
     */
    private static boolean joinTiedOutOnce(List<Cluster> kept, long[] carving, int[] partners, int n,
                                           double suspiciousScore) {
        boolean any = false;
        for (Cluster c : kept) {
            any |= c.score() >= suspiciousScore;
        }
        if (!any) {
            return false;
        }
        int[] at = clusterIndex(kept, n);
        Long2IntOpenHashMap inCluster = new Long2IntOpenHashMap();
        for (long pair : carving) {
            int u = (int) (pair >>> 32), v = (int) pair;
            for (int side = 0; side < 2; side++) {
                int x = side == 0 ? u : v, y = side == 0 ? v : u;
                if (at[y] >= 0 && kept.get(at[y]).score() >= suspiciousScore
                        && (at[x] < 0 || kept.get(at[x]).score() < suspiciousScore)) {
                    inCluster.addTo((long) x << 32 | at[y], 1);
                }
            }
        }
        if (inCluster.isEmpty()) {
            return false;
        }
        int[] best = new int[n];
        int[] bestCount = new int[n];
        int[] suspicious = new int[n];
        Arrays.fill(best, -1);
        long[] keys = inCluster.keySet().toLongArray();
        Arrays.sort(keys);
        for (long key : keys) {
            int x = (int) (key >>> 32), c = (int) key;
            int k = inCluster.get(key);
            suspicious[x] += k;
            if (k > bestCount[x]) {
                best[x] = c;
                bestCount[x] = k;
            }
        }
        boolean moved = false;
        for (int x = 0; x < n; x++) {
            if (best[x] >= 0 && bestCount[x] >= MIN_TIED_PARTNERS && 2 * suspicious[x] > partners[x]) {
                at[x] = best[x];
                moved = true;
            }
        }
        if (moved) {
            regroup(kept, at);
        }
        return moved;
    }

    /** The accounts of {@code members} outside every cluster or in one scoring under {@code score}. */
    private static int[] leaving(int[] members, double score, int[] at, List<Cluster> kept) {
        return Arrays.stream(members).filter(m -> at[m] < 0 || kept.get(at[m]).score() < score).toArray();
    }

    /**
     * Per account, whether it is a follower of a block's group with an internal carving edge whose follow ties to the
     * followers of that block outside its own co-action component ({@code components}, before any tie) are more than
     * its degree explains ({@link ClusterScorer#tiedAcross}); false elsewhere. O(edges) plus the ties of those blocks.
     */
    private static boolean[] tied(ClusterScorer scorer, ClusterPhase.Groups groups, List<CoordinationEdge> edges,
                                  int[] components) {
        boolean[] carving = new boolean[groups.size()];
        for (CoordinationEdge e : edges) {
            int g = groups.groupOf(e.source());
            if (g >= 0 && groups.blocks.get(g) != null && ClusterPhase.CARVING.contains(e.signal())
                    && groups.membership[e.source()] == groups.membership[e.target()]) {
                carving[g] = true;
            }
        }
        boolean[] tied = new boolean[groups.membership.length];
        for (int g = 0; g < groups.size(); g++) {
            if (carving[g]) {
                DenseBlock b = groups.blocks.get(g);
                int[] group = new int[b.followers().length];
                for (int x = 0; x < group.length; x++) {
                    group[x] = components[b.followers()[x]];
                }
                boolean[] t = scorer.tiedAcross(b, group);
                for (int x = 0; x < t.length; x++) {
                    tied[b.followers()[x]] |= t[x];
                }
            }
        }
        return tied;
    }

    /** Per label of a labelling, the signal edges and the number of combined edges with both ends in it. */
    private record Inside(List<List<CoordinationEdge>> edges, long[] combined) {
        /** O(edges + combined edges). */
        static Inside of(int[] label, int labels, List<CoordinationEdge> signalEdges, CompactGraph graph) {
            List<List<CoordinationEdge>> internal = new ArrayList<>(labels);
            for (int g = 0; g < labels; g++) {
                internal.add(new ArrayList<>());
            }
            for (CoordinationEdge e : signalEdges) {
                int g = label[e.source()];
                if (g >= 0 && g == label[e.target()]) {
                    internal.get(g).add(e);
                }
            }
            long[] count = new long[labels];
            for (int v = 0; v < graph.nodeCount(); v++) {
                int g = label[v];
                if (g < 0) {
                    continue;
                }
                for (int i = graph.start(v); i < graph.end(v); i++) {
                    int u = graph.target(i);
                    if (u > v && label[u] == g) {
                        count[g]++;
                    }
                }
            }
            return new Inside(internal, count);
        }
    }

    /**
     * The closedness of the co-reactions of the clusters {@code from}, {@code from} + 1, … of {@code groupOf} with an
     * internal co-retweet (co-reply) edge, the only ones whose score the crowd factor changes, measured on the examined
     * pairs ({@link CrowdShare}).
     */
    private static CrowdShare crowd(Activity activity, CoordinationParams params, CompactGraph combined,
                                    int[] groupOf, Inside inside, int from, TerminationFlag termination) {
        int k = inside.edges().size();
        boolean[] retweets = new boolean[k];
        boolean[] replies = new boolean[k];
        for (int g = from; g < k; g++) {
            for (CoordinationEdge e : inside.edges().get(g)) {
                retweets[g] |= e.signal().equals(CoordinationSignal.CO_RETWEET);
                replies[g] |= e.signal().equals(CoordinationSignal.CO_REPLY);
            }
        }
        int[] measured = Arrays.copyOf(groupOf, Math.min(activity.accountCount(), groupOf.length));
        return CrowdShare.measure(activity, params, measured, retweets, replies, combined, termination);
    }
}
