package io.signdx.api.detector;

/** How sure a detector is that its scenario explains the sign-in. */
public enum Confidence {
    /** Guessed from weak signals. */
    LOW,
    /** Likely, but data is missing for a firmer verdict. */
    MEDIUM,
    /** The record says so. */
    HIGH
}
