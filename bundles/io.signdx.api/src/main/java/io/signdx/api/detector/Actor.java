package io.signdx.api.detector;

/** Who has to act on a recommendation. */
public enum Actor {
    /** The user who signed in. */
    USER,
    /** A tenant administrator (identity, security or Conditional Access). */
    ADMIN,
    /** The owner or developer of the application registration in the tenant. */
    APP_OWNER,
    /** The vendor of the application or service (the service-provider side). */
    VENDOR
}
