package io.signdx.policy.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;

/**
 * Device platforms: {@code all} (any platform, unrecognised ones included) or listed platforms, include
 * and exclude. A facts platform of {@code unknown} stands for a platform Entra does not recognise: it is
 * covered by {@code all} and by no named platform.
 */
final class PlatformsCheck implements Check {
    private final Set<String> include;
    private final Set<String> exclude;
    private final String configured;

    private PlatformsCheck(Set<String> include, Set<String> exclude, String configured) {
        this.include = include;
        this.exclude = exclude;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.IncludeExclude platforms) {
        if (platforms == null || platforms.include().isEmpty()) {
            return new NotConfigured(Condition.PLATFORMS, "not configured", PlatformsCheck::value);
        }
        String text = "include: " + describe(platforms.include())
                + (platforms.exclude().isEmpty() ? "" : "; exclude: " + describe(platforms.exclude()));
        return new PlatformsCheck(lower(platforms.include()), lower(platforms.exclude()), text);
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(Subject::lower).filter(v -> v != null).collect(Collectors.toUnmodifiableSet());
    }

    private static String describe(List<String> values) {
        return values.stream().map(v -> v.equalsIgnoreCase("all") ? "any platform (all)" : v)
                .collect(Collectors.joining(", "));
    }

    private static String value(Subject s) {
        return s.platform == null ? "unknown" : s.facts.platform();
    }

    @Override
    public Condition condition() {
        return Condition.PLATFORMS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String p = s.platform;
        Match inc = new Match();
        if (include.contains("all")) {
            inc.yes("included: any platform (all)");
        } else if (p == null) {
            inc.unknown("the device platform is unknown", "the device platform");
        } else if (include.contains(p)) {
            inc.yes("included: platform " + s.facts.platform());
        }
        Match exc = new Match();
        if (!exclude.isEmpty()) {
            if (exclude.contains("all")) {
                exc.yes("excluded: every platform (all)");
            } else if (p == null) {
                exc.unknown("the device platform is unknown", "the device platform");
            } else if (exclude.contains(p)) {
                exc.yes("excluded: platform " + s.facts.platform());
            }
        }
        java.util.function.Supplier<String> notIncluded = () -> "not included: platform "
                + (p == null ? "unknown" : s.facts.platform()) + " is not among the included platforms";
        return IncludeExclude.verdict(Condition.PLATFORMS, configured, value(s), inc, exc, !exclude.isEmpty(),
                notIncluded, s);
    }
}
