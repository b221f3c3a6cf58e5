package io.signdx.policy.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/** Authentication contexts ({@code c1} … {@code c99}) an app or PIM asks for. */
final class AuthenticationContextsCheck implements Check {
    private final Set<String> contexts;
    private final String configured;

    private AuthenticationContextsCheck(Set<String> contexts, String configured) {
        this.contexts = contexts;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.Applications a) {
        List<String> list = a == null ? List.of()
                : a.includeAuthenticationContextClassReferences().stream().filter(v -> !Subject.blank(v)).toList();
        if (list.isEmpty()) {
            return new NotConfigured(Condition.AUTHENTICATION_CONTEXTS, "not configured", AuthenticationContextsCheck::value);
        }
        return new AuthenticationContextsCheck(list.stream().map(Subject::lower).collect(Collectors.toUnmodifiableSet()),
                "include: authentication context " + String.join(", ", list));
    }

    private static String value(Subject s) {
        if (s.authContexts == null) {
            return "unknown";
        }
        return s.authContexts.isEmpty() ? "none requested" : String.join(", ", new TreeSet<>(s.facts.authenticationContexts()));
    }

    @Override
    public Condition condition() {
        return Condition.AUTHENTICATION_CONTEXTS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = value(s);
        if (s.authContexts == null) {
            s.missing("the authentication contexts the app requested");
            return new ConditionVerdict(Condition.AUTHENTICATION_CONTEXTS, configured, value,
                    Verdict.NOT_ENOUGH_INFORMATION, "which authentication contexts the app requested is unknown");
        }
        for (String c : s.authContexts) {
            if (contexts.contains(c)) {
                return new ConditionVerdict(Condition.AUTHENTICATION_CONTEXTS, configured, value, Verdict.SATISFIED,
                        "the app requested authentication context " + c);
            }
        }
        return new ConditionVerdict(Condition.AUTHENTICATION_CONTEXTS, configured, value, Verdict.NOT_SATISFIED,
                s.authContexts.isEmpty() ? "the app requested no authentication context"
                        : "the app requested none of the included authentication contexts");
    }
}
