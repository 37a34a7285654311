package io.lockstep.coordination;

import io.lockstep.activity.Activity;

import java.util.Arrays;
import java.util.List;

/**
 * The member test of hashtag-burst ({@link HashtagBurstSignal}), read by the score's significance term
 * ({@link ClusterScorer}): an account that meets the same partners again on several short-lived hashtags, more of them
 * than independent bursts would bring together.
 *
 * <p>Why a member test: a hashtag push (Elmas, Overdorf, Özkalay and Aberer, "Ephemeral astroturfing attacks: the case
 * of fake Twitter trends", IEEE EuroS&amp;P 2021) is a few bursts of new hashtags, each posted by most of the operation
 * within an hour or two. Each of its pairs shares two or three hashtags, which the pair test can only find weakly
 * (p ≈ 10⁻⁵ in a family of 10⁸ pair tests), and the event null explains each burst by itself. The evidence is in the
 * recurrence: the 60 accounts of one burst are the 60 accounts of the next. Under the null of independent bursts, each
 * short-lived hashtag's users are drawn independently of the other hashtags' users, account b with probability
 * m<sub>h</sub> d<sub>b</sub> / U for a hashtag of m<sub>h</sub> users (d<sub>b</sub> the short-lived hashtags b used,
 * U = Σ m<sub>h</sub>: the degree-corrected configuration model of the account–hashtag graph, as in Saracco et al.,
 * "Inferring monopartite projections of bipartite networks: an entropy-based approach", New J. Phys. 19, 2017, and
 * the event null of {@link EventNullModel}). An account a of hashtags h<sub>1</sub>..h<sub>k</sub> then expects
 * E<sub>a</sub> = Σ<sub>i&lt;j</sub> m<sub>i</sub> m<sub>j</sub> · Σ<sub>b</sub> d<sub>b</sub>² / U² partners that used
 * two of them (the union bound over the pairs of its hashtags, so an overestimate), and its observed partners D<sub>a</sub>
 * are its hashtag-burst edges, each already past the signal's sources filter and pair null model (an underestimate of
 * the partners that used two of them). a is significant when P(Poisson(E<sub>a</sub>) ≥ D<sub>a</sub>) ≤
 * {@value #LEVEL} / t, t the accounts with at least two short-lived hashtags (Bonferroni over the accounts tested).
 * Both approximations make the test conservative. The short-lived hashtags are hashtag-burst's: at most
 * {@link CoActionScanner#MAX_ITEM_ACCOUNTS} and at least 2 accounts, born in a burst ({@link HashtagSources#bornInBurst}).
 *
 * <p>Honest crowds that use new hashtags together (fans of a club on match days, a fandom's hashtag projects) are
 * explained by a source they follow or retweet and have no hashtag-burst edges to count; the few that remain are
 * counted against an expectation that grows with the square of each hashtag's crowd.
 *
 * <p>Cost: co-hashtag's actions sorted once (radix), one pass over them, O(actions + accounts + edges); only when
 * there is a hashtag-burst edge. Deterministic.
 */
final class BurstRecurrence {
    /** The family-wise level of the test: the conventional 5 %, as for the pair tests' significance. */
    static final double LEVEL = 0.05;

    private BurstRecurrence() {
    }

    /**
     * Per account, whether its hashtag-burst edges among {@code edges} are more partners than independent bursts
     * explain (see the class comment); null when there is no hashtag-burst edge.
     */
    static boolean[] significant(Activity activity, CoordinationParams params, List<CoordinationEdge> edges) {
        int n = activity.accountCount();
        int[] partners = new int[n];
        boolean any = false;
        for (CoordinationEdge e : edges) {
            if (e.signal().equals(CoordinationSignal.HASHTAG_BURST)) {
                partners[e.source()]++;
                partners[e.target()]++;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        SortedActions sorted = SortedActions.of(CoordinationSignal.HASHTAG_BURST, CoHashtagSignal.actions(activity), n);
        Expectations x = expectations(sorted, n, params.hashtagBurst().window());
        boolean[] out = new boolean[n];
        for (int a = 0; a < n; a++) {
            out[a] = partners[a] > 0 && x.tested() > 0
                    && PoissonTail.upper(partners[a], x.partners()[a]) <= LEVEL / x.tested();
        }
        return out;
    }

    /**
     * @param partners E<sub>a</sub> of each account (see the class comment), by account
     * @param tested   the accounts with at least two short-lived hashtags
     */
    record Expectations(double[] partners, int tested) {
    }

    /** The expectations of every account under the null of independent bursts. O(actions + accounts). */
    static Expectations expectations(SortedActions sorted, int n, long window) {
        int[] degree = new int[n];
        double[] sum = new double[n];
        double[] squares = new double[n];
        int[] seen = new int[n];
        int[] distinct = new int[16];
        double total = 0;
        int item = 0;
        for (int s = 0; s < sorted.size(); ) {
            int e = sorted.itemEnd(s);
            item++;
            int m = 0;
            for (int i = s; i < e; i++) {
                int acc = sorted.account(i);
                if (seen[acc] != item) {
                    seen[acc] = item;
                    if (m == distinct.length) {
                        distinct = Arrays.copyOf(distinct, 2 * m);
                    }
                    distinct[m++] = acc;
                }
            }
            if (m >= 2 && m <= CoActionScanner.MAX_ITEM_ACCOUNTS && HashtagSources.bornInBurst(sorted, s, e, window)) {
                total += m;
                for (int i = 0; i < m; i++) {
                    int acc = distinct[i];
                    degree[acc]++;
                    sum[acc] += m;
                    squares[acc] += (double) m * m;
                }
            }
            s = e;
        }
        double degreeSquares = 0;
        int tested = 0;
        for (int a = 0; a < n; a++) {
            degreeSquares += (double) degree[a] * degree[a];
            if (degree[a] >= 2) {
                tested++;
            }
        }
        double c = total > 0 ? degreeSquares / (total * total) : 0;
        double[] out = new double[n];
        for (int a = 0; a < n; a++) {
            out[a] = c * (sum[a] * sum[a] - squares[a]) / 2;
        }
        return new Expectations(out, tested);
    }
}
