package io.signdx.policy.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/** User actions: {@code urn:user:registersecurityinfo}, {@code urn:user:registerdevice}. */
final class UserActionsCheck implements Check {
    private final Set<String> actions;
    private final String configured;

    private UserActionsCheck(Set<String> actions, String configured) {
        this.actions = actions;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.Applications a) {
        List<String> list = a == null ? List.of() : a.includeUserActions().stream().filter(v -> !Subject.blank(v)).toList();
        if (list.isEmpty()) {
            return new NotConfigured(Condition.USER_ACTIONS, "not configured", UserActionsCheck::value);
        }
        String text = "include: " + list.stream().map(UserActionsCheck::describe).collect(Collectors.joining(", "));
        return new UserActionsCheck(list.stream().map(Subject::lower).collect(Collectors.toUnmodifiableSet()), text);
    }

    private static String describe(String action) {
        return switch (action.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "urn:user:registersecurityinfo" -> "Register security information (urn:user:registersecurityinfo)";
            case "urn:user:registerdevice" -> "Register or join devices (urn:user:registerdevice)";
            default -> action.trim();
        };
    }

    private static String value(Subject s) {
        return s.userAction != null ? "user action " + s.facts.userAction()
                : s.appId != null ? "no user action (access to " + s.appLabel() + ")" : "unknown";
    }

    @Override
    public Condition condition() {
        return Condition.USER_ACTIONS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = value(s);
        if (s.userAction != null) {
            return actions.contains(s.userAction)
                    ? new ConditionVerdict(Condition.USER_ACTIONS, configured, value, Verdict.SATISFIED,
                            "the user action " + s.facts.userAction() + " is included")
                    : new ConditionVerdict(Condition.USER_ACTIONS, configured, value, Verdict.NOT_SATISFIED,
                            "the user action " + s.facts.userAction() + " is not included");
        }
        if (s.appId != null) {
            return new ConditionVerdict(Condition.USER_ACTIONS, configured, value, Verdict.NOT_SATISFIED,
                    "the sign-in accesses a resource, not a user action: this policy covers user actions only");
        }
        s.missing("whether the sign-in is a user action");
        return new ConditionVerdict(Condition.USER_ACTIONS, configured, value, Verdict.NOT_ENOUGH_INFORMATION,
                "neither a user action nor an application is known for the sign-in");
    }
}
