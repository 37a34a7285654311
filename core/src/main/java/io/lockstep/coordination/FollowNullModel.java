package io.lockstep.coordination;

import io.lockstep.community.Leiden;
import io.lockstep.community.LeidenParams;
import io.lockstep.graph.CompactGraph;
import io.lockstep.progress.ProgressListener;
import io.lockstep.progress.TerminationFlag;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.Arrays;

/**
 * The model of ordinary following that a follow block is tested against: a directed degree-corrected stochastic
 * block model (B. Karrer and M. E. J. Newman, "Stochastic blockmodels and community structure in networks", Phys.
 * Rev. E 83, 016107 (2011), <a href="https://doi.org/10.1103/PhysRevE.83.016107">doi:10.1103/PhysRevE.83.016107</a>)
 * whose blocks are the communities of the follow graph and whose target side is degree-corrected inside each
 * community.
 *
 * <p><b>Communities.</b> {@link Leiden} on modularity over the undirected follow graph (a follow in either direction
 * is an edge, a reciprocal pair weighs 2), seeded with the detection seed: equal seeds give equal partitions at any
 * concurrency. Modularity merges small communities with their neighbours (its resolution limit), and a merged
 * community dilutes the in-community popularity of the small one's stars; {@link LockstepFollowSignal} therefore
 * fits the model at three resolutions and takes, for every expectation, the largest (a block is unexplained only
 * when no partition explains it).
 *
 * <p><b>Expected follows.</b> An account i of community r, making d_i follows, follows j an expected
 * λ_ij = d_i · k_j(r) / κ_r times, where k_j(r) counts j's followers in r (j's popularity inside i's community) and
 * κ_r the follows made by r: the maximum-likelihood DC-SBM with one target block per account, so that the stars of
 * a community are expected to be followed by its members and not by others. Supporters of a party who all follow its
 * candidate are explained by their community's habit; a farm's members following the popular accounts of seven
 * unrelated communities are not.
 *
 * <p><b>Leave-block-out.</b> A farm is a community of the follow graph too, and the rates of a block's own community
 * would then explain the block by itself. The rates for a block (F, T) are therefore estimated without the held-out
 * accounts H: F and, in the communities that F and its candidates (accounts following at least {@code minTargets}
 * of T) make at least a third of, the candidates too: the part of a farm not yet in F would otherwise explain F,
 * while the heavy readers of a large community stay, explained by their peers: k_j(r) and κ_r count only followers outside H, and each account tested for membership
 * outside H is also left out of the rates it is tested against. With few follows left in r the estimate is shrunk to j's global popularity outside F:
 * rate_r(j) = (k_j(r \ H) + α π_j) / (κ_{r \ H} + α), π_j = k_j(¬H) / m(¬H), α = {@link #PSEUDO_FOLLOWS} follows.
 * A community of readers keeps members outside the block (the light readers, the stars themselves) whose habits
 * explain it; a farm's targets are followed by nobody else in its community, or only in passing.
 *
 * <p><b>A community's own members.</b> A small community can lie entirely inside a block, and leaving the block out
 * would leave nothing to explain it. A target that belongs to the follower's community and is rooted there (at least
 * half of its own follows go to that community) is therefore judged by its popularity in the whole community, block
 * included: members following their community's active members are what a community is. A farm's targets are not
 * rooted in the farm's community: popular accounts of other communities, and clients whose own follows go
 * elsewhere (or nowhere).
 *
 * <p><b>Suspects</b> ({@link #setBlock(int[], int[], boolean[], boolean)}). The accounts the caller holds out for
 * evidence of their own, not for the block's, are no sample of ordinary following even where the rule above counts
 * the whole community: when the signal judges one creation burst, the archive's other bursts are such suspects
 * ({@code LockstepFollowSignal#cohortBlock}). They leave a rooted star's popularity, its followers and its
 * community's follows, while the block's own members stay in it. A botnet of several bursts that the partition
 * makes one community with the seeds it follows, seeds whose own follows go to ordinary accounts of that same
 * community, is otherwise a community following its own stars, and each burst is explained by the others
 * (docs/quality.md, "A botnet's bursts judged without each other").
 *
 * <p><b>Homes without the targets</b> ({@link #placeByFollowsOutside}). The partition places an account by all its
 * follows, those under test included. An account nobody follows has no other position: a fresh farm whose only ties
 * are its client, the popular accounts it is paid to follow and its own accounts is placed with its client, whose
 * honest audience then explains it. With a set T given, each member of the next block set is instead placed in the
 * community that most of its follows outside T and outside the held-out accounts go to (ties: the smaller community),
 * the leave-the-targets-out home; a member with no such follow has no home, and its follows are expected from
 * global popularity π_j. The rule above for a community's own members applies to the home as it does to the
 * community: newcomers of a community who follow its stars, or their fellow members, are placed in it by their other
 * follows and stay explained (a sign-up wave following its community's accounts ranked 5–9, judged without that rule,
 * made a block in a test); a farm's members are placed where their camouflage is. The member test places one
 * account the same way on request ({@link Audience#test(int, boolean, boolean)}): in the community most of its
 * follows outside the targets and the held-out accounts go to, judged there as that community's members are (its own
 * follows are in no count of that community unless it is its partition's), or at π_j without a home.
 *
 * <p><b>Edge surprise</b> ({@link #surprise}) for the seed search: the share of the target's audience outside the
 * follower's community, so that the peeling starts from groups that follow other communities' accounts together
 * rather than from the cores of communities.
 *
 * <p>Cost: the partition O(m) per Leiden level; {@link #surprise} O(m); {@link #expected(int)} O(in-degree of the
 * target); {@link #audience} O(Σ in-degrees of the targets), then O(|T| log d) per account tested. Memory: 8 bytes per follow for the partition's graph
 * (freed after fitting), 4 bytes per account and 16 per community after.
 */
