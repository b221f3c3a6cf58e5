package io.signdx.scenario.risk.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.Risk;
import io.signdx.api.model.RiskLevel;
import io.signdx.api.model.RiskState;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.osgi.service.component.annotations.Component;

/**
 * A sign-in blocked because of Identity Protection risk. Classifications:
 * <ul>
 * <li>{@code sign-in-risk} / {@code user-risk}: 53003 or 530032 on a sign-in that carries risk (a level
 * low/medium/high, a risk state atRisk/confirmedCompromised, or a detection). Without risk the block is
 * a plain Conditional Access one and nothing is returned. Which kind of risk is read from the failing
 * policy (its satisfied conditions, else its name), else from the levels (sign-in risk first), else from
 * the detections.
 * A failing policy whose satisfied conditions include {@code signInRisk} / {@code userRisk} confirms the
 * kind (HIGH); without that the finding says the policy's conditions are missing, and a failing policy
 * whose name mentions risk still raises the confidence to HIGH.</li>
 * <li>{@code home-tenant-risk}: 53011 (a guest whose home tenant rates the account risky) and 530034 (a
 * partner's delegated administrator blocked for suspicious activity at home).</li>
 * <li>{@code malicious-ip}: 50053 whose failure reason names an IP address with malicious activity (the
 * other 50053, smart lockout, is not risk). A maliciousIPAddress detection on a 53003 stays
 * {@code sign-in-risk}: there the risk policy blocked, not the address block.</li>
 * </ul>
 */
@Component
@Detector(scenario = RiskBlockedDetector.SCENARIO, family = "risk", title = "Blocked by risk policy",
        errorCodes = {53003, 530032, 53011, 530034, 50053}, specificity = 60)
