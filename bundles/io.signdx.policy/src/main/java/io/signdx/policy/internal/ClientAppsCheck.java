package io.signdx.policy.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/**
 * Client app types: {@code browser}, {@code mobileAppsAndDesktopClients}, {@code exchangeActiveSync},
 * {@code other}. {@code all} (what Graph returns when the condition is not configured) narrows nothing;
 * the older values {@code easSupported} and {@code easUnsupported} both mean Exchange ActiveSync clients.
 */
final class ClientAppsCheck implements Check {
    private final Set<String> types;
    private final String configured;

    private ClientAppsCheck(Set<String> types, String configured) {
        this.types = types;
        this.configured = configured;
    }

    static Check compile(List<String> clientAppTypes) {
        List<String> list = clientAppTypes == null ? List.of()
                : clientAppTypes.stream().filter(v -> !Subject.blank(v)).toList();
        if (list.isEmpty() || list.stream().anyMatch(v -> v.trim().equalsIgnoreCase("all"))) {
            String text = list.isEmpty() ? "not configured" : "all client apps";
            return new NotConfigured(Condition.CLIENT_APP_TYPES, text, ClientAppsCheck::value);
        }
        Set<String> types = list.stream().map(ClientAppsCheck::normalize).collect(Collectors.toUnmodifiableSet());
        return new ClientAppsCheck(types, "include: " + String.join(", ", list));
    }

    private static String normalize(String v) {
        String l = v.trim().toLowerCase(java.util.Locale.ROOT);
        return l.equals("eassupported") || l.equals("easunsupported") ? "exchangeactivesync" : l;
    }

    private static String value(Subject s) {
        return s.clientAppType == null ? "unknown" : s.facts.clientAppType();
    }

    @Override
    public Condition condition() {
        return Condition.CLIENT_APP_TYPES;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = value(s);
        if (s.clientAppType == null) {
            s.missing("the client app type");
            return new ConditionVerdict(Condition.CLIENT_APP_TYPES, configured, value, Verdict.NOT_ENOUGH_INFORMATION,
                    "the client app type is unknown");
        }
        return types.contains(s.clientAppType)
                ? new ConditionVerdict(Condition.CLIENT_APP_TYPES, configured, value, Verdict.SATISFIED,
                        "client app type " + value + " is included")
                : new ConditionVerdict(Condition.CLIENT_APP_TYPES, configured, value, Verdict.NOT_SATISFIED,
                        "client app type " + value + " is not included");
    }
}
