package io.lockstep.coordination;

import io.lockstep.activity.Activity;
import io.lockstep.activity.PostKind;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seeds of a flagged amplification network, after the verdicts ({@link VerdictPhase}): an account whose retweeters
 * are mostly the suspicious amplifiers of the archive, far beyond their share of all retweeters, joins the cluster that
 * holds most of those amplifiers. A retweet botnet amplifies a few seed accounts that post the campaign's content
 * (Keller, Schoch, Stier and Yang, "Political astroturfing on Twitter: how to coordinate a disinformation campaign",
 * Political Communication 37, 2020; Elmas et al. 2021 on the accounts behind a trend): the amplifiers co-retweet each
 * other and are found by co-retweet, while the seeds do not retweet and share nothing in a window with anyone, so no
 * co-action signal can link them. What marks a seed is its audience: an idol's, a club's or a newsroom's posts are
 * retweeted by a crowd of many kinds of accounts, among which a botnet's camouflage retweets are a few; a seed's are
 * retweeted by the botnet.
 *
 * <p>The test, per account s that is not suspicious and was retweeted by R<sub>s</sub> distinct other accounts, A of
 * them amplifiers (suspicious and on a co-retweet or fast-retweet edge: flagged for retweeting together):
 * <ol>
 *   <li><b>its audience is the network</b>: A &gt; R<sub>s</sub> / 2, a majority (the same majority as a hashtag's
 *       source in {@link HashtagSources}, not a fitted constant);</li>
 *   <li><b>beyond chance</b>: with f the share of amplifiers among all accounts that retweeted another account,
 *       P(Poisson(R<sub>s</sub> f) ≥ A) ≤ {@code level} / m, m the accounts retweeted at all (Bonferroni over the
 *       accounts tested). The Poisson tail bounds the binomial tail of A from above for A ≥ R<sub>s</sub> f + 1
 *       (Anderson and Samuels, "Some inequalities among binomial and Poisson probabilities", Proc. Fifth Berkeley
 *       Symp. 1, 1967), so the test is conservative. An ordinary account retweeted by three amplifiers of its
 *       camouflage and nobody else is not a seed (p ≈ f³ is above the level in any archive of more than a few
 *       hundred retweeted accounts); a seed retweeted by a hundred of them is.</li>
 * </ol>
 * A seed takes the verdict of the cluster holding most of its amplifying retweeters (the lowest cluster id on a tie):
 * it joins that cluster's members (and leaves the cluster it was in, if any; scores are not recomputed, the seed's
 * evidence being its audience, not co-actions). The evidence an analyst sees: the seed's cluster, whose members
 * retweeted its posts.
 *
 * <p>What it cannot tell: an honest account whose whole audience a botnet captured (an unknown account that only a
 * botnet retweets) is taken for a seed; an honest crowd flagged by mistake as a co-retweet cluster carries the account
 * it retweets with it. A seed whose organic audience outnumbers its amplifiers is not found.
 *
 * <p>Cost: one pass over the posts, a sort of the distinct (retweeted, retweeter) pairs, O(posts + pairs log pairs).
 * Deterministic.
 */
final class AmplifiedSeeds {
    /** The family-wise level of the test: the conventional 5 %, as for the significance term. */
    static final double LEVEL = 0.05;

    private AmplifiedSeeds() {
    }

    /** The verdicts and clusters after seeds joined their amplifiers' clusters. */
    record Result(List<Cluster> clusters, AccountVerdict[] verdicts, int[] seeds) {
    }

    /**
     * Finds the seeds and moves them into their amplifiers' clusters.
     *
     * @param clusters numbered 0, 1, … in list order, as {@link ScorePhase} returns them
     * @param verdicts one per account, as {@link VerdictPhase} returns them
     */
    static Result run(Activity activity, List<CoordinationEdge> edges, List<Cluster> clusters,
                      AccountVerdict[] verdicts) {
        int n = activity.accountCount();
        boolean[] amplifier = amplifiers(n, edges, verdicts);
        long[] pairs = retweetPairs(activity);
        int[] seedCluster = new int[n];
        Arrays.fill(seedCluster, -1);
        int[] seeds = seeds(pairs, amplifier, verdicts, n, seedCluster);
        if (seeds.length == 0) {
            return new Result(clusters, verdicts, seeds);
        }
        return new Result(moved(clusters, seeds, seedCluster, verdicts), verdictsOf(verdicts, clusters, seeds,
                seedCluster), seeds);
    }

    /** Suspicious accounts on a co-retweet or fast-retweet edge. O(edges). */
    static boolean[] amplifiers(int n, List<CoordinationEdge> edges, AccountVerdict[] verdicts) {
        boolean[] amplifier = new boolean[n];
        for (CoordinationEdge e : edges) {
            if (e.signal().equals(CoordinationSignal.CO_RETWEET) || e.signal().equals(CoordinationSignal.FAST_RETWEET)) {
                amplifier[e.source()] |= verdicts[e.source()].suspicious();
                amplifier[e.target()] |= verdicts[e.target()].suspicious();
            }
        }
        return amplifier;
    }

