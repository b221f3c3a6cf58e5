package io.signdx.store.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.FileSignInReader;

/**
 * The store alone: sign-ins read into memory first, then stored in batches of 5,000 into a fresh store, so that the
 * figures are the store's without the parsing thread beside it (prints, asserts nothing):
 * <pre>java -Xmx3g [-Dkeep=true] -cp … io.signdx.store.internal.StoreProbe FILE DBFILE [COUNT]</pre>
 * ({@code -Dkeep=true}: into the store at DBFILE as it is, else into a fresh one.)
 * Wall time per sign-in, and CPU time per sign-in of the writing thread (SQLite, and packing while it waits) and of
 * the store's packing thread, for the first batch (dictionary training) and the rest.
 */
public final class StoreProbe {
    private StoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path db = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        List<SignIn> all = new ArrayList<>();
        new FileSignInReader().read(file, false, s -> {
            if (all.size() < count) {
                all.add(s);
            }
        });
        if (!Boolean.getBoolean("keep")) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SqliteSignInStore store = new SqliteSignInStore(db);
        long before = store.size();
        long mainCpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        store.store(all.subList(0, 5000));
        long firstWall = System.nanoTime() - t0;
        long firstCpu = threads.getCurrentThreadCpuTime() - mainCpu0;
        long workerCpu0 = workerCpu(threads);
        mainCpu0 = threads.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        for (int from = 5000; from < all.size(); from += 5000) {
            store.store(all.subList(from, Math.min(all.size(), from + 5000)));
        }
        long wall = System.nanoTime() - t0;
        long mainCpu = threads.getCurrentThreadCpuTime() - mainCpu0;
        long workerCpu = workerCpu(threads) - workerCpu0;
        int n = all.size() - 5000;
        System.out.printf(Locale.ROOT, "into a store holding %,d sign-ins%n", before);
        System.out.printf(Locale.ROOT, "first batch of 5,000 (makes the dictionary): %.0f µs wall, %.0f µs CPU a sign-in%n",
                firstWall / 1e3 / 5000, firstCpu / 1e3 / 5000);
        System.out.printf(Locale.ROOT, "the next %,d: %.1f µs wall a sign-in (%,.0f sign-ins/s); CPU a sign-in: writing "
                + "thread %.1f µs, packing thread %.1f µs%n", n, wall / 1e3 / n, n / (wall / 1e9), mainCpu / 1e3 / n,
                workerCpu / 1e3 / n);
        store.close();
    }

    private static long workerCpu(ThreadMXBean threads) {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("signdx-store-pack")) {
                sum += threads.getThreadCpuTime(t.getThreadId());
            }
        }
        return sum;
    }
}
