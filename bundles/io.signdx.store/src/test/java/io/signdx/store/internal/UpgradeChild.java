package io.signdx.store.internal;

import java.nio.file.Path;

/**
 * A child process for {@link Layout2UpgradeTest}: opens a store (which upgrades it), says so before and after, then
 * waits to be killed.
 */
public final class UpgradeChild {
    private UpgradeChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("opening");
        System.out.flush();
        SqliteSignInStore store = new SqliteSignInStore(Path.of(args[0]));
        System.out.println("opened " + store.size());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
