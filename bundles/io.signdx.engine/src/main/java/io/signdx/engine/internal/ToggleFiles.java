package io.signdx.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Persists module switches as {@code conf/io.signdx.toggle-<id>.cfg} files, the same files an operator
 * may write by hand and FileInstall turns into configuration. A file is written beside the data and
 * moved into place atomically, so FileInstall never reads half a file.
 */
final class ToggleFiles {
    static final String PREFIX = ToggleSetting.PID + "-";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path conf;
    private final Path scratch;

    ToggleFiles(Home home) {
        this.conf = home.conf();
        this.scratch = home.data().resolve("tmp");
    }

    static boolean isSafe(String id) {
        return SAFE_ID.matcher(id).matches() && id.length() <= 200;
    }

    /** Writes (enabled = false) or removes (enabled = true) the switch files of a module. */
    void write(String id, boolean enabled) throws IOException {
        if (!isSafe(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a valid module id");
        }
        Files.createDirectories(conf);
        if (enabled) {
            // Any file that switches this module, whatever its name, would switch it off again.
            try (DirectoryStream<Path> files = Files.newDirectoryStream(conf, PREFIX + "*.cfg")) {
                for (Path f : files) {
                    if (id.equals(moduleOf(f))) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            return;
        }
        Files.createDirectories(scratch);
        Path tmp = Files.createTempFile(scratch, "toggle", ".tmp");
        Files.writeString(tmp, "# written by SignDx: switches module " + id + " off; delete to switch it on\n"
                + "module=" + id + "\nenabled=false\n", StandardCharsets.UTF_8);
        Files.move(tmp, conf.resolve(PREFIX + id + ".cfg"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String moduleOf(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        String module = p.getProperty("module");
        return module == null ? null : module.trim();
    }
}
