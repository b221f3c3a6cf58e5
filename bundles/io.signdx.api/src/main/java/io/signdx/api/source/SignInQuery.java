package io.signdx.api.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.signdx.api.model.SignIn;

/**
 * A query for sign-ins. Every criterion is optional; the ones set are combined with AND.
 * Immutable: each {@code with…} method returns a changed copy.
 */
public final class SignInQuery {
    /** Which outcomes to return. */
    public enum StatusFilter { ANY, SUCCESS, FAILURE }

    /** The default page size. */
    public static final int DEFAULT_LIMIT = 100;

    private final String user;
    private final String app;
    private final String correlationId;
    private final String requestId;
    private final Instant from;
    private final Instant to;
    private final StatusFilter status;
    private final Set<Integer> errorCodes;
    private final boolean flaggedOnly;
    private final String ipAddress;
    private final int offset;
    private final int limit;

    private SignInQuery(String user, String app, String correlationId, String requestId, Instant from, Instant to,
            StatusFilter status, Set<Integer> errorCodes, boolean flaggedOnly, String ipAddress, int offset, int limit) {
        this.user = user;
        this.app = app;
        this.correlationId = correlationId;
        this.requestId = requestId;
        this.from = from;
        this.to = to;
        this.status = status == null ? StatusFilter.ANY : status;
        this.errorCodes = errorCodes == null ? Set.of() : Set.copyOf(errorCodes);
        this.flaggedOnly = flaggedOnly;
        this.ipAddress = ipAddress;
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
        this.offset = offset;
        this.limit = limit;
    }

    /** A query that matches everything, first page. */
    public static SignInQuery all() {
        return new SignInQuery(null, null, null, null, null, null, StatusFilter.ANY, Set.of(), false, null, 0,
                DEFAULT_LIMIT);
    }

    /** User by object id, UPN or display name. */
    public SignInQuery withUser(String value) {
        return new SignInQuery(value, app, correlationId, requestId, from, to, status, errorCodes, flaggedOnly,
                ipAddress, offset, limit);
    }

    /** Application by id or display name. */
    public SignInQuery withApp(String value) {
        return new SignInQuery(user, value, correlationId, requestId, from, to, status, errorCodes, flaggedOnly,
                ipAddress, offset, limit);
    }

    /** Correlation id. */
    public SignInQuery withCorrelationId(String value) {
        return new SignInQuery(user, app, value, requestId, from, to, status, errorCodes, flaggedOnly, ipAddress,
                offset, limit);
    }

    /** Request id. */
    public SignInQuery withRequestId(String value) {
        return new SignInQuery(user, app, correlationId, value, from, to, status, errorCodes, flaggedOnly, ipAddress,
                offset, limit);
    }

    /** Sign-ins created in {@code [from, to)}; either bound may be {@code null}. */
    public SignInQuery withWindow(Instant fromInclusive, Instant toExclusive) {
        return new SignInQuery(user, app, correlationId, requestId, fromInclusive, toExclusive, status, errorCodes,
                flaggedOnly, ipAddress, offset, limit);
    }

    /**
     * Sign-ins within {@code halfWidth} either side of {@code at} (the diagnostic's 48-hour window is ±24 h).
     * The window stops at the ends of the time line instead of overflowing: records can carry any time.
     */
    public SignInQuery around(Instant at, Duration halfWidth) {
        return withWindow(shift(at, halfWidth.negated()), shift(at, halfWidth));
    }

    private static Instant shift(Instant at, Duration by) {
        try {
            return at.plus(by);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return by.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** Outcome filter. */
    public SignInQuery withStatus(StatusFilter value) {
        return new SignInQuery(user, app, correlationId, requestId, from, to, value, errorCodes, flaggedOnly,
                ipAddress, offset, limit);
    }

    /** Only these error codes (empty = any). */
    public SignInQuery withErrorCodes(Set<Integer> value) {
        return new SignInQuery(user, app, correlationId, requestId, from, to, status, value, flaggedOnly, ipAddress,
                offset, limit);
    }

    /** Only sign-ins flagged for review. */
    public SignInQuery withFlaggedOnly(boolean value) {
        return new SignInQuery(user, app, correlationId, requestId, from, to, status, errorCodes, value, ipAddress,
                offset, limit);
    }

    /** Client IP address. */
    public SignInQuery withIpAddress(String value) {
        return new SignInQuery(user, app, correlationId, requestId, from, to, status, errorCodes, flaggedOnly, value,
                offset, limit);
    }

    /** Paging: skip {@code offset} results and return at most {@code limit}. */
    public SignInQuery withPage(int newOffset, int newLimit) {
        return new SignInQuery(user, app, correlationId, requestId, from, to, status, errorCodes, flaggedOnly,
                ipAddress, newOffset, newLimit);
    }

    /**
     * Whether a sign-in meets every criterion (paging aside). Sources that cannot push a filter down,
     * and in-memory sets of sign-ins, use this so that every source agrees on what a query means.
     */
    public boolean matches(SignIn s) {
        if (user != null && !(user.equals(s.userId()) || user.equalsIgnoreCase(nullToEmpty(s.userPrincipalName()))
                || user.equalsIgnoreCase(nullToEmpty(s.userDisplayName())))) {
            return false;
        }
        if (app != null && !(app.equalsIgnoreCase(nullToEmpty(s.appId()))
                || app.equalsIgnoreCase(nullToEmpty(s.appDisplayName())))) {
            return false;
        }
        if (correlationId != null && !correlationId.equalsIgnoreCase(nullToEmpty(s.correlationId()))) {
            return false;
        }
        if (requestId != null && !requestId.equalsIgnoreCase(nullToEmpty(s.id()))) {
            return false;
        }
        if ((from != null || to != null) && s.createdDateTime() == null) {
            return false;
        }
        if (from != null && s.createdDateTime().isBefore(from)) {
            return false;
        }
        if (to != null && !s.createdDateTime().isBefore(to)) {
            return false;
        }
        if (status == StatusFilter.SUCCESS && s.errorCode() != 0 || status == StatusFilter.FAILURE && s.errorCode() == 0) {
            return false;
        }
        if (!errorCodes.isEmpty() && !errorCodes.contains(s.errorCode())) {
            return false;
        }
        if (flaggedOnly && !s.flaggedForReview()) {
            return false;
        }
        return ipAddress == null || ipAddress.equalsIgnoreCase(nullToEmpty(s.ipAddress()));
    }

    private static String nullToEmpty(String v) {
        return v == null ? "" : v;
    }

    /** @return user criterion or {@code null} */
    public String user() {
        return user;
    }

    /** @return application criterion or {@code null} */
    public String app() {
        return app;
    }

    /** @return correlation id or {@code null} */
    public String correlationId() {
        return correlationId;
    }

    /** @return request id or {@code null} */
    public String requestId() {
        return requestId;
    }

    /** @return inclusive lower time bound or {@code null} */
    public Instant from() {
        return from;
    }

    /** @return exclusive upper time bound or {@code null} */
    public Instant to() {
        return to;
    }

    /** @return outcome filter, never {@code null} */
    public StatusFilter status() {
        return status;
    }

    /** @return wanted error codes, empty for any */
    public Set<Integer> errorCodes() {
        return errorCodes;
    }

    /** @return only flagged sign-ins */
    public boolean flaggedOnly() {
        return flaggedOnly;
    }

    /** @return client IP criterion or {@code null} */
    public String ipAddress() {
        return ipAddress;
    }

    /** @return results to skip */
    public int offset() {
        return offset;
    }

    /** @return maximum results */
    public int limit() {
        return limit;
    }
}
