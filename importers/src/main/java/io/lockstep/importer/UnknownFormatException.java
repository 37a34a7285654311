package io.lockstep.importer;

import java.io.IOException;

/** A file in none of the known formats; the message names the formats and the header found. */
public final class UnknownFormatException extends IOException {
    public UnknownFormatException(String message) {
        super(message);
    }
}
