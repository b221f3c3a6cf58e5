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

    /**
     * Begins a bulk write, for importing many batches: they are stored in fewer, larger transactions, which
     * costs the store far less than one transaction per batch once it holds many sign-ins (each commit
     * writes every index page its rows touched, and random keys such as request ids touch many). The caller
     * decides how much one transaction holds by calling {@link Bulk#commit}; memory does not grow with it.
     * Until {@link Bulk#close} no other writer of this store proceeds: a bulk write belongs to one thread.
     * This default stores every batch in a transaction of its own.
     *
     * @since 1.1
     */
    default Bulk bulk() {
        return new Bulk() {
            @Override
            public StoreResult add(List<SignIn> batch) {
                return store(batch);
            }

            @Override
            public void commit() {
                // every batch was committed as it was added
            }

            @Override
            public void close() {
                // nothing is held
            }
        };
    }

    /**
     * A bulk write (see {@link SignInStore#bulk}). What {@link #add} stored becomes durable at the next
     * {@link #commit} or at {@link #close}; if adding or committing fails, everything added since the last
     * commit is discarded and the exception says so: the counts of those batches no longer hold.
     *
     * @since 1.1
     */
    @ProviderType
    interface Bulk extends AutoCloseable {
        /**
         * Adds a batch to the open transaction. A sign-in already stored, or added before in this bulk write,
         * counts as a duplicate.
         *
         * @throws java.io.UncheckedIOException when the store cannot be written; nothing since the last commit is kept
         */
        StoreResult add(List<SignIn> batch);

        /**
         * Makes what was added durable: after this returns, a crash keeps it.
         *
         * @throws java.io.UncheckedIOException when the commit fails; nothing since the last commit is kept
         */
        void commit();

        /** Commits what was added since the last commit and ends the bulk write. */
        @Override
        void close();
    }

    /** How many sign-ins the store holds. */
    long size();
}
