package io.signdx.policy.internal;

import io.signdx.policy.internal.rule.Tri;

/**
 * The "or" of the include (or exclude) terms of one condition, remembering what matched first and
 * what was unknown. Not thread-safe: one per evaluation of one condition.
 */
final class Match {
    private Tri value = Tri.FALSE;
    private String why;
    private String unknown;
    private String missing;

    /** A term that matched. */
    void yes(String reason) {
        if (value != Tri.TRUE) {
            value = Tri.TRUE;
            why = reason;
        }
    }

    /** A term that cannot be decided. */
    void unknown(String reason, String missingWhat) {
        if (value == Tri.FALSE) {
            value = Tri.UNKNOWN;
        }
        if (unknown == null) {
            unknown = reason;
            missing = missingWhat;
        }
    }

    /** Adds a three-valued term. */
    void term(Tri t, String whyTrue, String whyUnknown, String missingWhat) {
        if (t == Tri.TRUE) {
            yes(whyTrue);
        } else if (t == Tri.UNKNOWN) {
            unknown(whyUnknown, missingWhat);
        }
    }

    /** True once a term matched: the remaining terms cannot change the result. */
    boolean matched() {
        return value == Tri.TRUE;
    }

    Tri value() {
        return value;
    }

    String why() {
        return why;
    }

    String unknownReason() {
        return unknown;
    }

    String missing() {
        return missing;
    }
}
