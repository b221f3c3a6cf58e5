package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSourceException;
import io.signdx.source.file.graph.GraphJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores of other layouts: layouts 1 and 2 are upgraded in place, a newer one refused, damage reported. */
class StoreLayoutTest {
    /** The first layout's table, as it was written until 2026-11-23. */
    private static final String VERSION_1 = """
            CREATE TABLE signins (rowid INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,
              request_id TEXT, correlation_id TEXT, created INTEGER,
              user_id TEXT, upn TEXT, user_name TEXT, app_id TEXT, app_name TEXT, ip TEXT,
              error_code INTEGER NOT NULL, flagged INTEGER NOT NULL, client_app TEXT,
              body BLOB NOT NULL, raw BLOB);
            CREATE INDEX signins_upn ON signins(upn, created);
            CREATE INDEX signins_created ON signins(created);
            CREATE INDEX signins_error ON signins(error_code, created);
            CREATE INDEX signins_flagged ON signins(flagged, created);
            """;

    @TempDir
    Path dir;

    private static byte[] deflate(String text) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setDictionary(Version1.DICTIONARY);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    /** A store in the first layout, written as that version wrote it. */
    private Path version1(List<SignIn> signIns) throws Exception {
        Path db = dir.resolve("signins.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.executeUpdate(VERSION_1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signins (uid, request_id, created, upn, "
                    + "error_code, flagged, body, raw) VALUES (?,?,?,?,?,?,?,?)")) {
                for (SignIn x : signIns) {
                    ps.setString(1, x.id().toLowerCase(Locale.ROOT) + "|" + x.createdDateTime().toEpochMilli());
                    ps.setString(2, x.id().toLowerCase(Locale.ROOT));
                    ps.setLong(3, x.createdDateTime().toEpochMilli());
                    ps.setString(4, x.userPrincipalName().toLowerCase(Locale.ROOT));
                    ps.setInt(5, x.errorCode());
                    ps.setInt(6, x.flaggedForReview() ? 1 : 0);
                    ps.setBytes(7, deflate(GraphJson.toJson(x)));
                    ps.setBytes(8, x.raw() == null ? null : deflate(x.raw()));
                    ps.executeUpdate();
                }
            }
        }
        return db;
    }

    private static int userVersion(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    @Test
    void aStoreOfTheFirstLayoutIsUpgradedInPlaceWithEverySignIn() throws Exception {
        List<SignIn> old = SqliteSignInStoreTest.sample(7_000, 21);
        Path db = version1(old);
        SqliteSignInStore store = new SqliteSignInStore(db);
        try {
            assertEquals(Layout.VERSION, userVersion(db));
            assertEquals(7_000, store.size());
            for (SignIn s : old.subList(0, 50)) {
                SignIn back = store.query(SignInQuery.all().withRequestId(s.id())).items().get(0);
                assertEquals(GraphJson.toJson(s), GraphJson.toJson(back));
                assertEquals(s.raw(), back.raw());
            }
            assertEquals(old.stream().filter(s -> s.userPrincipalName().equalsIgnoreCase("bob@contoso.example")).count(),
                    store.count(SignInQuery.all().withUser("BOB@contoso.example")));
            assertEquals(new StoreResult(0, 7_000), store.store(old), "importing the same sign-ins again adds nothing");
        } finally {
            store.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'signins_v1'")) {
            assertEquals(0, rs.getInt(1), "the old table is gone");
        }
    }

    @Test
    void anUpgradeThatFailsChangesNothing() throws Exception {
        Path db = version1(SqliteSignInStoreTest.sample(300, 22));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE signins SET body = x'00112233' WHERE rowid = 250");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SqliteSignInStore(db));
        assertTrue(e.getMessage().contains("upgrading the store from layout 1 to layout 3 failed, nothing was changed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("row 250"), "the row is named: " + e.getMessage());
        assertEquals(0, userVersion(db));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM signins WHERE body IS NOT NULL")) {
            assertEquals(300, rs.getInt(1), "the first layout's rows are all still there");
        }
    }

    @Test
    void aStoreOfANewerLayoutIsRefusedWithAMessage() throws Exception {
        Path db = dir.resolve("newer.db");
        new SqliteSignInStore(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + (Layout.VERSION + 1));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SqliteSignInStore(db));
        assertTrue(e.getMessage().contains("written by a newer SignDx"), e.getMessage());
    }

    @Test
    void aDamagedRecordIsReportedWhenRead() throws Exception {
        Path db = dir.resolve("damaged.db");
        SqliteSignInStore store = new SqliteSignInStore(db);
        try {
            store.store(SqliteSignInStoreTest.sample(10, 23));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE signins SET data = x'ff0a0b' WHERE id = 3");
            }
            SignInSourceException e = assertThrows(SignInSourceException.class, () -> store.query(SignInQuery.all()));
            assertTrue(e.getMessage().contains("the stored sign-in in row 3 is damaged"), e.getMessage());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE signins SET zdict = 99 WHERE id = 3");
            }
            e = assertThrows(SignInSourceException.class, () -> store.query(SignInQuery.all()));
            assertTrue(e.getMessage().contains("the stored sign-in in row 3 refers to dictionary 99"), e.getMessage());
            assertEquals(10, store.count(SignInQuery.all()), "counting needs no record");
        } finally {
            store.close();
        }
    }
}
