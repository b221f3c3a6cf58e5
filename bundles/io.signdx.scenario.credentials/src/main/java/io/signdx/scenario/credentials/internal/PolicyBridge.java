package io.signdx.scenario.credentials.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;

/**
 * The only class of the bundle that touches {@code io.signdx.policy}: loaded once an evaluator service
 * has been bound (so the optional package is wired), it keeps from the evaluation what
 * {@code credentials.success} reports.
 */
final class PolicyBridge implements MissedPolicies.Check {
    private final PolicyEvaluator evaluator;

    private PolicyBridge(PolicyEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Adapts an evaluator service object.
     *
     * @throws ClassCastException when the object is not a {@link PolicyEvaluator} this bundle can see
     */
    static MissedPolicies.Check wrap(Object service) {
        return new PolicyBridge((PolicyEvaluator) service);
    }

    @Override
    public MissedPolicies check(SignIn signIn, TenantContext tenant) {
        Evaluation e = evaluator.evaluate(signIn, tenant);
        return e == null ? null : of(e);
    }

    static MissedPolicies of(Evaluation e) {
        List<MissedPolicies.Missed> missed = new ArrayList<>();
        List<MissedPolicies.Named> applying = new ArrayList<>();
        List<MissedPolicies.Named> reportOnly = new ArrayList<>();
        for (PolicyEvaluation p : e.policies()) {
            if (p == null || p.policy() == null || !Snapshot.interrupts(p.policy())) {
                continue;
            }
            ConditionalAccessPolicy policy = p.policy();
            String name = policy.label() == null ? "unnamed policy" : policy.label();
            if (policy.reportOnly()) {
                if (Boolean.TRUE.equals(p.applies())) {
                    reportOnly.add(new MissedPolicies.Named(name, p.grant()));
                }
            } else if (policy.enabled()) {
                if (Boolean.TRUE.equals(p.applies())) {
                    applying.add(new MissedPolicies.Named(name, p.grant()));
                } else if (Boolean.FALSE.equals(p.applies())) {
                    ConditionVerdict v = p.firstNotSatisfied().orElse(null);
                    missed.add(new MissedPolicies.Missed(name, p.grant(), v == null || v.condition() == null ? ""
                            : v.condition().label(), v == null ? "" : v.reason(), false));
                } else {
                    ConditionVerdict v = p.undecided().isEmpty() ? null : p.undecided().get(0);
                    missed.add(new MissedPolicies.Missed(name, p.grant(), v == null || v.condition() == null ? ""
                            : v.condition().label(), v == null ? "" : v.reason(), true));
                }
            }
        }
        return new MissedPolicies(missed, applying, reportOnly, e.disagreements().size(), e.missing());
    }
}
