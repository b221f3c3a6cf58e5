package io.signdx.policy;

import java.util.List;
import java.util.Optional;

/**
 * Every policy of a tenant against one sign-in.
 *
 * @param facts the sign-in's facts as evaluated (memberships completed from the snapshot)
 * @param policies one per policy of the snapshot, in the snapshot's order
 * @param grant the combined grant of the enabled policies that apply
 * @param reportOnlyGrant what the report-only policies that apply would have added
 * @param sessionControls the combined session controls of the enabled policies that apply, in words
 *        (the strictest sign-in frequency, never-persistent browser wins …)
 * @param disagreements for a recorded sign-in, the policies whose recorded result differs
 * @param missing what was unknown and kept a verdict open, e.g. "device properties (no device filter
 *        can be decided)"
 */
public record Evaluation(SignInFacts facts, List<PolicyEvaluation> policies, Grant grant, Grant reportOnlyGrant,
        List<String> sessionControls, List<Disagreement> disagreements, List<String> missing) {

    /** Copies the lists. */
    public Evaluation {
        policies = List.copyOf(policies);
        sessionControls = List.copyOf(sessionControls);
        disagreements = List.copyOf(disagreements);
        missing = List.copyOf(missing);
    }

    /** The evaluation of the policy with this id. */
    public Optional<PolicyEvaluation> policy(String id) {
        return policies.stream().filter(p -> p.policy().id() != null && p.policy().id().equalsIgnoreCase(id))
                .findFirst();
    }

    /** The policies that apply (enabled or report-only). */
    public List<PolicyEvaluation> applying() {
        return policies.stream().filter(p -> Boolean.TRUE.equals(p.applies())).toList();
    }
}