    /** The distinct (retweeted author, retweeter) pairs of the archive, {@code author << 32 | retweeter}, sorted. */
    static long[] retweetPairs(Activity activity) {
        LongArrayList pairs = new LongArrayList();
        for (int p = 0; p < activity.postCount(); p++) {
            if (activity.kind(p) != PostKind.RETWEET) {
                continue;
            }
            int q = activity.referencedPost(p);
            int r = activity.author(p);
            int s = q == Activity.NONE ? Activity.NONE : activity.author(q);
            if (r != Activity.NONE && s != Activity.NONE && r != s) {
                pairs.add(((long) s << 32) | r);
            }
        }
        long[] a = pairs.toLongArray();
        LongArrays.radixSort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[k++] = a[i];
            }
        }
        return Arrays.copyOf(a, k);
    }

    /**
     * The seeds, ascending, by the two tests of the class comment; {@code seedCluster[s]} receives the cluster of most
     * of seed s's amplifying retweeters.
     */
    static int[] seeds(long[] pairs, boolean[] amplifier, AccountVerdict[] verdicts, int n, int[] seedCluster) {
        boolean[] retweeter = new boolean[n];
        int tested = 0;
        for (int i = 0; i < pairs.length; i++) {
            retweeter[(int) pairs[i]] = true;
            if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
                tested++;
            }
        }
        int retweeters = 0, amplifying = 0;
        for (int v = 0; v < n; v++) {
            if (retweeter[v]) {
                retweeters++;
                if (amplifier[v]) {
                    amplifying++;
                }
            }
        }
        if (amplifying == 0) {
            return new int[0];
        }
        double f = (double) amplifying / retweeters;
        List<Integer> found = new ArrayList<>();
        int[] byCluster = new int[0];
        for (int i = 0; i < pairs.length; ) {
            int s = (int) (pairs[i] >>> 32);
            int j = i;
            int a = 0;
            while (j < pairs.length && (int) (pairs[j] >>> 32) == s) {
                if (amplifier[(int) pairs[j]]) {
                    a++;
                }
                j++;
            }
            int audience = j - i;
            if (!verdicts[s].suspicious() && 2 * a > audience
                    && PoissonTail.upper(a, audience * f) <= LEVEL / tested) {
                int best = -1;
                for (int x = i; x < j; x++) {
                    int r = (int) pairs[x];
                    int c = verdicts[r].cluster();
                    if (amplifier[r] && c >= 0) {
                        if (c >= byCluster.length) {
                            byCluster = Arrays.copyOf(byCluster, Math.max(c + 1, 2 * byCluster.length));
                        }
                        byCluster[c]++;
                        if (best < 0 || byCluster[c] > byCluster[best] || byCluster[c] == byCluster[best] && c < best) {
                            best = c;
                        }
                    }
                }
                for (int x = i; x < j; x++) {
                    int c = verdicts[(int) pairs[x]].cluster();
                    if (c >= 0 && c < byCluster.length) {
                        byCluster[c] = 0;
                    }
                }
                if (best >= 0) {
                    seedCluster[s] = best;
                    found.add(s);
                }
            }
            i = j;
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The clusters with each seed moved from its cluster (if any) into its amplifiers' cluster; ids kept. */
    private static List<Cluster> moved(List<Cluster> clusters, int[] seeds, int[] seedCluster,
                                       AccountVerdict[] verdicts) {
        List<Cluster> out = new ArrayList<>(clusters.size());
        for (Cluster c : clusters) {
            int[] members = c.members();
            int leaving = 0;
            LongArrayList joining = new LongArrayList();
            for (int s : seeds) {
                if (verdicts[s].cluster() == c.id()) {
                    leaving++;
                }
                if (seedCluster[s] == c.id()) {
                    joining.add(s);
                }
            }
            if (leaving == 0 && joining.isEmpty()) {
                out.add(c);
                continue;
            }
            int[] kept = Arrays.stream(members).filter(m -> Arrays.binarySearch(seeds, m) < 0 || seedCluster[m] == c.id())
                    .toArray();
            int[] all = new int[kept.length + joining.size()];
            System.arraycopy(kept, 0, all, 0, kept.length);
            int k = kept.length;
            for (int x = 0; x < joining.size(); x++) {
                int s = (int) joining.getLong(x);
                if (Arrays.binarySearch(kept, s) < 0) {
                    all[k++] = s;
                }
            }
            all = Arrays.copyOf(all, k);
            Arrays.sort(all);
            out.add(new Cluster(c.id(), c.kind(), all, c.score(), c.signals(), c.topHashtags(), c.firstSeen(),
                    c.lastSeen()));
        }
        return out;
    }

    private static AccountVerdict[] verdictsOf(AccountVerdict[] verdicts, List<Cluster> clusters, int[] seeds,
                                               int[] seedCluster) {
        AccountVerdict[] out = verdicts.clone();
        for (int s : seeds) {
            Cluster c = clusters.get(seedCluster[s]);
            out[s] = new AccountVerdict(s, c.score(), true, c.id(), verdicts[s].signals());
        }
        return out;
    }
}
