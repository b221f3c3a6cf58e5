package io.signdx.policy;

import java.util.List;
import java.util.Map;

/**
 * What a policy change does to past sign-ins.
 *
 * @param signIns how many sign-ins were replayed
 * @param counts per kind of change, how many sign-ins (every kind present, zero included)
 * @param examples per kind of change, up to the requested number of examples
 * @param policiesInvolved per kind of change, the names of the policies that cause it, with counts
 */
public record ReplayReport(long signIns, Map<Change, Long> counts, Map<Change, List<Example>> examples,
        Map<Change, Map<String, Long>> policiesInvolved) {

    /** Copies the maps. */
    public ReplayReport {
        counts = Map.copyOf(counts);
        examples = Map.copyOf(examples);
        policiesInvolved = Map.copyOf(policiesInvolved);
    }

    /** How a sign-in's outcome changes. */
    public enum Change {
        /** Was let in (maybe with requirements), would now be blocked. */
        NEWLY_BLOCKED,
        /** Was not asked for MFA or an authentication strength, would now be. */
        NEWLY_REQUIRES_MFA,
        /** Would now need another control (compliant device, hybrid join, approved app, terms of use …). */
        NEWLY_REQUIRES_OTHER,
        /** Was blocked, would now be let in. */
        NO_LONGER_BLOCKED,
        /** Was protected by MFA or another control, would now need nothing. */
        NO_LONGER_PROTECTED,
        /** Same outcome. */
        UNCHANGED,
        /** The new outcome cannot be decided from what is known (missing facts). */
        UNDECIDED
    }

    /**
     * One example sign-in.
     *
     * @param requestId the sign-in's id
     * @param user the user
     * @param app the app
     * @param before the outcome before, in words
     * @param after the outcome after, in words
     * @param policies the policies that make the difference
     */
    public record Example(String requestId, String user, String app, String before, String after,
            List<String> policies) {
        /** Copies the list. */
        public Example {
            policies = List.copyOf(policies);
        }
    }
}
