package io.signdx.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.FileSignInReader;
import io.signdx.store.internal.SqliteSignInStore;
import io.signdx.store.internal.StoreAccess;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Import benchmark (DESIGN §10), whole-process, JVM-internal timing; prints figures, asserts nothing:
 *
 * <pre>java -Xmx512m -cp … io.signdx.bench.IngestBenchmark FILE DBFILE [RUNS]</pre>
 *
 * <ol type="a">
 * <li>raw Jackson token scan of FILE ({@code nextToken()} to the end), best of RUNS (default 3);</li>
 * <li>parse only: {@link FileSignInReader#read} counting sign-ins, best of RUNS, and its ratio to (a);</li>
 * <li>end to end: read + {@code SignInStore.store} in batches of 5,000 (as {@code signdx import}) into a fresh
 * store at DBFILE; rate, store size (db + -wal) and bytes per sign-in;</li>
 * <li>peak heap used during the import (heap pools' peak usage and a 5 ms sampler) under the JVM's -Xmx.</li>
 * </ol>
 * Then, to explain where import time goes, the store's time per sign-in early and late in the import, and
 * where the store's bytes are (SQLite's dbstat: table payload, unused page space, indexes).
 */
public final class IngestBenchmark {
    static final int BATCH = 5000;
    /** Sign-ins per transaction of the bulk write, as {@code signdx import} commits (a property for experiments). */
    static final int COMMIT = Integer.getInteger("signdx.bench.commit", 100_000);

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IngestBenchmark FILE DBFILE [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path db = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long bytes = Files.size(file);
        Runtime rt = Runtime.getRuntime();
        line("input", String.format(Locale.ROOT, "%s, %,.1f MB; JVM max heap %,d MB, %d cores, Java %s", file.getFileName(),
                bytes / 1e6, rt.maxMemory() >> 20, rt.availableProcessors(), System.getProperty("java.version")), null);

        // (a) raw Jackson token scan
        double[] scanned = TokenScan.scan(file, runs);
        double scan = scanned[0];
        long tokens = (long) scanned[1];
        line("(a) raw Jackson token scan", String.format(Locale.ROOT, "%.2f s, %,.0f MB/s (%,d tokens, best of %d)",
                scan, bytes / 1e6 / scan, tokens, runs), "the reference for (b) and for summary");

        // (b) parse only
        FileSignInReader reader = new FileSignInReader();
        double parse = Double.MAX_VALUE;
        long count = 0;
        for (int i = 0; i < runs; i++) {
            long[] n = {0};
            long t0 = System.nanoTime();
            ReadReport r = reader.read(file, false, s -> n[0]++);
            parse = Math.min(parse, seconds(t0));
            count = n[0];
            if (r.rejectedCount() > 0) {
                System.out.println("    note: " + r.rejectedCount() + " records rejected, first: " + r.rejected().get(0));
            }
        }
        line("(b) parse only (FileSignInReader.read)", String.format(Locale.ROOT,
                "%.2f s, %,.0f sign-ins/s, %,.0f MB/s = %.0f %% of the token scan's speed (best of %d)",
                parse, count / parse, bytes / 1e6 / parse, 100 * scan / parse, runs), ">= 50 % of the token scan");

        // (c) end to end import into a fresh store, (d) peak heap
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        SqliteSignInStore store = StoreAccess.open(db);
        SignInStore.Bulk bulk = store.bulk();
        System.gc();
        HeapWatch heap = new HeapWatch();
        long gcCount0 = gcCount();
        long gcTime0 = gcTime();
        List<SignIn> batch = new ArrayList<>(BATCH);
        long[] added = {0};
        long[] inStore = {0};
        List<Long> batchNanos = new ArrayList<>();
        long t0 = System.nanoTime();
        ReadReport report = reader.read(file, false, s -> {
            batch.add(s);
            if (batch.size() == BATCH) {
                long ns = flush(bulk, batch, added);
                inStore[0] += ns;
                batchNanos.add(ns);
            }
        });
        inStore[0] += flush(bulk, batch, added);
        long tc = System.nanoTime();
        bulk.close();
        inStore[0] += System.nanoTime() - tc;
        double imp = seconds(t0);
        heap.stop();
        long gcs = gcCount() - gcCount0;
        long gcMs = gcTime() - gcTime0;
        long dbBytes = size(db);
        long walBytes = size(Path.of(db + "-wal"));
        long rows = store.size();
        StoreAccess.close(store);
        long closedBytes = size(db) + size(Path.of(db + "-wal"));
        line("(c) import end to end (read + store, batches of 5,000, a commit every 100,000)", String.format(Locale.ROOT,
                "%,d sign-ins in %.1f s = %,.0f sign-ins/s (%.1f s = %.0f %% inside the store)",
                report.read(), imp, report.read() / imp, inStore[0] / 1e9, 100.0 * inStore[0] / 1e9 / imp),
                ">= 30,000 sign-ins/s");
        line("(c) store size", String.format(Locale.ROOT,
                "%,.1f MB db + %,.1f MB wal for %,d rows = %,.0f bytes/sign-in = %,.2f GB per million "
                        + "(%,.1f MB after close/checkpoint)",
                dbBytes / 1e6, walBytes / 1e6, rows, (double) (dbBytes + walBytes) / rows,
                (double) (dbBytes + walBytes) / rows * 1e6 / 1e9, closedBytes / 1e6), "<= 1 GB per million");
        line("(d) peak heap used during import", String.format(Locale.ROOT,
                "%,.0f MB sampled max, %,.0f MB sum of heap pools' peaks, under -Xmx %,d MB: survived "
                        + "(%d GCs, %,d ms in GC)",
                heap.max() / 1e6, heap.poolPeaks() / 1e6, rt.maxMemory() >> 20, gcs, gcMs),
                "none in §10 for import; bounded memory, run under -Xmx512m");

        if (batchNanos.size() >= 2) {
            int tenth = Math.max(1, batchNanos.size() / 10);
            line("    analysis: SignInStore.store time per sign-in", String.format(Locale.ROOT,
                    "%,.0f µs in the first %d batches, %,.0f µs in the last %d (store growing from 0 to %,d rows)",
                    perRow(batchNanos, 0, tenth), tenth, perRow(batchNanos, batchNanos.size() - tenth,
                            batchNanos.size()), tenth, rows), null);
        }
        layout(db, rows);
    }

    /** Where the store's bytes are: SQLite's dbstat table (every page, after the checkpoint), per table and index. */
    private static void layout(Path db, long rows) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        StringBuilder parts = new StringBuilder();
        long total = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, sum(pgsize), sum(unused) FROM dbstat GROUP BY name "
                        + "ORDER BY sum(pgsize) DESC")) {
            while (rs.next()) {
                double per = (double) rs.getLong(2) / rows;
                total += rs.getLong(2);
                if (per >= 1) {
                    parts.append(parts.length() == 0 ? "" : ", ").append(rs.getString(1))
                            .append(String.format(Locale.ROOT, " %,.0f", per));
                }
            }
        } catch (SQLException e) {
            line("    analysis: store layout", "dbstat not available: " + e.getMessage(), null);
            return;
        }
        line("    analysis: store layout (SQLite dbstat, bytes/sign-in)", String.format(Locale.ROOT, "%,.0f in all: %s",
                (double) total / rows, parts), null);
    }

    /** Adds a batch to the bulk write, and commits every {@link #COMMIT} sign-ins; the nanoseconds it took. */
    static long flush(SignInStore.Bulk bulk, List<SignIn> batch, long[] added) {
        if (batch.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        StoreResult r = bulk.add(batch);
        added[0] += r.stored() + r.duplicates();
        if (added[0] % COMMIT < batch.size()) {
            bulk.commit();
        }
        batch.clear();
        return System.nanoTime() - t0;
    }

    /** Mean µs per sign-in of full batches [from, to). */
    private static double perRow(List<Long> nanos, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += nanos.get(i);
        }
        return sum / 1e3 / ((to - from) * (double) BATCH);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, g.getCollectionCount());
        }
        return n;
    }

    private static long gcTime() {
        long n = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, g.getCollectionTime());
        }
        return n;
    }

    /** One figure per line, with its DESIGN §10 target beside it. */
    static void line(String what, String figure, String target) {
        System.out.printf(Locale.ROOT, "%-56s %s%s%n", what + ":", figure, target == null ? "" : "   [target " + target + "]");
        System.out.flush();
    }

    /** Peak heap: the heap pools' peak usage since start, and a sampler of used heap every 5 ms. */
    static final class HeapWatch {
        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        HeapWatch() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
            sampler = new Thread(() -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (running) {
                    max.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long max() {
            return max.get();
        }

        /** Sum of each heap pool's own peak (an upper bound: the pools need not peak together). */
        long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
