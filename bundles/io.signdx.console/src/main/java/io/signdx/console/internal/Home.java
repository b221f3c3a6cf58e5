package io.signdx.console.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The product's data folder: {@code data/} under the framework property {@code signdx.home}. */
final class Home {
    private Home() {
    }

    static Path data(BundleContext context) {
        return root(context).resolve("data");
    }

    static Path root(BundleContext context) {
        String home = context.getProperty("signdx.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
