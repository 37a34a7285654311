package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Client-side seeds from what a client's followers post: an account whose followers include a block's worth of
 * accounts <em>hired</em> to amplify it ({@link LockstepReaders#hired}). A follower is a candidate amplifier of
 * client c when every one of its timed posts (at least {@code minShared}) retweets, quotes or replies to another
 * account's post, at least {@code minShared} of them c's, and it follows c: an account with no voice of its own whose
 * life in the archive is acting on c (Cresci et al., "DNA-inspired online behavioral modeling and its application to
 * spambot detection", IEEE Intelligent Systems 31(5), 2016: the timelines of accounts run for one purpose are
 * homogeneous). The candidates of c are hired when they act on the accounts they amplify in lockstep with one another,
 * within the co-retweet window on at least {@code minShared} posts, and their follow ties to one another are no more
 * than their degree explains: the lockstep of CopyCatch (Beutel et al., WWW 2013) asked of each account against the
 * group, and the retweet markets' bought and hijacked accounts (Stringhini et al., "Follow the green", IMC 2013; Dutta
 * et al., "Retweet us, we will retweet you", ASONAM 2018).
 *
 * <p>Why a seed of its own: a farm of aged accounts bought second-hand follows its client and its fellow customers
 * among the follows of its past lives, so the follow graph alone ranks its client's audience below the public
 * figures' (ClientSeeds screens co-following, and a readers' crowd of 300–600 beats a farm of 100 there); what the
 * farm does for its client, the follow graph does not show. Fans who only retweet their idol know one another (tied
 * beyond chance), and an audience acts at its own times: neither is hired. The seed is a seed only: its block is
 * judged by the follow signal's tests as any client's.
 *
 * <p>Cost: O(accounts + posts) for the candidates, plus {@link LockstepReaders#hired}'s cost per client with at least
 * {@code minFollowers} candidates, plus O(Σ the hired accounts' follows) for the seeds' targets. Deterministic: seeds
 * ordered by hired accounts (more first), then client id.
 */
final class AmplifiedClients {
    private AmplifiedClients() {
    }

    /**
     * The seeds, at most {@code limit}, each a {@link ClientSeeds.Seed} whose followers are c's hired accounts
     * (ascending) and whose targets are c and the accounts at least {@code targetShare} of them (and 2) follow,
     * ascending; a seed whose followers are at least half in earlier ones is left out
     * ({@link ClientSeeds#mostlyNew}). Its log tail is negative infinity: it was not chosen by the co-following screen.
     *
     * @param actors      the archive's posts by author, with the co-retweet window and minimum of shared posts
     * @param minShared   the posts a candidate must have, all actions, and act on the client at least as often
     * @param minFollowers hired accounts a client needs, at least 2
     * @param targetShare the share of the hired accounts that must follow an account for it to be a seed target
     */
    static List<ClientSeeds.Seed> seeds(Activity activity, DenseBlockFinder finder, LockstepReaders actors,
                                        int minShared, int minFollowers, double targetShare, int limit) {
        Checks.atLeast("minShared", minShared, 1);
        Checks.atLeast("minFollowers", minFollowers, 2);
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare must be in (0, 1], was " + targetShare);
        }
        int n = activity.accountCount();
        int[] offsets = actors.postOffsets();
        int[] byAuthor = actors.postsByAuthor();
        // (client << 32 | candidate) for each candidate amplifier of each client
        LongArrayList pairs = new LongArrayList();
        Int2IntOpenHashMap acted = new Int2IntOpenHashMap();
        for (int u = 0; u < n; u++) {
            int from = offsets[u];
            int to = offsets[u + 1];
            if (to - from < minShared) {
                continue;
            }
            acted.clear();
            boolean voiceless = true;
            for (int i = from; i < to && voiceless; i++) {
                int c = activity.referencedAuthor(byAuthor[i]);
                voiceless = c != Activity.NONE && c != u;
                if (voiceless) {
                    acted.addTo(c, 1);
                }
            }
            if (!voiceless) {
                continue;
            }
            for (Int2IntOpenHashMap.Entry e : acted.int2IntEntrySet()) {
                if (e.getIntValue() >= minShared && finder.follows(u, e.getIntKey())) {
                    pairs.add((long) e.getIntKey() << 32 | u);
                }
            }
        }
        long[] sorted = pairs.toLongArray();
        LongArrays.radixSort(sorted);
        List<ClientSeeds.Seed> found = new ArrayList<>();
        for (int s = 0; s < sorted.length; ) {
            int c = (int) (sorted[s] >>> 32);
            int e = s;
            while (e < sorted.length && (int) (sorted[e] >>> 32) == c) {
                e++;
            }
            if (e - s >= minFollowers) {
                int[] candidates = new int[e - s];
                for (int i = s; i < e; i++) {
                    candidates[i - s] = (int) sorted[i];
                }
                int[] hired = actors.hired(candidates, amplified(activity, offsets, byAuthor, candidates));
                if (hired.length >= minFollowers) {
                    found.add(new ClientSeeds.Seed(c, hired, targets(finder, c, hired, targetShare),
                            Double.NEGATIVE_INFINITY));
                }
            }
            s = e;
        }
        found.sort((a, b) -> a.followers().length != b.followers().length
                ? Integer.compare(b.followers().length, a.followers().length) : Integer.compare(a.client(), b.client()));
        return ClientSeeds.mostlyNew(found, ClientSeeds.Seed::followers, n, limit);
    }

    /** The accounts whose posts {@code accounts} act on, ascending. O(their posts). */
    private static int[] amplified(Activity activity, int[] offsets, int[] byAuthor, int[] accounts) {
        IntOpenHashSet out = new IntOpenHashSet();
        for (int u : accounts) {
            for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                out.add(activity.referencedAuthor(byAuthor[i]));
            }
        }
        int[] a = out.toIntArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * The client and the accounts that at least {@code share} of {@code hired} (and 2) follow, ascending. O(Σ the hired
     * accounts' follows).
     */
    static int[] targets(DenseBlockFinder finder, int client, int[] hired, double share) {
        Int2IntOpenHashMap count = new Int2IntOpenHashMap();
        for (int f : hired) {
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                count.addTo(finder.outTarget(i), 1);
            }
        }
        int need = Math.max(2, (int) Math.ceil(share * hired.length));
        IntArrayList out = new IntArrayList();
        out.add(client);
        for (Int2IntOpenHashMap.Entry e : count.int2IntEntrySet()) {
            if (e.getIntValue() >= need && e.getIntKey() != client) {
                out.add(e.getIntKey());
            }
        }
        int[] t = out.toIntArray();
        Arrays.sort(t);
        return t;
    }
}