public final class RiskBlockedDetector implements ScenarioDetector {
    static final String SCENARIO = "risk.blocked";
    private static final String TITLE = "Blocked by risk policy";
    private static final String HOME_TENANT = "home-tenant-risk";
    private static final String MALICIOUS_IP = "malicious-ip";
    private static final Duration HALF_WINDOW = Duration.ofHours(24);
    private static final int MAX_RELATED = 100;
    private static final int QUOTE_LIMIT = 200;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        return switch (signIn.errorCode()) {
            case 53003, 530032 -> carriesRisk(signIn.risk()) ? List.of(policyBlock(signIn, context.detailed()))
                    : List.of();
            case 53011, 530034 -> List.of(homeTenant(signIn, context.detailed()));
            case 50053 -> namesMaliciousIp(signIn) ? List.of(maliciousIp(signIn, context)) : List.of();
            default -> List.of();
        };
    }

    /** The finding without detail, for counting: scenario, classification and confidence only. */
    private static Finding brief(String classification, Confidence confidence) {
        return Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                .assessment(TITLE).build();
    }

    // ---- 53003 / 530032 ----------------------------------------------------------------------------

    static boolean carriesRisk(Risk risk) {
        RiskState state = risk.riskState();
        return elevated(risk.riskLevelDuringSignIn()) || elevated(risk.riskLevelAggregated())
                || state == RiskState.AT_RISK || state == RiskState.CONFIRMED_COMPROMISED
                || !detections(risk).isEmpty();
    }

    private static Finding policyBlock(SignIn signIn, boolean detailed) {
        Risk risk = signIn.risk();
        List<AppliedPolicy> failing = new ArrayList<>();
        for (AppliedPolicy p : signIn.appliedConditionalAccessPolicies()) {
            if (p.result() == PolicyResult.FAILURE) {
                failing.add(p);
            }
        }
        Hint hint = riskHint(failing);
        List<String> detections = detections(risk);
        String classification = classify(hint == null ? null : hint.kind(), risk, detections);
        // a failing policy that names or shows risk settles it; without one, only strong levels point at a policy
        Confidence confidence = hint != null ? Confidence.HIGH : strong(risk) ? Confidence.MEDIUM : Confidence.LOW;
        if (!detailed) {
            // counted, not read: the sentences, tables and advice are the cost
            return brief(classification, confidence);
        }

        StringBuilder a = new StringBuilder(subject(signIn)).append(" was blocked (AADSTS").append(signIn.errorCode())
                .append(") while Identity Protection considered it risky: ").append(levels(risk)).append('.');
        appendDetections(a, detections);
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification);
        if (failing.isEmpty()) {
            a.append(" No Conditional Access policy is recorded with result failure; the block may come from one of "
                    + "Identity Protection's own (legacy) risk policies.");
            f.missing("the policy that blocked the sign-in (no Conditional Access policy is recorded with result "
                    + "failure)");
        } else {
            a.append(" The failing ").append(failing.size() == 1 ? "policy is " : "policies are ").append(names(failing));
            if (hint == null) {
                a.append("; the record does not show whether it has a risk condition.");
            } else if (hint.confirmed()) {
                a.append("; the record shows its ").append(hint.kind().equals("risk") ? "sign-in and user risk conditions"
                        : hint.kind() + " risk condition").append(" satisfied.");
            } else {
                a.append("; the name points to a ").append(hint.kind().equals("risk") ? "risk-based" : hint.kind()
                        + " risk").append(" policy.");
            }
            if (hint == null || !hint.confirmed()) {
                f.missing("the failing policy's conditions: the record does not show a satisfied sign-in or user risk "
                        + "condition (a tenant snapshot with the Conditional Access policies confirms it)");
            }
        }
        a.append(classification.equals("user-risk")
                ? " User risk concerns the account itself: Identity Protection believes its credentials may be in other "
                        + "hands, and the block stays until the risk is remediated."
                : " Sign-in risk concerns this attempt: the detections suggest someone other than the user made it.");
        if (signIn.flaggedForReview()) {
            a.append(" The sign-in is flagged for review.");
        }
        f.confidence(confidence).assessment(a.toString()).evidence(riskTable(risk));
        if (!detections.isEmpty()) {
            f.evidence(detectionTable(detections));
        }
        if (!failing.isEmpty()) {
            f.evidence(policyTable(failing));
        }
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        if (classification.equals("user-risk")) {
            adviseUserRisk(f, signIn);
        } else {
            adviseSignInRisk(f, signIn);
        }
        return f.build();
    }

    private static String classify(String hint, Risk risk, List<String> detections) {
        if (hint != null && !hint.equals("risk")) {
            return hint.equals("user") ? "user-risk" : "sign-in-risk";
        }
        if (elevated(risk.riskLevelDuringSignIn())) {
            return "sign-in-risk";
        }
        if (elevated(risk.riskLevelAggregated()) || risk.riskState() == RiskState.AT_RISK
                || risk.riskState() == RiskState.CONFIRMED_COMPROMISED) {
            return "user-risk";
        }
        for (String d : detections) {
            if (!Detections.userLevel(d)) {
                return "sign-in-risk";
            }
        }
        return "user-risk";
    }

    /**
     * What the failing policies say about risk: a satisfied {@code signInRisk} / {@code userRisk} condition
     * confirms it; else a name that mentions user or sign-in risk, or just risk, hints at it.
     */
    private record Hint(String kind, boolean confirmed) {
    }

    private static Hint riskHint(List<AppliedPolicy> failing) {
        boolean signInRisk = false;
        boolean userRisk = false;
        for (AppliedPolicy p : failing) {
            for (String c : p.conditionsSatisfied()) {
                String k = lower(c);
                signInRisk |= k.equals("signinrisk");
                userRisk |= k.equals("userrisk");
            }
        }
        if (signInRisk || userRisk) {
            return new Hint(signInRisk == userRisk ? "risk" : signInRisk ? "sign-in" : "user", true);
        }
        Hint found = null;
        for (AppliedPolicy p : failing) {
            String n = lower(p.displayName());
            if (n.contains("user risk") || n.contains("user-risk") || n.contains("userrisk")) {
                return new Hint("user", false);
            }
            if (n.contains("sign-in risk") || n.contains("signin risk") || n.contains("sign in risk")
                    || n.contains("sign-in-risk") || n.contains("signinrisk")) {
                return new Hint("sign-in", false);
            }
            if (n.contains("risk")) {
                found = new Hint("risk", false);
            }
        }
        return found;
    }

    private static void adviseSignInRisk(Finding.Builder f, SignIn signIn) {
        f.recommend(Actor.USER, "If this was you, try again from your usual device and network, without an "
                + "anonymising VPN or proxy. If it was not you, tell your IT team at once and change your password.", null)
                .recommend(Actor.ADMIN, "Review the sign-in of " + signIn.userLabel() + " under Identity Protection > "
                        + "Risky sign-ins. If the user confirms it, mark it 'Confirm safe'; if not, mark it 'Confirm "
                        + "compromised', reset the password and revoke the sessions.", Links.INVESTIGATE)
                .recommend(Actor.ADMIN, "Consider letting users remediate sign-in risk themselves: a sign-in risk "
                        + "policy that requires MFA (sign-in frequency every time) instead of Block lets a user who "
                        + "passes MFA clear the risk.", Links.SIGN_IN_RISK_POLICY);
    }

    private static void adviseUserRisk(Finding.Builder f, SignIn signIn) {
        f.recommend(Actor.USER, "Reset your password with self-service password reset if your organisation allows "
                + "it: a secure password change clears your user risk. Otherwise ask your IT team to reset it.",
                Links.PASSWORD_RESET)
                .recommend(Actor.ADMIN, "Open " + signIn.userLabel() + " under Identity Protection > Risky users and "
                        + "read the detections. If the account is compromised, reset the password and revoke the "
                        + "sessions (confirm compromised); if the detections are explained, dismiss the user risk.",
                        Links.REMEDIATE)
                .recommend(Actor.ADMIN, "Consider a user risk policy that requires a secure password change instead "
                        + "of Block, so users can remediate with self-service password reset (hybrid users need "
                        + "password writeback).", Links.USER_RISK_POLICY);
    }

    // ---- 53011 / 530034 ----------------------------------------------------------------------------

    private static Finding homeTenant(SignIn signIn, boolean detailed) {
        if (!detailed) {
            // counted, not read: the code alone decides
            return brief(HOME_TENANT, Confidence.HIGH);
        }
        boolean partner = signIn.errorCode() == 530034;
        String home = blank(signIn.homeTenantId()) ? "" : " (home tenant " + quote(signIn.homeTenantId()) + ")";
        StringBuilder a = new StringBuilder(subject(signIn)).append(" was blocked (AADSTS").append(signIn.errorCode())
                .append(") because of risk in the user's home organisation").append(home).append(". ");
        if (partner) {
            a.append("The user is a partner's delegated administrator, and suspicious activity on the account in the "
                    + "partner's tenant keeps it out of this customer tenant.");
        } else {
            a.append("Identity Protection in the home organisation rates the account as risky, and a risk-based "
                    + "policy here blocks risky guests. User risk of a guest is evaluated in the home tenant, so "
                    + "administrators here can neither see nor dismiss it.");
        }
        if (carriesRisk(signIn.risk())) {
            a.append(" The record shows ").append(levels(signIn.risk())).append('.');
        }
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(HOME_TENANT)
                .confidence(Confidence.HIGH).assessment(a.toString());
        if (carriesRisk(signIn.risk())) {
            f.evidence(riskTable(signIn.risk()));
        }
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        if (partner) {
            f.recommend(Actor.ADMIN, "Ask the partner to remediate the administrator's account in the partner's own "
                    + "tenant (reset the password, review its risky sign-ins); the block lifts once the risk is gone.",
                    Links.REMEDIATE);
        } else {
            f.recommend(Actor.USER, "Reset your password in your own organisation with self-service password reset, "
                    + "then try again; if that is not possible, contact your own IT team.", Links.PASSWORD_RESET)
                    .recommend(Actor.ADMIN, "Ask the guest's home organisation to remediate the user risk (password "
                            + "reset or dismissing the risk in their Risky users report). If the guest must work before "
                            + "that, the only lever here is excluding guests from the user-risk policy; weigh that "
                            + "carefully.", Links.B2B_RISK);
        }
        return f.build();
    }

    // ---- 50053 malicious IP ------------------------------------------------------------------------

    private static boolean namesMaliciousIp(SignIn signIn) {
        return lower(signIn.status().failureReason()).contains("malicious")
                || lower(signIn.status().additionalDetails()).contains("malicious");
    }

    private static Finding maliciousIp(SignIn signIn, DetectionContext context) {
        if (!context.detailed()) {
            // counted, not read: the failure reason decides; the other sign-ins from the address are evidence only
            return brief(MALICIOUS_IP, Confidence.HIGH);
        }
        String ip = blank(signIn.ipAddress()) ? "an address not on the record" : signIn.ipAddress();
        String where = signIn.location().display();
        StringBuilder a = new StringBuilder(subject(signIn)).append(" was blocked (AADSTS50053) because it came from ")
                .append(ip).append(where.isEmpty() ? "" : " (" + where + ")")
                .append(", an IP address Microsoft knows for malicious activity. This is not the smart lockout that "
                        + "the same code reports after wrong passwords: the address is refused whatever the password.");
        List<String> detections = detections(signIn.risk());
        appendDetections(a, detections);
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(MALICIOUS_IP)
                .confidence(Confidence.HIGH);
        List<SignIn> others = sameAddress(signIn, context);
        if (!others.isEmpty()) {
            Set<String> users = new HashSet<>();
            int failed = 0;
            for (SignIn s : others) {
                users.add(s.userLabel().toLowerCase(Locale.ROOT));
                failed += s.errorCode() == 0 ? 0 : 1;
            }
            a.append(" In the 48 hours around it, ").append(others.size()).append(others.size() == 1 ? " other sign-in"
                    : " other sign-ins").append(" came from the same address (").append(failed).append(" failed) for ")
                    .append(users.size()).append(users.size() == 1 ? " account." : " accounts.");
            if (others.size() > failed) {
                a.append(" Some of them succeeded: check those accounts first.");
            }
            List<SignIn> rows = new ArrayList<>(others.size() + 1);
            rows.add(signIn);
            rows.addAll(others);
            f.evidence(EvidenceTable.ofSignIns("Sign-ins from " + ip, rows));
        } else {
            f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        }
        if (!detections.isEmpty()) {
            f.evidence(detectionTable(detections));
        }
        return f.assessment(a.toString())
                .recommend(Actor.USER, "Sign in from your usual network, not through a public VPN, proxy or hotspot. If "
                        + "you were not trying to sign in, change your password.", null)
                .recommend(Actor.ADMIN, "Investigate " + ip + ": which accounts it tried and whether any attempt "
                        + "succeeded; reset the passwords of accounts that signed in from it and revoke their sessions.",
                        Links.INVESTIGATE)
                .recommend(Actor.ADMIN, "If the address is the organisation's own (a shared proxy or NAT), find out "
                        + "what on that network produced the malicious reputation (for example a password-spraying "
                        + "host) before anything else.", Links.RISK_DETECTIONS)
                .build();
    }

    private static List<SignIn> sameAddress(SignIn signIn, DetectionContext context) {
        if (blank(signIn.ipAddress()) || signIn.createdDateTime() == null) {
            return List.of();
        }
        List<SignIn> out = new ArrayList<>();
        for (SignIn s : context.related(SignInQuery.all().withIpAddress(signIn.ipAddress())
                .around(signIn.createdDateTime(), HALF_WINDOW).withPage(0, MAX_RELATED + 1))) {
            if (!s.equals(signIn) && out.size() < MAX_RELATED) {
                out.add(s);
            }
        }
        return out;
    }

    // ---- shared ------------------------------------------------------------------------------------

    private static String subject(SignIn s) {
        return "The sign-in of " + s.userLabel() + " to " + s.appLabel();
    }

    private static boolean elevated(RiskLevel level) {
        return level == RiskLevel.LOW || level == RiskLevel.MEDIUM || level == RiskLevel.HIGH;
    }

    private static boolean strong(Risk risk) {
        return risk.riskLevelDuringSignIn() == RiskLevel.MEDIUM || risk.riskLevelDuringSignIn() == RiskLevel.HIGH
                || risk.riskLevelAggregated() == RiskLevel.MEDIUM || risk.riskLevelAggregated() == RiskLevel.HIGH
                || risk.riskState() == RiskState.CONFIRMED_COMPROMISED;
    }

    /** "sign-in risk high, user risk high, risk state atRisk", with the known parts only. */
    private static String levels(Risk risk) {
        List<String> parts = new ArrayList<>();
        if (elevated(risk.riskLevelDuringSignIn())) {
            parts.add("sign-in risk " + lower(risk.riskLevelDuringSignInValue()));
        }
        if (elevated(risk.riskLevelAggregated())) {
            parts.add("user risk " + lower(risk.riskLevelAggregatedValue()));
        }
        if (risk.riskState() == RiskState.AT_RISK || risk.riskState() == RiskState.CONFIRMED_COMPROMISED) {
            parts.add("risk state " + risk.riskStateValue().strip());
        }
        return parts.isEmpty() ? "no risk level recorded, only detections" : String.join(", ", parts);
    }

    /** The detections worth naming: not blank, not "none". */
    private static List<String> detections(Risk risk) {
        List<String> out = new ArrayList<>();
        for (String d : risk.riskEventTypes()) {
            if (!blank(d) && !d.strip().equalsIgnoreCase("none")) {
                out.add(quote(d));
            }
        }
        return out;
    }

    private static void appendDetections(StringBuilder a, List<String> detections) {
        if (detections.isEmpty()) {
            return;
        }
        a.append(detections.size() == 1 ? " Detection: " : " Detections: ");
        for (int i = 0; i < detections.size(); i++) {
            String d = detections.get(i);
            String meaning = Detections.meaning(d);
            a.append(i == 0 ? "" : "; ").append(d).append(" (").append(meaning == null ? "not described by SignDx; see "
                    + "Microsoft's risk detection reference" : meaning).append(')');
        }
        a.append('.');
    }

    private static EvidenceTable riskTable(Risk risk) {
        return new EvidenceTable("Identity Protection", List.of("Field", "Value"), List.of(
                List.of("Risk level during sign-in", text(risk.riskLevelDuringSignInValue())),
                List.of("Aggregated risk level (user)", text(risk.riskLevelAggregatedValue())),
                List.of("Risk state", text(risk.riskStateValue())),
                List.of("Risk detail", text(risk.riskDetail())),
                List.of("Detections", String.join(", ", detections(risk)))));
    }

    private static EvidenceTable detectionTable(List<String> detections) {
        List<List<String>> rows = new ArrayList<>();
        for (String d : detections) {
            String meaning = Detections.meaning(d);
            rows.add(List.of(d, meaning == null ? "" : meaning, Detections.userLevel(d) ? "user" : "sign-in"));
        }
        return new EvidenceTable("Risk detections", List.of("Detection", "Meaning", "Raises"), rows);
    }

    private static EvidenceTable policyTable(List<AppliedPolicy> failing) {
        List<List<String>> rows = new ArrayList<>();
        for (AppliedPolicy p : failing) {
            rows.add(Arrays.asList(label(p), p.resultValue(), String.join(", ", p.enforcedGrantControls()),
                    String.join(", ", new TreeSet<>(p.conditionsSatisfied()))));
        }
        return new EvidenceTable("Conditional Access policies that failed",
                List.of("Policy", "Result", "Grant controls", "Conditions satisfied"), rows);
    }

    private static String names(List<AppliedPolicy> policies) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < policies.size(); i++) {
            if (i > 0) {
                b.append(i == policies.size() - 1 ? " and " : ", ");
            }
            b.append('"').append(quote(label(policies.get(i)))).append('"');
        }
        return b.toString();
    }

    private static String label(AppliedPolicy p) {
        return blank(p.displayName()) ? (blank(p.id()) ? "unnamed policy" : p.id()) : p.displayName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Record texts are attacker-controlled and may be long: one line, cut to a readable length. */
    private static String quote(String s) {
        String t = s.strip();
        StringBuilder b = new StringBuilder(Math.min(t.length(), QUOTE_LIMIT + 1));
        for (int i = 0; i < t.length() && b.length() <= QUOTE_LIMIT; i++) {
            char c = t.charAt(i);
            b.append(Character.isWhitespace(c) || Character.isISOControl(c) ? ' ' : c);
        }
        return b.length() > QUOTE_LIMIT ? b.substring(0, QUOTE_LIMIT) + "…" : b.toString();
    }
}
