package io.signdx.bench;

import java.nio.file.Path;
import java.util.Locale;

import io.signdx.api.ingest.BulkImport;
import io.signdx.source.file.internal.FileSignInReader;
import io.signdx.store.internal.SqliteSignInStore;
import io.signdx.store.internal.StoreAccess;

/**
 * Imports exports into a store (created if need be), in batches of 5,000 committed every 100,000 as {@code signdx
 * import} does, and prints the rate of each file; for building a store of a million sign-ins from several smaller
 * synthetic exports (parts of one tenant, see {@link SyntheticExport}) without the whole product:
 *
 * <pre>java -Xmx512m -cp … io.signdx.bench.ImportFiles DBFILE FILE...</pre>
 */
public final class ImportFiles {
    private ImportFiles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ImportFiles DBFILE FILE...");
            System.exit(2);
        }
        SqliteSignInStore store = StoreAccess.open(Path.of(args[0]));
        try {
            FileSignInReader reader = new FileSignInReader();
            for (int i = 1; i < args.length; i++) {
                long before = store.size();
                long t0 = System.nanoTime();
                long read;
                try (BulkImport load = new BulkImport(store, IngestBenchmark.BATCH, IngestBenchmark.COMMIT)) {
                    reader.read(Path.of(args[i]), false, load::accept);
                    read = load.read();
                }
                double s = IngestBenchmark.seconds(t0);
                IngestBenchmark.line("import " + Path.of(args[i]).getFileName(), String.format(Locale.ROOT,
                        "%,d sign-ins in %.1f s = %,.0f sign-ins/s into a store holding %,d (now %,d)", read, s,
                        read / s, before, store.size()), null);
            }
        } finally {
            StoreAccess.close(store);
        }
    }
}
