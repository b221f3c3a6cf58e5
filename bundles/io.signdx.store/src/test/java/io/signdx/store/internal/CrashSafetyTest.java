package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of an import, with a real child process, several times over the same file:
 * the store always reopens, passes SQLite's integrity check, holds every batch the child reported as
 * committed, and never part of a transaction: of one batch, or of several in a bulk write.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"batches", "bulk"})
    void killNineDuringImportLosesNoCommittedBatchAndCorruptsNothing(String mode) throws Exception {
        // a transaction holds one batch, or several in a bulk write
        int transaction = mode.equals("bulk") ? 1000 * CrashImporter.BULK_BATCHES : 1000;
        Path db = dir.resolve("signins.db");
        long lastReported = 0;
        for (int run = 1; run <= 4; run++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashImporter.class.getName(), db.toString(), String.valueOf(run), mode)
                    .redirectError(dir.resolve("importer-" + run + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            int commits = 0;
            String line;
            long killAfter = 3 + run; // vary where the kill lands
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastReported = Long.parseLong(line.substring(10));
                    if (++commits >= killAfter) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
                        break;
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(killAfter, commits, "the importer stopped by itself: "
                    + Files.readString(dir.resolve("importer-" + run + ".err")));

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1), "run " + run);
                }
            }
            SqliteSignInStore reopened = new SqliteSignInStore(db);
            try {
                long size = reopened.size();
                assertTrue(size >= lastReported, "run " + run + ": " + size + " stored, " + lastReported
                        + " reported committed");
                assertEquals(0, size % transaction, "run " + run + ": never part of a transaction (" + size + ")");
            } finally {
                reopened.close();
            }
        }
    }
}
