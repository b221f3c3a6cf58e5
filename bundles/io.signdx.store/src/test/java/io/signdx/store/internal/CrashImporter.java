package io.signdx.store.internal;

import java.nio.file.Path;
import java.util.List;

import io.signdx.api.ingest.SignInStore;
import io.signdx.api.model.SignIn;

/**
 * A child process for {@link CrashSafetyTest}: imports batches of 1,000 sign-ins forever, one transaction each
 * or (with "bulk") {@value #BULK_BATCHES} in one bulk-write transaction, and prints the running total after
 * each commit, until it is killed.
 */
public final class CrashImporter {
    static final int BULK_BATCHES = 3;

    private CrashImporter() {
    }

    public static void main(String[] args) {
        SqliteSignInStore store = new SqliteSignInStore(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        // "bulk": a bulk write committing every BULK_BATCHES batches, so that the kill may land between commits
        boolean bulk = args.length > 2 && args[2].equals("bulk");
        SignInStore.Bulk writer = bulk ? store.bulk() : null;
        for (long batch = 0;; batch++) {
            List<SignIn> signIns = SqliteSignInStoreTest.sample(1000, seed * 100_000 + batch);
            if (!bulk) {
                store.store(signIns);
            } else {
                writer.add(signIns);
                if ((batch + 1) % BULK_BATCHES != 0) {
                    continue;
                }
                writer.commit();
            }
            System.out.println("committed " + store.size());
            System.out.flush();
        }
    }
}
