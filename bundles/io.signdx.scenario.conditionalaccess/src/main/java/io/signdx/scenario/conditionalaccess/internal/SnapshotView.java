package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the evaluator said about one sign-in, copied into this bundle's own types (see {@link CaEvaluator}).
 *
 * @param policies every policy of the snapshot, in its order
 * @param grant the combined grant of the enabled policies that apply, in words
 * @param blockingPolicies names of the enabled policies that apply and block
 * @param sessionControls the combined session controls, in words
 * @param disagreements policies whose recorded result differs from the snapshot's
 * @param missing what the evaluator lacked to decide some condition
 */
record SnapshotView(List<PolicyView> policies, String grant, List<String> blockingPolicies,
        List<String> sessionControls, List<DisagreementView> disagreements, List<String> missing) {

    /** Copies the lists. */
    SnapshotView {
        policies = List.copyOf(policies);
        grant = grant == null ? "" : grant;
        blockingPolicies = List.copyOf(blockingPolicies);
        sessionControls = List.copyOf(sessionControls);
        disagreements = List.copyOf(disagreements);
        missing = List.copyOf(missing);
    }

    /** The policy a record entry names: by id, else by display name (ids are placeholders in some exports). */
    PolicyView find(String id, String name) {
        if (!Text.blank(id)) {
            for (PolicyView p : policies) {
                if (id.equalsIgnoreCase(p.id())) {
                    return p;
                }
            }
        }
        if (!Text.blank(name)) {
            for (PolicyView p : policies) {
                if (name.equalsIgnoreCase(p.name())) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The enabled policies that apply and whose grant contains one of the controls. */
    List<PolicyView> applyingEnabled(Set<Control> withAnyOf) {
        List<PolicyView> out = new ArrayList<>();
        for (PolicyView p : policies) {
            if (p.enabled() && Boolean.TRUE.equals(p.applies()) && p.requiresAnyOf(withAnyOf)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * One policy against the sign-in.
     *
     * @param id policy id
     * @param name policy name
     * @param enabled true when enforced
     * @param reportOnly true in report-only mode
     * @param applies true, false, or null when information is missing
     * @param satisfied the configured conditions the sign-in satisfies, with the reason
     * @param firstNotSatisfied the first condition that keeps the policy away, or null
     * @param undecided conditions that lack information
     * @param grant the policy's grant in words (e.g. "Require one of: MFA, compliant device")
     * @param controls the grant controls the policy configures
     * @param requiresAll true for AND, false for OR
     * @param authenticationStrength the required strength's name, or null
     * @param termsOfUse terms of use the user must accept
     * @param session the policy's session controls in words
     */
    record PolicyView(String id, String name, boolean enabled, boolean reportOnly, Boolean applies,
            List<ConditionRow> satisfied, ConditionRow firstNotSatisfied, List<ConditionRow> undecided, String grant,
            Set<Control> controls, boolean requiresAll, String authenticationStrength, List<String> termsOfUse,
            List<String> session) {

        /** Copies the collections. */
        PolicyView {
            satisfied = List.copyOf(satisfied);
            undecided = List.copyOf(undecided);
            grant = grant == null ? "" : grant;
            controls = Set.copyOf(controls);
            termsOfUse = List.copyOf(termsOfUse);
            session = List.copyOf(session);
        }

        boolean requiresAnyOf(Set<Control> wanted) {
            for (Control c : controls) {
                if (wanted.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        /** The name to show. */
        String label() {
            return Text.blank(name) ? Text.blank(id) ? "unnamed policy" : id : name;
        }
    }

    /**
     * One condition of a policy.
     *
     * @param condition the condition as the admin center names it, e.g. "Users"
     * @param configured what the policy configures
     * @param signInValue the sign-in's value
     * @param reason why it matched or not, e.g. "included through group Finance"
     */
    record ConditionRow(String condition, String configured, String signInValue, String reason) {
    }

    /**
     * A policy whose recorded result differs from what the snapshot gives.
     *
     * @param policy its name
     * @param recorded the result on the record
     * @param evaluated the result from the snapshot
     * @param explanation what probably explains it
     */
    record DisagreementView(String policy, String recorded, String evaluated, String explanation) {
    }
}
