package io.signdx.policy;

import java.util.List;

/**
 * One lint result.
 *
 * @param rule a stable rule id, e.g. {@code all-users-all-apps-block-no-exclusion}
 * @param severity how bad it is
 * @param policyIds the policies concerned
 * @param policies their names
 * @param problem what is wrong, in plain sentences
 * @param fix what to change
 * @param examples for rules backed by sign-ins, a few request ids that show it
 */
public record LintFinding(String rule, Severity severity, List<String> policyIds, List<String> policies,
        String problem, String fix, List<String> examples) {

    /** Copies the lists. */
    public LintFinding {
        policyIds = List.copyOf(policyIds);
        policies = List.copyOf(policies);
        examples = List.copyOf(examples);
    }

    /** Severity, most severe first. */
    public enum Severity {
        /** Can lock every user, administrators included, out of the tenant. */
        CRITICAL,
        /** Blocks or weakens protection for many users or apps. */
        HIGH,
        /** Likely a mistake; check it. */
        MEDIUM,
        /** Worth knowing. */
        LOW
    }
}
