package io.signdx.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removing the console's temporary folders. */
final class Files2 {
    private static final Logger LOG = LoggerFactory.getLogger(Files2.class);

    private Files2() {
    }

    /** Deletes a folder and everything in it; a failure is logged, not thrown (it is clean-up). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete the temporary file {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot clean up {}: {}", dir, e.getMessage());
        }
    }
}