final class FollowNullModel {
    /** Pseudo-follows α of the shrinkage towards global popularity. */
    static final double PSEUDO_FOLLOWS = 100.0;
    /** The least surprise of a follow: a group owning its targets' whole audience (a farm and its clients) stays a
     * candidate. */
    static final double SURPRISE_FLOOR = 0.2;
    private final DenseBlockFinder graph;
    private final int[] community;
    private final long[] volume; // κ_r
    private final int communities;
    private final boolean[] rooted; // at least half of the account's follows go to its own community
    private final int[] away; // d_i^out: the account's follows of accounts outside its community
    private final long[] awayVolume; // κ_r^out: follows made by r to accounts outside r
    // state of the block under test
    private final boolean[] inBlock;
    private final long[] blockVolume; // H_r: follows made by the held-out accounts of r
    private final long[] blockAwayVolume; // the held-out accounts' follows outside r
    private final long[] memberVolume; // D_r: follows made by the block's members of r
    private final boolean[] suspect; // held out as a suspect: out of a rooted star's popularity too
    private final long[] suspectVolume; // follows made by the suspects of r
    private final IntArrayList suspects = new IntArrayList();
    private final int[] blockCount; // scratch: members and candidates per community
    private final int[] size; // accounts per community
    /** A community of which the block's members and candidates make at least 1 / this share is the block's own. */
    static final int OWN_COMMUNITY_SHARE = 3;
    private final IntArrayList blockCommunities = new IntArrayList();
    private long blockFollows;
    // scratch per community
    private final double[] count;
    private final IntArrayList touched = new IntArrayList();

    FollowNullModel(DenseBlockFinder graph, int[] community) {
        this.graph = graph;
        int n = community.length;
        this.community = community;
        int c = 0;
        for (int v : community) {
            c = Math.max(c, v + 1);
        }
        this.communities = c;
        this.volume = new long[c];
        for (int v = 0; v < n; v++) {
            volume[community[v]] += graph.outDegree(v);
        }
        this.rooted = new boolean[n];
        this.away = new int[n];
        this.awayVolume = new long[c];
        for (int v = 0; v < n; v++) {
            placeFollows(v);
            awayVolume[community[v]] += away[v];
        }
        this.inBlock = new boolean[n];
        this.blockVolume = new long[c];
        this.blockAwayVolume = new long[c];
        this.memberVolume = new long[c];
        this.suspect = new boolean[n];
        this.suspectVolume = new long[c];
        this.blockCount = new int[c];
        this.size = new int[c];
        for (int v = 0; v < n; v++) {
            size[community[v]]++;
        }
        this.count = new double[c];
    }

