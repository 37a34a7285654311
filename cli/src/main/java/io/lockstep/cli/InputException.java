package io.lockstep.cli;

/** A problem with the user's input files, reported as one line. */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
