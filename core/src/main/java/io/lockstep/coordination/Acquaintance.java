package io.lockstep.coordination;

/**
 * How much a cluster's members follow one another back beyond what the density of their follows explains: the
 * <b>acquaintance</b> of a group. Organic crowds are made of people who know one another or meet around a common
 * interest, and follow back who follows them: reciprocity is high among personal accounts of low degree and near zero
 * towards popular ones (Kwak, Lee, Park and Moon, "What is Twitter, a social network or a news media?", WWW 2010: 22 %
 * of edges reciprocal; Myers, Sharma, Gupta and Lin, "Information network or social network? The structure of the
 * Twitter follow graph", WWW 2014). Fans of one club or one idol follow each other back as "moots". Accounts that a
 * script or a vendor made follow their operation's other accounts, when they do, by a rule that needs no answer: each
 * follows a few others drawn at random, so a tie is returned about as often as the density of the group's follows
 * predicts.
 *
 * <p>The measure is Garlaschelli and Loffredo's reciprocity ("Patterns of link reciprocity in directed networks",
 * Phys. Rev. Lett. 93, 268701, 2004): ρ = (r − ā) / (1 − ā), r the share of the group's internal follow edges that
 * are reciprocated and ā = L / (s (s − 1)) the density of its L internal edges among its s members, the r that random
 * following at that density gives. ρ ≈ 0 for random ties at any density (a botnet whose amplifiers each follow five
 * others of twenty: r and ā both ≈ 0.26), ρ &gt; 0 when ties are returned more than chance, ρ &lt; 0 when less; a
 * group whose every pair is mutual (ā = 1) gives no evidence and ρ = 0: a script can follow everyone. So that a
 * handful of mutual ties among a few follows cannot clear a group, r is read at the lower end of the Wilson score
 * interval ({@link ClusterScorer#wilsonLower}) of the share of linked pairs that are mutual, at
 * {@link ClusterScorer#AUDIENCE_Z} standard errors, the audience factor's convention: q = M / (M + O) for M mutual and
 * O one-way linked pairs, r = 2q / (1 + q).
 *
 * <p>The factor the scorer applies is 1 − g · max(0, ρ) · a, a the share of the members in at least one mutual pair
 * (two pairs of friends absorbed into a 200-account botnet give ρ &gt; 0 on four members, and move it by 1 %), g the
 * weight ({@link CoordinationParams.ScoreWeights#acquaintance} for the timed formula,
 * {@link CoordinationParams.ScoreWeights#blockAcquaintance} for the follow-block formula); g = 0 leaves every score
 * unchanged. The honest limit: an operation whose accounts follow back every follower of the
 * operation (a scripted follow-back) has ρ &gt; 0 and is lowered as a crowd is; and a crowd that never follows one
 * another (the audience of one outlet) gains nothing here.
 *
 * <p>Cost O(1) per group once its ties are counted ({@link LockstepReaders#ties}: O(the members' follows)).
 * Deterministic.
 */
final class Acquaintance {
    private Acquaintance() {
    }

    /**
     * The follow ties among a group of {@code members} accounts: {@code oneWay} pairs linked in one direction,
     * {@code mutual} pairs linked in both, {@code acquainted} the members in at least one mutual pair.
     */
    record Ties(int members, int acquainted, long oneWay, long mutual) {
        /** The group's internal follow edges: each one-way pair one, each mutual pair two. */
        long edges() {
            return oneWay + 2 * mutual;
        }

        /** ā: the internal edges over s (s − 1); 0 for fewer than two members. */
        double density() {
            return members < 2 ? 0 : edges() / ((double) members * (members - 1));
        }

        /** The share of the members in at least one mutual pair; 0 without members. */
        double acquaintedShare() {
            return members == 0 ? 0 : (double) acquainted / members;
        }

        /** r: the share of internal edges that are reciprocated; 0 without edges. */
        double reciprocated() {
            return edges() == 0 ? 0 : 2.0 * mutual / edges();
        }
    }

    /**
     * Garlaschelli and Loffredo's ρ of the ties, r read at the lower end of the Wilson interval of the mutual share
     * of linked pairs (see the class comment); 0 without ties or at ā ≥ 1. In [−1, 1]. O(1).
     */
    static double rho(Ties t) {
        long linked = t.oneWay() + t.mutual();
        double a = t.density();
        if (linked == 0 || a >= 1) {
            return 0;
        }
        if (linked > Integer.MAX_VALUE) {
            linked = Integer.MAX_VALUE;
        }
        double q = ClusterScorer.wilsonLower((int) Math.min(t.mutual(), linked), (int) linked,
                ClusterScorer.AUDIENCE_Z);
        double r = 2 * q / (1 + q);
        return (r - a) / (1 - a);
    }

    /** The acquaintance factor 1 − weight · max(0, ρ) · a of the ties, a their acquainted share. O(1). */
    static double factor(Ties t, double weight) {
        return weight == 0 ? 1 : 1 - weight * Math.max(0, rho(t)) * t.acquaintedShare();
    }
}
