package io.signdx.scenario.mfa.internal;

import java.util.List;
import java.util.Optional;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.ConditionalAccessStatus;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;

/**
 * MFA demanded by something other than Conditional Access or security defaults: per-user MFA above all,
 * also the legacy Identity Protection policies, the application's request, partner-admin rules.
 *
 * <p>A record without requirement policies (CSV exports carry none) is claimed only when Conditional
 * Access is recorded as not applied, because then no policy can have asked for the MFA; the verdict is
 * LOW (MEDIUM when the snapshot shows per-user MFA on) and says what is missing. With Conditional
 * Access applied or unknown such a record is left to the Conditional Access scenarios, and with
 * security defaults on, to {@code mfa.security-defaults}.
 */
@Component
@Detector(scenario = OtherRequirementDetector.SCENARIO, family = "mfa", title = "MFA from other requirements",
        errorCodes = {50074, 50076}, specificity = 40)
public final class OtherRequirementDetector implements ScenarioDetector {
    static final String SCENARIO = "mfa.other-requirement";
    private static final String TITLE = "MFA from other requirements";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        boolean recorded = Provider.any(signIn, k -> true);
        if (!recorded) {
            return notRecorded(signIn, context.tenant(), context.detailed());
        }
        Provider cause = Provider.first(signIn, Provider::other);
        if (cause == null) {
            return List.of();
        }
        boolean alsoPolicy = Provider.any(signIn, k -> k.conditionalAccess() || k.securityDefaults());
        Confidence confidence = alsoPolicy ? Confidence.MEDIUM : Confidence.HIGH;
        if (!context.detailed()) {
            // counted, not read: the recorded provider decides; the snapshot's per-user state only adds text
            return List.of(brief(cause.classification(), confidence));
        }
        Optional<String> state = Facts.perUserState(context.tenant(), signIn);
        StringBuilder a = new StringBuilder(Facts.subject(signIn)).append(" was interrupted with ")
                .append(Facts.code(signIn)).append(" because multifactor authentication was required by ")
                .append(cause.description()).append(", not by a Conditional Access policy. ")
                .append(codeMeaning(signIn.errorCode()));
        if (alsoPolicy) {
            a.append(" The record also names Conditional Access or security defaults as a requirement, so MFA would "
                    + "have been asked for even without this one.");
        }
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).confidence(confidence)
                .classification(cause.classification());
        if (cause == Provider.PER_USER) {
            perUserState(a, state, context.tenant(), f);
        }
        f.assessment(a.toString()).evidence(Facts.requirementTable(signIn)).evidence(Facts.signInTable(signIn));
        completeMfa(f, signIn);
        advise(f, cause, signIn);
        return List.of(f.build());
    }

    /** The finding without detail, for counting: scenario, classification and confidence only. */
    private static Finding brief(String classification, Confidence confidence) {
        return Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                .assessment(TITLE).build();
    }

    private static List<Finding> notRecorded(SignIn signIn, TenantContext tenant, boolean detailed) {
        if (signIn.conditionalAccessStatus() != ConditionalAccessStatus.NOT_APPLIED
                || !Facts.mfaPolicies(signIn).isEmpty()
                || tenant.securityDefaultsEnabled().orElse(false)) {
            return List.of();
        }
        Optional<String> state = Facts.perUserState(tenant, signIn);
        boolean perUser = state.map(Facts::perUserOn).orElse(false);
        // only the snapshot's per-user state points at a source; without it the source is a guess
        String classification = perUser ? Provider.PER_USER.classification() : "not-recorded";
        Confidence confidence = perUser ? Confidence.MEDIUM : Confidence.LOW;
        if (!detailed) {
            // counted, not read: the usual sources and what is missing are text
            return List.of(brief(classification, confidence));
        }
        StringBuilder a = new StringBuilder(Facts.subject(signIn)).append(" was interrupted with ")
                .append(Facts.code(signIn)).append(". ").append(codeMeaning(signIn.errorCode()))
                .append(" No Conditional Access policy applied to it, so the requirement came from elsewhere");
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                .missing("authentication requirement policies (what required MFA) on the sign-in record");
        if (perUser) {
            a.append(": the tenant snapshot shows per-user MFA ").append(state.get()).append(" for the user, which "
                    + "is the likely source.");
        } else {
            a.append(", but the record does not say what: per-user MFA, a legacy Identity Protection risk policy, "
                    + "security defaults or the application's own request are the usual sources.");
            if (!tenant.parts().contains(TenantPart.PER_USER_MFA)) {
                f.missing("the user's per-user MFA state (tenant snapshot)");
            }
            if (!tenant.parts().contains(TenantPart.SECURITY_DEFAULTS)) {
                f.missing("whether security defaults are on (tenant snapshot)");
            }
        }
        f.assessment(a.toString()).evidence(Facts.signInTable(signIn));
        completeMfa(f, signIn);
        advise(f, perUser ? Provider.PER_USER : null, signIn);
        return List.of(f.build());
    }

    private static void perUserState(StringBuilder a, Optional<String> state, TenantContext tenant, Finding.Builder f) {
        if (state.isPresent()) {
            a.append(" The tenant snapshot shows the user's per-user MFA state as ").append(state.get()).append('.');
            if (!Facts.perUserOn(state.get())) {
                a.append(" That disagrees with the record; the state may have changed since the sign-in.");
            }
        } else if (!tenant.parts().contains(TenantPart.PER_USER_MFA)) {
            f.missing("the user's per-user MFA state (tenant snapshot)");
        }
        a.append(" Per-user MFA asks for a second factor at every sign-in, whatever the location, device or "
                + "application, and cannot be scoped the way a Conditional Access policy can.");
    }

    static String codeMeaning(int code) {
        return code == 50074
                ? "AADSTS50074 means the sign-in reached the point where a second factor was due and was sent to "
                        + "the MFA prompt; it ends the sign-in only if the user does not go on."
                : "AADSTS50076 means the request brought only single-factor proof (typical of non-interactive "
                        + "requests and older clients) while the access needs MFA.";
    }

    private static void completeMfa(Finding.Builder f, SignIn signIn) {
        f.recommend(Actor.USER, "Sign in again to " + signIn.appLabel() + " interactively and complete the "
                + "multifactor prompt. Without a registered method, register one first (for example Microsoft "
                + "Authenticator) on the Security info page.", Links.SECURITY_INFO);
    }

    private static void advise(Finding.Builder f, Provider cause, SignIn signIn) {
        if (cause == null) {
            f.recommend(Actor.ADMIN, "Open the sign-in's Authentication Details in the Microsoft Entra admin center "
                    + "to see which requirement asked for MFA, and check the user's per-user MFA state under Users > "
                    + "Per-user MFA.", Links.SIGN_IN_DETAILS);
            return;
        }
        switch (cause) {
            case PER_USER -> f.recommend(Actor.ADMIN, "Move " + signIn.userLabel() + " from per-user MFA to "
                    + "Conditional Access: create or extend a policy that requires MFA for the user (excluding the "
                    + "emergency-access accounts), check it in report-only mode, then set the user's per-user MFA "
                    + "state to Disabled under Users > Per-user MFA. Conditional Access needs Microsoft Entra ID P1.",
                    Links.PER_USER_TO_CA);
            case IDENTITY_PROTECTION -> f.recommend(Actor.ADMIN, "Review the sign-in in Identity Protection > "
                    + "Risky sign-ins, and replace the legacy Identity Protection risk policies with risk-based "
                    + "Conditional Access policies.", Links.RISK_POLICIES);
            case PARTNER_ADMIN -> f.recommend(Actor.ADMIN, "Partner (CSP) administrators must complete MFA to act "
                    + "in a customer tenant: the partner's administrator should register and use MFA in the "
                    + "partner's own tenant.", null);
            case APPLICATION -> f.recommend(Actor.APP_OWNER, "The application asked for MFA itself (for example "
                    + "through a claims challenge or the permissions it requested). If that is unexpected, check "
                    + "how the application builds its sign-in request.", Links.CLAIMS_CHALLENGE);
            case CROSS_TENANT -> f.recommend(Actor.ADMIN, "Review the cross-tenant access settings with the user's "
                    + "home organisation, in particular whether MFA done there is trusted here.", Links.CROSS_TENANT);
            case BASELINE -> f.recommend(Actor.ADMIN, "Baseline protection policies are retired: protect the tenant "
                    + "with security defaults or Conditional Access instead.", Links.SECURITY_DEFAULTS);
            case SECURITY_INFO -> f.recommend(Actor.USER, "Registering or changing security information needs a "
                    + "second factor: complete it with a method you already have, or ask the help desk for a "
                    + "Temporary Access Pass.", Links.COMBINED_REGISTRATION);
            default -> f.recommend(Actor.ADMIN, "Open the sign-in's Authentication Details in the Microsoft Entra "
                    + "admin center to see what the requirement provider stands for.", Links.SIGN_IN_DETAILS);
        }
    }
}
