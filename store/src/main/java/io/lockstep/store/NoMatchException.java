package io.lockstep.store;

/** A query of the user's (an account, a cluster, a community) that the store holds nothing for. */
public final class NoMatchException extends RuntimeException {
    public NoMatchException(String message) {
        super(message);
    }
}
