package io.signdx.engine.internal;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * The product's home folder and its parts. The launcher (or a test runtime) sets the framework
 * property {@code signdx.home}; without it the working directory is the home.
 */
record Home(Path root) {
    static final String PROPERTY = "signdx.home";

    static Home of(BundleContext context) {
        String value = context.getProperty(PROPERTY);
        return new Home(Path.of(value == null || value.isBlank() ? "." : value).toAbsolutePath().normalize());
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path deploy() {
        return root.resolve("deploy");
    }

    Path data() {
        return root.resolve("data");
    }

    Path logs() {
        return root.resolve("logs");
    }
}
