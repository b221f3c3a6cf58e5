package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.source.file.graph.GraphJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real layout 2 store (written by the layout 2 code, see src/test/resources/layout2/README.md) is upgraded to
 * layout 3 in place, with every sign-in equal in every field; an upgrade that fails, or a process killed in the
 * middle of one, leaves the layout 2 store as it was.
 */
class Layout2UpgradeTest {
    private static final int SIGN_INS = 204;

    @TempDir
    Path dir;

    /** The layout 2 store, as a fresh copy. */
    private Path layout2(String name) throws IOException {
        Path db = dir.resolve(name);
        try (InputStream in = new GZIPInputStream(resource("signins-layout2.db.gz"))) {
            Files.copy(in, db);
        }
        return db;
    }

    private static InputStream resource(String name) {
        InputStream in = Layout2UpgradeTest.class.getResourceAsStream("/layout2/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource layout2/" + name + " is missing");
        }
        return in;
    }

    /** A sign-in of the layout 2 store as it was before it was stored: its fields as Graph JSON, its raw record. */
    private record Expected(String id, String json, String raw, SignIn signIn) {
    }

    /**
     * The sign-ins of the layout 2 store. {@code signIn} is read from the JSON, which has no empty texts: it serves
     * to query and to import again, the comparisons are of {@code json} and {@code raw}.
     */
    private static List<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(resource("signins-layout2-expected.json.gz"))) {
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                String json = n.get("json").asText();
                String raw = n.get("raw").isNull() ? null : n.get("raw").asText();
                SignIn s = GraphJson.fromJson(json, raw, "expected");
                out.add(new Expected(s.id(), json, raw, s));
            }
        }
        return out;
    }

    private static List<SignIn> signIns(List<Expected> expected) {
        return expected.stream().map(Expected::signIn).toList();
    }

    private static int userVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    /** A digest of every row's stored columns and of the dictionaries: equal means untouched. */
    private static byte[] content(Path db) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, uid, created, user, error_code, dict, data FROM signins "
                    + "ORDER BY id")) {
                while (rs.next()) {
                    for (int i = 1; i <= 7; i++) {
                        byte[] b = rs.getBytes(i);
                        md.update(b == null ? new byte[] {-1} : b);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, bytes, records FROM dictionaries ORDER BY id")) {
                while (rs.next()) {
                    md.update(rs.getBytes(1));
                    md.update(rs.getBytes(2));
                    md.update(rs.getBytes(3));
                }
            }
        }
        return md.digest();
    }

    private static void assertHoldsEverySignIn(SqliteSignInStore store, List<Expected> expected) {
        assertEquals(expected.size(), store.size());
        assertFindsEach(store, expected);
    }

    private static void assertFindsEach(SqliteSignInStore store, List<Expected> expected) {
        for (Expected s : expected) {
            List<SignIn> found = store.query(SignInQuery.all().withRequestId(s.id())).items();
            assertEquals(1, found.size(), s.id());
            SignIn back = found.get(0);
            // through Graph JSON both ways: empty texts drop out alike and sets compare as sets (the JSON lists a
            // set in the order of the JVM that wrote it)
            Fields.assertSame(s.signIn(), GraphJson.fromJson(GraphJson.toJson(back), back.raw(), "store"), s.id());
            assertEquals(s.raw(), back.raw(), s.id());
        }
    }

    @Test
    void aLayout2StoreIsUpgradedInPlaceWithEverySignInEqualInEveryField() throws Exception {
        Path db = layout2("signins.db");
        assertEquals(2, userVersion(db));
        List<Expected> expected = expected();
        assertEquals(SIGN_INS, expected.size());
        SqliteSignInStore store = new SqliteSignInStore(db);
        try {
            assertEquals(3, userVersion(db));
            assertHoldsEverySignIn(store, expected);
            for (SignInQuery q : List.of(SignInQuery.all().withUser("BOB@contoso.example"),
                    SignInQuery.all().withApp("teams"), SignInQuery.all().withStatus(SignInQuery.StatusFilter.FAILURE),
                    SignInQuery.all().withIpAddress("198.51.100.7"))) {
                assertEquals(signIns(expected).stream().filter(q::matches).count(), store.count(q));
            }
            assertEquals(new StoreResult(0, SIGN_INS), store.store(signIns(expected)),
                    "the same sign-ins again add nothing");
            SignIn fresh = SqliteSignInStoreTest.sample(1, 77).get(0);
            assertEquals(new StoreResult(1, 0), store.store(List.of(fresh)));
            assertEquals(fresh, store.query(SignInQuery.all().withRequestId(fresh.id())).items().get(0));
        } finally {
            store.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), min(id) FROM dictionaries")) {
                assertEquals(1, rs.getInt(1), "layout 2's two dictionaries are gone, one zstd dictionary is left");
                assertTrue(rs.getLong(2) > 2, "a new number, never one of layout 2's");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT zdict) FROM signins")) {
                assertEquals(1, rs.getInt(1));
            }
            // a layout-2 process still running on the file writes with the old column name: refused, not stored
            java.sql.SQLException old = assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO signins (uid, created, error_code, flagged, dict, data) VALUES (x'01', 0, 0, 0, 1, x'00')"));
            assertTrue(old.getMessage().contains("dict"), old.getMessage());
        }
        SqliteSignInStore reopened = new SqliteSignInStore(db);
        try {
            assertFindsEach(reopened, expected.subList(0, 20));
        } finally {
            reopened.close();
        }
    }

    @Test
    void anUpgradeThatFailsNamesTheRowAndChangesNothing() throws Exception {
        Path db = layout2("damaged.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE signins SET data = substr(data, 1, length(data) - 3) WHERE id = 150");
        }
        byte[] before = content(db);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SqliteSignInStore(db));
        assertTrue(e.getMessage().contains("upgrading the store from layout 2 to layout 3 failed, nothing was changed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the sign-in in row 150 cannot be read"), e.getMessage());
        assertEquals(2, userVersion(db));
        assertArrayEquals(before, content(db), "every row and dictionary as it was");
    }

    /**
     * kill -9 while a child process upgrades a layout 2 store (the kill lands while it holds the write lock, that is
     * inside the upgrade's transaction): the file passes SQLite's integrity check, is still layout 2 with every row
     * and dictionary as it was, and the next open upgrades it completely.
     */
    @Test
    void killNineDuringTheUpgradeLeavesTheLayout2StoreAsItWas() throws Exception {
        Path template = layout2("template.db");
        // a larger store, so that the upgrade takes a while: the same stored sign-ins under other keys
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + template); Statement s = c.createStatement()) {
            for (int i = 0; i < 7; i++) {
                s.executeUpdate("INSERT INTO signins (uid, created, corr, user, app, ip, client, error_code, flagged, "
                        + "dict, data) SELECT randomblob(17), created, corr, user, app, ip, client, error_code, flagged, "
                        + "dict, data FROM signins");
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = content(template);
        int midUpgrade = 0;
        for (int run = 0; run < 3; run++) {
            Path db = dir.resolve("run" + run + ".db");
            Files.copy(template, db);
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    UpgradeChild.class.getName(), db.toString())
                    .redirectError(dir.resolve("child-" + run + ".err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("opening", out.readLine());
            boolean killedInside = false;
            try (Connection probe = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = probe.createStatement()) {
                s.execute("PRAGMA busy_timeout=0");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.isAlive() && System.nanoTime() < deadline) {
                    if (!writeLocked(s)) {
                        Thread.sleep(5); // leave the child room to take the lock
                    } else {
                        Thread.sleep(run * 150L); // vary where in the upgrade the kill lands
                        killedInside = writeLocked(s);
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1), "run " + run);
            }
            int version = userVersion(db);
            if (version == 2) {
                assertArrayEquals(before, content(db), "run " + run + ": every row and dictionary as it was");
                if (killedInside) {
                    midUpgrade++;
                }
            } else {
                assertEquals(3, version, "run " + run);
            }
            SqliteSignInStore store = new SqliteSignInStore(db);
            try {
                assertEquals(3, userVersion(db));
                assertEquals(SIGN_INS * 128, store.size());
                assertFindsEach(store, expected()); // the copies have other keys: one row per request id
                int read = 0;
                for (int offset = 0; offset < SIGN_INS * 128; offset += 5000) {
                    read += store.query(SignInQuery.all().withPage(offset, 5000)).items().size();
                }
                assertEquals(SIGN_INS * 128, read, "every row reads");
            } finally {
                store.close();
            }
        }
        assertTrue(midUpgrade > 0, "at least one kill landed inside the upgrade's transaction and left layout 2");
    }

    /** Whether another connection holds the write lock (BEGIN IMMEDIATE fails at once). */
    private static boolean writeLocked(Statement s) throws SQLException {
        try {
            s.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            return true;
        }
        s.execute("ROLLBACK");
        return false;
    }
}
