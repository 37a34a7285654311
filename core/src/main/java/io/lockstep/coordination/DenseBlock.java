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
 */
public record DenseBlock(int[] followers, int[] targets, double density, long observed, double expected,
                         double pValue) {
    public DenseBlock {
        followers = followers.clone();
        targets = targets.clone();
    }

    /** observed / expected (infinite when nothing was expected). */
    public double lift() {
        return expected > 0 ? observed / expected : Double.POSITIVE_INFINITY;
    }
}
