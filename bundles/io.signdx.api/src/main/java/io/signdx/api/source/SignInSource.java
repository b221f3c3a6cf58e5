package io.signdx.api.source;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import io.signdx.api.model.SignIn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A queryable source of sign-ins, registered as a whiteboard service (the embedded store, Microsoft
 * Graph, Log Analytics ...). Filters are pushed down to the source (SQL, {@code $filter}, KQL); a
 * source must not load everything and filter in memory. Results are ordered newest first, with
 * flagged sign-ins first among equals.
 *
 * <p>Implementations must be thread-safe. Failures are reported as {@link SignInSourceException}.
 */
@ConsumerType
public interface SignInSource {
    /** Service property naming the source for people, e.g. "embedded store". */
    String NAME_PROPERTY = "signdx.source.name";

    /**
     * Returns one page of the sign-ins matching the query.
     *
     * @throws SignInSourceException when the source cannot answer
     */
    Page<SignIn> query(SignInQuery query);

    /**
     * Counts the sign-ins matching the query, ignoring its paging.
     *
     * @throws SignInSourceException when the source cannot answer
     */
    long count(SignInQuery query);

    /**
     * Counts the sign-ins matching the query (ignoring its paging) grouped by one dimension, e.g. error
     * code, app or hour. Sources should push the grouping down (SQL {@code GROUP BY}, KQL
     * {@code summarize}); the default pages through the matches, which is correct but slow.
     *
     * @return key to count; sign-ins without a value for the dimension count under the empty string
     * @throws SignInSourceException when the source cannot answer
     * @since 1.1
     */
    default Map<String, Long> countBy(SignInQuery query, Dimension dimension) {
        Map<String, Long> counts = new TreeMap<>();
        int offset = 0;
        while (true) {
            Page<SignIn> page = query(query.withPage(offset, 1000));
            for (SignIn s : page.items()) {
                counts.merge(dimension.keyOf(s), 1L, Long::sum);
            }
            if (page.items().size() < 1000) {
                return counts;
            }
            offset += page.items().size();
        }
    }

    /** What {@link #countBy} groups by. @since 1.1 */
    enum Dimension {
        /** The error code as a decimal number, "0" for success. */
        ERROR_CODE,
        /** The app's display name, else its id. */
        APP,
        /** The user's UPN, else id. */
        USER,
        /** {@code clientAppUsed} as recorded. */
        CLIENT_APP,
        /** The start of the UTC hour, ISO-8601 (e.g. {@code 2026-11-16T08:00:00Z}). */
        HOUR;

        /** The key of one sign-in, as the default {@link SignInSource#countBy} computes it. */
        public String keyOf(SignIn s) {
            String key = switch (this) {
                case ERROR_CODE -> Integer.toString(s.errorCode());
                case APP -> s.appDisplayName() != null ? s.appDisplayName() : s.appId();
                case USER -> s.userPrincipalName() != null ? s.userPrincipalName() : s.userId();
                case CLIENT_APP -> s.clientAppUsed();
                case HOUR -> s.createdDateTime() == null ? null
                        : s.createdDateTime().truncatedTo(ChronoUnit.HOURS).toString();
            };
            return key == null ? "" : key;
        }
    }
}
