package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.SessionControls;

/**
 * One policy's session controls, in words, and their combination across policies: the strictest
 * sign-in frequency wins, a never-persistent browser session wins over an always-persistent one,
 * strict continuous access evaluation wins over disabled, and the other controls add up.
 */
final class PolicySession {
    final String policy;
    final List<String> texts;
    private final boolean everyTime;
    private final Long frequencyHours;
    private final String frequencyText;
    private final String persistentBrowser;
    private final String appControl;
    private final boolean appEnforced;
    private final boolean resilienceOff;
    private final String cae;
    private final boolean tokenProtection;

    private PolicySession(String policy, SessionControls c) {
        this.policy = policy;
        List<String> t = new ArrayList<>();
        SessionControls.SignInFrequency f = c == null ? null : c.signInFrequency();
        boolean every = f != null && "everyTime".equalsIgnoreCase(f.frequencyInterval());
        Long hours = f == null || every || f.value() == null ? null
                : "days".equalsIgnoreCase(f.type()) ? f.value() * 24L : (long) f.value();
        everyTime = every;
        frequencyHours = hours;
        frequencyText = f == null ? null : f.describe() + ("secondaryAuthentication".equalsIgnoreCase(f.authenticationType())
                ? " (multifactor authentication only)" : "");
        if (frequencyText != null) {
            t.add("Sign-in frequency " + frequencyText);
        }
        persistentBrowser = c == null ? null : Subject.lower(c.persistentBrowserMode());
        if (persistentBrowser != null) {
            t.add("Persistent browser session: " + c.persistentBrowserMode().trim());
        }
        appControl = c == null || Subject.blank(c.cloudAppSecurityType()) ? null : c.cloudAppSecurityType().trim();
        if (appControl != null) {
            t.add("Conditional Access App Control: " + appControl);
        }
        appEnforced = c != null && Boolean.TRUE.equals(c.applicationEnforcedRestrictions());
        if (appEnforced) {
            t.add("Use app enforced restrictions");
        }
        resilienceOff = c != null && Boolean.TRUE.equals(c.disableResilienceDefaults());
        if (resilienceOff) {
            t.add("Resilience defaults disabled");
        }
        cae = c == null || Subject.blank(c.continuousAccessEvaluationMode()) ? null : c.continuousAccessEvaluationMode().trim();
        if (cae != null) {
            t.add("Continuous access evaluation: " + cae);
        }
        tokenProtection = c != null && Boolean.TRUE.equals(c.secureSignInSession());
        if (tokenProtection) {
            t.add("Require token protection for sign-in sessions");
        }
        texts = List.copyOf(t);
    }

    static PolicySession of(ConditionalAccessPolicy p) {
        return new PolicySession(p.label() == null ? "(unnamed policy)" : p.label(), p.sessionControls());
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /** The session controls of the applying policies combined, in words, each naming its policies. */
    static List<String> combine(List<PolicySession> applying) {
        List<String> out = new ArrayList<>();
        PolicySession strictest = null;
        int withFrequency = 0;
        for (PolicySession s : applying) {
            if (s.frequencyText != null) {
                withFrequency++;
                if (strictest == null || stricter(s, strictest)) {
                    strictest = s;
                }
            }
        }
        if (strictest != null) {
            out.add("Sign-in frequency " + strictest.frequencyText + " (" + strictest.policy
                    + (withFrequency > 1 ? "; the strictest of " + withFrequency + " policies" : "") + ")");
        }
        List<String> never = names(applying, s -> "never".equals(s.persistentBrowser));
        List<String> always = names(applying, s -> "always".equals(s.persistentBrowser));
        if (!never.isEmpty()) {
            out.add("Persistent browser session: never (" + String.join(", ", never) + ")");
        } else if (!always.isEmpty()) {
            out.add("Persistent browser session: always (" + String.join(", ", always) + ")");
        }
        Map<String, List<String>> appControl = new LinkedHashMap<>();
        for (PolicySession s : applying) {
            if (s.appControl != null) {
                appControl.computeIfAbsent(s.appControl, k -> new ArrayList<>()).add(s.policy);
            }
        }
        appControl.forEach((type, policies) -> out.add("Conditional Access App Control: " + type + " ("
                + String.join(", ", policies) + ")"));
        add(out, "Use app enforced restrictions", names(applying, s -> s.appEnforced));
        List<String> strict = names(applying, s -> "strictenforcement".equalsIgnoreCase(s.cae));
        List<String> caeOther = names(applying, s -> s.cae != null && !"strictenforcement".equalsIgnoreCase(s.cae));
        if (!strict.isEmpty()) {
            out.add("Continuous access evaluation: strict enforcement (" + String.join(", ", strict) + ")");
        } else if (!caeOther.isEmpty()) {
            String mode = applying.stream().filter(s -> s.cae != null).findFirst().map(s -> s.cae).orElse("");
            out.add("Continuous access evaluation: " + mode + " (" + String.join(", ", caeOther) + ")");
        }
        add(out, "Resilience defaults disabled", names(applying, s -> s.resilienceOff));
        add(out, "Require token protection for sign-in sessions", names(applying, s -> s.tokenProtection));
        return out;
    }

    private static boolean stricter(PolicySession a, PolicySession b) {
        if (a.everyTime != b.everyTime) {
            return a.everyTime;
        }
        if (a.frequencyHours == null) {
            return false;
        }
        return b.frequencyHours == null || a.frequencyHours < b.frequencyHours;
    }

    private static List<String> names(List<PolicySession> sessions, java.util.function.Predicate<PolicySession> p) {
        List<String> out = new ArrayList<>();
        for (PolicySession s : sessions) {
            if (p.test(s)) {
                out.add(s.policy);
            }
        }
        return out;
    }

    private static void add(List<String> out, String text, List<String> policies) {
        if (!policies.isEmpty()) {
            out.add(text + " (" + String.join(", ", policies) + ")");
        }
    }
}
