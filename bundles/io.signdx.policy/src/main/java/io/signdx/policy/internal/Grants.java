package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.signdx.policy.Grant;

/**
 * Combines the grants of the policies that apply: block wins; otherwise every applying policy's
 * requirement must be met (each by its own AND / OR). A policy whose applicability is undecided makes
 * the outcome unknown only when it could block or add a requirement.
 */
final class Grants {
    private Grants() {
    }

    /** One policy's part: its grant and whether it applies (null: undecided). */
    record Part(PolicyGrant grant, Boolean applies) {
    }

    static Grant combine(List<Part> parts) {
        List<String> blocking = new ArrayList<>();
        List<Grant.Requirement> requirements = new ArrayList<>();
        Set<String> strengths = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        List<String> undecided = new ArrayList<>();
        boolean open = false;
        for (Part p : parts) {
            if (p.applies == null) {
                undecided.add(p.grant.policy);
                open |= p.grant.matters();
            } else if (p.applies) {
                if (p.grant.blocks) {
                    blocking.add(p.grant.policy);
                } else if (p.grant.requirement != null) {
                    requirements.add(p.grant.requirement);
                    strengths.addAll(p.grant.strengths);
                    terms.addAll(p.grant.termsOfUse);
                }
            }
        }
        Grant.Outcome outcome = !blocking.isEmpty() ? Grant.Outcome.BLOCK
                : open ? Grant.Outcome.UNKNOWN
                : !requirements.isEmpty() ? Grant.Outcome.GRANT_WITH_REQUIREMENTS : Grant.Outcome.GRANT;
        return new Grant(outcome, blocking, requirements, List.copyOf(strengths), List.copyOf(terms), undecided);
    }
}
