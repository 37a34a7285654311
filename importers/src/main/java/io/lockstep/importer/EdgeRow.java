package io.lockstep.importer;

import io.lockstep.activity.Activity;

import java.util.Objects;

/**
 * One edge of an edge-list file. A follow ({@code follow == true}) is follower → followee; otherwise a generic
 * interaction with an optional {@code type} (null when absent), {@code time} (epoch seconds or
 * {@link Activity#NO_TIME}) and {@code weight} (1 when absent).
 */
public record EdgeRow(String source, String target, boolean follow, String type, long time, double weight) {
    public EdgeRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public static EdgeRow follow(String follower, String followee) {
        return new EdgeRow(follower, followee, true, null, Activity.NO_TIME, 1.0);
    }
}