    /**
     * {@code parent} with community {@code home} split: {@code refined} is the parent's partition with each of
     * {@code members} (all of home's accounts, ascending) moved to a new community of [parent's count,
     * {@code communities}). Equal field by field to {@code new FollowNullModel(graph, refined)}, without its pass
     * over every follow: an account outside home keeps its community, and a follow of it into home stays a follow
     * outside its community (home's members all leave home for communities numbered after the parent's), so only
     * the members' {@code rooted} and {@code away} and the counts of home and the new communities change.
     * O(n + c + the members' follows) instead of O(n + m): the block test refits a community for every block that
     * passes it ({@link #refine}), so a full pass per refit grows with the rounds times the archive's follows.
     */
    private FollowNullModel(FollowNullModel parent, int[] refined, int home, int[] members, int communities) {
        this.graph = parent.graph;
        int n = refined.length;
        this.community = refined;
        this.communities = communities;
        this.volume = Arrays.copyOf(parent.volume, communities);
        this.awayVolume = Arrays.copyOf(parent.awayVolume, communities);
        this.size = Arrays.copyOf(parent.size, communities);
        this.rooted = parent.rooted.clone();
        this.away = parent.away.clone();
        volume[home] = 0;
        awayVolume[home] = 0;
        size[home] = 0;
        for (int v : members) {
            int c = refined[v];
            placeFollows(v);
            volume[c] += graph.outDegree(v);
            awayVolume[c] += away[v];
            size[c]++;
        }
        this.inBlock = new boolean[n];
        this.blockVolume = new long[communities];
        this.blockAwayVolume = new long[communities];
        this.memberVolume = new long[communities];
        this.suspect = new boolean[n];
        this.suspectVolume = new long[communities];
        this.blockCount = new int[communities];
        this.count = new double[communities];
    }

    /**
     * Sets {@code rooted[v]} (at least half of v's follows, and at least one, go to its own community) and
     * {@code away[v]} (its follows outside its community) from {@code community}. O(out-degree of v).
     */
    private void placeFollows(int v) {
        int inside = followsInto(v, community[v]);
        rooted[v] = inside > 0 && 2 * inside >= graph.outDegree(v);
        away[v] = graph.outDegree(v) - inside;
    }

    /** Account v's follows of accounts in community c. O(out-degree of v). */
    private int followsInto(int v, int c) {
        int inside = 0;
        for (int i = graph.outStart(v); i < graph.outEnd(v); i++) {
            if (community[graph.outTarget(i)] == c) {
                inside++;
            }
        }
        return inside;
    }

    /** Fits the partition by seeded Leiden on the undirected follow graph. */
    static FollowNullModel fit(DenseBlockFinder graph, int n, long seed, double resolution) {
        return fit(graph, undirected(graph, n), seed, resolution);
    }

    /** Fits the partition by seeded Leiden on modularity at {@code resolution} over {@code undirected}. */
    static FollowNullModel fit(DenseBlockFinder graph, CompactGraph undirected, long seed, double resolution) {
        return fit(graph, undirected, seed, resolution, TerminationFlag.RUNNING_TRUE);
    }

    /** As {@link #fit(DenseBlockFinder, CompactGraph, long, double)}, stopped by {@code termination}. */
    static FollowNullModel fit(DenseBlockFinder graph, CompactGraph undirected, long seed, double resolution,
                               TerminationFlag termination) {
        return new FollowNullModel(graph, partition(undirected, seed, resolution, termination));
    }

    /** The communities of seeded Leiden on modularity at {@code resolution} over {@code undirected} (0..k-1). */
    static int[] partition(CompactGraph undirected, long seed, double resolution) {
        return partition(undirected, seed, resolution, TerminationFlag.RUNNING_TRUE);
    }

    /** As {@link #partition(CompactGraph, long, double)}, stopped by {@code termination}. */
    static int[] partition(CompactGraph undirected, long seed, double resolution, TerminationFlag termination) {
        return new Leiden(LeidenParams.defaults().withSeed(seed).withResolution(resolution), ProgressListener.NONE,
                termination).communities(undirected).membership();
    }

