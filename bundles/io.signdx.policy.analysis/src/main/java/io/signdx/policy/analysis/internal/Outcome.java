package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ConditionalAccessStatus;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.policy.Grant;

/**
 * The Conditional Access outcome of one sign-in, reduced to what a replay compares: blocked, the controls
 * required (in Graph's names, lower case), nothing, or unknown; with the policies behind it.
 *
 * @param kind what happened
 * @param byPolicy per policy name, the controls it requires (empty for a block)
 * @param text the outcome in words
 */
record Outcome(Kind kind, Map<String, Set<String>> byPolicy, String text) {
    enum Kind {
        BLOCKED,
        REQUIREMENTS,
        NOTHING,
        UNKNOWN
    }

    static final String AUTH_STRENGTH = "authenticationstrength";
    static final String TERMS_OF_USE = "termsofuse";

    Outcome {
        byPolicy = Map.copyOf(byPolicy);
    }

    /** Every control required, by any policy. */
    Set<String> controls() {
        Set<String> all = new LinkedHashSet<>();
        byPolicy.values().forEach(all::addAll);
        return all;
    }

    boolean mfa() {
        return controls().stream().anyMatch(Outcome::mfaLike);
    }

    static boolean mfaLike(String control) {
        return control.equals("mfa") || control.equals(AUTH_STRENGTH);
    }

    /** The policies whose controls include one that satisfies the test. */
    List<String> policiesWith(java.util.function.Predicate<String> test) {
        List<String> out = new ArrayList<>();
        byPolicy.forEach((p, cs) -> {
            if (cs.stream().anyMatch(test)) {
                out.add(p);
            }
        });
        return out;
    }

