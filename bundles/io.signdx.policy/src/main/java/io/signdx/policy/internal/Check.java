package io.signdx.policy.internal;

import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.rule.Tri;

/**
 * One condition of one policy, compiled once per snapshot (ids lower-cased, names resolved, ranges and
 * rules parsed) and evaluated against many sign-ins. Implementations are immutable and thread-safe.
 */
interface Check {

    /** The condition checked. */
    Condition condition();

    /** The verdict for one sign-in; records what was missing on the subject. */
    ConditionVerdict evaluate(Subject s);

    /** The verdict a three-valued result gives. */
    static Verdict verdict(Tri t) {
        return t == Tri.TRUE ? Verdict.SATISFIED : t == Tri.FALSE ? Verdict.NOT_SATISFIED : Verdict.NOT_ENOUGH_INFORMATION;
    }

    /** A condition the policy does not configure. */
    record NotConfigured(Condition condition, String configured, java.util.function.Function<Subject, String> value)
            implements Check {
        @Override
        public ConditionVerdict evaluate(Subject s) {
            return s.notConfigured(condition, configured, value);
        }
    }
}