    /** The follow graph with direction folded: neighbours are followees and followers, reciprocal pairs weigh 2. */
    static CompactGraph undirected(DenseBlockFinder g, int n) {
        int[] offsets = new int[n + 1];
        for (int pass = 0; pass < 2; pass++) {
            int[] targets = pass == 0 ? null : new int[offsets[n]];
            float[] weights = pass == 0 ? null : new float[offsets[n]];
            int at = 0;
            for (int v = 0; v < n; v++) {
                int i = g.outStart(v), ie = g.outEnd(v), k = g.inStart(v), ke = g.inEnd(v);
                while (i < ie || k < ke) {
                    int a = i < ie ? g.outTarget(i) : Integer.MAX_VALUE;
                    int b = k < ke ? g.inFollower(k) : Integer.MAX_VALUE;
                    int u = Math.min(a, b);
                    float w = a == b ? 2f : 1f;
                    if (a == u) {
                        i++;
                    }
                    if (b == u) {
                        k++;
                    }
                    if (pass == 1) {
                        targets[at] = u;
                        weights[at] = w;
                    }
                    at++;
                }
                if (pass == 0) {
                    offsets[v + 1] = at;
                }
            }
            if (pass == 1) {
                return CompactGraph.fromCsr(offsets, targets, weights);
            }
        }
        throw new AssertionError();
    }

    int communityOf(int account) {
        return community[account];
    }

    /**
     * The community holding more than half of the block's followers {@code fs} and more than half of its targets
     * {@code ts}, or -1: a block inside one community of this partition (a sub-community's readers of their own
     * stars), as opposed to one drawn from several (a farm bought from everywhere and paid to follow the popular
     * accounts of many communities). O(|fs| + |ts|).
     */
    int home(int[] fs, int[] ts) {
        int c = majority(fs);
        return c >= 0 && c == majority(ts) ? c : -1;
    }

    /** The community of more than half of {@code accounts}, or -1; see {@link #majority(int[], int[])}. */
    private int majority(int[] accounts) {
        return majority(community, accounts);
    }

    /**
     * The community of more than half of {@code accounts} in {@code community} (Boyer–Moore majority vote, then a
     * count), or -1 when none has more than half (or {@code accounts} is empty). O(|accounts|).
     */
    static int majority(int[] community, int[] accounts) {
        int candidate = -1;
        int votes = 0;
        for (int v : accounts) {
            int c = community[v];
            if (votes == 0) {
                candidate = c;
                votes = 1;
            } else {
                votes += c == candidate ? 1 : -1;
            }
        }
        int count = 0;
        for (int v : accounts) {
            if (community[v] == candidate) {
                count++;
            }
        }
        return 2 * count > accounts.length ? candidate : -1;
    }

