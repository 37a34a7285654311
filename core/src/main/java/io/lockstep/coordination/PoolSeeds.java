package io.lockstep.coordination;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeds for {@link LockstepFollowSignal} from the clients of a follower service's pool: a drip-feed service, whose
 * accounts, created one by one over months, deliver follows to many small clients a few a day. SMM panels sell
 * "drip-feed" as an option (N followers a day over weeks); the follower markets studied by G. Stringhini, G. Wang,
 * M. Egele, C. Kruegel, G. Vigna, H. Zheng and B. Y. Zhao ("Follow the green: growth and dynamics in Twitter follower
 * markets", IMC 2013, <a href="https://doi.org/10.1145/2504730.2504731">doi:10.1145/2504730.2504731</a>) and the like
 * farms of E. De Cristofaro, A. Friedman, G. Jourjon, M. A. Kaafar and M. Z. Shafiq ("Paying for likes? Understanding
 * Facebook like fraud using honeypots", IMC 2014, <a href="https://doi.org/10.1145/2663716.2663729">
 * doi:10.1145/2663716.2663729</a>) serve many unrelated customers from one pool, so every client's audience is mostly
 * the pool and any two clients' audiences overlap in it.
 *
 * <p><b>Why a seed of its own.</b> The pool has no creation burst ({@link LockstepFollowSignal#creationBursts},
 * {@link AudienceSeeds}); modularity makes it one community with its clients, whose audience it is, at every
 * resolution (the fourth generator's g1: 173 of 187 members with 18 of 22 clients in one community of the coarsest
 * partition), so the client screen, which counts co-follows across communities ({@link ClientSeeds}), sees few of its
 * follows (306 of 1,646 there), and the peeling weights each of them near the surprise floor
 * ({@link FollowNullModel#surprise}): its members are peeled a few dozen at a time among readers, judged on the
 * readers' targets. Judged on its clients, with the pool out of the rates, it is unexplained (g1: 184 of 187 members
 * pass the member test, the block's 1,646 follows against 176 expected).
 *
 * <p><b>Clients and members.</b> For a partition and one of its communities C, a <i>client</i> of C is a captured
 * target of C ({@link CapturedTargetSeeds#capturedTargets}: more than half of its followers in C, fewer than half of
 * its own follows into C) that follows back fewer than half of its followers in C. A <i>member</i> of C follows at
 * least two clients of C without being followed back, and these one-way follows of clients are at least half of its
 * follows into C. A delivered follow is one-way: the client does not follow its bought followers back, and nobody
 * follows the pool's accounts (bought followers follow and are not followed: S. Cresci, R. Di Pietro, M. Petrocchi,
 * A. Spognardi and M. Tesconi, "Fame for sale: efficient detection of fake Twitter followers", Decision Support
 * Systems 80, 56–71 (2015), <a href="https://doi.org/10.1016/j.dss.2015.09.003">doi:10.1016/j.dss.2015.09.003</a>).
 * Honest accounts that a community's audience owns without their living in it are mostly its members' friends, who
 * follow them back (in g1 78–90 % of the follows of such accounts by their community's members are mutual, against
 * 14 % for the pool's clients), and a community's ordinary member follows its peers there too; a follow-train
 * circle, follow-back tool users and journalists follow each other. C yields a seed (members, clients) when it has
 * at least {@code minFollowers} members and two clients.
 *
 * <p><b>No verdict here.</b> The seed says where to look: the signal judges each one by the member test on the
 * clients and the seed's own targets, growth among the clients' followers and the block test against
 * {@link FollowNullModel}, like the client seeds; a seed that yields no block marks nothing.
 *
 * <p>Seeds are found in every partition given (finest first), ordered by members (most first; ties: the earlier
 * partition, then the smaller community), at most {@code limit}; a seed whose members are at least half in earlier
 * ones is dropped ({@link ClientSeeds#mostlyNew}).
 *
 * <p>Cost: O(n + m log d) per partition besides the captured targets given (each follow of a captured target from
 * its home community looked up in the target's own follows once, {@link DenseBlockFinder#follows}, for the client
 * test and the member test alike; the other follows only counted, and only for accounts following two clients
 * one-way), O(s log s) to order s seeds. Deterministic: no randomness; ties broken by partition order and community
 * id.
 */
final class PoolSeeds {
    private PoolSeeds() {
    }

    /** A seed: its members and its clients (both ascending), found in {@code community} of {@code partition}. */
    record Seed(int partition, int community, int[] members, int[] clients) {
    }

    /**
     * The seeds of every partition (see the class comment), at most {@code limit}.
     *
     * @param partitions each account's community (0..k−1) in each partition, finest first
     * @param homes      the captured targets of each partition, in the same order
     *                   ({@link CapturedTargetSeeds#capturedTargets}: the home community of each, −1 for others)
     */
    static List<Seed> seeds(DenseBlockFinder finder, int n, List<int[]> partitions, int[][] homes, int minFollowers,
                            int limit) {
        Checks.atLeast("minFollowers", minFollowers, 2);
        Checks.atLeast("limit", limit, 0);
        if (homes.length != partitions.size()) {
            throw new IllegalArgumentException("homes must give the captured targets of each of the "
                    + partitions.size() + " partitions, had " + homes.length);
        }
        List<Seed> all = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            int[] community = partitions.get(p);
            if (community.length != n || homes[p].length != n) {
                throw new IllegalArgumentException("partition " + p + " and its captured targets must cover each of the "
                        + n + " accounts, had " + community.length + " and " + homes[p].length);
            }
            all.addAll(seeds(finder, n, p, community, homes[p], minFollowers));
        }
        all.sort((a, b) -> a.members().length != b.members().length
                ? Integer.compare(b.members().length, a.members().length)
                : a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Integer.compare(a.community(), b.community()));
        return ClientSeeds.mostlyNew(all, Seed::members, n, limit);
    }

    /** The seeds of one partition ({@code home}: its captured targets), by ascending community. */
    static List<Seed> seeds(DenseBlockFinder finder, int n, int p, int[] community, int[] home, int minFollowers) {
        int[] oneWay = new int[n];
        boolean[] client = clients(finder, n, community, home, oneWay);
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        boolean[] member = new boolean[n];
        int[] members = new int[communities];
        for (int f = 0; f < n; f++) {
            if (oneWay[f] < 2) {
                continue;
            }
            int c = community[f];
            int into = 0;
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                int t = finder.outTarget(i);
                into += community[t] == c || home[t] == c ? 1 : 0;
            }
            if (2 * oneWay[f] >= into) {
                member[f] = true;
                members[c]++;
            }
        }
        IntArrayList[] cs = new IntArrayList[communities];
        IntArrayList[] fs = new IntArrayList[communities];
        for (int v = 0; v < n; v++) {
            if (client[v] && members[home[v]] >= minFollowers) {
                (cs[home[v]] == null ? cs[home[v]] = new IntArrayList() : cs[home[v]]).add(v);
            }
            int c = community[v];
            if (member[v] && members[c] >= minFollowers) {
                (fs[c] == null ? fs[c] = new IntArrayList() : fs[c]).add(v);
            }
        }
        List<Seed> out = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            if (fs[c] != null && cs[c] != null && cs[c].size() >= 2) {
                out.add(new Seed(p, c, fs[c].toIntArray(), cs[c].toIntArray()));
            }
        }
        return out;
    }

    /**
     * The clients of the partition's communities: the captured targets ({@code home} ≥ 0) that follow back fewer
     * than half of their followers in their home community. O(Σ in-degrees of the captured targets · log d).
     */
    static boolean[] clients(DenseBlockFinder finder, int n, int[] community, int[] home) {
        return clients(finder, n, community, home, new int[n]);
    }

    /**
     * As {@link #clients(DenseBlockFinder, int, int[], int[])}, adding to {@code oneWay[f]}, for every account f, the
     * clients of f's community that f follows and that do not follow f back: the count the member test needs, from
     * the one reciprocity lookup per (client, follower) pair that judging the client takes anyway.
     */
    static boolean[] clients(DenseBlockFinder finder, int n, int[] community, int[] home, int[] oneWay) {
        boolean[] out = new boolean[n];
        IntArrayList notReturned = new IntArrayList();
        for (int t = 0; t < n; t++) {
            int c = home[t];
            if (c < 0) {
                continue;
            }
            int followers = 0;
            notReturned.clear();
            for (int e = finder.inStart(t); e < finder.inEnd(t); e++) {
                int f = finder.inFollower(e);
                if (community[f] == c) {
                    followers++;
                    if (!finder.follows(t, f)) {
                        notReturned.add(f);
                    }
                }
            }
            int returned = followers - notReturned.size();
            out[t] = 2 * returned < followers;
            if (out[t]) {
                for (int i = 0; i < notReturned.size(); i++) {
                    oneWay[notReturned.getInt(i)]++;
                }
            }
        }
        return out;
    }
}
