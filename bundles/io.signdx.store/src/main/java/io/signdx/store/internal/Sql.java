package io.signdx.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.signdx.api.source.SignInQuery;

/**
 * A {@link SignInQuery} as a SQL WHERE clause with bound parameters (never concatenated values), meaning
 * exactly what {@link SignInQuery#matches} means: text criteria compare case-insensitively (the columns
 * hold lower case, so their indexes serve the comparison), the time window is [from, to).
 */
record Sql(String where, List<Object> params) {
    static Sql of(SignInQuery q) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.user() != null) {
            clauses.add("(user_id = ? OR upn = ? OR user_name = ?)");
            params.add(q.user());
            params.add(lower(q.user()));
            params.add(lower(q.user()));
        }
        if (q.app() != null) {
            clauses.add("(app_id = ? OR app_name = ?)");
            params.add(lower(q.app()));
            params.add(lower(q.app()));
        }
        if (q.correlationId() != null) {
            clauses.add("correlation_id = ?");
            params.add(lower(q.correlationId()));
        }
        if (q.requestId() != null) {
            // the unique key starts with the request id: a range on it finds the request without an index of its own
            clauses.add("uid >= ? AND uid < ? AND request_id = ?");
            params.add(lower(q.requestId()) + "|");
            params.add(lower(q.requestId()) + "}");
            params.add(lower(q.requestId()));
        }
        if (q.from() != null) {
            clauses.add("created >= ?");
            params.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            clauses.add("created < ?");
            params.add(q.to().toEpochMilli());
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
            clauses.add("ip = ?");
            params.add(lower(q.ipAddress()));
        }
        return new Sql(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    /** Binds the parameters; returns the next parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
