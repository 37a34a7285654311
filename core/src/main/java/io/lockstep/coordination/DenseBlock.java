package io.lockstep.coordination;

/**
 * One dense block of the follow graph that the model of ordinary following cannot explain: one finding, reported
 * once with its members and targets rather than as every pair of its members.
 *
 * @param followers the block's followers (account ids, ascending)
 * @param targets   the accounts they follow together (ascending)
 * @param density   follows inside the block over |followers| · |targets|
 * @param observed  one-way follows inside the block (a follow the target returns is not counted); for a block of
 *                  bought audiences ({@link BoughtAudiences}), the unknown accounts its audience tests counted
 * @param expected  follows of the targets by the followers that the null model predicts ({@link FollowNullModel});
 *                  for bought audiences, the unknown accounts the audience model predicts
 * @param pValue    P(Poisson(expected) ≥ observed); for bought audiences, the smallest binomial tail of its tests
 * @param bought    whether the audience model finds the block's followers bought: the block of a bought audience, or a
 *                  block that holds at least half of one's members ({@link BoughtAudiences#pass}). Their creation is
 *                  the evidence, so the block is scored by its own significance whatever timed co-actions its
 *                  followers also share ({@link ClusterScorer})
 */
public record DenseBlock(int[] followers, int[] targets, double density, long observed, double expected,
                         double pValue, boolean bought) {
    public DenseBlock {
        followers = followers.clone();
        targets = targets.clone();
    }

    /** A block of the model of ordinary following, not found bought. */
    public DenseBlock(int[] followers, int[] targets, double density, long observed, double expected, double pValue) {
        this(followers, targets, density, observed, expected, pValue, false);
    }

    /** This block, marked bought. */
    DenseBlock asBought() {
        return bought ? this : new DenseBlock(followers, targets, density, observed, expected, pValue, true);
    }

    /** observed / expected (infinite when nothing was expected). */
    public double lift() {
        return expected > 0 ? observed / expected : Double.POSITIVE_INFINITY;
    }
}
