package io.lockstep.importer;

import io.lockstep.activity.Activity;

import java.util.Objects;

/**
 * An account profile as an archive gives it. Null strings and negative counts mean "not given" and never overwrite
 * what the store already knows. {@code createdAt} is epoch seconds or {@link Activity#NO_TIME}.
 */
public record AccountRow(String id, String screenName, String displayName, String location, String description,
                         String profileUrl, long followersCount, long followingCount, long createdAt,
                         String language) {
    public AccountRow {
        Objects.requireNonNull(id, "id");
    }

    /** An account known only by its id. */
    public static AccountRow ofId(String id) {
        return new AccountRow(id, null, null, null, null, null, -1, -1, Activity.NO_TIME, null);
    }
}