    /**
     * This model with community {@code home} split into the communities that seeded Leiden (modularity, resolution
     * 1) finds in the follow graph induced by its members alone (direction folded as in {@link #undirected}), with
     * the block's own follows (a follower in {@code fs} to a target in {@code ts}) left out; the other communities
     * unchanged. Leaving them out keeps the refit from being fitted on the evidence it is asked to judge: a farm
     * whose members and paid targets form a community of their own (a burst farm and its client, which Leiden
     * groups together) is held together only by the block's follows, so without them nothing separates it and the
     * block stays unexplained, while a small community's readers and stars stay together through the rest of
     * their follows inside it. Null when Leiden leaves the community whole. Modularity optimised over the whole
     * graph cannot resolve communities smaller than about the square root of its edge count (S. Fortunato and M.
     * Barthélemy, "Resolution limit in community detection", PNAS 104, 36 (2007),
     * <a href="https://doi.org/10.1073/pnas.0605965104">doi:10.1073/pnas.0605965104</a>): several small
     * communities of one language merge at every resolution this model is fitted at. Optimising it again inside
     * one community, against that community's own edge count, resolves them (the recursive partitioning of J. Ruan
     * and W. Zhang, "Identifying network communities with a high resolution", Phys. Rev. E 77, 016104 (2008),
     * <a href="https://doi.org/10.1103/PhysRevE.77.016104">doi:10.1103/PhysRevE.77.016104</a>); the degree-corrected
     * rates are then those of a two-level block model whose finer level is fitted only where it is asked for.
     * Cost: O(n + m) for the refined model's rates and its members' roots, plus Leiden on the community's induced
     * follows. Deterministic for a given seed; {@code termination} stops the Leiden run.
     */
    FollowNullModel refine(int home, int[] fs, int[] ts, long seed, TerminationFlag termination) {
        int n = community.length;
        int[] local = new int[n];
        Arrays.fill(local, -1);
        IntArrayList members = new IntArrayList();
        for (int v = 0; v < n; v++) {
            if (community[v] == home) {
                local[v] = members.size();
                members.add(v);
            }
        }
        int k = members.size();
        if (k < 2) {
            return null;
        }
        boolean[] follower = new boolean[k];
        boolean[] target = new boolean[k];
        for (int v : fs) {
            if (local[v] >= 0) {
                follower[local[v]] = true;
            }
        }
        for (int t : ts) {
            if (local[t] >= 0) {
                target[local[t]] = true;
            }
        }
        int[] offsets = new int[k + 1];
        IntArrayList targets = new IntArrayList();
        FloatArrayList weights = new FloatArrayList();
        for (int x = 0; x < k; x++) {
            int v = members.getInt(x);
            int i = graph.outStart(v), ie = graph.outEnd(v), q = graph.inStart(v), qe = graph.inEnd(v);
            while (i < ie || q < qe) {
                int a = i < ie ? graph.outTarget(i) : Integer.MAX_VALUE;
                int b = q < qe ? graph.inFollower(q) : Integer.MAX_VALUE;
                int u = Math.min(a, b);
                if (a == u) {
                    i++;
                }
                if (b == u) {
                    q++;
                }
                int y = local[u];
                if (y >= 0) {
                    // the block's own follows (a follower of fs to a target of ts) are left out
                    float w = (a == u && !(follower[x] && target[y]) ? 1f : 0f)
                            + (b == u && !(follower[y] && target[x]) ? 1f : 0f);
                    if (w > 0) {
                        targets.add(y);
                        weights.add(w);
                    }
                }
            }
            offsets[x + 1] = targets.size();
        }
        int[] sub = partition(CompactGraph.fromCsr(offsets, targets.toIntArray(), weights.toFloatArray()), seed, 1.0,
                termination);
        int parts = 0;
        for (int p : sub) {
            parts = Math.max(parts, p + 1);
        }
        if (parts < 2) {
            return null;
        }
        int[] refined = community.clone();
        for (int x = 0; x < k; x++) {
            refined[members.getInt(x)] = communities + sub[x];
        }
        return new FollowNullModel(this, refined, home, members.toIntArray(), communities + parts);
    }

    int communityCount() {
        return communities;
    }

    /**
     * For every follow i → j (in the finder's out-edge order), f + (1 − f) times the share of j's other followers
     * that are not in i's community, 1 − (k_j(c(i)) − 1) / (k_j − 1), with f = {@link #SURPRISE_FLOOR} (f when j
     * has no other follower). A community's follows of its
     * own members score near 0; a group following accounts whose audiences lie in other communities scores near 1,
     * whatever community the group itself forms.
     */
    double[] surprise() {
        double[] out = new double[graph.edgeCount()];
        for (int j = 0; j < community.length; j++) {
            surprise(j, out, true, count, touched);
        }
        return out;
    }

    /**
     * The surprise of every follow of target {@code j} ({@link #surprise()}) written into {@code out} at the follow's
     * out-edge index: as it is when {@code first}, otherwise the larger of it and what {@code out} holds there.
     * {@code count} (one entry per community, all 0) and {@code touched} are scratch, left as they were found, so
     * that threads with scratch of their own may write the follows of different targets side by side. O(in-degree).
     */
    void surprise(int j, double[] out, boolean first, double[] count, IntArrayList touched) {
        int k = graph.inDegree(j);
        if (k <= 1) {
            for (int p = graph.inStart(j); p < graph.inEnd(j); p++) {
                int e = graph.outEdgeOf(p);
                out[e] = first ? SURPRISE_FLOOR : Math.max(out[e], SURPRISE_FLOOR);
            }
            return;
        }
        touched.clear();
        for (int p = graph.inStart(j); p < graph.inEnd(j); p++) {
            int c = community[graph.inFollower(p)];
            if (count[c]++ == 0) {
                touched.add(c);
            }
        }
        for (int p = graph.inStart(j); p < graph.inEnd(j); p++) {
            int c = community[graph.inFollower(p)];
            int e = graph.outEdgeOf(p);
            double s = surprise(count[c], k);
            out[e] = first ? s : Math.max(out[e], s);
        }
        for (int c : touched) {
            count[c] = 0;
        }
        touched.clear();
    }

