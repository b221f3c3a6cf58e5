package io.signdx.scenario.mfa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;

/**
 * The sign-in stopped so that the user registers security information ("proof-up"). Classifies what
 * forces the registration from the requirement provider (security defaults, Conditional Access, per-user
 * MFA, the Identity Protection MFA registration policy), with the tenant snapshot as a fallback; 53010
 * (registration itself blocked by policy) and 50125 (password-reset registration) are classifications of
 * their own. 50074/50076 belong here only when a registration provider is recorded.
 */
@Component
@Detector(scenario = ProofUpRequiredDetector.SCENARIO, family = "mfa", title = "MFA proof-up required",
        errorCodes = {50072, 50079, 50125, 53010, 50074, 50076}, specificity = 50)
public final class ProofUpRequiredDetector implements ScenarioDetector {
    static final String SCENARIO = "mfa.proofup-required";
    private static final String TITLE = "MFA proof-up required";
    private static final String BLOCKED = "registration-blocked";
    private static final String PASSWORD_RESET = "password-reset-registration";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        // counted, not read (no detail): these two are decided by their code alone
        if (code == 53010) {
            return List.of(context.detailed() ? registrationBlocked(signIn) : brief(BLOCKED, Confidence.HIGH));
        }
        if (code == 50125) {
            return List.of(context.detailed() ? passwordResetRegistration(signIn)
                    : brief(PASSWORD_RESET, Confidence.HIGH));
        }
        Provider registration = Provider.first(signIn, Provider::registration);
        if ((code == 50074 || code == 50076) && registration == null) {
            return List.of();
        }
        return List.of(registrationRequired(signIn, registration, context.tenant(), context.detailed()));
    }

    /** The finding without detail, for counting: scenario, classification and confidence only. */
    private static Finding brief(String classification, Confidence confidence) {
        return Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                .assessment(TITLE).build();
    }

    private static Finding registrationRequired(SignIn signIn, Provider registration, TenantContext tenant,
            boolean detailed) {
        Provider cause = registration != null ? registration
                : Provider.first(signIn, k -> k == Provider.PER_USER || k.securityDefaults() || k.conditionalAccess()
                        || k == Provider.IDENTITY_PROTECTION);
        Optional<String> perUser = cause != null ? Optional.empty() : Facts.perUserState(tenant, signIn);
        boolean defaults = cause == null && tenant.securityDefaultsEnabled().orElse(false);
        boolean perUserOn = perUser.map(Facts::perUserOn).orElse(false);
        // a recorded provider is certain; without one, the snapshot (or nothing) only suggests the cause
        String classification = cause != null ? cause.classification()
                : defaults ? Provider.SECURITY_DEFAULTS.classification()
                : perUserOn ? Provider.PER_USER.classification() : "unknown";
        Confidence confidence = cause != null ? Confidence.HIGH : Confidence.MEDIUM;
        if (!detailed) {
            // counted, not read: the sentences, tables and advice are the cost
            return brief(classification, confidence);
        }
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).confidence(confidence);
        StringBuilder a = new StringBuilder(Facts.subject(signIn)).append(" was interrupted with ")
                .append(Facts.code(signIn)).append(": ").append(codeMeaning(signIn.errorCode()));
        if (cause != null) {
            a.append(" The registration is demanded by ").append(cause.description()).append('.');
            if (cause.conditionalAccess()) {
                a.append(" The user has no registered method that satisfies its MFA or authentication-strength "
                        + "requirement.");
            }
        } else {
            f.missing("authentication requirement policies (what demanded the registration) on the sign-in record");
            if (defaults) {
                a.append(" The record does not say what demanded it; the tenant snapshot shows security defaults on, "
                        + "which make every user register.");
            } else if (perUserOn) {
                a.append(" The record does not say what demanded it; the tenant snapshot shows per-user MFA ")
                        .append(perUser.get()).append(" for the user.");
            } else {
                a.append(" The record does not say what demanded it.");
                if (!tenant.parts().contains(TenantPart.SECURITY_DEFAULTS)) {
                    f.missing("whether security defaults are on (tenant snapshot)");
                }
            }
        }
        a.append(causeSentence(classification));
        if (isFederated(signIn)) {
            a.append(" The token issuer is a federation service, so the user may be expected to bring MFA from "
                    + "there instead of registering with Microsoft Entra.");
        }
        f.classification(classification).assessment(a.toString())
                .evidence(Facts.requirementTable(signIn)).evidence(Facts.signInTable(signIn))
                .recommend(Actor.USER, "Complete the security info registration when asked (for example add "
                        + "Microsoft Authenticator), or do it beforehand on the Security info page, then sign in "
                        + "again.", Links.SECURITY_INFO)
                .recommend(Actor.ADMIN, "If the user cannot register (new employee, no phone yet), issue a "
                        + "Temporary Access Pass so the user can sign in and register a method.", Links.TAP);
        adviseAdmin(f, classification);
        if (isFederated(signIn)) {
            f.recommend(Actor.ADMIN, "For a federated domain whose identity provider already performs MFA, set the "
                    + "domain's federatedIdpMfaBehavior so that Microsoft Entra accepts the MFA claim it sends.",
                    Links.FEDERATED_MFA);
        }
        return f.build();
    }

    private static void adviseAdmin(Finding.Builder f, String classification) {
        switch (classification) {
            case "security-defaults" -> f.recommend(Actor.ADMIN, "Security defaults make every user register "
                    + "Microsoft Authenticator (or an OATH app) and allow no exceptions. To control who registers "
                    + "when, replace them with Conditional Access (Microsoft Entra ID P1).", Links.DEFAULTS_TO_CA);
            case "conditional-access" -> f.recommend(Actor.ADMIN, "A Conditional Access policy requires MFA (or an "
                    + "authentication strength) the user has no method for. Protect the registration itself with a "
                    + "policy on the 'Register security information' user action.", Links.SECURE_REGISTRATION);
            case "identity-protection" -> f.recommend(Actor.ADMIN, "The Identity Protection MFA registration policy "
                    + "asks users in its scope to register; review its assignments if this user should not be in "
                    + "it.", Links.MFA_REGISTRATION_POLICY);
            case "per-user-mfa" -> f.recommend(Actor.ADMIN, "Per-user MFA makes the user register at the next "
                    + "modern sign-in. Prefer Conditional Access to per-user MFA.", Links.PER_USER_TO_CA);
            case "baseline-protection" -> f.recommend(Actor.ADMIN, "Baseline protection policies are retired: "
                    + "protect the tenant with security defaults or Conditional Access instead.",
                    Links.SECURITY_DEFAULTS);
            default -> f.recommend(Actor.ADMIN, "Open the sign-in's Authentication Details in the Microsoft Entra "
                    + "admin center to see which requirement asked for the registration.", Links.SIGN_IN_DETAILS);
        }
    }

    private static Finding registrationBlocked(SignIn signIn) {
        List<String> failing = new ArrayList<>();
        for (AppliedPolicy p : Facts.failingPolicies(signIn)) {
            failing.add(Facts.label(p));
        }
        StringBuilder a = new StringBuilder(Facts.subject(signIn)).append(" ended with ").append(Facts.code(signIn))
                .append(": the user had to register security information, but the organisation does not allow "
                        + "registration from this sign-in, typically because a Conditional Access policy on the "
                        + "'Register security information' user action requires a trusted location or a "
                        + "managed device.");
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).confidence(Confidence.HIGH)
                .classification(BLOCKED);
        if (failing.isEmpty()) {
            f.missing("the Conditional Access policy that blocked the registration (none recorded with result "
                    + "failure)");
        } else {
            a.append(" The record shows ").append(Facts.names(failing)).append(failing.size() == 1 ? " as the policy "
                    : " as the policies ").append("that failed.");
        }
        String where = signIn.location().display();
        if (!Facts.blank(signIn.ipAddress())) {
            a.append(" The attempt came from ").append(signIn.ipAddress())
                    .append(where.isEmpty() ? "" : " (" + where + ")").append('.');
        }
        return f.assessment(a.toString()).evidence(Facts.signInTable(signIn))
                .recommend(Actor.USER, "Register your security information from the office network or a company "
                        + "device, or ask the help desk for a Temporary Access Pass.", Links.SECURITY_INFO)
                .recommend(Actor.ADMIN, "Check the policy on the 'Register security information' user action: if "
                        + "this user should be able to register from here, adjust its locations or device "
                        + "conditions; if it grants access with MFA, a Temporary Access Pass satisfies it so the user "
                        + "can register from anywhere.", Links.SECURE_REGISTRATION)
                .recommend(Actor.ADMIN, "Issue a Temporary Access Pass to onboard the user.", Links.TAP)
                .build();
    }

    private static Finding passwordResetRegistration(SignIn signIn) {
        return Finding.builder(SCENARIO).title(TITLE).confidence(Confidence.HIGH)
                .classification(PASSWORD_RESET)
                .assessment(Facts.subject(signIn) + " was interrupted with " + Facts.code(signIn) + " so that the user "
                        + "registers the information self-service password reset needs (or confirms it). The sign-in "
                        + "continues once the registration is done; the interrupt is not a failure by itself.")
                .evidence(Facts.signInTable(signIn))
                .recommend(Actor.USER, "Complete the registration shown after the password (for example a phone "
                        + "number or Microsoft Authenticator), then continue to " + signIn.appLabel() + ".",
                        Links.SECURITY_INFO)
                .recommend(Actor.ADMIN, "If users are asked too often, review the password reset registration "
                        + "settings (require registration at sign-in, days before users are asked to reconfirm).",
                        Links.SSPR)
                .build();
    }

    private static String codeMeaning(int code) {
        return switch (code) {
            case 50072 -> "the user was sent to register for multifactor authentication before going on.";
            case 50079 -> "multifactor authentication is now required for the user, who has not registered a method "
                    + "for it yet.";
            default -> "multifactor authentication was required, and the user first has to register a method.";
        };
    }

    private static String causeSentence(String classification) {
        return switch (classification) {
            case "security-defaults" -> " Security defaults give every user a short period to register Microsoft "
                    + "Authenticator and then insist on it.";
            case "identity-protection" -> " The Identity Protection MFA registration policy asks the users in its "
                    + "scope to register at their next interactive sign-in.";
            case "per-user-mfa" -> " An account enabled for per-user MFA must register at its next modern sign-in.";
            default -> "";
        };
    }

    private static boolean isFederated(SignIn signIn) {
        String issuer = Facts.lower(signIn.tokenIssuerType());
        return issuer.contains("federation") || issuer.contains("adfs");
    }
}
