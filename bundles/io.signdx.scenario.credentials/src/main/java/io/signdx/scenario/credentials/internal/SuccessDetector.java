package io.signdx.scenario.credentials.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.AuthenticationRequirement;
import io.signdx.api.model.ConditionalAccessStatus;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;

/**
 * "Successful sign-in": should it have been interrupted? Answers from the record alone (no related
 * sign-ins, no policy evaluation), because it runs on every successful sign-in. Classifications, first
 * match wins:
 * <ul>
 * <li>{@code workload-identity}: a service principal or managed identity signed in; MFA does not apply.</li>
 * <li>{@code report-only-would-interrupt}: a report-only policy reported {@code reportOnlyFailure} (it
 * would have blocked the sign-in or failed its grant) or {@code reportOnlyInterrupted} (it would have asked
 * for more, such as MFA).</li>
 * <li>{@code protected}: multifactor authentication was satisfied ({@code authenticationRequirement}
 * multiFactorAuthentication, or a successful multifactor step in the authentication details).</li>
 * <li>{@code single-factor-ca-applied}: one factor only, but Conditional Access applied at least one
 * policy with success: its grant was met without MFA (device, approved app, terms of use) or it set
 * session controls only.</li>
 * <li>{@code single-factor-no-policy}: one factor only and no Conditional Access policy applied.</li>
 * <li>{@code unknown}: the record says neither how many factors were used nor which policies applied.</li>
 * </ul>
 * Which condition kept each non-applying policy away needs the tenant's policies; without a snapshot
 * the finding lists that as missing.
 */
@Component
@Detector(scenario = SuccessDetector.SCENARIO, family = "credentials", title = "Successful sign-in", errorCodes = {0},
        specificity = 50)
