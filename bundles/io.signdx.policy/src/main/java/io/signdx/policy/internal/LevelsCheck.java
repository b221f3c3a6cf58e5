package io.signdx.policy.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/**
 * A condition that lists values the sign-in's one value must be among: sign-in, user, service
 * principal and insider risk levels, and authentication flows. {@code hidden}, {@code unknownFutureValue}
 * and absent values are unknown, never guessed.
 */
final class LevelsCheck implements Check {
    private static final Set<String> UNKNOWN = Set.of("hidden", "unknownfuturevalue", "unknown");

    private final Condition condition;
    private final Set<String> values;
    private final String configured;
    private final Function<Subject, String> value;
    private final String what;

    private LevelsCheck(Condition condition, Set<String> values, String configured, Function<Subject, String> value,
            String what) {
        this.condition = condition;
        this.values = values;
        this.configured = configured;
        this.value = value;
        this.what = what;
    }

    /**
     * @param value the sign-in's value as the facts spell it, null when unknown
     * @param what what the value is, e.g. "sign-in risk"
     */
    static Check compile(Condition condition, List<String> configured, Function<Subject, String> value, String what) {
        List<String> list = configured == null ? List.of() : configured.stream().filter(v -> !Subject.blank(v)).toList();
        if (list.isEmpty()) {
            return new NotConfigured(condition, "not configured", s -> show(value.apply(s)));
        }
        Set<String> set = list.stream().map(Subject::lower).collect(Collectors.toUnmodifiableSet());
        return new LevelsCheck(condition, set, "include: " + String.join(", ", list), value, what);
    }

    private static String show(String v) {
        return v == null ? "unknown" : v;
    }

    @Override
    public Condition condition() {
        return condition;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String raw = value.apply(s);
        String v = Subject.lower(raw);
        if (v == null || UNKNOWN.contains(v)) {
            s.missing(what);
            return new ConditionVerdict(condition, configured, show(raw), Verdict.NOT_ENOUGH_INFORMATION,
                    v == null ? "the " + what + " is unknown" : "the " + what + " is recorded as " + raw + ", which says nothing");
        }
        String shown = raw.trim();
        return values.contains(v)
                ? new ConditionVerdict(condition, configured, shown, Verdict.SATISFIED, what + " " + shown + " is included")
                : new ConditionVerdict(condition, configured, shown, Verdict.NOT_SATISFIED, what + " " + shown + " is not included");
    }
}
