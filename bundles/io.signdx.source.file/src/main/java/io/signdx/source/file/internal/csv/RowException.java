package io.signdx.source.file.internal.csv;

/** A row cannot be converted; the message says precisely what is wrong, for the person who gave the file. */
final class RowException extends Exception {
    private static final long serialVersionUID = 1L;

    RowException(String message) {
        super(message, null, false, false);
    }
}
