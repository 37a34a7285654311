package io.lockstep.visual;

import java.util.Objects;

/**
 * One edge of a {@link Scene} between two node ids.
 *
 * @param source one end (the follower, the retweeter, or the lower id for coordination)
 * @param target the other end
 * @param kind   retweet, follow or coordination
 * @param weight strength (> 0): retweet count, 1 for a follow, evidence weight for coordination
 */
public record SceneEdge(String source, String target, EdgeKind kind, double weight) {
    public SceneEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and > 0, was " + weight + " for " + source + "-" + target);
        }
    }
}
