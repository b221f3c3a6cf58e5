package io.signdx.policy;

import java.util.List;
import java.util.Optional;

import io.signdx.api.tenant.ConditionalAccessPolicy;

/**
 * One policy against one sign-in.
 *
 * @param policy the policy
 * @param applies true when every condition is satisfied or not configured, false when one is not
 *        satisfied (or the policy is disabled), null when none excludes the sign-in but at least one
 *        lacks information
 * @param conditions a verdict for every condition, configured or not, in the order of {@link Condition}
 * @param grant the policy's grant in words, e.g. "Block" or "Require one of: MFA, compliant device";
 *        empty when it grants nothing
 * @param session the policy's session controls in words; empty when none
 */
public record PolicyEvaluation(ConditionalAccessPolicy policy, Boolean applies, List<ConditionVerdict> conditions,
        String grant, List<String> session) {

    /** Copies the lists. */
    public PolicyEvaluation {
        conditions = List.copyOf(conditions);
        session = List.copyOf(session);
        grant = grant == null ? "" : grant;
    }

    /** True when the policy is report-only: it is evaluated but enforces nothing. */
    public boolean reportOnly() {
        return policy.reportOnly();
    }

    /**
     * True when the policy is off (neither enabled nor report-only): it does not apply, whatever its
     * conditions say. Its conditions are still evaluated, to show what it would do if turned on.
     */
    public boolean off() {
        return !policy.enabled() && !policy.reportOnly();
    }

    /** The first condition that keeps the policy from applying, if any. */
    public Optional<ConditionVerdict> firstNotSatisfied() {
        return conditions.stream().filter(c -> c.verdict() == Verdict.NOT_SATISFIED).findFirst();
    }

    /** The conditions that decided the policy applies: configured ones, satisfied. */
    public List<ConditionVerdict> satisfied() {
        return conditions.stream().filter(c -> c.verdict() == Verdict.SATISFIED).toList();
    }

    /** The conditions whose verdict lacks information. */
    public List<ConditionVerdict> undecided() {
        return conditions.stream().filter(c -> c.verdict() == Verdict.NOT_ENOUGH_INFORMATION).toList();
    }
}
