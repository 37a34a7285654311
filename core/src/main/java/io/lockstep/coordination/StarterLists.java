package io.lockstep.coordination;

import java.util.List;

/**
 * Whether a follow block grown from accounts created together is what an onboarding suggestion list explains, for
 * {@link LockstepFollowSignal}. A platform's onboarding shows each newcomer accounts to follow chosen by popularity,
 * globally and per interest (Twitter's Suggested User List, and the "Who to Follow" service's suggestions before a
 * newcomer has follows of its own to start from: P. Gupta, A. Goel, J. Lin, A. Sharma, D. Wang and R. Zadeh, "WTF:
 * The Who to Follow Service at Twitter", WWW 2013,
 * <a href="https://doi.org/10.1145/2488388.2488433">doi:10.1145/2488388.2488433</a>). A wave of sign-ups after a news
 * event accepts one such list at a density no community's habits predict. What tells it from a farm is what else its
 * members follow: a newcomer then follows the people it knows and the accounts its first follows lead to (the same
 * paper's "circle of trust", computed from the user's own follows), like the ordinary members of one community
 * (homophily: M. McPherson, L. Smith-Lovin and J. M. Cook, "Birds of a feather: homophily in social networks",
 * Annual Review of Sociology 27, 415–444 (2001)); a bought account has nobody it knows, and its follows besides the
 * clients are the vendor's camouflage, drawn from the platform's popular accounts wherever they live (S. Cresci,
 * R. Di Pietro, M. Petrocchi, A. Spognardi and M. Tesconi, "Fame for sale: efficient detection of fake Twitter
 * followers", Decision Support Systems 80, 56–71 (2015): bought followers' followees are not their peers).
 *
 * <p><b>The test</b> ({@link #explains}): a block is a starter list's when
 * <ul>
 *   <li>fewer than half of its targets are captured by it ({@link CapturedTargetSeeds#capturedBy}, in most
 *       partitions; {@link #mostlyUncaptured}): a list is made of accounts whose audience their own community or the
 *       whole platform owns, while a farm that serves clients without an audience of their own makes their audience
 *       (docs/quality.md, "Few-client farms and sign-up waves"). Not none: a list per interest (the Suggested User
 *       List's categories) names the top account of every interest, and a small interest's top account may have an
 *       audience a large wave outnumbers (the fourth generator's s3, one language: 3 of the wave's 20 targets, each
 *       followed by 351–358 of its 439 members and by 41–80 other accounts, are captured by it; docs/quality.md,
 *       "A sign-up wave on a one-language archive"). A farm's block is its clients, captured, with at most the few
 *       top accounts its members' camouflage makes dense (3 of 4 and 4 of 7 of the fourth generator's fresh farms'
 *       blocks captured); a farm block that captures fewer is judged by the tests below; and</li>
 *   <li>its members' other follows (of accounts that are not the block's targets) stay inside their own communities
 *       as often as their communities' habits predict, in every partition of the model ({@link #homeFollows}): the
 *       observed count O of such follows inside the member's community against E = Σ over the members of their
 *       other follows times their community's share of such follows that stay inside it, that share counted over
 *       the community's accounts outside the block and their follows of accounts that are not the block's targets.
 *       The members follow like their communities unless P(Poisson(E) ≤ O) ≤ {@code maxPValue} / partitions
 *       (Bonferroni over the partitions tested) and O ≤ {@value #MAX_HOME_SHARE} E ({@link #awayFromHome}): a
 *       deficit beyond chance is not enough, since a wave's members make thousands of other follows and a deficit
 *       of a tenth of them is beyond chance (the fourth generator's x4fl, where a third of the honest accounts have
 *       lost their followers: its wave keeps 0.88 of its home follows), while bought accounts keep a third to a
 *       half (docs/quality.md, "Sign-up waves judged by the size of their members' deficit at home"). The
 *       simulator's burst farm, whose members follow one client with
 *       an audience of its own (not captured by the 30-account farm) and a pool of popular accounts, is kept this
 *       way (its members' other follows: 41 inside their communities against 126 expected at the coarsest
 *       partition of mixed-7); the fourth generator's sign-up waves follow their communities as much as expected or
 *       more (g1: 3,232 against 3,046); and</li>
 *   <li>its members are spread over the communities of the follow graph at the finest of the model's partitions, not
 *       gathered by it ({@link #gathered}: no community holds more than half of them, and no more than half of
 *       them are in communities made mostly of the block's members). Modularity (the model's
 *       Leiden partitions, V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
 *       well-connected communities", Scientific Reports 9, 5233 (2019)) puts each account with the accounts its ties
 *       go to. A newcomer's ties besides the list are the people it knows and the communities its interests lead it
 *       to (homophily, above), so a wave of newcomers lands in the communities of its members' lives: 4–11 % of each
 *       wave in its largest community at the finest partition (the fourth generator's g1, g4, g6, f4; the third's
 *       onboarding cohorts of l1). A bought account has no ties but the clients and the vendor's pool it is paid to
 *       follow, the same for every member, so the finest partition makes the farm a community of its own (the
 *       leave-block-out rates of {@link FollowNullModel} exist for the same reason): 97–100 % of the simulator's
 *       30-account farm in one community in every robustness-matrix cell measured, 98–100 % of the fourth
 *       generator's fresh farms. The finest partition, because modularity at resolution 1 cannot resolve a group
 *       with fewer ties inside it than about √(2m), m the graph's follows, and merges it into a neighbour (S. Fortunato and
 *       M. Barthélemy, "Resolution limit in community detection", PNAS 104, 36–41 (2007)): at the coarsest
 *       partition 27–80 % of the simulator's farm lies in one community, and a wave of one language's newcomers is
 *       gathered there by its language (62–75 % of g1's and g6's). This keeps the farm of the matrix's cell of
 *       homophily 0.5, whose other follows are too few to break its community's weak habit (68 inside its
 *       community against 94.3 expected, lower tail 0.003 against the 3.3 · 10⁻⁴ the second test needs), and does
 *       not weaken with the communities' habits. In a small archive the finest partition may cut the farm into
 *       several pieces instead, each still made mostly of its members (their ties are the block's alone), while a
 *       wave's members are few in the communities of their lives ({@link #inOwnCommunities}); read as one community
 *       holding most of the block only, the rule lost the simulator's 30-account farm in two of eleven 500-account
 *       archives, whose finest partitions held 26 % and 43 % of its block in their largest community.</li>
 * </ul>
 * A block passing the three tests is not kept, however dense, and no finding is made of it; its members leave
 * growth as a kept block's do (the list accounts for their shared follows) and stay for the co-action signals. A
 * farm whose accounts were given ordinary-looking lives spread over many communities, and whose clients have
 * audiences of their own, is indistinguishable from a list by follows alone and is not kept; a farm owning the
 * audience of half its block's targets or more is kept by the first test whatever its members' lives, and a farm the
 * finest partition gathers by the third whatever its members' other follows.
 *
 * <p>Cost: O(n + m) per partition for a block that captures fewer than half of its targets, O(targets) otherwise.
 * Deterministic: no randomness.
 */
