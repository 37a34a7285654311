package io.lockstep.coordination;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a follow block grown from accounts created together is what an onboarding suggestion list explains, for
 * {@link LockstepFollowSignal}. A platform's onboarding shows each newcomer accounts to follow chosen by popularity,
 * globally and per interest: Twitter's Suggested User List, and the "Who to Follow" service's first suggestions before
 * a newcomer has follows of its own to start from (P. Gupta, A. Goel, J. Lin, A. Sharma, D. Wang and R. Zadeh, "WTF:
 * The Who to Follow Service at Twitter", WWW 2013, section 7,
 * <a href="https://doi.org/10.1145/2488388.2488433">doi:10.1145/2488388.2488433</a>). A wave of sign-ups after a news
 * event accepts one such list at a density no community's habits predict; what it follows together is then the
 * heads of interests: for each community the list draws on, its most-followed accounts.
 *
 * <p><b>The test</b> ({@link #explains}): a block is a starter list's when
 * <ul>
 *   <li>none of its targets is captured by it ({@link CapturedTargetSeeds#capturedBy}, in most partitions): a list is
 *       made of accounts whose audience their own community or the whole platform owns, while a farm exists to serve
 *       clients whose audience it makes (farm13, docs/quality.md "Few-client farms and sign-up waves"); and</li>
 *   <li>every target is a <i>head</i> of its community in some partition of the model ({@link #heads}): no account
 *       of its community outside the block's targets has significantly more followers than it ({@link #notFewer}),
 *       both counted without the block's own followers. The list takes each interest's top accounts, so the block's
 *       targets in one community are that community's top ones (the archive's counts being one draw of the
 *       popularity the list was made from: in the fourth generator's g1, 3 of the wave's 13 list accounts are
 *       second of their community at every resolution). A farm bought by a client follows that client, and the client buys followers because
 *       it is not a head: the simulator's burst farm follows an ordinary account with an audience of its own (ranked
 *       88th–193rd of its community) that the 30-account farm does not own, so captured-ness alone read that farm as
 *       a list.</li>
 * </ul>
 * Followers are counted without the block so that a farm cannot make its client a head of a small community by
 * following it, and a wave's newcomers do not make their list's accounts heads. A block passing both tests is not
 * kept, however dense: its members stay free for the other seeds and for the co-action signals. A farm whose every
 * target is a head of some community and whose clients' audience it does not own (a star buying a few followers
 * alongside other stars) is indistinguishable from a list by follows alone, and is not kept.
 *
 * <p>Cost: O(n + Σ out-degrees of the block's followers) to count followers without the block, then O(n) per
 * partition. Deterministic: no randomness.
 */
final class StarterLists {
    private StarterLists() {
    }

    /**
     * Whether the block of followers {@code fs} and {@code targets} is what a starter list explains (see the class
     * comment): no target is captured by the block in {@code most} partitions or more ({@code capturedByBlock}, one
     * count per target, {@link CapturedTargetSeeds#capturedBy}) and every target is a head of its community
     * ({@link #heads}, at {@code maxPValue}).
     */
    static boolean explains(DenseBlockFinder finder, List<int[]> partitions, int[] fs, int[] targets,
                            int[] capturedByBlock, int most, double maxPValue) {
        if (!LockstepFollowSignal.onboarding(capturedByBlock, most)) {
            return false;
        }
        for (boolean head : heads(finder, partitions, fs, targets, maxPValue)) {
            if (!head) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each of {@code targets}: whether, in at least one of {@code partitions}, no account of its community that
     * is not one of {@code targets} has significantly more followers than it ({@link #notFewer} at
     * {@code maxPValue}), followers counted without the accounts {@code fs}. O(n + Σ out-degrees of fs) plus O(n)
     * per partition, plus the tests' sums (at most the two counts each).
     *
     * @param partitions each account's community (0..k−1) in each partition, all of the same length n (the accounts);
     *                   none: no target is a head
     * @param fs         the block's followers, distinct
     * @param targets    the block's targets, distinct
     */
    static boolean[] heads(DenseBlockFinder finder, List<int[]> partitions, int[] fs, int[] targets,
                           double maxPValue) {
        Checks.inOpenUnit("maxPValue", maxPValue);
        boolean[] out = new boolean[targets.length];
        if (partitions.isEmpty()) {
            return out;
        }
        int n = partitions.get(0).length;
        int[] followers = new int[n];
        for (int v = 0; v < n; v++) {
            followers[v] = finder.inDegree(v);
        }
        for (int f : fs) {
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                followers[finder.outTarget(i)]--;
            }
        }
        boolean[] target = new boolean[n];
        for (int t : targets) {
            target[t] = true;
        }
        for (int[] community : partitions) {
            if (community.length != n) {
                throw new IllegalArgumentException("a partition must give the community of each of the " + n
                        + " accounts, had " + community.length);
            }
            int k = 0;
            for (int c : community) {
                k = Math.max(k, c + 1);
            }
            // the most followers of an account outside the targets, per community
            int[] most = new int[k];
            Arrays.fill(most, -1);
            for (int v = 0; v < n; v++) {
                if (!target[v]) {
                    most[community[v]] = Math.max(most[community[v]], followers[v]);
                }
            }
            for (int i = 0; i < targets.length; i++) {
                out[i] |= notFewer(followers[targets[i]], most[community[targets[i]]], maxPValue);
            }
        }
        return out;
    }

    /**
     * Whether an account with {@code mine} followers is not significantly less followed than one with {@code top}:
     * {@code mine >= top}, or the conditional test of two Poisson rates does not reject their equality, P(X ≥ top)
     * &gt; {@code maxPValue} for X ~ Binomial(mine + top, 1/2) (J. Przyborowski and H. Wilenski, "Homogeneity of
     * results in testing samples from Poisson series", Biometrika 31, 313–323 (1940)). A list picks accounts by their
     * popularity when it is made; the archive's follower counts are one draw of it, in which a community's two
     * leading accounts can swap places. O(top) at most.
     */
    static boolean notFewer(int mine, int top, double maxPValue) {
        if (mine >= top) {
            return true;
        }
        return binomialHalfUpper(top, mine + top) > maxPValue;
    }

    /** P(X ≥ k) for X ~ Binomial(n, 1/2), 0 ≤ k ≤ n, summed in log space from k up. O(n − k). */
    static double binomialHalfUpper(int k, int n) {
        if (k <= 0) {
            return 1.0;
        }
        double logHalf = n * Math.log(0.5);
        double lnN = PoissonTail.logFactorial(n);
        double sum = 0;
        for (int i = k; i <= n; i++) {
            double term = Math.exp(lnN - PoissonTail.logFactorial(i) - PoissonTail.logFactorial(n - i) + logHalf);
            sum += term;
            if (2 * i > n && term < 1e-17 * sum) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }
}
