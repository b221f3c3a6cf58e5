package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;

/**
 * The only class of the bundle that touches {@code io.signdx.policy}: it is loaded when an evaluator
 * service has been bound (so the optional package is wired) and turns the evaluator's answer into a
 * {@link SnapshotView}.
 */
final class PolicyBridge implements CaEvaluator {
    private final PolicyEvaluator evaluator;

    private PolicyBridge(PolicyEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Adapts an evaluator service object.
     *
     * @throws ClassCastException when the object is not a {@link PolicyEvaluator} this bundle can see
     */
    static CaEvaluator wrap(Object service) {
        return new PolicyBridge((PolicyEvaluator) service);
    }

    @Override
    public SnapshotView evaluate(SignIn signIn, TenantContext tenant) {
        Evaluation e = evaluator.evaluate(signIn, tenant);
        return e == null ? null : view(e);
    }

    static SnapshotView view(Evaluation e) {
        List<SnapshotView.PolicyView> policies = new ArrayList<>(e.policies().size());
        for (PolicyEvaluation p : e.policies()) {
            if (p != null && p.policy() != null) {
                policies.add(policy(p));
            }
        }
        List<SnapshotView.DisagreementView> disagreements = new ArrayList<>(e.disagreements().size());
        for (Disagreement d : e.disagreements()) {
            if (d != null) {
                disagreements.add(new SnapshotView.DisagreementView(d.policy() == null ? d.policyId() : d.policy(),
                        d.recorded(), d.evaluated(), d.explanation()));
            }
        }
        String grant = e.grant() == null || e.grant().outcome() == null ? "" : switch (e.grant().outcome()) {
            case BLOCK -> "Block";
            case GRANT_WITH_REQUIREMENTS -> String.join("; ", e.grant().requirements().stream()
                    .map(r -> Text.text(r.policy()) + ": " + Text.text(r.text())).toList());
            case GRANT -> "Grant without requirements";
            case UNKNOWN -> "Undecided (policies lack information: " + String.join(", ",
                    e.grant().undecidedPolicies()) + ")";
        };
        return new SnapshotView(policies, grant, e.grant() == null ? List.of() : e.grant().blockingPolicies(),
                e.sessionControls(), disagreements, e.missing());
    }

    private static SnapshotView.PolicyView policy(PolicyEvaluation p) {
        ConditionalAccessPolicy policy = p.policy();
        List<SnapshotView.ConditionRow> satisfied = rows(p.satisfied());
        List<SnapshotView.ConditionRow> undecided = rows(p.undecided());
        SnapshotView.ConditionRow first = p.firstNotSatisfied().map(PolicyBridge::row).orElse(null);
        GrantControls g = policy.grantControls();
        Set<Control> controls = EnumSet.noneOf(Control.class);
        String strength = null;
        List<String> terms = List.of();
        boolean all = false;
        if (g != null) {
            controls.addAll(Control.all(g.builtInControls()));
            if (g.authenticationStrength() != null) {
                controls.add(Control.AUTHENTICATION_STRENGTH);
                strength = g.authenticationStrength().label();
            }
            if (!g.termsOfUse().isEmpty()) {
                controls.add(Control.TERMS_OF_USE);
                terms = g.termsOfUse();
            }
            if (!g.customAuthenticationFactors().isEmpty()) {
                controls.add(Control.OTHER);
            }
            all = g.requiresAll();
        }
        return new SnapshotView.PolicyView(policy.id(), policy.displayName(), policy.enabled(), policy.reportOnly(),
                p.applies(), satisfied, first, undecided, p.grant(), controls, all, strength, terms, p.session());
    }

    private static List<SnapshotView.ConditionRow> rows(List<ConditionVerdict> verdicts) {
        List<SnapshotView.ConditionRow> out = new ArrayList<>(verdicts.size());
        for (ConditionVerdict v : verdicts) {
            out.add(row(v));
        }
        return out;
    }

    private static SnapshotView.ConditionRow row(ConditionVerdict v) {
        return new SnapshotView.ConditionRow(v.condition() == null ? "" : v.condition().label(), v.configured(),
                v.signInValue(), v.reason());
    }
}
