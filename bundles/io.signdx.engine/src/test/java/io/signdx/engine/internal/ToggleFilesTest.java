package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToggleFilesTest {
    @TempDir
    Path home;

    @Test
    void disablingWritesAConfigurationFileAndEnablingRemovesEveryFileForTheModule() throws Exception {
        ToggleFiles files = new ToggleFiles(new Home(home));
        files.write("ca.blocked", false);
        Path file = home.resolve("conf/io.signdx.toggle-ca.blocked.cfg");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals("ca.blocked", p.getProperty("module"));
        assertEquals("false", p.getProperty("enabled"));

        Path byHand = home.resolve("conf/io.signdx.toggle-mine.cfg");
        Files.writeString(byHand, "module = ca.blocked\nenabled=false\n");
        Path other = home.resolve("conf/io.signdx.toggle-other.cfg");
        Files.writeString(other, "module=ca.failed\nenabled=false\n");
        files.write("ca.blocked", true);
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(byHand), "a hand-written file for the same module would switch it off again");
        assertTrue(Files.exists(other));
        try (var left = Files.list(home.resolve("data/tmp"))) {
            assertEquals(0, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void idsThatCouldEscapeTheFolderAreRefused() {
        ToggleFiles files = new ToggleFiles(new Home(home));
        assertThrows(IllegalArgumentException.class, () -> files.write("../../etc/passwd", false));
        assertThrows(IllegalArgumentException.class, () -> files.write("a/b", false));
        assertThrows(IllegalArgumentException.class, () -> files.write("", false));
        assertTrue(ToggleFiles.isSafe("partner.acme.expense-access"));
    }
}
