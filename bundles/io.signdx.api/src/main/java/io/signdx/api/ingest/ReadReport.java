package io.signdx.api.ingest;

import java.util.List;

/**
 * What reading one file gave.
 *
 * @param file the file name
 * @param format the format detected, e.g. "Graph beta list response (JSON)"
 * @param read records read successfully (handed to the consumer)
 * @param rejected records that could not be read, each with its reason (the first 1,000 are kept)
 * @param rejectedCount how many records were rejected in all
 */
public record ReadReport(String file, String format, long read, List<Rejection> rejected, long rejectedCount) {
    /** Copies the rejections so the report stays immutable. */
    public ReadReport {
        rejected = List.copyOf(rejected);
    }
}
