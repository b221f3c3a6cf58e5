package io.signdx.api.engine;

/** The state of one detector in the engine. */
public enum DetectorState {
    /** Arrived; the engine is running the conformance quick check on it before activating it. */
    CHECKING,
    /** Called for matching sign-ins. */
    ACTIVE,
    /** Switched off by an operator (the detector itself or its bundle). */
    DISABLED,
    /** Switched off by the engine after repeated failures; re-enabling or updating it clears this. */
    QUARANTINED,
    /** Never activated: its declaration is invalid or it failed the quick check (see the detector's problem). */
    REFUSED
}
