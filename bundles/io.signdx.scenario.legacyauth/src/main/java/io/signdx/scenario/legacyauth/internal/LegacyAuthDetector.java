package io.signdx.scenario.legacyauth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantPart;
import io.signdx.scenario.legacyauth.internal.Protocols.Protocol;

import org.osgi.service.component.annotations.Component;

/**
 * Sign-ins over legacy (basic authentication) protocols: blocked by Conditional Access or security
 * defaults, interrupted by controls such clients cannot satisfy, or — successful — an open door.
 * Wrong passwords (50126, 50053) are left to the credentials scenarios even over legacy protocols: a
 * phone retrying a stale password is a credentials problem first.
 */
@Component
@Detector(scenario = LegacyAuthDetector.SCENARIO, family = "legacyauth", title = LegacyAuthDetector.TITLE,
        errorCodes = {0, 53003, 530035, 50074, 50076, 53000, 53001, 53002, 53009}, specificity = 60)
public final class LegacyAuthDetector implements ScenarioDetector {
    static final String SCENARIO = "legacy.blocked";
    static final String TITLE = "Legacy authentication";
    static final String BLOCK_POLICY_LINK =
            "https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication";
    static final String BASIC_AUTH_LINK =
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/disable-basic-authentication-in-exchange-online";
    static final String SECURITY_DEFAULTS_LINK = "https://learn.microsoft.com/entra/fundamentals/security-defaults";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        // most sign-ins are modern and spelled as Graph spells them: a map lookup answers those
        Protocol protocol = Protocols.of(signIn.clientAppUsed());
        if (protocol == null) {
            return List.of();
        }
        LegacySignIn legacy = new LegacySignIn(signIn, protocol, context);
        if (!context.detailed()) {
            return brief(legacy);
        }
        return switch (signIn.errorCode()) {
            case 0 -> List.of(exposure(legacy));
            case 53003 -> List.of(blockedByPolicy(legacy));
            case 530035 -> List.of(blockedBySecurityDefaults(legacy));
            case 50074, 50076, 53000, 53001, 53002, 53009 -> List.of(cannotSatisfy(legacy));
            // the pre-filter keeps other codes away; wrong passwords belong to the credentials scenarios
            default -> List.of();
        };
    }

    /**
     * The finding without its text, for counting: the classification and confidence the full finding gets,
     * from the code and the record's policies only (no related sign-ins, no tables).
     */
    private static List<Finding> brief(LegacySignIn l) {
        SignIn s = l.signIn();
        String classification;
        Confidence confidence;
        switch (s.errorCode()) {
            case 0 -> {
                classification = "exposure";
                confidence = Confidence.HIGH;
            }
            case 53003 -> {
                classification = "blocked-by-ca";
                confidence = l.failingPolicies().isEmpty() ? Confidence.MEDIUM : Confidence.HIGH;
            }
            case 530035 -> {
                classification = "blocked-by-security-defaults";
                confidence = Confidence.HIGH;
            }
            case 50074, 50076, 53000, 53001, 53002, 53009 -> {
                classification = "cannot-satisfy-controls";
                List<AppliedPolicy> failing = l.failingPolicies();
                String requirer = failing.isEmpty() ? requirementSource(s) : LegacySignIn.names(failing);
                confidence = requirer.equals("a policy") ? Confidence.MEDIUM : Confidence.HIGH;
            }
            default -> {
                return List.of();
            }
        }
        return List.of(Finding.builder(SCENARIO).title(l.title()).classification(classification)
                .confidence(confidence).assessment(l.title()).build());
    }

    private static Finding blockedByPolicy(LegacySignIn l) {
        List<AppliedPolicy> failing = l.failingPolicies();
        Finding.Builder f = l.finding("blocked-by-ca", failing.isEmpty() ? Confidence.MEDIUM : Confidence.HIGH);
        StringBuilder a = new StringBuilder(l.subject()).append(" was blocked by Conditional Access (AADSTS53003)");
        if (failing.isEmpty()) {
            a.append("; the record names no failing policy.");
            f.missing("the Conditional Access policies recorded on the sign-in, to name the one that blocked it");
        } else {
            a.append(": ").append(LegacySignIn.names(failing)).append(" failed it.");
        }
        a.append(' ').append(l.legacyNote()).append(" Blocking it is the intended outcome: the client has to move to "
                + "modern authentication, and the policy should stay as it is.");
        l.appendClientAndActivity(a, true);
        f.assessment(a.toString());
        l.moveRecommendations(f);
        f.recommend(Actor.ADMIN, "Do not exclude " + l.user() + " from the blocking policy to make this client work: "
                + "that reopens a password-only way into the mailbox. Move the client first; if a device truly has "
                + "no modern option, use one of the alternatives above rather than an exclusion.", BLOCK_POLICY_LINK);
        l.disableRecommendation(f);
        return f.build();
    }

    private static Finding blockedBySecurityDefaults(LegacySignIn l) {
        Finding.Builder f = l.finding("blocked-by-security-defaults", Confidence.HIGH);
        StringBuilder a = new StringBuilder(l.subject()).append(" was blocked by security defaults (AADSTS530035), "
                + "which refuse every legacy-authentication sign-in in the tenant. ").append(l.legacyNote())
                .append(" Security defaults cannot exempt a protocol or a user, so the client has to move.");
        Optional<Boolean> on = l.context().tenant().securityDefaultsEnabled();
        if (on.isPresent() && !on.get()) {
            a.append(" The tenant snapshot says security defaults are off now: they were on when this sign-in "
                    + "happened, or the snapshot is from another time.");
        }
        l.appendClientAndActivity(a, true);
        f.assessment(a.toString());
        l.moveRecommendations(f);
        f.recommend(Actor.ADMIN, "If a device has no modern option at all, security defaults leave no exception for "
                + "it: either route it around sign-in (for mail-sending devices, SMTP relay through a connector) or "
                + "replace security defaults with Conditional Access policies (Entra ID P1) that block legacy "
                + "authentication and require MFA, where exclusions can be managed deliberately.",
                SECURITY_DEFAULTS_LINK);
        l.disableRecommendation(f);
        return f.build();
    }

    private static Finding cannotSatisfy(LegacySignIn l) {
        SignIn s = l.signIn();
        List<AppliedPolicy> failing = l.failingPolicies();
        String requirer = failing.isEmpty() ? requirementSource(s) : LegacySignIn.names(failing);
        Finding.Builder f = l.finding("cannot-satisfy-controls",
                requirer.equals("a policy") ? Confidence.MEDIUM : Confidence.HIGH);
        StringBuilder a = new StringBuilder(l.subject()).append(" was interrupted: ").append(requirer)
                .append(" requires ").append(control(s.errorCode())).append(" (AADSTS").append(s.errorCode())
                .append("), and ").append(l.protocolName()).append(" cannot provide it. ").append(l.legacyNote())
                .append(" The client will fail the same way every time until it is replaced; retrying does not help.");
        if (requirer.equals("a policy")) {
            f.missing("the Conditional Access policies or requirement providers recorded on the sign-in, to name "
                    + "what demanded the control");
        }
        l.appendClientAndActivity(a, true);
        f.assessment(a.toString());
        l.moveRecommendations(f);
        f.recommend(Actor.ADMIN, "Block legacy authentication outright with Conditional Access (client apps: "
                + "Exchange ActiveSync clients and Other clients; grant: Block), so clients like this one are refused "
                + "plainly instead of being asked for controls they can never satisfy.", BLOCK_POLICY_LINK);
        l.disableRecommendation(f);
        return f.build();
    }

    private static Finding exposure(LegacySignIn l) {
        SignIn s = l.signIn();
        Finding.Builder f = l.finding("exposure", Confidence.HIGH);
        StringBuilder a = new StringBuilder(s.userLabel()).append(" signed in successfully to ").append(s.appLabel())
                .append(" over ").append(l.protocolName()).append(" (").append(l.protocol().what()).append(")")
                .append(l.from()).append(". ").append(factor(s)).append(' ').append(l.caOutcome(f));
        List<AppliedPolicy> reportOnly = l.policies(PolicyResult.REPORT_ONLY_FAILURE);
        if (!reportOnly.isEmpty()) {
            a.append(reportOnly.size() == 1 ? " The report-only policy " : " The report-only policies ")
                    .append(LegacySignIn.quoted(reportOnly)).append(" would have blocked it, but report-only "
                    + "policies are not enforced.");
        }
        List<AppliedPolicy> skipped = l.legacyPoliciesNotApplied();
        for (AppliedPolicy p : skipped) {
            a.append(" The policy '").append(LegacySignIn.name(p)).append("', which looks meant for legacy "
                    + "clients, did not apply").append(LegacySignIn.unmet(p)).append('.');
        }
        a.append(' ').append(l.legacyNote()).append(" A successful legacy sign-in means nothing blocks legacy "
                + "authentication for this account and app: a stolen or sprayed password alone is enough to get in.");
        if (!l.context().tenant().parts().contains(TenantPart.CONDITIONAL_ACCESS_POLICIES)) {
            f.missing("the tenant's Conditional Access policies (snapshot), to check whether any policy is meant to "
                    + "block legacy authentication for this account");
        }
        l.appendClientAndActivity(a, false);
        l.appendAddressActivity(a);
        f.assessment(a.toString());
        recommendBlockPolicy(l, f, reportOnly, skipped);
        l.moveRecommendations(f);
        l.disableRecommendation(f);
        return f.build();
    }

    private static void recommendBlockPolicy(LegacySignIn l, Finding.Builder f, List<AppliedPolicy> reportOnly,
            List<AppliedPolicy> skipped) {
        if (!reportOnly.isEmpty()) {
            f.recommend(Actor.ADMIN, "Once the clients below have moved, switch " + LegacySignIn.names(reportOnly)
                    + " from report-only to On.", BLOCK_POLICY_LINK);
        }
        for (AppliedPolicy p : skipped) {
            f.recommend(Actor.ADMIN, "Check why '" + LegacySignIn.name(p) + "' did not apply" + LegacySignIn.unmet(p)
                    + ": if " + l.user() + " (or the app) is excluded, give the client a modern alternative and "
                    + "remove the exclusion, instead of keeping a password-only way in.", BLOCK_POLICY_LINK);
        }
        if (reportOnly.isEmpty() && skipped.isEmpty()) {
            f.recommend(Actor.ADMIN, "Create a Conditional Access policy that blocks legacy authentication: users "
                    + "All users (excluding only emergency-access accounts), target resources All resources, "
                    + "conditions > client apps 'Exchange ActiveSync clients' and 'Other clients', grant Block "
                    + "access. Run it in report-only mode first to see who it would stop, then switch it on.",
                    BLOCK_POLICY_LINK);
        }
    }

    private static String factor(SignIn s) {
        return switch (s.authenticationRequirement()) {
            case SINGLE_FACTOR -> "It was a single-factor sign-in: a user name and a password were enough.";
            case MULTI_FACTOR -> "The record marks it as multifactor, although the protocol itself can only send a "
                    + "password.";
            default -> "The record does not say whether it was single-factor; the protocol itself can only send a "
                    + "user name and password.";
        };
    }

    /** Who asked for the control when no failing policy is recorded: the requirement providers. */
    private static String requirementSource(SignIn s) {
        List<String> sources = new ArrayList<>();
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            String provider = p.requirementProvider() == null ? "" : p.requirementProvider().toLowerCase(Locale.ROOT);
            String source = provider.equals("user") ? "per-user MFA"
                    : provider.contains("securitydefaults") ? "security defaults"
                    : provider.contains("conditionalaccess") ? "Conditional Access"
                    : provider.contains("identityprotection") ? "an Identity Protection policy" : null;
            if (source != null && !sources.contains(source)) {
                sources.add(source);
            }
        }
        return sources.isEmpty() ? "a policy" : String.join(" and ", sources);
    }

    private static String control(int code) {
        return switch (code) {
            case 50074, 50076 -> "multifactor authentication";
            case 53000 -> "a compliant device";
            case 53001 -> "a Microsoft Entra hybrid joined device";
            case 53002 -> "an approved client app";
            case 53009 -> "an app protection policy";
            default -> "a control";
        };
    }
}
