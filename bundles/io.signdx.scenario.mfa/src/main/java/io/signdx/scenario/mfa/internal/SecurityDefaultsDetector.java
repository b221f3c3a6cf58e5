package io.signdx.scenario.mfa.internal;

import java.util.List;
import java.util.Optional;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;

/**
 * Security defaults interrupted or blocked the sign-in: 530035 (legacy authentication or a request judged
 * unsafe), or an MFA / registration interrupt whose requirement provider is security defaults. An
 * interrupt without any recorded provider is claimed (MEDIUM) when the tenant snapshot shows security
 * defaults on, because Conditional Access cannot be in force at the same time.
 */
@Component
@Detector(scenario = SecurityDefaultsDetector.SCENARIO, family = "mfa", title = "Security defaults",
        errorCodes = {SecurityDefaultsDetector.BLOCKED, 50074, 50076, 50079, 50072}, specificity = 60)
public final class SecurityDefaultsDetector implements ScenarioDetector {
    static final String SCENARIO = "mfa.security-defaults";
    static final int BLOCKED = 530035;
    private static final String TITLE = "Security defaults";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        Optional<Boolean> enabled = context.tenant().securityDefaultsEnabled();
        boolean recordSays = Provider.any(signIn, Provider::securityDefaults);
        Confidence confidence = Confidence.HIGH;
        if (code != BLOCKED && !recordSays) {
            if (Provider.any(signIn, k -> true) || !enabled.orElse(false)) {
                return List.of();
            }
            confidence = Confidence.MEDIUM;
        }
        boolean registration = code == 50079 || code == 50072
                || Provider.any(signIn, k -> k == Provider.REGISTRATION_SECURITY_DEFAULTS);
        String classification = code == BLOCKED ? (signIn.clientApp().isLegacy() ? "legacy-auth-blocked"
                : "unsafe-request-blocked") : registration ? "registration-required" : "mfa-required";
        if (!context.detailed()) {
            // counted, not read: the snapshot's state and the advice only add text
            return List.of(Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                    .assessment(TITLE).build());
        }

        StringBuilder a = new StringBuilder(Facts.subject(signIn));
        switch (classification) {
            case "legacy-auth-blocked" -> a.append(" was blocked by security defaults (").append(Facts.code(signIn))
                    .append(") because it used legacy authentication (").append(Facts.quote(signIn.clientAppUsed()))
                    .append("). Legacy protocols cannot do MFA, so security defaults refuse them outright.");
            case "unsafe-request-blocked" -> a.append(" was blocked by security defaults (").append(Facts.code(signIn))
                    .append("): the request was judged unsafe");
            case "registration-required" -> a.append(" was interrupted with ").append(Facts.code(signIn))
                    .append(" because security defaults require every user to register Microsoft Authenticator (or "
                            + "another authenticator app) for MFA, and this user has not done so yet.");
            default -> a.append(" was interrupted with ").append(Facts.code(signIn))
                    .append(" because security defaults asked for MFA. Security defaults decide by themselves when to "
                            + "prompt (for administrators at every sign-in, for Azure management always, for other "
                            + "users when the sign-in looks unusual).");
        }
        if (classification.equals("unsafe-request-blocked")) {
            String client = Facts.blank(signIn.clientAppUsed()) ? "" : " with the client " + Facts.quote(signIn.clientAppUsed());
            String protocol = Facts.blank(signIn.authenticationProtocol()) ? ""
                    : " over " + Facts.quote(signIn.authenticationProtocol());
            a.append(client.isEmpty() && protocol.isEmpty() ? "." : " (it came" + client + protocol + ").")
                    .append(" The record does not say which of the security-defaults rules it broke.");
        }
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification);
        if (!recordSays && code != BLOCKED) {
            a.append(" The record names no requirement provider; the tenant snapshot shows security defaults on.");
            f.missing("authentication requirement policies (what required MFA) on the sign-in record");
        } else if (enabled.isPresent() && !enabled.get()) {
            a.append(" The tenant snapshot shows security defaults off; they were probably switched off after this "
                    + "sign-in.");
        } else if (enabled.isEmpty() && !context.tenant().parts().contains(TenantPart.SECURITY_DEFAULTS)) {
            f.missing("the tenant's security-defaults state (tenant snapshot)");
        }
        f.confidence(confidence).assessment(a.toString());
        if (!signIn.authenticationRequirementPolicies().isEmpty()) {
            f.evidence(Facts.requirementTable(signIn));
        }
        f.evidence(Facts.signInTable(signIn));
        advise(f, classification, signIn);
        return List.of(f.build());
    }

    private static void advise(Finding.Builder f, String classification, SignIn signIn) {
        switch (classification) {
            case "legacy-auth-blocked" -> {
                f.recommend(Actor.USER, "Use a client with modern authentication (for example current Outlook "
                        + "instead of IMAP or POP settings) for " + signIn.appLabel() + ".", Links.LEGACY_AUTH);
                f.recommend(Actor.ADMIN, "Move the client or device that uses " + Facts.quote(signIn.clientAppUsed())
                        + " to modern authentication. Security defaults cannot make exceptions for legacy protocols.",
                        Links.LEGACY_AUTH);
            }
            case "unsafe-request-blocked" -> {
                f.recommend(Actor.USER, "Sign in with an up-to-date browser or app from your usual device and network; "
                        + "if it keeps failing, give the help desk the request ID of this sign-in.", null);
                f.recommend(Actor.ADMIN, "Find out what the request was (client, protocol, location) and move it to a "
                        + "modern client that can do MFA. Security defaults cannot be told to allow it; only "
                        + "Conditional Access can express exceptions.", Links.SECURITY_DEFAULTS);
            }
            default -> f.recommend(Actor.USER, "Install Microsoft Authenticator, register it on the Security info page "
                    + "(notifications; a code-generating authenticator app also works), then sign in again and "
                    + "approve the prompt.", Links.SECURITY_INFO);
        }
        f.recommend(Actor.ADMIN, "Security defaults are all or nothing: no exclusions, conditions or per-app rules. "
                + "Either keep them and have every user register, or, with Microsoft Entra ID P1, turn them off and "
                + "replace them at once with Conditional Access policies (at least MFA for administrators, MFA for all "
                + "users, block legacy authentication), excluding the emergency-access accounts.", Links.DEFAULTS_TO_CA);
    }
}
