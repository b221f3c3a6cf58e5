package io.signdx.api.ingest;

import java.util.ArrayList;
import java.util.List;

import io.signdx.api.model.SignIn;

/**
 * Sign-ins read from a file into a store's bulk write ({@link SignInStore#bulk}): gathered into batches, committed
 * every so many sign-ins and at {@link #close}, counted as committed and as added. If the store fails, everything
 * since the last commit is gone from the store and from these counts, and the exception is rethrown. Used by
 * one thread, like the bulk write it holds.
 *
 * @since 1.1
 */
public final class BulkImport implements AutoCloseable {
    private final SignInStore.Bulk bulk;
    private final int batchSize;
    private final int commitEvery;
    private final List<SignIn> batch;
    private long read;
    private long stored;
    private long duplicates;
    private long pendingRead;
    private long pendingStored;
    private long pendingDuplicates;

    /**
     * Begins a bulk write of {@code store}.
     *
     * @param batchSize sign-ins handed to the store at a time
     * @param commitEvery sign-ins per transaction (at least one batch)
     */
    public BulkImport(SignInStore store, int batchSize, int commitEvery) {
        if (batchSize < 1 || commitEvery < 1) {
            throw new IllegalArgumentException("batch size and commit interval must be positive");
        }
        this.batchSize = batchSize;
        this.commitEvery = commitEvery;
        this.batch = new ArrayList<>(batchSize);
        this.bulk = store.bulk();
    }

    /** One sign-in read; stores a batch when it is full. */
    public void accept(SignIn s) {
        read++;
        batch.add(s);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /** Hands the sign-ins gathered so far to the store; commits when enough were added since the last commit. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        StoreResult r;
        try {
            r = bulk.add(batch);
        } catch (RuntimeException e) {
            discardPending();
            throw e;
        }
        pendingRead += batch.size();
        pendingStored += r.stored();
        pendingDuplicates += r.duplicates();
        batch.clear();
        if (pendingRead >= commitEvery) {
            commit();
        }
    }

    /** Makes what was added durable (a gathered, unflushed batch is not added: {@link #flush} first). */
    public void commit() {
        try {
            bulk.commit();
        } catch (RuntimeException e) {
            discardPending();
            throw e;
        }
        stored += pendingStored;
        duplicates += pendingDuplicates;
        pendingRead = 0;
        pendingStored = 0;
        pendingDuplicates = 0;
    }

    private void discardPending() {
        pendingRead = 0;
        pendingStored = 0;
        pendingDuplicates = 0;
        batch.clear();
    }

    /** Sign-ins given to {@link #accept}. */
    public long read() {
        return read;
    }

    /** What is committed: stored for good, and found already stored. */
    public StoreResult committed() {
        return new StoreResult(Math.toIntExact(stored), Math.toIntExact(duplicates));
    }

    /** What was added, committed or not: the progress to show while importing. */
    public StoreResult added() {
        return new StoreResult(Math.toIntExact(stored + pendingStored), Math.toIntExact(duplicates + pendingDuplicates));
    }

    /** Stores and commits what is gathered and ends the bulk write. */
    @Override
    public void close() {
        try {
            flush();
            commit();
        } finally {
            bulk.close();
        }
    }
}