public final class SuccessDetector implements ScenarioDetector {
    static final String SCENARIO = "credentials.success";
    static final String WORKLOAD = "workload-identity";
    static final String REPORT_ONLY = "report-only-would-interrupt";
    static final String PROTECTED = "protected";
    static final String SINGLE_FACTOR_CA_APPLIED = "single-factor-ca-applied";
    static final String SINGLE_FACTOR_NO_POLICY = "single-factor-no-policy";
    static final String UNKNOWN = "unknown";
    private static final int NAMES_LISTED = 5;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (signIn.errorCode() != 0) {
            return List.of();
        }
        Policies p = Policies.of(signIn.appliedConditionalAccessPolicies());
        boolean mfa = mfaSatisfied(signIn);
        String classification = classify(signIn, p, mfa);
        StringBuilder a = new StringBuilder(640);
        a.append(SignInFacts.quote(signIn.userLabel())).append(" signed in successfully to ")
                .append(SignInFacts.quote(signIn.appLabel())).append(" at ")
                .append(SignInFacts.time(signIn.createdDateTime())).append(" from ").append(SignInFacts.ipLabel(signIn));
        if (!SignInFacts.blank(signIn.clientAppUsed())) {
            a.append(" using ").append(SignInFacts.quote(signIn.clientAppUsed()));
        }
        a.append(". ");
        explain(a, signIn, p, mfa, classification);
        context(a, signIn, classification);
        Finding.Builder f = Finding.builder(SCENARIO).title("Successful sign-in").classification(classification)
                .confidence(confidence(signIn, classification)).assessment(a.toString());
        // Tables are the costly part of a finding and this runs on every success: policies that did not
        // apply are named in the assessment, and the steps are shown only when they decided the verdict.
        if (p.acted() > 0) {
            f.evidence(policyTable(signIn.appliedConditionalAccessPolicies()));
        }
        if (!signIn.authenticationDetails().isEmpty()
                && SignInFacts.requirement(signIn) == AuthenticationRequirement.UNKNOWN) {
            f.evidence(EvidenceTable.ofAuthenticationSteps(signIn.authenticationDetails()));
        }
        recommend(f, signIn, p, classification);
        missing(f, signIn, p, context.tenant(), classification);
        return List.of(f.build());
    }

    static String classify(SignIn s, Policies p, boolean mfa) {
        if (isWorkload(s)) {
            return WORKLOAD;
        }
        if (!p.wouldBlock.isEmpty() || !p.wouldInterrupt.isEmpty()) {
            return REPORT_ONLY;
        }
        if (mfa) {
            return PROTECTED;
        }
        if (!singleFactor(s)) {
            return UNKNOWN;
        }
        return p.enforced.isEmpty() ? SINGLE_FACTOR_NO_POLICY : SINGLE_FACTOR_CA_APPLIED;
    }

    private static boolean isWorkload(SignIn s) {
        return !SignInFacts.blank(s.servicePrincipalId()) && SignInFacts.blank(s.userId())
                && SignInFacts.blank(s.userPrincipalName());
    }

    static boolean mfaSatisfied(SignIn s) {
        if (SignInFacts.requirement(s) == AuthenticationRequirement.MULTI_FACTOR) {
            return true;
        }
        for (AuthenticationDetail d : s.authenticationDetails()) {
            if (Boolean.TRUE.equals(d.succeeded()) && isMultifactorStep(d.requirement())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMultifactorStep(String requirement) {
        return containsIgnoreCase(requirement, "multifactor") || containsIgnoreCase(requirement, "multi-factor");
    }

    /** One factor, as recorded or, when the requirement is absent, as the steps show. */
    private static boolean singleFactor(SignIn s) {
        AuthenticationRequirement r = SignInFacts.requirement(s);
        return r == AuthenticationRequirement.SINGLE_FACTOR
                || r == AuthenticationRequirement.UNKNOWN && !s.authenticationDetails().isEmpty();
    }

    /** {@code needle} is lower case and starts with a letter, so one bit folds the first character cheaply. */
    private static boolean containsIgnoreCase(String text, String needle) {
        if (text == null) {
            return false;
        }
        char first = needle.charAt(0);
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    // ---- assessment --------------------------------------------------------------------------------

    private static void explain(StringBuilder a, SignIn s, Policies p, boolean mfa, String classification) {
        switch (classification) {
            case WORKLOAD -> a.append("It is a sign-in of the workload identity '")
                    .append(SignInFacts.quote(s.servicePrincipalName() != null ? s.servicePrincipalName()
                            : s.servicePrincipalId())).append("'")
                    .append(SignInFacts.blank(s.clientCredentialType()) ? "" : " with a credential of type '"
                            + SignInFacts.quote(s.clientCredentialType()) + "'")
                    .append(": MFA does not apply to it, and only Conditional Access for workload identities (by "
                            + "location or risk) can restrict it.");
            case PROTECTED -> {
                a.append("Multifactor authentication was satisfied");
                if (!p.enforced.isEmpty()) {
                    a.append(", and Conditional Access applied ");
                    names(a, p.enforced);
                    a.append(" successfully");
                }
                a.append(", so the sign-in went through the protection expected of it.");
            }
            case SINGLE_FACTOR_CA_APPLIED -> {
                a.append("It needed only one factor, although Conditional Access applied ");
                grants(a, p.enforced);
                a.append(". Those policies were met without MFA, by the device's or app's state or with "
                        + "session controls only.");
            }
            case SINGLE_FACTOR_NO_POLICY -> {
                a.append("It needed only one factor and no Conditional Access policy applied to it");
                if (!p.notApplied.isEmpty()) {
                    a.append(": the ").append(p.notApplied.size()).append(" policies on the record did not apply (");
                    names(a, p.notApplied);
                    a.append(')');
                }
                a.append(". If this user or app should have needed MFA or a trusted device, a policy is missing or "
                        + "one of its conditions excludes this sign-in.");
            }
            case REPORT_ONLY -> {
                a.append(mfa ? "Multifactor authentication was satisfied. " : "It needed only one factor. ");
                if (!p.wouldBlock.isEmpty()) {
                    a.append("Had they been switched on, these report-only policies would have blocked it or failed "
                            + "their grant: ");
                    names(a, p.wouldBlock);
                    a.append(". ");
                }
                if (!p.wouldInterrupt.isEmpty()) {
                    a.append("These report-only policies would have asked the user for more (such as MFA): ");
                    names(a, p.wouldInterrupt);
                    a.append(". ");
                }
                a.append("Report-only policies are evaluated and logged but never enforced.");
            }
            default -> a.append("The record says neither whether one or several factors were used nor which "
                    + "Conditional Access policies applied, so whether the sign-in should have been interrupted "
                    + "cannot be told.");
        }
    }

    private static void context(StringBuilder a, SignIn s, String classification) {
        if (SignInFacts.isLegacy(s) && !PROTECTED.equals(classification)) {
            a.append(" It used the legacy protocol '").append(SignInFacts.quote(s.clientAppUsed()))
                    .append("', which cannot do MFA.");
        }
        if (Boolean.FALSE.equals(s.isInteractive()) && !WORKLOAD.equals(classification)) {
            a.append(" It was non-interactive (an app using a token it already held): how the user proved who they "
                    + "are is recorded on the interactive sign-in that started the session.");
        }
        for (NetworkLocation n : s.networkLocationDetails()) {
            if (("trustedNamedLocation".equals(n.networkType()) || containsIgnoreCase(n.networkType(), "trusted"))
                    && !n.networkNames().isEmpty()) {
                a.append(" It came from the trusted named location '").append(SignInFacts.quote(
                        String.join(", ", n.networkNames()))).append("', which policies often exclude.");
                break;
            }
        }
    }

    private static void names(StringBuilder a, List<AppliedPolicy> policies) {
        for (int i = 0; i < policies.size() && i < NAMES_LISTED; i++) {
            a.append(i == 0 ? "" : ", ").append('\'').append(SignInFacts.quote(label(policies.get(i)))).append('\'');
        }
        if (policies.size() > NAMES_LISTED) {
            a.append(" and ").append(policies.size() - NAMES_LISTED).append(" more");
        }
    }

    private static void grants(StringBuilder a, List<AppliedPolicy> policies) {
        for (int i = 0; i < policies.size() && i < NAMES_LISTED; i++) {
            AppliedPolicy p = policies.get(i);
            a.append(i == 0 ? "" : ", ").append('\'').append(SignInFacts.quote(label(p))).append("' (");
            a.append(p.enforcedGrantControls().isEmpty() ? "no grant control"
                    : "grant: " + SignInFacts.quote(String.join(", ", p.enforcedGrantControls())));
            if (!p.enforcedSessionControls().isEmpty()) {
                a.append("; session: ").append(SignInFacts.quote(String.join(", ", p.enforcedSessionControls())));
            }
            a.append(')');
        }
        if (policies.size() > NAMES_LISTED) {
            a.append(" and ").append(policies.size() - NAMES_LISTED).append(" more");
        }
    }

    private static String label(AppliedPolicy p) {
        return !SignInFacts.blank(p.displayName()) ? p.displayName() : SignInFacts.blank(p.id()) ? "unnamed policy" : p.id();
    }

    private static Confidence confidence(SignIn s, String classification) {
        if (UNKNOWN.equals(classification)) {
            return Confidence.LOW;
        }
        boolean complete = WORKLOAD.equals(classification)
                || SignInFacts.requirement(s) != AuthenticationRequirement.UNKNOWN
                        && (SignInFacts.caStatus(s) != ConditionalAccessStatus.UNKNOWN
                                || !s.appliedConditionalAccessPolicies().isEmpty());
        return complete ? Confidence.HIGH : Confidence.MEDIUM;
    }

    // ---- evidence ----------------------------------------------------------------------------------

    private static EvidenceTable policyTable(List<AppliedPolicy> policies) {
        List<List<String>> rows = new ArrayList<>(policies.size());
        for (AppliedPolicy p : policies) {
            if (!acted(SignInFacts.result(p))) {
                continue;
            }
            rows.add(Arrays.asList(label(p), SignInFacts.text(p.resultValue()), meaning(p),
                    String.join(", ", p.enforcedGrantControls()), String.join(", ", p.enforcedSessionControls())));
        }
        return new EvidenceTable("Conditional Access policies that applied or would have applied",
                List.of("Policy", "Result", "What it means", "Grant controls", "Session controls"), rows);
    }

    private static boolean acted(PolicyResult r) {
        return r != PolicyResult.NOT_APPLIED && r != PolicyResult.REPORT_ONLY_NOT_APPLIED && r != PolicyResult.NOT_ENABLED
                && r != PolicyResult.UNKNOWN;
    }

    private static String meaning(AppliedPolicy p) {
        switch (SignInFacts.result(p)) {
            case SUCCESS: return "applied; its requirements were met";
            case FAILURE: return "applied; its requirements were not met";
            case NOT_APPLIED: return "did not apply: a condition excluded the sign-in";
            case NOT_ENABLED: return "switched off";
            case REPORT_ONLY_SUCCESS: return "report-only: would have applied and been met";
            case REPORT_ONLY_FAILURE: return "report-only: would have blocked the sign-in or failed its grant";
            case REPORT_ONLY_INTERRUPTED: return "report-only: would have asked the user for more (e.g. MFA)";
            case REPORT_ONLY_NOT_APPLIED: return "report-only: would not have applied";
            default: return "result not recognised";
        }
    }


    // ---- recommendations and completeness ----------------------------------------------------------

    private static void recommend(Finding.Builder f, SignIn s, Policies p, String classification) {
        switch (classification) {
            case SINGLE_FACTOR_NO_POLICY -> f.recommend(Actor.ADMIN, "If this app should need MFA for this user, "
                    + "find out why no policy applied: run What If with the user, app, IP address and client app of "
                    + "this sign-in, and look at the condition that "
                    + "excludes each policy listed as not applied. If no policy covers the sign-in, add one that "
                    + "requires MFA (or an authentication strength) for all users and all resources, excluding only "
                    + "the emergency-access accounts.", Links.WHAT_IF);
            case SINGLE_FACTOR_CA_APPLIED -> f.recommend(Actor.ADMIN, "The applied policies were met without MFA. If "
                    + "MFA was expected here, add 'Require multifactor authentication' or an authentication strength "
                    + "to them, or check with What If why a policy that requires MFA did not apply.", Links.WHAT_IF);
            case REPORT_ONLY -> f.recommend(Actor.ADMIN, "Before switching the report-only policies on, check how many "
                    + "sign-ins they would " + (p.wouldBlock.isEmpty() ? "interrupt" : "block") + " in the Conditional "
                    + "Access insights and reporting workbook: this sign-in is one of them.", Links.REPORT_ONLY);
            case WORKLOAD -> f.recommend(Actor.ADMIN, "If this workload identity should only sign in from known "
                    + "places, restrict it with a Conditional Access policy for workload identities, and keep its "
                    + "credentials short-lived.", Links.WORKLOAD_IDENTITY);
            case UNKNOWN -> f.recommend(Actor.ADMIN, "Diagnose an export that carries authenticationRequirement and "
                    + "appliedConditionalAccessPolicies (the Graph beta API or the admin center's JSON download) to "
                    + "tell whether the sign-in should have been interrupted.", null);
            default -> {
                // protected: nothing to do
            }
        }
        if (SignInFacts.isLegacy(s) && !PROTECTED.equals(classification)) {
            f.recommend(Actor.ADMIN, "Block legacy authentication with a Conditional Access policy: '"
                    + SignInFacts.quote(s.clientAppUsed()) + "' sends the password on every request and cannot do MFA.",
                    Links.BLOCK_LEGACY);
        }
    }

    private static void missing(Finding.Builder f, SignIn s, Policies p, TenantContext tenant, String classification) {
        if (PROTECTED.equals(classification) || WORKLOAD.equals(classification)) {
            return;
        }
        if (tenant == null || !tenant.parts().contains(TenantPart.CONDITIONAL_ACCESS_POLICIES)) {
            f.missing("a Conditional Access policy snapshot: it would tell which policies did not apply to this "
                    + "sign-in and which condition excluded it");
        }
        if (SignInFacts.requirement(s) == AuthenticationRequirement.UNKNOWN) {
            f.missing("authenticationRequirement: the record does not say whether one or several factors were needed");
        }
        if (SignInFacts.caStatus(s) == ConditionalAccessStatus.UNKNOWN && p.all == 0) {
            f.missing("conditionalAccessStatus and appliedConditionalAccessPolicies: the record does not say which "
                    + "policies applied");
        }
    }

    /** The record's policies sorted by what they did, in one pass. */
    static final class Policies {
        final List<AppliedPolicy> enforced = new ArrayList<>(2);
        final List<AppliedPolicy> wouldBlock = new ArrayList<>(1);
        final List<AppliedPolicy> wouldInterrupt = new ArrayList<>(1);
        final List<AppliedPolicy> notApplied = new ArrayList<>();
        int all;

        /** Policies that applied, or would have in report-only mode. */
        int acted() {
            return all - notApplied.size() - inert;
        }

        private int inert;

        static Policies of(List<AppliedPolicy> policies) {
            Policies p = new Policies();
            p.all = policies.size();
            for (AppliedPolicy a : policies) {
                switch (SignInFacts.result(a)) {
                    case SUCCESS, FAILURE -> p.enforced.add(a);
                    case REPORT_ONLY_FAILURE -> p.wouldBlock.add(a);
                    case REPORT_ONLY_INTERRUPTED -> p.wouldInterrupt.add(a);
                    case NOT_APPLIED -> p.notApplied.add(a);
                    case REPORT_ONLY_SUCCESS -> {
                        // would have applied and been met: shown in the table, threatens nothing
                    }
                    default -> p.inert++;
                }
            }
            return p;
        }
    }
}
