package io.signdx.api.ingest;

/**
 * What storing one batch did.
 *
 * @param stored sign-ins newly stored
 * @param duplicates sign-ins the store already held (same request id and time), skipped
 */
public record StoreResult(int stored, int duplicates) {
}
