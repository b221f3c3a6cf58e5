package io.signdx.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader.Snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's snapshot: installed whole or not at all, read once, put right after a crash. */
class SnapshotStoreTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("home/data");
    }

    private SnapshotStore store() {
        return new SnapshotStore(data().resolve("tenant"), new SnapshotLoader());
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Path snapshotA() throws Exception {
        write("a/policies/mfa.json", SnapshotShapesTest.POLICY);
        write("a/users.json", "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users\", \"value\": []}");
        return dir.resolve("a");
    }

    private Path snapshotB() throws Exception {
        write("b/tenant.json", SnapshotShapesTest.COMBINED);
        return dir.resolve("b");
    }

    private List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(f -> SnapshotFiles.slashes(folder.relativize(f))).sorted().toList();
        }
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(data())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tenant.")).toList();
        }
    }

    @Test
    void withoutAFolderThereIsNoSnapshot() {
        assertEquals(Optional.empty(), store().current());
    }

    @Test
    void installCopiesTheFilesAndHoldsTheSnapshot() throws Exception {
        SnapshotStore store = store();
        Snapshot installed = store.install(List.of(snapshotA()));
        assertEquals(List.of("policies/mfa.json", "users.json"), filesIn(data().resolve("tenant")));
        assertEquals(List.of("policies/mfa.json: 1 conditional access policy (UTF-8)", "users.json: 0 users (UTF-8)"),
                installed.files(), "the stored copy reads back under the same names");
        assertSame(installed, store.current().orElseThrow());
        assertEquals(installed.files(), store().current().orElseThrow().files(), "a new process reads the same");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anInstallByAnotherProcessIsSeenWithoutARestart() throws Exception {
        // the console's store and the command line's, on the same folder
        SnapshotStore console = new SnapshotStore(data().resolve("tenant"), new SnapshotLoader(), Duration.ZERO);
        SnapshotStore cli = store();
        assertEquals(Optional.empty(), console.current());
        cli.install(List.of(snapshotA()));
        assertEquals(List.of("policies/mfa.json: 1 conditional access policy (UTF-8)", "users.json: 0 users (UTF-8)"),
                console.current().orElseThrow().files());
        Snapshot seen = console.current().orElseThrow();
        assertSame(seen, console.current().orElseThrow(), "read once, not on every call");
        cli.install(List.of(snapshotB()));
        assertEquals(2, console.current().orElseThrow().tenant().users().size());
        // asked within its interval, a store answers from memory
        SnapshotStore patient = new SnapshotStore(data().resolve("tenant"), new SnapshotLoader(), Duration.ofHours(1));
        Snapshot b = patient.current().orElseThrow();
        cli.install(List.of(snapshotA()));
        assertSame(b, patient.current().orElseThrow());
        assertEquals(1, console.current().orElseThrow().tenant().policies().size());
    }

    @Test
    void aNewInstallReplacesTheWholeFolder() throws Exception {
        SnapshotStore store = store();
        store.install(List.of(snapshotA()));
        Snapshot b = store.install(List.of(snapshotB()));
        assertEquals(List.of("tenant.json"), filesIn(data().resolve("tenant")), "nothing of the previous one is left");
        assertSame(b, store.current().orElseThrow());
        assertEquals(2, b.tenant().users().size());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedInstallLeavesThePreviousSnapshot() throws Exception {
        SnapshotStore store = store();
        Snapshot a = store.install(List.of(snapshotA()));
        write("bad/broken.json", "{\"value\": [");
        TenantLoadException e = assertThrows(TenantLoadException.class, () -> store.install(List.of(dir.resolve("bad"))));
        assertTrue(e.getMessage().contains("broken.json: is not valid JSON"), e.getMessage());
        assertSame(a, store.current().orElseThrow());
        assertEquals(List.of("policies/mfa.json", "users.json"), filesIn(data().resolve("tenant")));
        assertEquals(a.files(), store().current().orElseThrow().files());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void severalPathsAreStoredUnderTheirNames() throws Exception {
        Path users = write("c/users.json", "[{\"id\": \"u1\", \"userPrincipalName\": \"ada@northwind.example\", "
                + "\"userType\": \"Member\", \"transitiveMemberOf\": []}]");
        Snapshot s = store().install(List.of(snapshotA(), users, snapshotB()));
        assertEquals(List.of("a/policies/mfa.json", "a/users.json", "b/tenant.json", "users.json"),
                filesIn(data().resolve("tenant")));
        assertEquals(4, s.files().size());
        assertTrue(s.files().get(0).startsWith("a/policies/mfa.json: "), s.files().get(0));
        assertEquals(s.files(), new SnapshotLoader().load(List.of(snapshotA(), users, snapshotB())).files(),
                "the labels of the original files are the stored names");
    }

    @Test
    void aCrashBetweenTheTwoRenamesBringsThePreviousSnapshotBack() throws Exception {
        store().install(List.of(snapshotA()));
        // what a crash after "current → old" and before "new → current" leaves behind
        Path tenant = data().resolve("tenant");
        Files.move(tenant, data().resolve(SnapshotStore.OLD_PREFIX + "crashed"));
        Files.createDirectories(data().resolve(SnapshotStore.NEW_PREFIX + "crashed"));
        Files.writeString(data().resolve(SnapshotStore.NEW_PREFIX + "crashed/tenant.json"), "{\"conditionalAcc");
        Snapshot recovered = store().current().orElseThrow();
        assertEquals(1, recovered.tenant().policies().size());
        assertEquals(List.of("policies/mfa.json", "users.json"), filesIn(tenant));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aCrashWhileCopyingOrAfterTheSwapLeavesOnlyGarbageThatIsSwept() throws Exception {
        store().install(List.of(snapshotB()));
        Files.createDirectories(data().resolve(SnapshotStore.NEW_PREFIX + "half/sub"));
        Files.writeString(data().resolve(SnapshotStore.NEW_PREFIX + "half/sub/x.json"), "{");
        Files.createDirectories(data().resolve(SnapshotStore.OLD_PREFIX + "done"));
        Files.writeString(data().resolve(SnapshotStore.OLD_PREFIX + "done/old.json"), "{}");
        assertEquals(2, store().current().orElseThrow().tenant().users().size());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anUnreadableStoredSnapshotIsNoSnapshot() throws Exception {
        Files.createDirectories(data().resolve("tenant"));
        Files.writeString(data().resolve("tenant/x.json"), "not json");
        assertEquals(Optional.empty(), store().current());
    }

    @Test
    void theSnapshotIsReadOnceForEveryThread() throws Exception {
        store().install(List.of(snapshotB()));
        SnapshotStore store = store();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Snapshot>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Snapshot> read = () -> {
                    start.await();
                    return store.current().orElseThrow();
                };
                results.add(pool.submit(read));
            }
            start.countDown();
            Snapshot first = results.get(0).get();
            for (Future<Snapshot> f : results) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // read once: a change on disk behind its back is not seen until the next install
        Files.delete(data().resolve("tenant/tenant.json"));
        assertFalse(store.current().isEmpty());
    }
}
