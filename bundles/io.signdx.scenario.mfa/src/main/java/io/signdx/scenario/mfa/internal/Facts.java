package io.signdx.scenario.mfa.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

/** What the MFA detectors read from a sign-in the same way, and the evidence tables they share. */
final class Facts {
    /** Record texts are attacker-controlled and may be long; assessments quote only this much. */
    private static final int QUOTE_LIMIT = 200;

    private Facts() {
    }

    /** "AADSTS50076". */
    static String code(SignIn s) {
        return "AADSTS" + s.errorCode();
    }

    /** "The sign-in of ann@… to Outlook". */
    static String subject(SignIn s) {
        return "The sign-in of " + s.userLabel() + " to " + s.appLabel();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The text stripped, on one line, and cut to a readable length. */
    static String quote(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), QUOTE_LIMIT + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && b.length() <= QUOTE_LIMIT; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.length() > QUOTE_LIMIT ? b.substring(0, QUOTE_LIMIT) + "…" : b.toString();
    }

    /** "“A”", "“A” and “B”", "“A”, “B” and “C”". */
    static String names(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(i == names.size() - 1 ? " and " : ", ");
            }
            b.append('"').append(quote(names.get(i))).append('"');
        }
        return b.toString();
    }

    /** Applied policies with result failure. */
    static List<AppliedPolicy> failingPolicies(SignIn s) {
        List<AppliedPolicy> out = new ArrayList<>();
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            if (p != null && p.result() == PolicyResult.FAILURE) {
                out.add(p);
            }
        }
        return out;
    }

    /** Names of the enforced policies (success or failure) whose grant asks for MFA or an authentication strength. */
    static List<String> mfaPolicies(SignIn s) {
        List<String> out = new ArrayList<>();
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            if (p == null || p.result() != PolicyResult.SUCCESS && p.result() != PolicyResult.FAILURE) {
                continue;
            }
            for (String control : p.enforcedGrantControls()) {
                String c = lower(control);
                if (c.contains("mfa") || c.contains("authenticationstrength")) {
                    out.add(label(p));
                    break;
                }
            }
        }
        return out;
    }

    static String label(AppliedPolicy p) {
        return blank(p.displayName()) ? (blank(p.id()) ? "unnamed policy" : p.id()) : p.displayName();
    }

    /** The per-user MFA state (lower case) the snapshot holds for the user, by object id, else by UPN. */
    static Optional<String> perUserState(TenantContext tenant, SignIn s) {
        Optional<String> state = blank(s.userId()) ? Optional.empty() : tenant.perUserMfaState(s.userId());
        if (state.isEmpty() && !blank(s.userPrincipalName())) {
            state = tenant.perUserMfaState(s.userPrincipalName());
        }
        return state.filter(v -> !v.isBlank()).map(Facts::lower);
    }

    /** True for the per-user states that make the account require MFA. */
    static boolean perUserOn(String state) {
        return "enabled".equals(state) || "enforced".equals(state);
    }

    /** What required the authentication, one row per recorded provider. */
    static EvidenceTable requirementTable(SignIn s) {
        List<List<String>> rows = new ArrayList<>();
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            if (p == null) {
                continue;
            }
            Provider k = Provider.of(p.requirementProvider());
            rows.add(Arrays.asList(p.requirementProvider(), p.detail(),
                    k == null ? "" : k.description()));
        }
        return new EvidenceTable("Authentication requirement policies",
                List.of("Requirement provider", "Detail", "Meaning"), rows);
    }

    /** The authentication steps as recorded. */
    static EvidenceTable stepsTable(SignIn s) {
        return EvidenceTable.ofAuthenticationSteps(s.authenticationDetails());
    }

    /** The sign-in itself as a one-row table. */
    static EvidenceTable signInTable(SignIn s) {
        return EvidenceTable.ofSignIns("Sign-in", List.of(s));
    }
}
