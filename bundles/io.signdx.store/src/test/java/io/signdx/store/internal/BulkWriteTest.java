package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk writes: many batches in one transaction, committed when the caller says, one writer at a time. */
class BulkWriteTest {
    @TempDir
    Path dir;
    private Path db;
    private SqliteSignInStore store;

    @BeforeEach
    void open() {
        db = dir.resolve("data/signins.db");
        store = new SqliteSignInStore(db);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void assertStored(List<SignIn> signIns) {
        for (SignIn s : List.of(signIns.get(0), signIns.get(signIns.size() / 2), signIns.get(signIns.size() - 1))) {
            List<SignIn> back = store.query(SignInQuery.all().withRequestId(s.id())).items();
            assertEquals(1, back.size(), s.id());
            Fields.assertSame(s, back.get(0), s.id());
        }
    }

    @Test
    void batchesAreOneTransactionUntilCommittedAndEachSignInIsStoredOnce() {
        List<SignIn> a = SqliteSignInStoreTest.sample(1200, 1);
        List<SignIn> b = SqliteSignInStoreTest.sample(800, 2);
        try (SignInStore.Bulk bulk = store.bulk()) {
            assertEquals(new StoreResult(1200, 0), bulk.add(a));
            assertEquals(0, store.size(), "nothing is visible before the commit");
            // sign-ins added earlier in the same transaction are duplicates, as are repeats within a batch
            List<SignIn> mixed = new ArrayList<>(b);
            mixed.addAll(a.subList(0, 300));
            mixed.add(b.get(5));
            assertEquals(new StoreResult(800, 301), bulk.add(mixed));
            bulk.commit();
            assertEquals(2000, store.size());
            assertEquals(new StoreResult(0, 1200), bulk.add(a), "already committed");
            assertEquals(new StoreResult(0, 0), bulk.add(List.of()));
            List<SignIn> c = SqliteSignInStoreTest.sample(300, 3);
            assertEquals(new StoreResult(300, 0), bulk.add(c));
            assertEquals(2000, store.size());
        }
        assertEquals(2300, store.size(), "closing commits");
        store.close();
        store = new SqliteSignInStore(db);
        assertEquals(2300, store.size());
        assertStored(a);
        assertStored(b);
        assertStored(SqliteSignInStoreTest.sample(300, 3));
    }

    @Test
    void oneWriterAtATime() throws Exception {
        List<SignIn> other = SqliteSignInStoreTest.sample(100, 9);
        CompletableFuture<StoreResult> waiting;
        try (SignInStore.Bulk bulk = store.bulk()) {
            bulk.add(SqliteSignInStoreTest.sample(100, 8));
            IllegalStateException same = assertThrows(IllegalStateException.class, () -> store.store(other));
            assertTrue(same.getMessage().contains("bulk write open"), same.getMessage());
            assertThrows(IllegalStateException.class, () -> store.bulk());
            CompletionException foreign = assertThrows(CompletionException.class,
                    () -> CompletableFuture.runAsync(bulk::commit).join());
            assertTrue(foreign.getCause() instanceof IllegalStateException, String.valueOf(foreign.getCause()));
            CompletionException foreignClose = assertThrows(CompletionException.class,
                    () -> CompletableFuture.runAsync(bulk::close).join());
            assertTrue(foreignClose.getCause() instanceof IllegalStateException, String.valueOf(foreignClose.getCause()));
            waiting = CompletableFuture.supplyAsync(() -> store.store(other));
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "another thread's batch waits for the bulk write to end");
            assertEquals(0, store.size(), "a query does not wait: it reads what is committed");
        }
        assertEquals(new StoreResult(100, 0), waiting.get(10, TimeUnit.SECONDS));
        assertEquals(200, store.size());
    }

    /** Another process (here: another store on the same file) waits for one transaction, not the whole bulk write. */
    @Test
    void anotherProcessWaitsForTheTransactionOnly() throws Exception {
        SqliteSignInStore other = new SqliteSignInStore(db);
        try {
            try (SignInStore.Bulk bulk = store.bulk()) {
                bulk.add(SqliteSignInStoreTest.sample(500, 21));
                CompletableFuture<StoreResult> waiting = CompletableFuture.supplyAsync(
                        () -> other.store(SqliteSignInStoreTest.sample(100, 22)));
                Thread.sleep(300);
                assertFalse(waiting.isDone(), "SQLite's write lock is held until the commit");
                assertEquals(0, other.size(), "reading does not wait");
                bulk.commit();
                assertEquals(new StoreResult(100, 0), waiting.get(30, TimeUnit.SECONDS));
                assertEquals(new StoreResult(200, 0), bulk.add(SqliteSignInStoreTest.sample(200, 23)));
            }
            assertEquals(800, store.size());
            assertEquals(800, other.size());
        } finally {
            other.close();
        }
    }

