package io.signdx.policy;

import java.util.List;

/**
 * The grant of several policies combined: block wins; otherwise every applying policy's requirement
 * must be met (each policy's own controls combined by its AND / OR operator).
 *
 * @param outcome block, requirements to meet, nothing required, or unknown
 * @param blockingPolicies names of the policies that block
 * @param requirements one entry per applying policy with controls: its name and its controls in words
 * @param authenticationStrengths the authentication strengths required
 * @param termsOfUse the terms of use to accept
 * @param undecidedPolicies names of policies whose applicability lacks information
 */
public record Grant(Outcome outcome, List<String> blockingPolicies, List<Requirement> requirements,
        List<String> authenticationStrengths, List<String> termsOfUse, List<String> undecidedPolicies) {

    /** Copies the lists. */
    public Grant {
        blockingPolicies = List.copyOf(blockingPolicies);
        requirements = List.copyOf(requirements);
        authenticationStrengths = List.copyOf(authenticationStrengths);
        termsOfUse = List.copyOf(termsOfUse);
        undecidedPolicies = List.copyOf(undecidedPolicies);
    }

    /** The combined result. */
    public enum Outcome {
        /** At least one applying policy blocks. */
        BLOCK,
        /** Access is granted once every listed requirement is met. */
        GRANT_WITH_REQUIREMENTS,
        /** No applying policy requires anything. */
        GRANT,
        /** Policies that might block or require something lack information to decide. */
        UNKNOWN
    }

    /**
     * One applying policy's requirement.
     *
     * @param policy the policy's name
     * @param operator {@code AND} or {@code OR}
     * @param controls the controls in the Graph names, e.g. {@code mfa}, {@code compliantDevice}
     * @param text in words, e.g. "Require one of: MFA, compliant device"
     */
    public record Requirement(String policy, String operator, List<String> controls, String text) {
        /** Copies the list. */
        public Requirement {
            controls = List.copyOf(controls);
        }
    }
}
