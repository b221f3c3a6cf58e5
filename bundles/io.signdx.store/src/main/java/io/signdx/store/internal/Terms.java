package io.signdx.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The store's look-up tables: each distinct user (id, UPN, display name), app (id, name), IP address and
 * client app is written once and rows refer to it by number. A sign-in row then holds four small numbers
 * instead of seven strings, its indexes shrink accordingly, and a user criterion becomes a few index ranges.
 * Numbers are handed out inside the caller's write transaction; a cache remembers those already committed
 * (rows are never removed, so a committed number stays right, even when another process added it) and
 * forgets the ones added by a transaction that was rolled back. Used under the store's lock only, with the
 * store's writing connection only.
 */
final class Terms {
    static final int IP = 1;
    static final int CLIENT_APP = 2;
    /** Caches are emptied past this size: a password spray can bring a new "user" with every sign-in. */
    private static final int CACHED = 100_000;

    private record User(String id, String upn, String name) {
    }

    private record App(String id, String name) {
    }

    private record Term(int kind, String text) {
    }

    private final Map<Object, Long> committed = new HashMap<>();
    private final Map<Object, Long> pending = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** The user's number, adding the user when new; {@code null} when the sign-in names no user. */
    Long user(Connection c, String id, String upn, String name) throws SQLException {
        if (id == null && upn == null && name == null) {
            return null;
        }
        User key = new User(id, upn, name);
        Long ref = cached(key);
        if (ref == null) {
            ref = find(c, "SELECT ref FROM users WHERE user_id IS ? AND upn IS ? AND name IS ?", id, upn, name);
            if (ref == null) {
                ref = add(c, "INSERT INTO users (user_id, upn, name, upn_lc, name_lc) VALUES (?,?,?,?,?)", id, upn,
                        name, Sql.lower(upn), Sql.lower(name));
            }
            remember(key, ref);
        }
        return ref;
    }

    /** The app's number, adding it when new; {@code null} when the sign-in names no app. */
    Long app(Connection c, String id, String name) throws SQLException {
        if (id == null && name == null) {
            return null;
        }
        App key = new App(id, name);
        Long ref = cached(key);
        if (ref == null) {
            ref = find(c, "SELECT ref FROM apps WHERE app_id IS ? AND name IS ?", id, name);
            if (ref == null) {
                ref = add(c, "INSERT INTO apps (app_id, name, app_id_lc, name_lc) VALUES (?,?,?,?)", id, name,
                        Sql.lower(id), Sql.lower(name));
            }
            remember(key, ref);
        }
        return ref;
    }

    /** The number of an IP address (kept in lower case) or client app (kept as written); null for none. */
    Long term(Connection c, int kind, String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Term key = new Term(kind, text);
        Long ref = cached(key);
        if (ref == null) {
            ref = find(c, "SELECT ref FROM terms WHERE kind = ? AND text = ?", kind, text);
            if (ref == null) {
                ref = add(c, "INSERT INTO terms (kind, text) VALUES (?,?)", kind, text);
            }
            remember(key, ref);
        }
        return ref;
    }

    private Long cached(Object key) {
        Long ref = committed.get(key);
        return ref != null ? ref : pending.get(key);
    }

    private void remember(Object key, Long ref) {
        pending.put(key, ref);
    }

    /** The write transaction committed: what it added is now for good. */
    void committed() {
        if (committed.size() + pending.size() > CACHED) {
            committed.clear();
        }
        committed.putAll(pending);
        pending.clear();
    }

    /** The write transaction was rolled back: forget what it added. */
    void rolledBack() {
        pending.clear();
    }

    private Long find(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement ps = statement(c, sql);
        bind(ps, values);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private Long add(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement ps = statement(c, sql + " RETURNING ref");
        bind(ps, values);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Statements are prepared once: a new user, app or address is met thousands of times in a first import. */
    private PreparedStatement statement(Connection c, String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Closes the prepared statements. */
    void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }
}
