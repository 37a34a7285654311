package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeds for {@link LockstepFollowSignal} from a community's captured targets: a follower farm that the follow graph's
 * partition makes a community of its own with the clients it serves. A slow farm (accounts made one by one over
 * months, each following part of a queue of a few obscure clients besides ordinary-looking follows) has no creation
 * burst ({@link LockstepFollowSignal#creationBursts}, {@link AudienceSeeds}); modularity groups it with its clients,
 * whose audience it is, so the client screen, which counts co-follows across communities ({@link ClientSeeds}), sees
 * nothing, and the peeling weights each of its follows at the surprise floor ({@link FollowNullModel#surprise}).
 *
 * <p><b>What a farm's community looks like.</b> For a partition and one of its communities C:
 * <ul>
 *   <li>the <i>captured targets</i> T_C: accounts with at least two followers, more than half of them in C (C owns
 *       their audience), that are not rooted in C (fewer than half of their own follows go to C; an account that
 *       follows nobody is not rooted). A client's audience is its farm, while its own follows, where it has any,
 *       go to the community it lives in; the stars of a community, a club's officers and a city's outlets that
 *       follow their readers follow into the community that follows them and are rooted in it;</li>
 *   <li>the <i>members</i>: accounts of C following at least two of T_C, whose follows into C go at least half to
 *       T_C. A farm account is tied to the community only by the clients it is paid to follow (its other follows are
 *       camouflage spread over the graph); an ordinary member of a community follows its peers and its stars there
 *       too.</li>
 * </ul>
 * C yields a seed (members, T_C) when it has at least {@code minFollowers} members and T_C at least two accounts.
 * The fake-follower literature finds the same asymmetry at the account level: bought followers follow and are not
 * followed, and the accounts they follow are not their peers (S. Cresci, R. Di Pietro, M. Petrocchi, A. Spognardi and
 * M. Tesconi, "Fame for sale: efficient detection of fake Twitter followers", Decision Support Systems 80, 56–71
 * (2015), <a href="https://doi.org/10.1016/j.dss.2015.09.003">doi:10.1016/j.dss.2015.09.003</a>). Here it is read on
 * the community, not on profiles.
 *
 * <p><b>No verdict here.</b> This is where to look, not evidence: every seed is judged like the client seeds, by the
 * member test, growth and the block test against {@link FollowNullModel} (a degree-corrected block model, Karrer and
 * Newman 2011, with the block's own follows left out of the rates). Honest crowds can yield a seed (the readers of a
 * city's outlets that do not follow them back, list followers of a roll that lives elsewhere); the model and the
 * cluster score's audience share judge them as they judge the same crowds met by the other seeds.
 *
 * <p>Seeds are found in every partition given (finest first: a farm is a community of its own at the finer
 * resolutions and merged with its clients' topical community at the coarser), ordered by members (most first;
 * ties: the earlier partition, then the smaller community), at most {@code limit}; a seed whose members are at
 * least half in earlier ones is dropped.
 *
 * <p>Cost: O(n + m) per partition (each target's followers counted by community with a majority vote, each
 * account's follows scanned twice), O(s log s) to order s seeds. Deterministic: no randomness; ties broken by
 * partition order and community id.
 */
final class CapturedTargetSeeds {
    private CapturedTargetSeeds() {
    }

    /** A seed: its members and its captured targets (both ascending), found in community {@code community}. */
    record Seed(int partition, int community, int[] members, int[] targets) {
    }

    /**
     * The seeds of every partition (see the class comment), at most {@code limit}.
     *
     * @param partitions each account's community (0..k−1) in each partition, finest first
     */
    static List<Seed> seeds(DenseBlockFinder finder, int n, List<int[]> partitions, int minFollowers, int limit) {
        Checks.atLeast("minFollowers", minFollowers, 2);
        Checks.atLeast("limit", limit, 0);
        List<Seed> all = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            int[] community = partitions.get(p);
            if (community.length != n) {
                throw new IllegalArgumentException("partition " + p + " must give the community of each of the "
                        + n + " accounts, had " + community.length);
            }
            all.addAll(seeds(finder, n, p, community, minFollowers));
        }
        all.sort((a, b) -> a.members().length != b.members().length
                ? Integer.compare(b.members().length, a.members().length)
                : a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Integer.compare(a.community(), b.community()));
        List<Seed> out = ClientSeeds.mostlyNew(all, Seed::members, n, limit);
        return out;
    }

    /** The seeds of one partition, by ascending community. */
    static List<Seed> seeds(DenseBlockFinder finder, int n, int p, int[] community, int minFollowers) {
        int[] home = capturedTargets(finder, n, community);
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        // members: accounts following at least two captured targets of their own community, with at least half of
        // their follows into it going to those targets
        int[] members = new int[communities];
        boolean[] member = new boolean[n];
        for (int f = 0; f < n; f++) {
            int c = community[f];
            int into = 0, toCaptured = 0;
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                int t = finder.outTarget(i);
                boolean captured = home[t] == c;
                into += captured || community[t] == c ? 1 : 0;
                toCaptured += captured ? 1 : 0;
            }
            if (toCaptured >= 2 && 2 * toCaptured >= into) {
                member[f] = true;
                members[c]++;
            }
        }
        IntArrayList[] ts = new IntArrayList[communities];
        IntArrayList[] fs = new IntArrayList[communities];
        for (int v = 0; v < n; v++) {
            if (home[v] >= 0 && members[home[v]] >= minFollowers) {
                (ts[home[v]] == null ? ts[home[v]] = new IntArrayList() : ts[home[v]]).add(v);
            }
            int c = community[v];
            if (member[v] && members[c] >= minFollowers) {
                (fs[c] == null ? fs[c] = new IntArrayList() : fs[c]).add(v);
            }
        }
        List<Seed> out = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            if (fs[c] != null && ts[c] != null && ts[c].size() >= 2) {
                out.add(new Seed(p, c, fs[c].toIntArray(), ts[c].toIntArray()));
            }
        }
        return out;
    }

    /**
     * For every account, in how many of {@code partitions} it is a captured target of some community
     * ({@link #capturedTargets}): 0 for an account whose audience no community owns that it does not live in (a
     * community's star, an account followed across the platform), up to {@code partitions.size()} for a client whose
     * audience its farm owns at every resolution. O(n + m) per partition.
     */
    static int[] capturedCounts(DenseBlockFinder finder, int n, List<int[]> partitions) {
        return counts(homes(finder, n, partitions));
    }

    /** {@link #capturedTargets} of each of {@code partitions}, in their order. O(n + m) per partition. */
    static int[][] homes(DenseBlockFinder finder, int n, List<int[]> partitions) {
        int[][] out = new int[partitions.size()][];
        for (int p = 0; p < out.length; p++) {
            int[] community = partitions.get(p);
            if (community.length != n) {
                throw new IllegalArgumentException("a partition must give the community of each of the " + n
                        + " accounts, had " + community.length);
            }
            out[p] = capturedTargets(finder, n, community);
        }
        return out;
    }

    /** For every account, in how many of the partitions' {@code homes} ({@link #homes}) it is a captured target. */
    static int[] counts(int[][] homes) {
        int[] out = new int[homes.length == 0 ? 0 : homes[0].length];
        for (int[] home : homes) {
            for (int v = 0; v < out.length; v++) {
                out[v] += home[v] >= 0 ? 1 : 0;
            }
        }
        return out;
    }

    /**
     * For each of {@code targets}, in how many of {@code partitions} it is captured by the block of followers
     * {@code fs} (ascending): a captured target ({@code homes}, {@link #homes}) of the community that also holds more
     * than half of the block's followers of it. A farm's community owns its clients' audience; a community's star
     * that a finer partition shows as captured by a piece of its own community is not captured by a block of
     * newcomers spread over the platform, whose members are not in that piece. A target the block follows at least
     * {@code ownerLift} times as often as the rest of the platform does is captured by it in every partition,
     * whatever the communities: a farm made of accounts spread over many communities owns its clients' audience
     * though no community does. O(Σ in-degrees of the targets · (partitions + log |fs|)).
     */
    static int[] capturedBy(DenseBlockFinder finder, List<int[]> partitions, int[][] homes, int[] fs,
                            int[] targets, double ownerLift) {
        int[] out = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            int t = targets[i];
            if (owns(finder, fs, t, ownerLift)) {
                out[i] = homes.length;
                continue;
            }
            for (int p = 0; p < homes.length; p++) {
                int home = homes[p][t];
                if (home < 0) {
                    continue;
                }
                int[] community = partitions.get(p);
                int followers = 0, inHome = 0;
                for (int e = finder.inStart(t); e < finder.inEnd(t); e++) {
                    int f = finder.inFollower(e);
                    if (Arrays.binarySearch(fs, f) >= 0) {
                        followers++;
                        inHome += community[f] == home ? 1 : 0;
                    }
                }
                out[i] += 2 * inHome > followers ? 1 : 0;
            }
        }
        return out;
    }

    /**
     * Whether the accounts {@code fs} (ascending) own target {@code t}'s audience: at least one of them follows it,
     * and at least {@code ownerLift} times as many of them as of all other accounts. O(in-degree of t · log |fs|).
     */
    static boolean owns(DenseBlockFinder finder, int[] fs, int t, double ownerLift) {
        int inBlock = 0;
        for (int e = finder.inStart(t); e < finder.inEnd(t); e++) {
            inBlock += Arrays.binarySearch(fs, finder.inFollower(e)) >= 0 ? 1 : 0;
        }
        return inBlock > 0 && inBlock >= ownerLift * (finder.inDegree(t) - inBlock);
    }

    /**
     * The home community of every captured target of {@code community}'s partition, −1 for other accounts: an
     * account with at least two followers, more than half of them in one community (its home, {@link #homeOf}), and
     * fewer than half of its own follows into it (none when it follows nobody). O(n + m).
     */
    static int[] capturedTargets(DenseBlockFinder finder, int n, int[] community) {
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            int home = homeOf(finder, community, t);
            int into = 0;
            for (int i = finder.outStart(t); home >= 0 && i < finder.outEnd(t); i++) {
                into += community[finder.outTarget(i)] == home ? 1 : 0;
            }
            out[t] = home >= 0 && 2 * into < finder.outDegree(t) || home >= 0 && finder.outDegree(t) == 0 ? home : -1;
        }
        return out;
    }

    /**
     * The community holding more than half of {@code t}'s followers when it has at least two (Boyer–Moore majority
     * vote, then a count), or −1. O(in-degree).
     */
    static int homeOf(DenseBlockFinder finder, int[] community, int t) {
        int k = finder.inDegree(t);
        if (k < 2) {
            return -1;
        }
        int[] followers = new int[k];
        for (int i = finder.inStart(t), j = 0; i < finder.inEnd(t); i++, j++) {
            followers[j] = finder.inFollower(i);
        }
        return FollowNullModel.majority(community, followers);
    }
}
