package io.signdx.api.ingest;

import java.util.List;

import io.signdx.api.model.SignIn;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The persistent store sign-ins are imported into. It is also registered as a
 * {@link io.signdx.api.source.SignInSource}. Provided by the platform.
 */
@ProviderType
public interface SignInStore {

    /**
     * Stores a batch atomically: after a crash either the whole batch is there or none of it. Importing
     * the same sign-in again (same request id and time) stores nothing and counts it as a duplicate.
     *
     * @throws java.io.UncheckedIOException when the store cannot be written; nothing of the batch is kept
     */
    StoreResult store(List<SignIn> batch);

    /** How many sign-ins the store holds. */
    long size();
}
