package io.signdx.policy;

/** The verdict on one condition of one policy for one sign-in. */
public enum Verdict {
    /** The policy does not configure this condition: it does not narrow the policy. */
    NOT_CONFIGURED,
    /** The sign-in is inside the condition (included and not excluded). */
    SATISFIED,
    /** The sign-in is outside the condition: the policy does not apply. */
    NOT_SATISFIED,
    /** The sign-in's value is unknown (not recorded, not in the snapshot): no guess is made. */
    NOT_ENOUGH_INFORMATION
}
