package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

/**
 * A stand-in for the evaluator: which policy applies to which facts is given by the test; the combined
 * grant follows the documented rules (block wins, else every applying policy's controls, unknown when an
 * enabled policy that grants something is undecided). A device filter containing "-eqq" is unreadable, as
 * the real parser reports it.
 */
final class FakeEvaluator implements PolicyEvaluator {
    interface Rule {
        Boolean applies(ConditionalAccessPolicy policy, SignInFacts facts);
    }

    final AtomicInteger calls = new AtomicInteger();
    private final Rule rule;

    FakeEvaluator(Rule rule) {
        this.rule = rule;
    }

    @Override
    public Evaluation evaluate(SignInFacts facts, TenantContext tenant) {
        calls.incrementAndGet();
        List<PolicyEvaluation> out = new ArrayList<>();
        for (ConditionalAccessPolicy p : tenant.policies()) {
            Boolean applies = PolicyShape.disabled(p) ? Boolean.FALSE : rule.applies(p, facts);
            List<ConditionVerdict> conditions = new ArrayList<>();
            for (Condition c : Condition.values()) {
                conditions.add(verdict(c, p, facts));
            }
            out.add(new PolicyEvaluation(p, applies, conditions, PolicyShape.grantWords(p), List.of()));
        }
        return new Evaluation(facts, out, combine(out, false), combine(out, true), List.of(), List.of(), List.of());
    }

    private static ConditionVerdict verdict(Condition c, ConditionalAccessPolicy p, SignInFacts facts) {
        if (c != Condition.DEVICE_FILTER || p.conditions().devices() == null) {
            return new ConditionVerdict(c, "not configured", "", Verdict.NOT_CONFIGURED, "");
        }
        String rule = String.valueOf(p.conditions().devices().rule());
        if (rule.contains("-eqq")) {
            return new ConditionVerdict(c, rule, "", Verdict.NOT_ENOUGH_INFORMATION,
                    "the rule cannot be read: unknown operator '-eqq' at position " + rule.indexOf("-eqq"));
        }
        if (facts.deviceProperties() == null) {
            return new ConditionVerdict(c, rule, "unknown", Verdict.NOT_ENOUGH_INFORMATION, "device unknown");
        }
        return new ConditionVerdict(c, rule, "unregistered", Verdict.NOT_SATISFIED, "no property matches");
    }

    static Grant combine(List<PolicyEvaluation> evaluations, boolean reportOnly) {
        List<String> blocking = new ArrayList<>();
        List<Grant.Requirement> requirements = new ArrayList<>();
        List<String> strengths = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (PolicyEvaluation pe : evaluations) {
            ConditionalAccessPolicy p = pe.policy();
            String name = p.label() == null ? "(unnamed policy)" : p.label();
            if (p.reportOnly() != reportOnly || PolicyShape.disabled(p) || !PolicyShape.grants(p)) {
                continue;
            }
            if (pe.applies() == null) {
                undecided.add(name);
            } else if (pe.applies()) {
                if (p.blocks()) {
                    blocking.add(name);
                } else {
                    requirements.add(new Grant.Requirement(name, p.grantControls().requiresAll() ? "AND" : "OR",
                            p.grantControls().builtInControls(), PolicyShape.grantWords(p)));
                    if (p.grantControls().authenticationStrength() != null) {
                        strengths.add(p.grantControls().authenticationStrength().label());
                    }
                }
            }
        }
        Grant.Outcome outcome = !blocking.isEmpty() ? Grant.Outcome.BLOCK
                : !undecided.isEmpty() ? Grant.Outcome.UNKNOWN
                : !requirements.isEmpty() || !strengths.isEmpty() ? Grant.Outcome.GRANT_WITH_REQUIREMENTS
                : Grant.Outcome.GRANT;
        return new Grant(outcome, blocking, requirements, strengths, List.of(), undecided);
    }
}
