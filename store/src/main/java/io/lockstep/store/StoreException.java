package io.lockstep.store;

/** A store problem the user can act on: the message is one line, fit for the CLI. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
