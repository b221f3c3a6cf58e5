package io.signdx.api.ingest;

/**
 * A file could not be read at all: unknown format (the message lists the formats tried and why each
 * failed), invalid JSON or CSV (the message gives file, line and column), unreadable bytes, or a
 * rejected record in strict mode. The message names the file and is written for the person who gave it.
 */
public class SignInReadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public SignInReadException(String message) {
        super(message);
    }

    /** With a message and its cause. */
    public SignInReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