    /**
     * The outcome a recorded sign-in carries: the enforced policies of {@code appliedConditionalAccessPolicies}
     * (result success or failure) with their enforced grant controls; unknown when the record holds neither
     * policies nor a Conditional Access status.
     */
    static Outcome recorded(SignIn s) {
        Map<String, Set<String>> blocking = new LinkedHashMap<>();
        Map<String, Set<String>> requiring = new LinkedHashMap<>();
        Set<String> sessionOnly = new LinkedHashSet<>();
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            PolicyResult r = p.result();
            if (r != PolicyResult.SUCCESS && r != PolicyResult.FAILURE) {
                continue;
            }
            sessionOnly.addAll(p.enforcedSessionControls());
            String name = p.displayName() != null && !p.displayName().isBlank() ? p.displayName() : String.valueOf(p.id());
            if (p.blocks()) {
                blocking.put(name, Set.of());
                continue;
            }
            Set<String> controls = new LinkedHashSet<>();
            p.enforcedGrantControls().forEach(c -> controls.add(recordedControl(c)));
            if (!controls.isEmpty()) {
                requiring.merge(name, controls, (a, b) -> {
                    Set<String> m = new LinkedHashSet<>(a);
                    m.addAll(b);
                    return m;
                });
            }
        }
        if (!blocking.isEmpty()) {
            return new Outcome(Kind.BLOCKED, blocking, "blocked by " + String.join(", ", blocking.keySet()));
        }
        if (!requiring.isEmpty()) {
            return requirements(requiring);
        }
        ConditionalAccessStatus status = s.conditionalAccessStatus();
        if (!sessionOnly.isEmpty()) {
            // e.g. a sign-in frequency that ran out (70044): a session control failed, no grant was required
            return new Outcome(Kind.NOTHING, Map.of(), "no grant control required (session controls: "
                    + String.join(", ", sessionOnly) + ")");
        }
        if (s.appliedConditionalAccessPolicies().isEmpty() && status == ConditionalAccessStatus.UNKNOWN) {
            return new Outcome(Kind.UNKNOWN, Map.of(), "not recorded (the record carries no Conditional Access result)");
        }
        if (status == ConditionalAccessStatus.FAILURE) {
            return new Outcome(Kind.UNKNOWN, Map.of(), "failed Conditional Access (the record names no enforced control)");
        }
        if (s.errorCode() != 0 && status != ConditionalAccessStatus.SUCCESS) {
            // a sign-in that failed before Conditional Access (a wrong password, 50126) says nothing of its outcome
            return new Outcome(Kind.UNKNOWN, Map.of(), "not evaluated: the sign-in failed before Conditional Access "
                    + "(error " + s.errorCode() + ")");
        }
        return new Outcome(Kind.NOTHING, Map.of(), "no control required");
    }

    /** The outcome an evaluation gives: the combined grant of the enabled policies that apply. */
    static Outcome evaluated(Grant g) {
        switch (g.outcome()) {
            case BLOCK -> {
                Map<String, Set<String>> m = new LinkedHashMap<>();
                g.blockingPolicies().forEach(p -> m.put(p, Set.of()));
                return new Outcome(Kind.BLOCKED, m, "blocked by " + String.join(", ", g.blockingPolicies()));
            }
            case GRANT_WITH_REQUIREMENTS -> {
                Map<String, Set<String>> m = new LinkedHashMap<>();
                for (Grant.Requirement r : g.requirements()) {
                    Set<String> controls = new LinkedHashSet<>();
                    r.controls().forEach(c -> controls.add(normal(c)));
                    // the grant lists strengths and terms of use apart; a requirement names them in its text
                    String text = r.text() == null ? "" : r.text().toLowerCase(Locale.ROOT);
                    if (!g.authenticationStrengths().isEmpty() && (controls.isEmpty() || text.contains("strength"))) {
                        controls.add(AUTH_STRENGTH);
                    }
                    if (!g.termsOfUse().isEmpty() && text.contains("terms of use")) {
                        controls.add(TERMS_OF_USE);
                    }
                    m.merge(r.policy(), controls, (a, b) -> {
                        Set<String> x = new LinkedHashSet<>(a);
                        x.addAll(b);
                        return x;
                    });
                }
                if (!g.authenticationStrengths().isEmpty() && m.values().stream().noneMatch(c -> c.contains(AUTH_STRENGTH))) {
                    m.put("authentication strength " + String.join(", ", g.authenticationStrengths()), Set.of(AUTH_STRENGTH));
                }
                if (!g.termsOfUse().isEmpty() && m.values().stream().noneMatch(c -> c.contains(TERMS_OF_USE))) {
                    m.put("terms of use", Set.of(TERMS_OF_USE));
                }
                return m.values().stream().allMatch(Set::isEmpty) ? new Outcome(Kind.NOTHING, Map.of(),
                        "no control required") : requirements(m);
            }
            case GRANT -> {
                return new Outcome(Kind.NOTHING, Map.of(), "no control required");
            }
            default -> {
                Map<String, Set<String>> m = new LinkedHashMap<>();
                g.undecidedPolicies().forEach(p -> m.put(p, Set.of()));
                return new Outcome(Kind.UNKNOWN, m, g.undecidedPolicies().isEmpty() ? "undecided"
                        : "undecided: " + String.join(", ", g.undecidedPolicies()) + " lack information");
            }
        }
    }

    private static Outcome requirements(Map<String, Set<String>> byPolicy) {
        Set<String> all = new LinkedHashSet<>();
        byPolicy.values().forEach(all::addAll);
        List<String> words = all.stream().map(Outcome::words).toList();
        return new Outcome(Kind.REQUIREMENTS, byPolicy, "requires " + String.join(", ", words) + " ("
                + String.join(", ", byPolicy.keySet()) + ")");
    }

    private static String words(String control) {
        return switch (control) {
            case AUTH_STRENGTH -> "an authentication strength";
            case TERMS_OF_USE -> "accepting terms of use";
            default -> PolicyShape.controlName(control);
        };
    }

    /** A Graph control name, in lower case; the authentication strength and terms of use under one name each. */
    static String normal(String control) {
        String c = control == null ? "" : control.trim().toLowerCase(Locale.ROOT);
        if (c.contains("authenticationstrength") || c.contains("authentication strength")) {
            return AUTH_STRENGTH;
        }
        if (c.contains("termsofuse") || c.contains("terms of use")) {
            return TERMS_OF_USE;
        }
        return c;
    }

    /** The names sign-in records use for enforced grant controls, e.g. {@code RequireCompliantDevice}. */
    static String recordedControl(String control) {
        String c = control == null ? "" : control.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "mfa", "requiremfa" -> "mfa";
            case "requirecompliantdevice", "compliantdevice" -> "compliantdevice";
            case "requiredomainjoineddevice", "domainjoineddevice" -> "domainjoineddevice";
            case "requireapprovedapp", "approvedapplication" -> "approvedapplication";
            case "requirecompliantapp", "compliantapplication" -> "compliantapplication";
            case "requirepasswordchange", "passwordchange" -> "passwordchange";
            default -> normal(c);
        };
    }
}
