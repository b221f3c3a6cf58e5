package io.signdx.api.ingest;

/**
 * A record that could not be read, and why.
 *
 * @param file the file name
 * @param record the record's number in the file, from 1
 * @param line the line the record starts on, from 1, or 0 when unknown
 * @param reason what is wrong, in plain words
 */
public record Rejection(String file, long record, long line, String reason) {
    @Override
    public String toString() {
        return file + ": record " + record + (line > 0 ? " (line " + line + ")" : "") + ": " + reason;
    }
}