final class StarterLists {
    /**
     * The largest share of their communities' predicted home follows that a block's members may keep and still be
     * judged away from home ({@link #awayFromHome}).
     */
    static final double MAX_HOME_SHARE = 2.0 / 3;

    private StarterLists() {
    }

    /**
     * Whether the block of followers {@code fs} and {@code targets} is what a starter list explains (see the class
     * comment): fewer than half of the targets are captured by the block in {@code most} partitions or more
     * ({@code capturedByBlock}, one count per target, {@link CapturedTargetSeeds#capturedBy}; {@link
     * #mostlyUncaptured}), the finest partition (the last of {@code
     * partitions}, which run from the coarsest to the finest) does not gather its followers ({@link #gathered}), and
     * in none of them do its members' other follows stay in their communities less than the communities' habits
     * predict, beyond chance and by a third or more ({@link #homeFollows}, {@link #awayFromHome}; lower Poisson tail
     * at {@code maxPValue} / partitions).
     */
    static boolean explains(DenseBlockFinder finder, List<int[]> partitions, int[] fs, int[] targets,
                            int[] capturedByBlock, int most, double maxPValue) {
        Checks.inOpenUnit("maxPValue", maxPValue);
        if (!mostlyUncaptured(capturedByBlock, most) || gathered(partitions.get(partitions.size() - 1), fs)) {
            return false;
        }
        for (int[] community : partitions) {
            double[] oe = homeFollows(finder, community, fs, targets);
            if (awayFromHome(oe[0], oe[1], maxPValue / partitions.size())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a block's members follow away from their communities' habits, {@code observed} of their other follows
     * inside their communities against {@code expected}: both beyond chance (P(Poisson(E) ≤ O) ≤ {@code level}) and
     * by an effect of a size that says no list: O ≤ {@value #MAX_HOME_SHARE} E. Chance alone is no measure of size:
     * a wave of a few hundred newcomers makes thousands of other follows, and a deficit of a tenth of them is beyond
     * chance, while the accounts a vendor bought keep a third to a half of what their communities predict (docs/quality.md,
     * "Sign-up waves judged by the size of their members' deficit at home"). O(1).
     */
    static boolean awayFromHome(double observed, double expected, double level) {
        return observed <= MAX_HOME_SHARE * expected && PoissonTail.lower((int) observed, expected) <= level;
    }

    /**
     * Whether fewer than half of the block's targets are captured by it in {@code most} partitions or more
     * ({@code capturedByBlock}, one count per target, {@link CapturedTargetSeeds#capturedBy}): a list is mostly the
     * platform's popular accounts, whose audience is their own, and the few captured ones are the top accounts of
     * interests small enough that a large wave outnumbers their audience (see the class comment). O(targets).
     */
    static boolean mostlyUncaptured(int[] capturedByBlock, int most) {
        int captured = 0;
        for (int c : capturedByBlock) {
            captured += c >= most ? 1 : 0;
        }
        return 2 * captured < capturedByBlock.length;
    }

    /**
     * Whether {@code community} gathers the block's followers {@code fs}: one community holds more than half of them
     * ({@link FollowNullModel#majority}), or more than half of them are in the block's own communities
     * ({@link #inOwnCommunities}). O(n + |fs|).
     */
    static boolean gathered(int[] community, int[] fs) {
        return FollowNullModel.majority(community, fs) >= 0 || inOwnCommunities(community, fs);
    }

    /**
     * Whether more than half of the followers {@code fs} are in communities of which they are more than half of the
     * accounts: the block's own communities, one or several. At a high resolution modularity may cut a farm into
     * pieces rather than put it in one community: the penalty a community pays grows with the resolution times the
     * square of its members' degrees over the graph's follows (Reichardt and Bornholdt's Potts model, which Leiden
     * optimises at resolution γ), and in a small archive the farm's targets, the platform's most-followed accounts, hold
     * so large a share of all follows that the farm and its targets cannot be one community; each piece is still the
     * farm's, since its members' ties are the block's alone (the simulator's 30-account farm in the two 500-account
     * archives of eleven where the largest community held too little of it, 26 % and 43 %: 78 % and 86 % of its
     * members in communities the farm is most of; 68–100 % in all eleven). A
     * newcomer's community is made of the people of its life, among whom the wave's members are few (no member of the
     * fourth generator's sign-up waves of g1, g2, g4, g6, f2 and f3 is in such a community). O(n + |fs|).
     *
     * @param community each account's community (0..k−1)
     * @param fs        the block's followers, distinct
     */
    static boolean inOwnCommunities(int[] community, int[] fs) {
        int k = 0;
        for (int c : community) {
            k = Math.max(k, c + 1);
        }
        int[] size = new int[k];
        for (int c : community) {
            size[c]++;
        }
        int[] inBlock = new int[k];
        for (int f : fs) {
            inBlock[community[f]]++;
        }
        int own = 0;
        for (int f : fs) {
            own += 2 * inBlock[community[f]] > size[community[f]] ? 1 : 0;
        }
        return 2 * own > fs.length;
    }

    /**
     * The follows of the members {@code fs} of accounts other than {@code targets} that stay inside the member's
     * community, observed and expected: {observed, expected}. Expected: each member's such follows times its
     * community's share of such follows (by the community's accounts outside {@code fs}, of accounts outside
     * {@code targets}) that stay inside it; a member whose community has no such follows adds to neither. O(n + m).
     *
     * @param community each account's community (0..k−1)
     * @param fs        the block's followers, distinct
     * @param targets   the block's targets, distinct
     */
    static double[] homeFollows(DenseBlockFinder finder, int[] community, int[] fs, int[] targets) {
        int n = community.length;
        boolean[] member = new boolean[n];
        for (int f : fs) {
            member[f] = true;
        }
        boolean[] target = new boolean[n];
        for (int t : targets) {
            target[t] = true;
        }
        int k = 0;
        for (int c : community) {
            k = Math.max(k, c + 1);
        }
        long[] all = new long[k];
        long[] home = new long[k];
        for (int v = 0; v < n; v++) {
            if (member[v]) {
                continue;
            }
            for (int i = finder.outStart(v); i < finder.outEnd(v); i++) {
                int t = finder.outTarget(i);
                if (!target[t]) {
                    all[community[v]]++;
                    home[community[v]] += community[t] == community[v] ? 1 : 0;
                }
            }
        }
        double observed = 0, expected = 0;
        for (int f : fs) {
            int c = community[f];
            if (all[c] == 0) {
                continue;
            }
            int other = 0, inside = 0;
            for (int i = finder.outStart(f); i < finder.outEnd(f); i++) {
                int t = finder.outTarget(i);
                if (!target[t]) {
                    other++;
                    inside += community[t] == c ? 1 : 0;
                }
            }
            observed += inside;
            expected += other * (double) home[c] / all[c];
        }
        return new double[] {observed, expected};
    }
}