    /** The accounts this model partitions. */
    int accounts() {
        return community.length;
    }

    /** The follows of the model's graph. */
    int follows() {
        return graph.edgeCount();
    }

    /**
     * The surprise of one follow of a target with {@code followers} followers (at least 2), {@code sameCommunity} of
     * them (the follower included) in the follower's community: f + (1 − f) · (1 − (sameCommunity − 1) /
     * (followers − 1)), f = {@link #SURPRISE_FLOOR}. The one formula of {@link #surprise()}, also evaluated in the
     * Spark engine's tasks.
     */
    static double surprise(double sameCommunity, long followers) {
        return SURPRISE_FLOOR + (1 - SURPRISE_FLOOR) * (1 - (sameCommunity - 1) / (followers - 1));
    }

    /** Sets the block F whose follows are left out of the rates; {@code fs} ascending, distinct. */
    void setBlock(int[] fs) {
        setBlock(fs, fs);
    }

    /**
     * Sets the block: {@code members} (F, whose expected follows {@link #expected} sums) and the held-out accounts
     * H: F and the {@code candidates} (accounts following many of the block's targets) of the communities that F
     * and the candidates make at least a third of; both arrays ascending, distinct.
     */
    void setBlock(int[] members, int[] candidates) {
        setBlock(members, candidates, null);
    }

    /**
     * As {@link #setBlock(int[], int[])}, with the candidates for which {@code held} is true held out whatever their
     * community (null: none). The signal marks a client's followers already in a kept block when it judges that
     * client's seed: they are the part of the client's farm found earlier, no sample of ordinary following, and
     * counted as ordinary readers their follows of the farm's pool would explain the rest of it.
     */
    void setBlock(int[] members, int[] candidates, boolean[] held) {
        setBlock(members, candidates, held, false);
    }

    /**
     * As {@link #setBlock(int[], int[], boolean[])}; with {@code suspects}, the held accounts that are candidates and
     * not members are suspects: they also leave the popularity of a star rooted in the block's own community, its
     * followers and its community's follows (see the class comment, "Suspects").
     */
    void setBlock(int[] members, int[] candidates, boolean[] held, boolean suspects) {
        clearBlock();
        for (int f : members) {
            blockCount[community[f]]++;
        }
        for (int f : candidates) {
            if (blockCount[community[f]] > 0) {
                blockCount[community[f]]++;
            }
        }
        IntArrayList h = new IntArrayList(members);
        for (int f : candidates) {
            int c = community[f];
            if ((blockCount[c] * OWN_COMMUNITY_SHARE >= size[c] || held != null && held[f])
                    && Arrays.binarySearch(members, f) < 0) {
                h.add(f);
                if (suspects && held != null && held[f] && !suspect[f]) {
                    suspect[f] = true;
                    suspectVolume[c] += graph.outDegree(f);
                    this.suspects.add(f);
                }
            }
        }
        for (int f : members) {
            blockCount[community[f]] = 0;
        }
        int[] out = h.toIntArray();
        for (int f : out) {
            inBlock[f] = true;
            int c = community[f];
            if (blockVolume[c] == 0 && memberVolume[c] == 0) {
                blockCommunities.add(c);
            }
            blockVolume[c] += graph.outDegree(f);
            blockAwayVolume[c] += away[f];
            blockFollows += graph.outDegree(f);
        }
        homelessVolume = 0;
        for (int f : members) {
            int c = homesWithout != null ? homeOf(f, homesWithout) : community[f];
            if (c < 0) {
                homelessVolume += graph.outDegree(f);
                continue;
            }
            if (blockVolume[c] == 0 && memberVolume[c] == 0) {
                blockCommunities.add(c);
            }
            memberVolume[c] += graph.outDegree(f);
        }
        this.blockMembers = out;
    }

    private int[] blockMembers = new int[0];
    /** The targets left out of the next block's homes (ascending), or null: its members keep their communities. */
    private int[] homesWithout;
    /** Follows made by the current block's members that have no home. */
    private long homelessVolume;

    /**
     * Places the members of the blocks set from now on ({@link #setBlock(int[], int[], boolean[])}) by their follows
     * outside {@code targets} (ascending) and outside the held-out accounts instead of by their communities (see the
     * class comment, "Homes without the targets"); null places them by their communities again. O(1); each
     * {@code setBlock} then costs O(the members' follows · log |targets|) more.
     */
    void placeByFollowsOutside(int[] targets) {
        this.homesWithout = targets;
    }

