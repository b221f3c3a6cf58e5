package io.signdx.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables (SQLite {@code user_version} {@value #VERSION}).
 *
 * <p>{@code signins} holds what queries filter, sort and count on, all of it small: the duplicate key
 * ({@link Keys#uid}), time, correlation id key, the numbers of the user, app, address and client app
 * ({@link Terms}), error code and flag; then the sign-in itself, once, compressed ({@link Packer}) with one of
 * the zstd dictionaries of the {@code dictionaries} table, last in the row, read only for the page being shown (queries find and sort row ids from the indexes alone). A
 * separate table for the sign-ins cost a second insert per row, a sixth of the import time. Indexes are
 * the ones a query of {@code SignInQuery} or a count needs: user, app and address with time (user also with
 * the flag, so that a user's page is sorted from the index alone), correlation id, error code with time
 * (status and error-code filters, counts by error code) and flag with time (the default listing: flagged
 * first, newest first; a time window alone is two ranges of it, see {@link Sql}). Request ids are found
 * through the duplicate key, which starts with them. Every index costs insert time and room: there is none
 * that a query does not use.
 *
 * <p>Version 1 (before 2026-11-23) kept the normalized sign-in and the raw record as two deflated blobs in
 * one wide row with eleven indexes ({@link Version1}); version 2 had the tables of version 3 but compressed each
 * sign-in with a codec of its own and kept some as their raw record alone ({@link Version2}).
 * {@link SqliteSignInStore} upgrades a store of either in place, in one transaction, when it opens it.
 */
final class Layout {
    static final int VERSION = 3;

    static final String SCHEMA = """
            CREATE TABLE signins (
              id INTEGER PRIMARY KEY,
              uid BLOB NOT NULL UNIQUE,
              created INTEGER,
              corr BLOB,
              user INTEGER, app INTEGER, ip INTEGER, client INTEGER,
              error_code INTEGER NOT NULL,
              flagged INTEGER NOT NULL,
              zdict INTEGER NOT NULL,
              data BLOB NOT NULL);
            CREATE INDEX signins_user ON signins(user, created, flagged);
            CREATE INDEX signins_app ON signins(app, created);
            CREATE INDEX signins_ip ON signins(ip, created);
            CREATE INDEX signins_corr ON signins(corr);
            CREATE INDEX signins_error ON signins(error_code, created);
            CREATE INDEX signins_flagged ON signins(flagged, created);
            CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL, records INTEGER NOT NULL);
            CREATE TABLE users (ref INTEGER PRIMARY KEY, user_id TEXT, upn TEXT, name TEXT, upn_lc TEXT, name_lc TEXT);
            CREATE INDEX users_id ON users(user_id);
            CREATE INDEX users_upn ON users(upn_lc);
            CREATE INDEX users_name ON users(name_lc);
            CREATE TABLE apps (ref INTEGER PRIMARY KEY, app_id TEXT, name TEXT, app_id_lc TEXT, name_lc TEXT);
            CREATE INDEX apps_id ON apps(app_id_lc);
            CREATE INDEX apps_name ON apps(name_lc);
            CREATE TABLE terms (ref INTEGER PRIMARY KEY, kind INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (kind, text));
            """;

    /** The indexes of version 1, dropped when upgrading (some of their names are taken again). */
    static final String[] VERSION_1_INDEXES = {"signins_upn", "signins_user_id", "signins_user_name", "signins_app_id",
        "signins_app_name", "signins_correlation", "signins_created", "signins_error", "signins_flagged", "signins_ip"};

    private Layout() {
    }

    /** What the file holds: 0 for an empty database, 1 for the first layout, else its user_version. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int v;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                v = rs.getInt(1);
            }
            if (v != 0) {
                return v;
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'signins'")) {
                return rs.getInt(1) > 0 ? 1 : 0;
            }
        }
    }
}