    /**
     * A writer that cannot get SQLite's write lock in time stores nothing and says why; its next batch is one
     * transaction again (a half-begun transaction would leave it writing row by row, unprotected).
     */
    @Test
    void aWriterThatCannotGetTheLockStoresNothingAndStaysTransactional() throws Exception {
        SqliteSignInStore impatient = new SqliteSignInStore(db, 200);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // another process is importing
                UncheckedIOException e = assertThrows(UncheckedIOException.class,
                        () -> impatient.store(SqliteSignInStoreTest.sample(100, 31)));
                assertTrue(e.getMessage().contains("locked") && e.getMessage().contains("nothing of this batch was kept"),
                        e.getMessage());
                UncheckedIOException inBulk = assertThrows(UncheckedIOException.class, () -> {
                    try (SignInStore.Bulk bulk = impatient.bulk()) {
                        bulk.add(SqliteSignInStoreTest.sample(100, 32));
                    }
                });
                assertTrue(inBulk.getMessage().contains("locked"), inBulk.getMessage());
                s.execute("ROLLBACK");
                s.execute("CREATE TRIGGER fail BEFORE INSERT ON signins WHEN NEW.error_code = 99999 "
                        + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
            }
            // the poisoned row is in the second INSERT statement: without a transaction the first would stay
            List<SignIn> poisoned = new ArrayList<>(SqliteSignInStoreTest.sample(120, 33));
            poisoned.set(SqliteSignInStore.ROWS_PER_INSERT + 10, poisoned.get(SqliteSignInStore.ROWS_PER_INSERT + 10)
                    .toBuilder().status(new Status(99999, "x", null)).build());
            assertThrows(UncheckedIOException.class, () -> impatient.store(poisoned));
            assertEquals(0, impatient.size());
            try (SignInStore.Bulk bulk = impatient.bulk()) {
                assertThrows(UncheckedIOException.class, () -> bulk.add(poisoned));
            }
            assertEquals(0, impatient.size());
            assertEquals(new StoreResult(100, 0), impatient.store(SqliteSignInStoreTest.sample(100, 34)));
            assertEquals(100, store.size());
        } finally {
            impatient.close();
        }
    }

    /**
     * A batch that fails discards everything since the last commit, the dictionaries made in that transaction
     * included, and says how much; the bulk write goes on, and what was lost can be added again.
     */
    @Test
    void aFailedBatchDiscardsWhatWasNotCommittedAndNothingElse() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // a failure inside SQLite, on one row: the way a full disk or a damaged page would stop a batch
            s.execute("CREATE TRIGGER fail BEFORE INSERT ON signins WHEN NEW.error_code = 99999 "
                    + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        // small first batches: each makes a dictionary of its own (a larger batch trains a better one)
        List<SignIn> a = SqliteSignInStoreTest.sample(300, 11);
        List<SignIn> b = SqliteSignInStoreTest.sample(600, 12);
        List<SignIn> poisoned = new ArrayList<>(SqliteSignInStoreTest.sample(900, 13));
        poisoned.set(450, poisoned.get(450).toBuilder().status(new Status(99999, "x", null)).build());
        List<SignIn> d = SqliteSignInStoreTest.sample(700, 14);
        try (SignInStore.Bulk bulk = store.bulk()) {
            bulk.add(a);
            bulk.commit();
            bulk.add(b);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> bulk.add(poisoned));
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing since the last commit was kept: 1500 sign-ins"), e.getMessage());
            assertEquals(300, store.size());
            assertEquals(new StoreResult(600, 0), bulk.add(b), "the lost sign-ins are new again");
            assertEquals(new StoreResult(700, 0), bulk.add(d));
        }
        assertEquals(1600, store.size());
        store.close();
        store = new SqliteSignInStore(db);
        assertStored(a);
        assertStored(b);
        assertStored(d);
    }
}
