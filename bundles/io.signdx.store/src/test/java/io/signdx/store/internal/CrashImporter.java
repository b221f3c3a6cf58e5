package io.signdx.store.internal;

import java.nio.file.Path;
import java.util.List;

import io.signdx.api.model.SignIn;

/**
 * A child process for {@link CrashSafetyTest}: imports batches of 1,000 sign-ins forever and prints the
 * running total after each commit, until it is killed.
 */
public final class CrashImporter {
    private CrashImporter() {
    }

    public static void main(String[] args) {
        SqliteSignInStore store = new SqliteSignInStore(Path.of(args[0]));
        long seed = Long.parseLong(args[1]);
        for (long batch = 0;; batch++) {
            List<SignIn> signIns = SqliteSignInStoreTest.sample(1000, seed * 100_000 + batch);
            store.store(signIns);
            System.out.println("committed " + store.size());
            System.out.flush();
        }
    }
}
