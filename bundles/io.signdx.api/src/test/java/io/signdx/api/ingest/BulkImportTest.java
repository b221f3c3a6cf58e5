package io.signdx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;

class BulkImportTest {
    /** A store keeping ids in a transaction; an id "poison" fails its batch and discards the transaction. */
    static final class Store implements SignInStore {
        final Set<String> committed = new HashSet<>();
        final Set<String> pending = new HashSet<>();
        final List<String> log = new ArrayList<>();

        @Override
        public StoreResult store(List<SignIn> batch) {
            throw new AssertionError("batches go through the bulk write");
        }

        @Override
        public long size() {
            return committed.size();
        }

        @Override
        public Bulk bulk() {
            return new Bulk() {
                @Override
                public StoreResult add(List<SignIn> batch) {
                    log.add("add " + batch.size());
                    if (batch.stream().anyMatch(s -> "poison".equals(s.id()))) {
                        pending.clear();
                        throw new UncheckedIOException(new java.io.IOException("disk full"));
                    }
                    int stored = 0;
                    for (SignIn s : batch) {
                        if (!committed.contains(s.id()) && pending.add(s.id())) {
                            stored++;
                        }
                    }
                    return new StoreResult(stored, batch.size() - stored);
                }

                @Override
                public void commit() {
                    if (!pending.isEmpty()) {
                        log.add("commit " + pending.size());
                    }
                    committed.addAll(pending);
                    pending.clear();
                }

                @Override
                public void close() {
                    log.add("end");
                }
            };
        }
    }

    private static SignIn signIn(String id) {
        return SignIn.builder().id(id).build();
    }

    @Test
    void batchesCommitsEverySoManyAndCountsCommittedAndAdded() {
        Store store = new Store();
        store.committed.add("r1");
        try (BulkImport load = new BulkImport(store, 3, 6)) {
            for (int i = 0; i < 8; i++) {
                load.accept(signIn("r" + i));
            }
            assertEquals(List.of("add 3", "add 3", "commit 5"), store.log);
            assertEquals(new StoreResult(5, 1), load.committed());
            assertEquals(new StoreResult(5, 1), load.added(), "two gathered, not yet added");
            load.flush();
            assertEquals(new StoreResult(7, 1), load.added());
            assertEquals(new StoreResult(5, 1), load.committed());
            assertEquals(8, load.read());
        }
        assertEquals(List.of("add 3", "add 3", "commit 5", "add 2", "commit 2", "end"), store.log);
        assertEquals(8, store.size());
    }

    @Test
    void aFailedBatchTakesWhatWasNotCommittedOutOfTheCounts() {
        Store store = new Store();
        BulkImport load = new BulkImport(store, 2, 4);
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            load.accept(signIn(id));
        }
        assertEquals(new StoreResult(6, 0), load.added());
        load.accept(signIn("poison"));
        assertThrows(UncheckedIOException.class, () -> load.accept(signIn("g")));
        assertEquals(new StoreResult(4, 0), load.committed());
        assertEquals(new StoreResult(4, 0), load.added(), "e and f were lost with the transaction");
        load.close();
        assertEquals(List.of("add 2", "add 2", "commit 4", "add 2", "add 2", "end"), store.log);
        assertEquals(4, store.size());
    }

    @Test
    void sizesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BulkImport(new Store(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new BulkImport(new Store(), 10, 0));
    }
}
