package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One data row of a CSV sign-in export: either the sign-in it holds, Graph beta {@code signIn} shaped,
 * or the reason it could not be read. Exactly one of {@code signIn} and {@code error} is set.
 *
 * @param record the row's number among the data rows, from 1 (the header is not counted)
 * @param line the physical line the row starts on, from 1 (quoted cells may span lines)
 * @param signIn the sign-in, or null when the row is rejected
 * @param error what is wrong with the row, naming the column and value, or null when it was read
 */
public record CsvRecord(long record, long line, ObjectNode signIn, String error) {

    public CsvRecord {
        if ((signIn == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of signIn and error must be given");
        }
    }

    /** Whether the row was read into a sign-in. */
    public boolean ok() {
        return signIn != null;
    }
}
