package io.signdx.policy.internal;

import java.util.function.Supplier;

import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.rule.Tri;

/** Turns an include match and an exclude match into a verdict: exclusion wins over inclusion. */
final class IncludeExclude {
    private IncludeExclude() {
    }

    /**
     * @param inc the include terms' match; its reason reads as a whole, e.g. "included through group Finance"
     * @param exc the exclude terms' match; its reason reads as a whole, e.g. "excluded: member of group X"
     * @param hasExcludes whether the policy excludes anything for this condition
     * @param notIncluded the reason when no include term matched (built only then)
     */
    static ConditionVerdict verdict(Condition c, String configured, String value, Match inc, Match exc,
            boolean hasExcludes, Supplier<String> notIncluded, Subject s) {
        if (exc.value() == Tri.TRUE) {
            return new ConditionVerdict(c, configured, value, Verdict.NOT_SATISFIED, exc.why());
        }
        if (inc.value() == Tri.FALSE) {
            return new ConditionVerdict(c, configured, value, Verdict.NOT_SATISFIED, notIncluded.get());
        }
        if (inc.value() == Tri.TRUE && exc.value() == Tri.FALSE) {
            return new ConditionVerdict(c, configured, value, Verdict.SATISFIED,
                    hasExcludes ? inc.why() + "; not excluded" : inc.why());
        }
        String reason;
        if (inc.value() == Tri.TRUE) {
            reason = inc.why() + "; whether it is excluded is unknown: " + exc.unknownReason();
            s.missing(exc.missing());
        } else if (exc.value() == Tri.FALSE) {
            reason = inc.unknownReason();
            s.missing(inc.missing());
        } else {
            reason = inc.unknownReason() + "; whether it is excluded is unknown too: " + exc.unknownReason();
            s.missing(inc.missing());
            s.missing(exc.missing());
        }
        return new ConditionVerdict(c, configured, value, Verdict.NOT_ENOUGH_INFORMATION, reason);
    }
}
