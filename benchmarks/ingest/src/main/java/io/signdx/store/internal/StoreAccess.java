package io.signdx.store.internal;

import java.nio.file.Path;

/**
 * Benchmark-only access to the store's package-private constructor and close method. It lives in the
 * store's package on the benchmark's plain class path (never in the product); no reflection needed. Keep it
 * to these two members so that changes inside the store do not break the benchmark's build. (The probes beside it,
 * {@link CodecProbe} and {@link StoreProbe}, measure the store's stages and use its internals on purpose: adapt them
 * with the store.)
 */
public final class StoreAccess {
    private StoreAccess() {
    }

    /** Opens (creating if need be) a store on this database file, as the product does on data/signins.db. */
    public static SqliteSignInStore open(Path file) {
        return new SqliteSignInStore(file);
    }

    /** Closes its connections (SQLite checkpoints the WAL into the database file on the last close). */
    public static void close(SqliteSignInStore store) {
        store.close();
    }
}