    /**
     * The community that most of f's follows outside {@code without} (ascending) and the held-out accounts go to
     * (ties: the smaller), or -1 when there is none. O(out-degree of f · log |without|).
     */
    private int homeOf(int f, int[] without) {
        touched.clear();
        for (int p = graph.outStart(f); p < graph.outEnd(f); p++) {
            int t = graph.outTarget(p);
            if (inBlock[t] || Arrays.binarySearch(without, t) >= 0) {
                continue;
            }
            if (count[community[t]]++ == 0) {
                touched.add(community[t]);
            }
        }
        int best = -1;
        double most = 0;
        for (int c : touched) {
            if (count[c] > most || count[c] == most && c < best) {
                most = count[c];
                best = c;
            }
            count[c] = 0;
        }
        touched.clear();
        return best;
    }

    private void clearBlock() {
        for (int f : suspects) {
            suspect[f] = false;
            suspectVolume[community[f]] = 0;
        }
        suspects.clear();
        for (int f : blockMembers) {
            inBlock[f] = false;
        }
        for (int c : blockCommunities) {
            blockVolume[c] = 0;
            blockAwayVolume[c] = 0;
            memberVolume[c] = 0;
        }
        blockCommunities.clear();
        blockFollows = 0;
        blockMembers = new int[0];
    }

    boolean inBlock(int account) {
        return inBlock[account];
    }

    /** Follows made outside the block. */
    private double outsideFollows() {
        return Math.max(1, graph.edgeCount() - blockFollows);
    }

    /**
     * Expected follows of target j from the block's members: Σ_r D_r · rate_r(j) with D_r the members' follows from
     * community r (their homes' when they are placed by them, the homeless members' follows at π_j) and the rates
     * estimated without the held-out accounts.
     */
    double expected(int j) {
        touched.clear();
        int outside = 0;
        for (int p = graph.inStart(j); p < graph.inEnd(j); p++) {
            int f = graph.inFollower(p);
            if (!inBlock[f]) {
                outside++;
                int c = community[f];
                if (count[c]++ == 0) {
                    touched.add(c);
                }
            }
        }
        double pi = outside / outsideFollows();
        double e = homelessVolume * pi;
        int own = community[j];
        for (int c : blockCommunities) {
            if (memberVolume[c] > 0) {
                if (c == own && rooted[j]) {
                    // a member of the block's own community, rooted in it: its popularity there, block included,
                    // suspects not
                    int all = 0;
                    for (int p = graph.inStart(j); p < graph.inEnd(j); p++) {
                        int f = graph.inFollower(p);
                        if (community[f] == c && !suspect[f]) {
                            all++;
                        }
                    }
                    e += memberVolume[c] * (all + PSEUDO_FOLLOWS * pi)
                            / (volume[c] - suspectVolume[c] + PSEUDO_FOLLOWS);
                } else {
                    e += memberVolume[c] * (count[c] + PSEUDO_FOLLOWS * pi)
                            / (volume[c] - blockVolume[c] + PSEUDO_FOLLOWS);
                }
            }
        }
        for (int c : touched) {
            count[c] = 0;
        }
        return e;
    }

    /** The targets' audience outside the block, per target and community, for {@link #test}. */
    final class Audience {
        private final int[] ts;
        private final Long2IntOpenHashMap followers; // (target index, community) -> k
        private final double[] popularity; // π_j per target index

        private final Long2IntOpenHashMap all; // (target index, community) -> k, all

        private final int[] sortedTargets;

        private Audience(int[] ts, Long2IntOpenHashMap followers,
                         Long2IntOpenHashMap all, double[] popularity) {
            this.ts = ts;
            this.sortedTargets = ts.clone();
            Arrays.sort(sortedTargets);
            this.followers = followers;
            this.all = all;
            this.popularity = popularity;
        }

