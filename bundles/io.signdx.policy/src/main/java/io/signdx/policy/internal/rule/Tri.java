package io.signdx.policy.internal.rule;

/**
 * Three-valued (Kleene) logic: a condition is true, false or unknown. "Unknown and false" is false and
 * "unknown or true" is true, so a missing fact only leaves a verdict open when it could change it.
 */
public enum Tri {
    TRUE,
    FALSE,
    UNKNOWN;

    /** TRUE or FALSE. */
    public static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Kleene conjunction. */
    public Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    /** Kleene disjunction. */
    public Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    /** Kleene negation. */
    public Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }
}
