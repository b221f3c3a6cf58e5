package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ConditionalAccessStatus;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.policy.PolicyEvaluator;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * "MFA from Conditional Access": 50074 / 50076 because a policy requires multifactor authentication or
 * an authentication strength. Claimed when a requirement provider of the record stands for Conditional
 * Access, or when the record names no provider and an enforced policy's grant asks for MFA; with a
 * snapshot, also a record naming neither providers nor policies (a CSV export) when the snapshot shows an
 * applying MFA policy. Per-user MFA, security defaults and registration interrupts belong to the MFA
 * bundle's scenarios and are left alone.
 *
 * <p>Classification: {@code mfa}, {@code authentication-strength}, or {@code policy-not-recorded} when
 * the record names Conditional Access but no policy.
 */
@Component
@Detector(scenario = MfaDetector.SCENARIO, family = "conditionalaccess", title = MfaDetector.TITLE,
        errorCodes = {50074, 50076}, specificity = 50)
public final class MfaDetector implements ScenarioDetector {
    static final String SCENARIO = "ca.mfa";
    static final String TITLE = "MFA from Conditional Access";
    private static final Set<Control> MULTIFACTOR = EnumSet.of(Control.MFA, Control.AUTHENTICATION_STRENGTH);

    private final Snapshots snapshots;

    /** The component: the evaluator arrives (or not) through the optional reference. */
    public MfaDetector() {
        this(new Snapshots());
    }

    MfaDetector(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Reference(service = PolicyEvaluator.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEvaluator(ComponentServiceObjects<?> evaluator) {
        snapshots.bind(evaluator);
    }

    void unbindEvaluator(ComponentServiceObjects<?> evaluator) {
        snapshots.unbind(evaluator);
    }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        if (code != 50074 && code != 50076) {
            return List.of();
        }
        boolean caProvider = Recorded.conditionalAccessProvider(signIn);
        boolean anyProvider = Recorded.anyProvider(signIn);
        List<AppliedPolicy> enforcing = Recorded.enforcing(signIn, MULTIFACTOR);
        boolean bare = !anyProvider && signIn.appliedConditionalAccessPolicies().isEmpty()
                && signIn.conditionalAccessStatus() != ConditionalAccessStatus.NOT_APPLIED;
        if (!caProvider && (anyProvider || enforcing.isEmpty()) && !(bare && snapshots.available())) {
            return List.of();
        }
        Snapshots.Lookup lookup = snapshots.lookup(signIn, context.tenant());
        SnapshotView view = lookup.view();
        List<Involved> involved = Involved.of(enforcing, view, MULTIFACTOR);
        if (!caProvider && enforcing.isEmpty() && involved.isEmpty()) {
            // a bare record the snapshot does not explain either: not this scenario's to claim
            return List.of();
        }
        boolean strength = PolicyTables.anyControl(involved, EnumSet.of(Control.AUTHENTICATION_STRENGTH));
        String classification = involved.isEmpty() ? "policy-not-recorded" : strength ? "authentication-strength" : "mfa";
        // certain when the providers and an enforced policy both name Conditional Access, likely with one of them
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification)
                .confidence(caProvider && !enforcing.isEmpty() ? Confidence.HIGH
                        : caProvider || !enforcing.isEmpty() ? Confidence.MEDIUM : Confidence.LOW);
        if (!context.detailed()) {
            // counted, not read: the policy tables, the sentences and the advice are the cost
            return List.of(f.assessment(TITLE).build());
        }

        StringBuilder a = new StringBuilder(700).append(Text.subject(signIn)).append(" was interrupted (")
                .append(Text.code(signIn)).append(") because Conditional Access required ")
                .append(strength ? "an authentication strength" : "multifactor authentication");
        List<String> names = involved.stream().map(Involved::label).toList();
        if (!enforcing.isEmpty()) {
            a.append(": ").append(names.size() == 1 ? "policy " : "policies ").append(Text.names(names))
                    .append(names.size() == 1 ? " applies" : " apply").append(" to it.");
        } else if (!involved.isEmpty()) {
            a.append(": the record names no policy, and evaluated against the tenant snapshot ").append(Text.names(names))
                    .append(names.size() == 1 ? " applies" : " apply").append(" to it.");
        } else {
            a.append(", as the record's requirement policies say; it lists no enforced policy with an MFA grant.");
            f.missing("the policy that required MFA: the record names Conditional Access as the requirement but lists no "
                    + "enforced policy whose grant asks for MFA or an authentication strength");
        }
        if (!involved.isEmpty()) {
            a.append(PolicyTables.why(involved.get(0), signIn));
            a.append(alternatives(involved.get(0)));
        }
        a.append(' ').append(meaning(code, signIn));
        if (anyNonCaProvider(signIn)) {
            a.append(" The record also names a requirement other than Conditional Access (such as per-user MFA), so MFA "
                    + "would have been asked for even without the policy.");
        }
        if (Recorded.external(signIn)) {
            a.append(" The user is a guest from another organisation.");
        }
        Snapshot.note(f, a, lookup);
        if (!anyProvider) {
            f.missing("the authentication requirement policies on the record (what asked for MFA)");
        }
        f.assessment(a.toString());

        PolicyTables.add(f, involved, signIn, unmet(code, involved));
        EvidenceTable others = PolicyTables.others(signIn, involved);
        if (others != null) {
            f.evidence(others);
        }
        if (anyProvider) {
            f.evidence(providers(signIn));
        }
        if (!signIn.authenticationDetails().isEmpty()) {
            f.evidence(EvidenceTable.ofAuthenticationSteps(signIn.authenticationDetails()));
        }
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        advise(f, code, signIn, involved, strength);
        return List.of(f.build());
    }

