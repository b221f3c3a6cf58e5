package io.signdx.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.signdx.api.source.SignInQuery;

/**
 * A {@link SignInQuery} as a SQL WHERE clause over the {@code signins} table with bound parameters (never
 * concatenated values), meaning exactly what {@link SignInQuery#matches} means: text criteria compare
 * case-insensitively (the look-up tables hold lower case, so their indexes serve the comparison), the time
 * window is [from, to). A user or app criterion is first resolved to the few reference numbers of the users
 * or apps it names (each of the three ways of naming a user has its own index), then served by the
 * (user, created) or (app, created) index: one index range per reference instead of an OR over three columns.
 */
record Sql(String where, List<Object> params) {
    static Sql of(SignInQuery q) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.user() != null) {
            clauses.add("user IN (SELECT ref FROM users WHERE user_id = ? UNION SELECT ref FROM users WHERE upn_lc = ? "
                    + "UNION SELECT ref FROM users WHERE name_lc = ?)");
            params.add(q.user());
            params.add(lower(q.user()));
            params.add(lower(q.user()));
        }
        if (q.app() != null) {
            clauses.add("app IN (SELECT ref FROM apps WHERE app_id_lc = ? UNION SELECT ref FROM apps WHERE name_lc = ?)");
            params.add(lower(q.app()));
            params.add(lower(q.app()));
        }
        if (q.correlationId() != null) {
            clauses.add("corr = ?");
            params.add(Keys.id(q.correlationId()));
        }
        if (q.requestId() != null) {
            byte[][] range = Keys.requestRange(q.requestId());
            clauses.add("uid BETWEEN ? AND ?");
            params.add(range[0]);
            params.add(range[1]);
        }
        if ((q.from() != null || q.to() != null) && clauses.isEmpty() && q.errorCodes().isEmpty()
                && q.status() == SignInQuery.StatusFilter.ANY && q.ipAddress() == null && !q.flaggedOnly()) {
            // a time window alone: two ranges of the (flagged, created) index (flagged is 0 or 1); there is no
            // index on the time alone, which would cost every insert for this one kind of query
            clauses.add("flagged IN (0, 1)");
        }
        if (q.from() != null) {
            clauses.add("created >= ?");
            params.add(millis(q.from()));
        }
        if (q.to() != null) {
            clauses.add("created < ?");
            params.add(millis(q.to()));
        }
        if (q.status() == SignInQuery.StatusFilter.SUCCESS) {
            clauses.add("error_code = 0");
        } else if (q.status() == SignInQuery.StatusFilter.FAILURE) {
            clauses.add("error_code <> 0");
        }
        if (!q.errorCodes().isEmpty()) {
            clauses.add("error_code IN (" + String.join(",", q.errorCodes().stream().map(c -> "?").toList()) + ")");
            params.addAll(q.errorCodes());
        }
        if (q.flaggedOnly()) {
            clauses.add("flagged = 1");
        }
        if (q.ipAddress() != null) {
            clauses.add("ip IN (SELECT ref FROM terms WHERE kind = " + Terms.IP + " AND text = ?)");
            params.add(lower(q.ipAddress()));
        }
        return new Sql(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    /** Milliseconds of an instant, saturated at the ends of the long range (records may carry any time). */
    static long millis(Instant i) {
        try {
            return i.toEpochMilli();
        } catch (ArithmeticException e) {
            return i.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Binds the parameters; returns the next parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
