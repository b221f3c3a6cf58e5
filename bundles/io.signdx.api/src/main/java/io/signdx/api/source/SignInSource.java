package io.signdx.api.source;

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
}
