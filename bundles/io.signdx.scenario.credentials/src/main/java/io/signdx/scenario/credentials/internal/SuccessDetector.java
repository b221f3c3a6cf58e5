package io.signdx.scenario.credentials.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
import io.signdx.policy.PolicyEvaluator;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * "Successful sign-in": should it have been interrupted? Classifies from the record alone (no related
 * sign-ins), because it runs on every successful sign-in. Classifications, first match wins:
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
 * Which condition kept each non-applying policy away needs the tenant's policies. For single-factor
 * successes only (the case that matters, and few enough to afford it), when the tenant snapshot has a
 * policy that blocks or requires MFA and the CA evaluator service is present, the sign-in is evaluated
 * once: the enabled policies that block or require MFA but did not apply, each with the first condition
 * that excluded the sign-in, and the report-only ones that would have applied. The evaluator is an
 * optional, dynamic service; without it (or without a snapshot) the finding lists what is missing.
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
    /** The evaluator's own gaps quoted in a finding, at most. */
    private static final int EVALUATION_GAPS_QUOTED = 3;
    static final String NO_EVALUATOR = "Conditional Access evaluation against the tenant snapshot (bundle "
            + "io.signdx.policy is not running): which condition excluded each policy that requires MFA or blocks";

    private final Snapshot snapshot;

    /** The component: the evaluator arrives (or not) through the optional reference. */
    public SuccessDetector() {
        this(new Snapshot());
    }

    SuccessDetector(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Reference(service = PolicyEvaluator.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEvaluator(ComponentServiceObjects<?> evaluator) {
        snapshot.bind(evaluator);
    }

    void unbindEvaluator(ComponentServiceObjects<?> evaluator) {
        snapshot.unbind(evaluator);
    }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (signIn.errorCode() != 0) {
            return List.of();
        }
        Policies p = Policies.of(signIn.appliedConditionalAccessPolicies());
        boolean mfa = mfaSatisfied(signIn);
        String classification = classify(signIn, p, mfa);
        if (!context.detailed()) {
            // counted, not read: the classification is all a count needs, and the text is most of the cost
            return List.of(Finding.builder(SCENARIO).title("Successful sign-in").classification(classification)
                    .confidence(confidence(signIn, classification)).assessment("Successful sign-in").build());
        }
        Evaluated evaluated = evaluate(signIn, context.tenant(), classification, mfa);
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
        if (evaluated != null) {
            snapshotSentences(a, evaluated);
        }
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
        if (evaluated != null && evaluated.result() != null) {
            snapshotEvidence(f, evaluated.result());
        }
        recommend(f, signIn, p, classification);
        missing(f, signIn, p, context.tenant(), classification);
        if (evaluated != null) {
            snapshotAdvice(f, evaluated);
        }
        return List.of(f.build());
    }

    // ---- the tenant snapshot -----------------------------------------------------------------------

    /**
     * What the snapshot says about a single-factor success.
     *
     * @param result the evaluation's policies, or null
     * @param missing what kept it from being evaluated, or null
     * @param nothingInterrupts true when the snapshot has no policy that blocks or requires MFA
     */
    private record Evaluated(MissedPolicies result, String missing, boolean nothingInterrupts) {
    }

    /** Null unless the sign-in is a single-factor success and the tenant snapshot has policies. */
    private Evaluated evaluate(SignIn s, TenantContext tenant, String classification, boolean mfa) {
        boolean singleFactorCase = SINGLE_FACTOR_NO_POLICY.equals(classification)
                || SINGLE_FACTOR_CA_APPLIED.equals(classification)
                || REPORT_ONLY.equals(classification) && !mfa && singleFactor(s);
        if (!singleFactorCase || tenant == null) {
            return null;
        }
        if (tenant.policies().isEmpty()) {
            // a snapshot that holds the policies part but no policy: nothing could have interrupted
            return tenant.parts().contains(TenantPart.CONDITIONAL_ACCESS_POLICIES) ? new Evaluated(null, null, true)
                    : null;
        }
        if (!snapshot.anyInterrupting(tenant)) {
            return new Evaluated(null, null, true);
        }
        MissedPolicies.Check check = snapshot.check();
        if (check == null) {
            return new Evaluated(null, NO_EVALUATOR, false);
        }
        Snapshot.Outcome o = Snapshot.run(check, s, tenant);
        return new Evaluated(o.result(), o.failure() == null ? null : "Conditional Access evaluation against the "
                + "tenant snapshot, which failed: " + o.failure(), false);
    }

    private static void snapshotSentences(StringBuilder a, Evaluated e) {
        if (e.nothingInterrupts()) {
            a.append(" The tenant snapshot has no enabled or report-only policy that blocks or requires MFA, so no "
                    + "policy could have interrupted this sign-in.");
            return;
        }
        MissedPolicies r = e.result();
        if (r == null) {
            return;
        }
        List<MissedPolicies.Missed> decided = new ArrayList<>();
        List<MissedPolicies.Missed> undecided = new ArrayList<>();
        for (MissedPolicies.Missed m : r.missed()) {
            (m.undecided() ? undecided : decided).add(m);
        }
        if (!decided.isEmpty()) {
            a.append(" Against the tenant snapshot, ").append(decided.size())
                    .append(decided.size() == 1 ? " enabled policy that requires MFA or blocks did" : " enabled policies "
                            + "that require MFA or block did").append(" not apply: ");
            for (int i = 0; i < decided.size() && i < NAMES_LISTED; i++) {
                MissedPolicies.Missed m = decided.get(i);
                a.append(i == 0 ? "" : "; ").append('\'').append(SignInFacts.quote(m.policy())).append("' (excluded by ")
                        .append(SignInFacts.quote(m.condition().toLowerCase(Locale.ROOT))).append(": ")
                        .append(SignInFacts.quote(m.reason())).append(')');
            }
            if (decided.size() > NAMES_LISTED) {
                a.append(" and ").append(decided.size() - NAMES_LISTED).append(" more");
            }
            a.append('.');
        }
        for (int i = 0; i < undecided.size() && i < NAMES_LISTED; i++) {
            MissedPolicies.Missed m = undecided.get(i);
            a.append(" Whether '").append(SignInFacts.quote(m.policy())).append("' applies cannot be told: ")
                    .append(SignInFacts.quote(m.condition().toLowerCase(Locale.ROOT))).append(" lacks information")
                    .append(SignInFacts.blank(m.reason()) ? "." : " (" + SignInFacts.quote(m.reason()) + ").");
        }
        if (!r.applying().isEmpty()) {
            a.append(" By the snapshot, '").append(SignInFacts.quote(r.applying().get(0).policy())).append("' would "
                    + "apply to this sign-in and ask for more than it got: the snapshot is probably newer than the "
                    + "sign-in.");
        }
        if (!r.reportOnly().isEmpty()) {
            a.append(" Report-only policies that would have applied by the snapshot: ");
            for (int i = 0; i < r.reportOnly().size() && i < NAMES_LISTED; i++) {
                MissedPolicies.Named n = r.reportOnly().get(i);
                a.append(i == 0 ? "" : ", ").append('\'').append(SignInFacts.quote(n.policy())).append('\'')
                        .append(SignInFacts.blank(n.grant()) ? "" : " (" + SignInFacts.quote(n.grant()) + ")");
            }
            a.append('.');
        }
        if (r.missed().isEmpty() && r.applying().isEmpty() && r.reportOnly().isEmpty()) {
            a.append(" Against the tenant snapshot, no enabled policy that requires MFA or blocks is in question, and "
                    + "no report-only one would have applied.");
        }
        if (r.disagreements() > 0) {
            a.append(" The snapshot disagrees with the record on ").append(r.disagreements())
                    .append(r.disagreements() == 1 ? " policy" : " policies")
                    .append("; it may not be the policy set the sign-in met.");
        }
    }

    private static void snapshotEvidence(Finding.Builder f, MissedPolicies r) {
        if (!r.missed().isEmpty()) {
            List<List<String>> rows = new ArrayList<>(r.missed().size());
            for (MissedPolicies.Missed m : r.missed()) {
                rows.add(Arrays.asList(SignInFacts.quote(m.policy()), SignInFacts.quote(m.grant()),
                        (m.undecided() ? "not decided: " : "") + SignInFacts.quote(m.condition()),
                        SignInFacts.quote(m.reason())));
            }
            f.evidence(new EvidenceTable("Policies that require MFA or block and did not apply (tenant snapshot)",
                    List.of("Policy", "Grant", "Excluded by", "Why"), rows));
        }
        if (!r.reportOnly().isEmpty()) {
            List<List<String>> rows = new ArrayList<>(r.reportOnly().size());
            for (MissedPolicies.Named n : r.reportOnly()) {
                rows.add(Arrays.asList(SignInFacts.quote(n.policy()), SignInFacts.quote(n.grant())));
            }
            f.evidence(new EvidenceTable("Report-only policies that would have applied (tenant snapshot)",
                    List.of("Policy", "Grant"), rows));
        }
    }

    private static void snapshotAdvice(Finding.Builder f, Evaluated e) {
        if (e.missing() != null) {
            f.missing(e.missing());
        }
        MissedPolicies r = e.result();
        if (r == null) {
            return;
        }
        for (MissedPolicies.Missed m : r.missed()) {
            if (!m.undecided()) {
                f.recommend(Actor.ADMIN, "If '" + SignInFacts.quote(m.policy()) + "' should have covered this sign-in, "
                        + "change the condition that excluded it (" + SignInFacts.quote(m.condition()) + ": "
                        + SignInFacts.quote(m.reason()) + "), and check the change with What If and in report-only mode "
                        + "before enforcing it.", Links.WHAT_IF);
                break;
            }
        }
        if (r.disagreements() > 0) {
            f.missing("a tenant snapshot from the time of the sign-in: the current one disagrees with the record on "
                    + r.disagreements() + (r.disagreements() == 1 ? " policy" : " policies"));
        }
        for (int i = 0; i < r.missing().size() && i < EVALUATION_GAPS_QUOTED; i++) {
            f.missing("for the evaluation: " + SignInFacts.quote(r.missing().get(i)));
        }
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
