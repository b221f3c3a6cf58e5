package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.policy.Grant;

/** One policy's grant controls, in words, compiled once. Immutable. */
final class PolicyGrant {
    final String policy;
    final boolean blocks;
    final String text;
    final Grant.Requirement requirement;
    final List<String> strengths;
    final List<String> termsOfUse;

    private PolicyGrant(String policy, boolean blocks, String text, Grant.Requirement requirement,
            List<String> strengths, List<String> termsOfUse) {
        this.policy = policy;
        this.blocks = blocks;
        this.text = text;
        this.requirement = requirement;
        this.strengths = List.copyOf(strengths);
        this.termsOfUse = List.copyOf(termsOfUse);
    }

    static PolicyGrant of(ConditionalAccessPolicy p, KnownIds known) {
        String name = p.label() == null ? "(unnamed policy)" : p.label();
        GrantControls g = p.grantControls();
        if (g == null) {
            return new PolicyGrant(name, false, "", null, List.of(), List.of());
        }
        if (g.blocks()) {
            return new PolicyGrant(name, true, "Block access", null, List.of(), List.of());
        }
        List<String> controls = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String c : g.builtInControls()) {
            if (!Subject.blank(c)) {
                controls.add(c.trim());
                words.add(word(c.trim()));
            }
        }
        List<String> strengths = new ArrayList<>();
        if (g.authenticationStrength() != null) {
            GrantControls.AuthenticationStrength s = g.authenticationStrength();
            String label = !Subject.blank(s.displayName()) ? s.displayName()
                    : known.strengthName(s.id()) != null ? known.strengthName(s.id()) : s.id();
            strengths.add(label);
            controls.add("authenticationStrength");
            words.add("authentication strength " + label);
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String t : g.termsOfUse()) {
            if (!Subject.blank(t)) {
                terms.add(t.trim());
            }
        }
        if (!terms.isEmpty()) {
            controls.add("termsOfUse");
            for (String t : terms) {
                words.add("accept terms of use " + t);
            }
        }
        for (String f : g.customAuthenticationFactors()) {
            if (!Subject.blank(f)) {
                controls.add(f.trim());
                words.add("custom control " + f.trim());
            }
        }
        if (words.isEmpty()) {
            return new PolicyGrant(name, false, "", null, List.of(), List.of());
        }
        String operator = g.requiresAll() ? "AND" : "OR";
        String text = words.size() == 1 ? "Require " + words.get(0)
                : (g.requiresAll() ? "Require all of: " : "Require one of: ") + String.join(", ", words);
        return new PolicyGrant(name, false, text, new Grant.Requirement(name, operator, controls, text), strengths,
                List.copyOf(terms));
    }

    /** True when the policy blocks or requires something: an undecided one leaves the outcome open. */
    boolean matters() {
        return blocks || requirement != null;
    }

    static String word(String control) {
        return switch (control.toLowerCase(Locale.ROOT)) {
            case "mfa" -> "multifactor authentication";
            case "compliantdevice" -> "compliant device";
            case "domainjoineddevice" -> "Microsoft Entra hybrid joined device";
            case "approvedapplication" -> "approved client app";
            case "compliantapplication" -> "app protection policy";
            case "passwordchange" -> "password change";
            case "riskremediation" -> "risk remediation";
            default -> control;
        };
    }
}
