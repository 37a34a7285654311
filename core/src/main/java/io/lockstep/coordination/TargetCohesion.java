package io.lockstep.coordination;

/**
 * How much a follow block's targets follow one another beyond what their degrees explain: the <b>cohesion</b> of the
 * accounts a block follows together. An honest crowd follows the accounts of one interest: the candidates and
 * spokespeople of a party, a club and its players, the outlets and reporters of one beat, the stars of one scene. Those
 * accounts know one another and follow one another: elite users of Twitter (celebrities, media, organisations,
 * bloggers) follow mostly their own kind (Wu, Hofman, Mason and Watts, "Who says what to whom on Twitter", WWW 2011),
 * journalists follow their colleagues across outlets (Hanusch and Nölleke, "Journalistic homophily on social media",
 * Digital Journalism 7, 2019), and who-to-follow services suggest an interest's accounts together because their
 * audiences and their own follows overlap (Gupta, Goel, Lin, Sharma, Wang and Zadeh, "WTF: The Who to Follow Service at
 * Twitter", WWW 2013). The block model's communities ({@link FollowNullModel}) are the follow graph's, mostly made of
 * friends and regions; an interest cuts across them, and its most devoted readers, spread over many communities, form
 * a block no community explains. A follower vendor's targets are its customers, whoever paid, plus popular accounts of
 * any community as camouflage: accounts with no reason to follow one another (Stringhini, Wang, Egele, Kruegel and
 * Vigna, "Follow the green: growth and dynamics in Twitter follower markets", IMC 2013; Cresci et al., "Fame for sale",
 * Decision Support Systems 80, 2015).
 *
 * <p>The measure: L follow edges among the block's t targets, of the t (t − 1) ordered pairs, read at the lower end of
 * the Wilson score interval ({@link ClusterScorer#wilsonLower}, at {@link ClusterScorer#AUDIENCE_Z} standard errors,
 * the audience factor's convention, so that one tie among three targets cannot clear a block), against d0, the
 * density the configuration model gives those targets (each target's follows fall on the archive's accounts in
 * proportion to their in-degree: Chung and Lu, "Connected components in random graphs with given expected degree
 * sequences", Annals of Combinatorics 6, 2002; the null of Newman and Girvan's modularity), so that popular accounts
 * are not taken for peers because everyone follows them: κ = max(0, (d − d0) / (1 − d0)), in [0, 1], the excess
 * density form of {@link Acquaintance}'s ρ. The factor the follow-block formula applies is 1 − g · κ, g =
 * {@link CoordinationParams.ScoreWeights#blockCohesion}: targets that all follow one another score 0, unrelated targets
 * keep the block's score, and the timed formula is untouched (co-actions are judged by their own null models).
 *
 * <p>The honest limit: a farm hired to follow accounts that do follow one another (one party's candidates, an
 * operation's own personas that follow each other) is lowered as a crowd is, in proportion to how densely its targets
 * are tied; a crowd following accounts that ignore one another (the fans of unrelated idols) gains nothing here.
 *
 * <p>Cost O(the targets' follows) per block against the follow index {@link LockstepReaders} builds once.
 * Deterministic.
 */
final class TargetCohesion {
    private TargetCohesion() {
    }

    /**
     * κ of the targets' ties {@code ties} (their ordered follow edges and their count) against the chance density
     * {@code chance}: max(0, (d − d0) / (1 − d0)), d the lower end of the Wilson interval of the tie density; 0 for
     * fewer than two targets or d0 ≥ 1. In [0, 1]. O(1).
     */
    static double cohesion(Acquaintance.Ties ties, double chance) {
        long pairs = (long) ties.members() * (ties.members() - 1);
        if (ties.members() < 2 || chance >= 1) {
            return 0;
        }
        int n = (int) Math.min(Integer.MAX_VALUE, pairs);
        int k = (int) Math.min(n, ties.edges());
        double d = ClusterScorer.wilsonLower(k, n, ClusterScorer.AUDIENCE_Z);
        return Math.max(0, (d - Math.max(0, chance)) / (1 - Math.max(0, chance)));
    }

    /** The factor 1 − weight · κ ({@link #cohesion}); 1 at weight 0. O(1). */
    static double factor(Acquaintance.Ties ties, double chance, double weight) {
        return weight == 0 ? 1 : 1 - weight * cohesion(ties, chance);
    }
}