        /**
         * Tests account i against the targets: over the targets the model does not already expect i to follow
         * (λ_ij &lt; 1/2), returns {observed follows, expected follows}, with i's own follows left out of the rates
         * when i is outside the block. A reader following its community's stars among the targets is judged on the
         * rest; a farm member placed in a community is judged on the accounts of other communities it follows.
         *
         * <p>λ_ij = d_i · rate_{c(i)}(j). With {@code ownMix}, for a target outside i's community, the larger of
         * that and i's own attention outside its community: d_i^out (its follows outside its community) against
         * the follows its community makes outside, d_i^out · (k_j(r) + α π_j) / (κ_r^out + α). An account splits
         * its attention between its community and the rest in its own proportion (the mixed membership of E. M.
         * Airoldi, D. M. Blei, S. E. Fienberg and E. P. Xing, "Mixed membership stochastic blockmodels", JMLR 9,
         * 1981–2014 (2008), reduced to two classes, inside and outside): an account following a third of the graph
         * follows the popular accounts of every community, as its own follows say. A farm member's follows go
         * almost all outside its community too, so this explains part of a farm as well: it is asked only of the
         * accounts growth recruits into a block ({@code LockstepFollowSignal.Growth#followers}), not of the block's
         * current members, whom peeling, a creation burst or an earlier step chose.
         */
        double[] test(int i, boolean ownMix) {
            return test(i, ownMix, false);
        }

        /**
         * As {@link #test(int, boolean)}; with {@code byHome}, account i is judged in the community that most of
         * its follows outside the targets and the held-out accounts go to (see the class comment, "Homes without
         * the targets"), and at the targets' global popularity π_j when it has none.
         */
        double[] test(int i, boolean ownMix, boolean byHome) {
            int c = byHome ? homeOf(i, sortedTargets) : community[i];
            int d = graph.outDegree(i);
            if (c < 0) {
                double observed = 0;
                double expected = 0;
                for (int t = 0; t < ts.length; t++) {
                    double lambda = d * popularity[t];
                    if (lambda < 0.5) {
                        expected += lambda;
                        observed += graph.follows(i, ts[t]) ? 1 : 0;
                    }
                }
                return new double[] {observed, expected};
            }
            boolean mine = community[i] == c;
            int dAway = mine ? away[i] : d - followsInto(i, c);
            boolean outside = !inBlock[i] && mine;
            double kappa = Math.max(0, volume[c] - blockVolume[c] - (outside ? d : 0)) + PSEUDO_FOLLOWS;
            double kappaAway = Math.max(0, awayVolume[c] - blockAwayVolume[c] - (outside ? dAway : 0))
                    + PSEUDO_FOLLOWS;
            double observed = 0;
            double expected = 0;
            double kappaAll = Math.max(0, volume[c] - suspectVolume[c] - (mine && !suspect[i] ? d : 0))
                    + PSEUDO_FOLLOWS;
            for (int t = 0; t < ts.length; t++) {
                boolean follows = graph.follows(i, ts[t]);
                boolean inside = community[ts[t]] == c;
                boolean own = inside && rooted[ts[t]];
                double k = own ? all.get(((long) t << 32) | c) - (mine && follows && !suspect[i] ? 1 : 0)
                        : followers.get(((long) t << 32) | c) - (outside && follows ? 1 : 0);
                double rate = (Math.max(0, k) + PSEUDO_FOLLOWS * popularity[t]);
                double lambda = own ? d * rate / kappaAll : inside || !ownMix ? d * rate / kappa
                        : Math.max(d * rate / kappa, dAway * rate / kappaAway);
                if (lambda < 0.5) {
                    expected += lambda;
                    if (follows) {
                        observed++;
                    }
                }
            }
            return new double[] {observed, expected};
        }
    }

    /** Counts the audience of {@code ts} outside the current block, per target and community. O(Σ in-degrees). */
    Audience audience(int[] ts) {
        Long2IntOpenHashMap k = new Long2IntOpenHashMap();
        Long2IntOpenHashMap all = new Long2IntOpenHashMap();
        double[] pi = new double[ts.length];
        for (int t = 0; t < ts.length; t++) {
            int outside = 0;
            for (int p = graph.inStart(ts[t]); p < graph.inEnd(ts[t]); p++) {
                int f = graph.inFollower(p);
                if (!suspect[f]) {
                    all.addTo(((long) t << 32) | community[f], 1);
                }
                if (!inBlock[f]) {
                    k.addTo(((long) t << 32) | community[f], 1);
                    outside++;
                }
            }
            pi[t] = outside / outsideFollows();
        }
        return new Audience(ts, k, all, pi);
    }
}
