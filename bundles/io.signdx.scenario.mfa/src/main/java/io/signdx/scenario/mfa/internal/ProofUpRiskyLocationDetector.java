package io.signdx.scenario.mfa.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.Risk;
import io.signdx.api.model.RiskLevel;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.osgi.service.component.annotations.Component;

/**
 * 53004: the user had to register MFA methods, but the sign-in looked too risky to let anyone register
 * methods from it. Whoever knows a password could otherwise bind their own phone to the account, so the
 * finding also counts other accounts that met the same block from the same address (the diagnostic's
 * 48-hour window, a bounded query): several of them point at an attacker rather than a travelling user.
 */
@Component
@Detector(scenario = ProofUpRiskyLocationDetector.SCENARIO, family = "mfa",
        title = "MFA proof-up blocked from a risky location", errorCodes = {ProofUpRiskyLocationDetector.CODE},
        specificity = 60)
public final class ProofUpRiskyLocationDetector implements ScenarioDetector {
    static final String SCENARIO = "mfa.proofup-risky-location";
    static final int CODE = 53004;
    private static final String TITLE = "MFA proof-up blocked from a risky location";
    private static final Duration HALF_WINDOW = Duration.ofHours(24);
    private static final int MAX_RELATED = 50;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (!context.detailed()) {
            // counted, not read: the code alone decides; the other accounts from the address are evidence only
            return List.of(Finding.builder(SCENARIO).title(TITLE).confidence(Confidence.HIGH).assessment(TITLE).build());
        }
        String where = signIn.location().display();
        StringBuilder a = new StringBuilder(Facts.subject(signIn)).append(" needed the user to register MFA methods, "
                + "but Microsoft Entra refused the registration (").append(Facts.code(signIn)).append(") because the "
                + "sign-in looked suspicious");
        if (!Facts.blank(signIn.ipAddress())) {
            a.append(": it came from ").append(signIn.ipAddress()).append(where.isEmpty() ? "" : " (" + where + ")");
        }
        a.append(". Letting a risky session register methods would let someone who only knows the password take "
                + "over the account.");
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).confidence(Confidence.HIGH);
        String risk = riskText(signIn.risk());
        if (risk.isEmpty()) {
            f.missing("Identity Protection's risk level and detections for the sign-in (not on the record)");
        } else {
            a.append(' ').append(risk);
        }
        List<SignIn> others = sameAddress(signIn, context);
        if (!others.isEmpty()) {
            Set<String> users = new HashSet<>();
            for (SignIn s : others) {
                users.add(s.userLabel().toLowerCase(Locale.ROOT));
            }
            a.append(" In the 48 hours around it, ").append(others.size()).append(others.size() == 1 ? " other sign-in"
                    : " other sign-ins").append(" from the same address met the same block");
            if (users.size() > 1 || !users.contains(signIn.userLabel().toLowerCase(Locale.ROOT))) {
                a.append(", for ").append(users.size()).append(users.size() == 1 ? " account" : " accounts")
                        .append("; registration attempts on several accounts from one address look like an attacker "
                                + "trying to add their own methods to accounts whose passwords they have.");
            } else {
                a.append('.');
            }
            List<SignIn> rows = new ArrayList<>(others.size() + 1);
            rows.add(signIn);
            rows.addAll(others);
            f.evidence(EvidenceTable.ofSignIns("Proof-up blocks from " + signIn.ipAddress(), rows));
        } else {
            f.evidence(Facts.signInTable(signIn));
        }
        return List.of(f.assessment(a.toString())
                .recommend(Actor.USER, "Register your security information from a network and device you normally "
                        + "use (the office network or your usual home connection, without an anonymising VPN or "
                        + "proxy), or ask the help desk for a Temporary Access Pass.", Links.SECURITY_INFO)
                .recommend(Actor.ADMIN, "Confirm with " + signIn.userLabel() + " that the attempt was theirs and "
                        + "compare the address and location with their usual sign-ins. If it was not them, the password "
                        + "is known to someone else: reset it and revoke the user's sessions.", Links.REVOKE)
                .recommend(Actor.ADMIN, "Once the attempt is confirmed as the user's, issue a Temporary Access Pass "
                        + "so the registration can be done safely, and review the sign-in in Identity Protection "
                        + "(confirm safe or compromised).", Links.TAP)
                .recommend(Actor.ADMIN, "Look at the address in the risky sign-ins report; if it is a network of "
                        + "the organisation, define it as a trusted named location.", Links.INVESTIGATE_RISK)
                .build());
    }

    private static List<SignIn> sameAddress(SignIn signIn, DetectionContext context) {
        if (Facts.blank(signIn.ipAddress()) || signIn.createdDateTime() == null) {
            return List.of();
        }
        List<SignIn> out = new ArrayList<>();
        for (SignIn s : context.related(SignInQuery.all().withIpAddress(signIn.ipAddress())
                .around(signIn.createdDateTime(), HALF_WINDOW).withErrorCodes(Set.of(CODE))
                .withPage(0, MAX_RELATED + 1))) {
            if (!s.equals(signIn) && out.size() < MAX_RELATED) {
                out.add(s);
            }
        }
        return out;
    }

    private static String riskText(Risk risk) {
        List<String> parts = new ArrayList<>();
        if (elevated(risk.riskLevelDuringSignIn())) {
            parts.add("a " + risk.riskLevelDuringSignInValue().toLowerCase(Locale.ROOT) + " sign-in risk");
        }
        if (elevated(risk.riskLevelAggregated())) {
            parts.add("a " + risk.riskLevelAggregatedValue().toLowerCase(Locale.ROOT) + " user risk");
        }
        List<String> detections = new ArrayList<>();
        for (String d : risk.riskEventTypes()) {
            if (!Facts.blank(d) && !"none".equalsIgnoreCase(d.strip())) {
                detections.add(Facts.quote(d));
            }
        }
        if (!detections.isEmpty()) {
            parts.add("the detections " + String.join(", ", detections));
        }
        if (parts.isEmpty()) {
            return "";
        }
        String last = parts.remove(parts.size() - 1);
        return "Identity Protection recorded " + (parts.isEmpty() ? "" : String.join(", ", parts) + " and ") + last + '.';
    }

    private static boolean elevated(RiskLevel level) {
        return level == RiskLevel.LOW || level == RiskLevel.MEDIUM || level == RiskLevel.HIGH;
    }
}
