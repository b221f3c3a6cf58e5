package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signdx import}: batches into one bulk write per file, committed every so many sign-ins and at the end. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Store store = new Store();

    /** Keeps request ids; logs what the command asked of it. */
    static final class Store implements SignInStore {
        final Set<String> committed = new HashSet<>();
        final Set<String> pending = new HashSet<>();
        final List<String> log = new ArrayList<>();

        @Override
        public StoreResult store(List<SignIn> batch) {
            throw new AssertionError("import writes through a bulk write");
        }

        @Override
        public long size() {
            return committed.size();
        }

        @Override
        public Bulk bulk() {
            log.add("begin");
            return new Bulk() {
                @Override
                public StoreResult add(List<SignIn> batch) {
                    log.add("add " + batch.size());
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
                    commit();
                    log.add("end");
                }
            };
        }
    }

    private int run(SignInReader reader, int commitEvery, String... args) {
        ImportCommand c = new ImportCommand(reader, store, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, commitEvery);
        return c.applyAsInt(args);
    }

    private Path export(String name, int from, int to) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("req-" + i + ",user" + (i % 40) + "@contoso.example");
        }
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void commitsEverySoManySignInsAndAtTheEndOfEachFile() throws Exception {
        Path a = export("a.txt", 0, 12_345);
        Path b = export("b.txt", 12_000, 13_000); // 345 already stored
        assertEquals(0, run(new Stubs.Reader(), 10_000, a.toString(), b.toString()), err.toString());
        assertEquals(List.of("begin", "add 5000", "add 5000", "commit 10000", "add 2345", "commit 2345", "end",
                "begin", "add 1000", "commit 655", "end"), store.log);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("a.txt: test; 12345 read, 12345 stored, 0 already stored"), text);
        assertTrue(text.contains("b.txt: test; 1000 read, 655 stored, 345 already stored"), text);
        assertTrue(text.contains("total: 13345 read, 13000 stored, 345 already stored, 0 rejected, 0 file(s) failed"),
                text);
        assertTrue(text.contains("the store holds 13000 sign-ins"), text);
    }

    /** What was read before a file turned out unreadable is stored, and the message says how much. */
    @Test
    void theSignInsReadBeforeAProblemAreCommitted() throws Exception {
        SignInReader breaksAfter7000 = new SignInReader() {
            @Override
            public ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException {
                for (int i = 0; i < 7000; i++) {
                    sink.accept(SignIn.builder().id("r" + i).userPrincipalName("u@contoso.example").build());
                }
                throw new SignInReadException(file.getFileName() + ": invalid JSON at line 9001, column 3");
            }
        };
        Path f = Files.writeString(dir.resolve("cut.json"), "{");
        assertEquals(1, run(breaksAfter7000, 100_000, f.toString()));
        assertEquals(List.of("begin", "add 5000", "add 2000", "commit 7000", "end"), store.log);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("cut.json: invalid JSON at line 9001, column 3 (7000 sign-ins read before the problem "
                + "were stored)"), e);
        assertEquals(7000, store.size());
    }
}