    private static Map<Control, String> unmet(int code, List<Involved> involved) {
        String text = code == 50074 ? "not yet: the user was sent to the MFA prompt"
                : "no: the request brought single-factor proof only";
        return PolicyTables.anyControl(involved, EnumSet.of(Control.AUTHENTICATION_STRENGTH))
                ? Map.of(Control.MFA, text, Control.AUTHENTICATION_STRENGTH, text) : Map.of(Control.MFA, text);
    }

    private static String meaning(int code, SignIn s) {
        if (code == 50074) {
            return "AADSTS50074 is the interruption that sends the user to the MFA prompt: the sign-in goes on if they "
                    + "complete it, and a success usually follows in the same flow.";
        }
        return "AADSTS50076 means the request brought single-factor proof only while the policy needs MFA"
                + (Boolean.FALSE.equals(s.isInteractive()) ? ": this non-interactive request reused a token without "
                        + "an MFA claim, and the app has to sign the user in interactively." : ", as non-interactive "
                        + "requests and older clients do; the app has to sign the user in interactively.");
    }

    private static boolean anyNonCaProvider(SignIn s) {
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            if (p != null && !Text.blank(p.requirementProvider())
                    && !Recorded.conditionalAccessProvider(p.requirementProvider())) {
                return true;
            }
        }
        return false;
    }

    /** The policy's device or app controls that would have spared the prompt, when it accepts one of them. */
    private static String alternatives(Involved p) {
        List<String> others = new ArrayList<>();
        for (Control c : p.controls()) {
            if (!c.multifactor() && c != Control.BLOCK) {
                others.add(c.words());
            }
        }
        if (others.isEmpty()) {
            return "";
        }
        if (p.evaluated() == null) {
            return " The policy also lists " + String.join(", ", others) + "; whether one of them alone would have "
                    + "been enough is not on the record.";
        }
        return p.evaluated().requiresAll() ? "" : " The policy accepts any one of its controls: with "
                + String.join(" or ", others) + " the user would not have been asked for MFA.";
    }

    private static EvidenceTable providers(SignIn s) {
        List<List<String>> rows = new ArrayList<>();
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            if (p != null && !Text.blank(p.requirementProvider())) {
                boolean ca = Recorded.conditionalAccessProvider(p.requirementProvider());
                rows.add(List.of(Text.quote(p.requirementProvider()), Text.quote(p.detail()),
                        ca ? "Conditional Access" : "not Conditional Access"));
            }
        }
        return new EvidenceTable("Authentication requirement policies", List.of("Requirement provider", "Detail",
                "Meaning"), rows);
    }

    private static void advise(Finding.Builder f, int code, SignIn s, List<Involved> involved, boolean strength) {
        f.recommend(Actor.USER, strength
                ? "Sign in with a method the required authentication strength allows (for example a passkey or Windows "
                        + "Hello); register one on the Security info page if you have none."
                : "Complete the multifactor prompt. If you have no method registered, register one (for example "
                        + "Microsoft Authenticator) on the Security info page first."
                        + (code == 50076 ? " If an app keeps failing without showing a prompt, sign out of it and sign "
                                + "in again." : ""), Links.SECURITY_INFO);
        String policy = involved.isEmpty() ? "the policy" : "'" + Text.quote(involved.get(0).label()) + "'";
        f.recommend(Actor.ADMIN, "This is expected while " + policy + " applies: nothing needs fixing unless "
                + Text.quote(s.userLabel()) + " should not be asked here. If the sign-in came from an office network, "
                + "check that " + Text.address(s) + " lies in a trusted named location the policy excludes; if the "
                + "prompts come too often, review sign-in frequency and use devices that hold a primary refresh token "
                + "(joined or registered), which carry the MFA claim forward.", Links.REAUTH_PROMPTS);
        if (Recorded.external(s)) {
            f.recommend(Actor.ADMIN, "For guests, consider trusting MFA done in their home organisation (External "
                    + "Identities > Cross-tenant access settings > the partner > Inbound access > Trust settings), so "
                    + "they are not asked to register a second method here.", Links.CROSS_TENANT_B2B);
        }
        if (strength) {
            f.recommend(Actor.ADMIN, "Check that the user has registered a method of the required strength and that "
                    + "the Authentication methods policy enables it for them.", Links.AUTH_STRENGTH);
        }
    }
}
