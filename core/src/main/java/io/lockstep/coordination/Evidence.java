package io.lockstep.coordination;

import io.lockstep.activity.Activity;

import java.util.Objects;

/**
 * One example behind an edge: the shared item (post id of a shared original, {@code #hashtag}, normalised URL,
 * post id of a near-duplicate text, followed account id…) and when each endpoint acted on it (epoch seconds, or
 * {@link Activity#NO_TIME}). {@code sourceTime} belongs to the edge's source (smaller id).
 */
public record Evidence(String item, long sourceTime, long targetTime) {
    public Evidence {
        Objects.requireNonNull(item, "item");
    }
}
