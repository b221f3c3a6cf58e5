package io.signdx.api.source;

/** A source could not answer a query (unreachable, throttled, corrupt ...). The message says which and why. */
public class SignInSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message and its cause. */
    public SignInSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message. */
    public SignInSourceException(String message) {
        super(message);
    }
}
