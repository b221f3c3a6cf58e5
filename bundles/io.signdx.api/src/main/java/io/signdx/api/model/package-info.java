/**
 * The normalized sign-in event, independent of any export format.
 *
 * <p>Every type here is immutable and null-safe: absent values are {@code null} only where the
 * accessor says so, collections are never {@code null}. Enumerated Graph values keep their
 * original text, so a value Microsoft adds tomorrow survives as {@code UNKNOWN} plus its text.
 *
 * <p>1.1: {@link io.signdx.api.model.SignIn#originalTransferMethod()} and
 * {@link io.signdx.api.model.SignIn#authenticationContextClassReferences()} ({@link io.signdx.api.model.AuthenticationContext}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.model;
