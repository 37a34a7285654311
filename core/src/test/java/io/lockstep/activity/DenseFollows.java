package io.lockstep.activity;

/** Test support for benchmark mains: adds follows by dense account id, without an id lookup per follow. */
public final class DenseFollows {
    private DenseFollows() {
    }

    /** Adds {@code follower[i] → followee[i]} for every i; both must be ids the builder already assigned. */
    public static void add(ActivityBuilder builder, int[] follower, int[] followee, int count) {
        int n = builder.accountIds.size();
        for (int i = 0; i < count; i++) {
            if (follower[i] < 0 || follower[i] >= n || followee[i] < 0 || followee[i] >= n) {
                throw new IllegalArgumentException("follow " + i + " names an account outside [0, " + n + ")");
            }
        }
        builder.follower.addElements(builder.follower.size(), follower, 0, count);
        builder.followee.addElements(builder.followee.size(), followee, 0, count);
    }
}
