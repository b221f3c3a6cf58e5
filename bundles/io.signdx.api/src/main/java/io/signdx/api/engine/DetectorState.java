package io.signdx.api.engine;

/** The state of one detector in the engine. */
public enum DetectorState {
    /** Called for matching sign-ins. */
    ACTIVE,
    /** Switched off by an operator (the detector itself or its bundle). */
    DISABLED,
    /** Switched off by the engine after repeated failures; re-enabling or updating it clears this. */
    QUARANTINED,
    /** Never activated: its declaration is invalid (see the detector's problem). */
    REFUSED
}
