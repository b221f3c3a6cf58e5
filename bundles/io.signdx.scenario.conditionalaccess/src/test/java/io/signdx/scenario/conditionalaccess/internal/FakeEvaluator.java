package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.Tenants;

/**
 * A {@link PolicyEvaluator} built from the API records: it answers every sign-in with the evaluation a
 * test prepared, and counts its calls (a detector evaluates at most once per sign-in).
 */
final class FakeEvaluator implements PolicyEvaluator {
    private final BiFunction<SignIn, TenantContext, Evaluation> answer;
    final AtomicInteger calls = new AtomicInteger();

    FakeEvaluator(BiFunction<SignIn, TenantContext, Evaluation> answer) {
        this.answer = answer;
    }

    static FakeEvaluator answering(Evaluation evaluation) {
        return new FakeEvaluator((s, t) -> evaluation);
    }

    static FakeEvaluator throwing() {
        return new FakeEvaluator((s, t) -> {
            throw new IllegalStateException("device filter rule at position 12: unexpected token");
        });
    }

    @Override
    public Evaluation evaluate(SignInFacts facts, TenantContext tenant) {
        calls.incrementAndGet();
        return answer.apply(facts.recorded(), tenant);
    }

    @Override
    public Evaluation evaluate(SignIn signIn, TenantContext tenant) {
        calls.incrementAndGet();
        return answer.apply(signIn, tenant);
    }

    /** The detector's snapshot access with this evaluator bound. */
    Snapshots snapshots() {
        return new Snapshots(PolicyBridge.wrap(this));
    }

    // ---- building evaluations ---------------------------------------------------------------------

    static ConditionalAccessPolicy policy(Demo.Policy p, String... builtIn) {
        SessionControls session = p.session().isEmpty() ? null : new SessionControls(
                new SessionControls.SignInFrequency(8, "hours", "timeBased", null), null, null, null, null, null, null);
        GrantControls grant = builtIn.length == 0 ? null : new GrantControls("OR", List.of(builtIn), null, List.of(),
                List.of());
        return new ConditionalAccessPolicy(p.id(), p.name(), p.reportOnly() ? "enabledForReportingButNotEnforced"
                : "enabled", PolicyConditions.EMPTY, grant, session, "policies.json#" + p.id());
    }

    static ConditionVerdict satisfied(Condition c, String configured, String value, String reason) {
        return new ConditionVerdict(c, configured, value, Verdict.SATISFIED, reason);
    }

    static ConditionVerdict notSatisfied(Condition c, String configured, String value, String reason) {
        return new ConditionVerdict(c, configured, value, Verdict.NOT_SATISFIED, reason);
    }

    static PolicyEvaluation applies(ConditionalAccessPolicy p, String grant, List<String> session,
            ConditionVerdict... verdicts) {
        return new PolicyEvaluation(p, true, List.of(verdicts), grant, session);
    }

    static PolicyEvaluation doesNotApply(ConditionalAccessPolicy p, String grant, ConditionVerdict... verdicts) {
        return new PolicyEvaluation(p, false, List.of(verdicts), grant, List.of());
    }

    static Evaluation evaluation(List<PolicyEvaluation> policies, List<Disagreement> disagreements,
            List<String> missing) {
        List<String> blocking = new ArrayList<>();
        List<Grant.Requirement> requirements = new ArrayList<>();
        for (PolicyEvaluation p : policies) {
            if (Boolean.TRUE.equals(p.applies()) && p.policy().enabled()) {
                if (p.policy().blocks()) {
                    blocking.add(p.policy().displayName());
                } else if (p.policy().grantControls() != null) {
                    requirements.add(new Grant.Requirement(p.policy().displayName(), "OR",
                            p.policy().grantControls().builtInControls(), p.grant()));
                }
            }
        }
        Grant grant = new Grant(blocking.isEmpty() ? requirements.isEmpty() ? Grant.Outcome.GRANT
                : Grant.Outcome.GRANT_WITH_REQUIREMENTS : Grant.Outcome.BLOCK, blocking, requirements, List.of(),
                List.of(), List.of());
        Grant none = new Grant(Grant.Outcome.GRANT, List.of(), List.of(), List.of(), List.of(), List.of());
        return new Evaluation(SignInFacts.builder().build(), policies, grant, none, List.of(), disagreements, missing);
    }

    /** A tenant holding the policies (the detectors evaluate only when the snapshot has some). */
    static TenantContext tenant(List<PolicyEvaluation> policies) {
        Tenants t = Tenants.builder();
        for (PolicyEvaluation p : policies) {
            t.policy(p.policy());
        }
        return t.build();
    }
}
