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
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.policy.PolicyEvaluator;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * "Failed Conditional Access": a policy applied and the sign-in could not satisfy its grant or session
 * controls. The cause is classified from the error code and the failing policy's grant controls:
 * <ul>
 * <li>{@code compliant-device} — 53000; {@code hybrid-join} — 53001;</li>
 * <li>{@code approved-app} — 53002, 530021; {@code app-protection} — 53009;</li>
 * <li>{@code platform-unsupported} — 50005; {@code sign-in-frequency} — 70043, 70044;</li>
 * <li>the device-authentication codes 50097, 50155, 50129 only with a Conditional Access failure on the
 * record (or a snapshot policy that needs a device): {@code hybrid-join}, or {@code compliant-device} when
 * the failing policy asks only for compliance;</li>
 * <li>50158 (an external challenge not satisfied) only with a Conditional Access failure:
 * {@code terms-of-use}, {@code authentication-strength} or {@code custom-control} by the failing grant.</li>
 * </ul>
 * Specificity 45: legacy clients that cannot satisfy these controls, and B2B guests, rank first.
 */
@Component
@Detector(scenario = FailedDetector.SCENARIO, family = "conditionalaccess", title = FailedDetector.TITLE,
        errorCodes = {53000, 53001, 50097, 50155, 50129, 53002, 530021, 53009, 50005, 70043, 70044, 50158},
        specificity = 45)
public final class FailedDetector implements ScenarioDetector {
    static final String SCENARIO = "ca.failed";
    static final String TITLE = "Failed Conditional Access";

    private static final Set<Control> DEVICE = EnumSet.of(Control.COMPLIANT_DEVICE, Control.DOMAIN_JOINED_DEVICE);
    private static final Set<Control> CHALLENGE = EnumSet.of(Control.TERMS_OF_USE, Control.AUTHENTICATION_STRENGTH,
            Control.OTHER);

    private final Snapshots snapshots;

    /** The component: the evaluator arrives (or not) through the optional reference. */
    public FailedDetector() {
        this(new Snapshots());
    }

    FailedDetector(Snapshots snapshots) {
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

    /** The control an error code says was not met, or null when the code does not name one. */
    static Control pinned(int code) {
        return switch (code) {
            case 53000 -> Control.COMPLIANT_DEVICE;
            case 53001 -> Control.DOMAIN_JOINED_DEVICE;
            case 53002, 530021 -> Control.APPROVED_APP;
            case 53009 -> Control.APP_PROTECTION;
            default -> null;
        };
    }

    private static boolean ambiguous(int code) {
        return code == 50097 || code == 50155 || code == 50129 || code == 50158;
    }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        String byCode = byCode(code);
        if (byCode == null) {
            return List.of();
        }
        List<AppliedPolicy> failing = Recorded.withResult(signIn, PolicyResult.FAILURE);
        boolean recordedFailure = !failing.isEmpty() || signIn.conditionalAccessStatus() == ConditionalAccessStatus.FAILURE;
        Set<Control> relevant = relevant(code);
        if (ambiguous(code) && !recordedFailure && !snapshots.available()) {
            // device authentication and external challenges happen outside Conditional Access too
            return List.of();
        }
        Snapshots.Lookup lookup = snapshots.lookup(signIn, context.tenant());
        SnapshotView view = lookup.view();
        List<AppliedPolicy> causes = causes(signIn, failing, code, relevant);
        List<Involved> involved = Involved.of(causes, view, relevant);
        if (ambiguous(code) && !recordedFailure && involved.isEmpty()) {
            return List.of();
        }
        String classification = classify(code, byCode, involved);
        Control unmet = unmetControl(code, classification);
        // the record itself names a failing policy whose grant explains the code
        boolean confirmed = !causes.isEmpty()
                && (unmet == null || causes.stream().anyMatch(p -> Recorded.anyOf(p, EnumSet.of(unmet))));
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification)
                .confidence(confirmed ? Confidence.HIGH : Confidence.MEDIUM);
        if (!context.detailed()) {
            // counted, not read: the policy tables, the sentences and the advice are the cost
            return List.of(f.assessment(TITLE).build());
        }

        StringBuilder a = new StringBuilder(700).append(Text.subject(signIn)).append(" failed Conditional Access (")
                .append(Text.code(signIn)).append(")");
        String names = Text.names(involved.stream().map(Involved::label).toList());
        if (involved.isEmpty()) {
            a.append(": the record does not name the policy (no enforced policy is listed with result failure). ");
            f.missing("the policy whose controls were not met: the record lists no enforced policy with result "
                    + "failure");
        } else {
            a.append(causes.isEmpty() ? ": evaluated against the tenant snapshot, " + names + " applies. "
                    : ": " + (involved.size() == 1 ? "policy " : "policies ") + names + " applied. ");
        }
        a.append(cause(classification, code, signIn, involved));
        if (!involved.isEmpty()) {
            a.append(alternatives(involved.get(0), unmet));
            a.append(PolicyTables.why(involved.get(0), signIn));
        }
        if (signIn.clientApp().isLegacy()) {
            a.append(" The client '").append(Text.quote(signIn.clientAppUsed())).append("' is a legacy protocol, which "
                    + "can never satisfy such a control.");
        }
        Snapshot.note(f, a, lookup);
        f.assessment(a.toString());
        if (DEVICE.contains(unmet) && deviceUnknown(signIn.deviceDetail())) {
            f.missing("the device details (operating system, registration, compliance, join type) on the sign-in record");
        }

        PolicyTables.add(f, involved, signIn, unmet == null ? Map.of() : Map.of(unmet, "no (" + Text.code(signIn) + ")"));
        EvidenceTable others = PolicyTables.others(signIn, involved);
        if (others != null) {
            f.evidence(others);
        }
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        advise(f, classification, code, signIn, involved);
        return List.of(f.build());
    }

    private static String byCode(int code) {
        return switch (code) {
            case 53000 -> "compliant-device";
            case 53001, 50097, 50155, 50129 -> "hybrid-join";
            case 53002, 530021 -> "approved-app";
            case 53009 -> "app-protection";
            case 50005 -> "platform-unsupported";
            case 70043, 70044 -> "sign-in-frequency";
            case 50158 -> "custom-control";
            default -> null;
        };
    }

    /** The controls that can explain the code, to pick the policy that failed it. */
    private static Set<Control> relevant(int code) {
        Control p = pinned(code);
        if (p != null) {
            return EnumSet.of(p);
        }
        return switch (code) {
            case 50097, 50155, 50129 -> DEVICE;
            case 50158 -> CHALLENGE;
            case 50005 -> EnumSet.of(Control.BLOCK);
            default -> EnumSet.noneOf(Control.class);
        };
    }

    /**
     * The recorded policies behind the failure: the failing ones whose grant explains the code (all failing
     * ones when none does); for sign-in frequency also the enforced ones with that session control.
     */
    private static List<AppliedPolicy> causes(SignIn s, List<AppliedPolicy> failing, int code, Set<Control> relevant) {
        List<AppliedPolicy> out = new ArrayList<>(failing.size());
        for (AppliedPolicy p : failing) {
            if (Recorded.anyOf(p, relevant)) {
                out.add(p);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (code == 70043 || code == 70044) {
            for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
                if (p != null && (Recorded.result(p) == PolicyResult.FAILURE || Recorded.result(p) == PolicyResult.SUCCESS)
                        && p.enforcedSessionControls().stream().anyMatch(c -> Text.key(c).equals("signinfrequency"))
                        && !out.contains(p)) {
                    out.add(p);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return failing;
    }

    private static String classify(int code, String byCode, List<Involved> involved) {
        if (code == 50158) {
            return PolicyTables.anyControl(involved, EnumSet.of(Control.TERMS_OF_USE)) ? "terms-of-use"
                    : PolicyTables.anyControl(involved, EnumSet.of(Control.AUTHENTICATION_STRENGTH))
                            ? "authentication-strength" : "custom-control";
        }
        if ((code == 50097 || code == 50155 || code == 50129)
                && PolicyTables.anyControl(involved, EnumSet.of(Control.COMPLIANT_DEVICE))
                && !PolicyTables.anyControl(involved, EnumSet.of(Control.DOMAIN_JOINED_DEVICE))) {
            return "compliant-device";
        }
        return byCode;
    }

    private static Control unmetControl(int code, String classification) {
        Control p = pinned(code);
        if (p != null) {
            return p;
        }
        return switch (classification) {
            case "compliant-device" -> Control.COMPLIANT_DEVICE;
            case "hybrid-join" -> Control.DOMAIN_JOINED_DEVICE;
            case "terms-of-use" -> Control.TERMS_OF_USE;
            case "authentication-strength" -> Control.AUTHENTICATION_STRENGTH;
            case "custom-control" -> Control.OTHER;
            default -> null;
        };
    }

    private static boolean deviceUnknown(DeviceDetail d) {
        return Text.blank(d.operatingSystem()) && Text.blank(d.deviceId()) && d.isCompliant() == null
                && d.isManaged() == null && Text.blank(d.trustType());
    }

    private static boolean desktopBrowser(SignIn s) {
        String os = Text.lower(s.deviceDetail().operatingSystem());
        return "browser".equals(Text.key(s.clientAppUsed())) && (os.startsWith("windows") || os.startsWith("mac"));
    }

    /** The cause in plain sentences, for the classification. */
    private static String cause(String classification, int code, SignIn s, List<Involved> involved) {
        DeviceDetail d = s.deviceDetail();
        String device = Text.device(s);
        return switch (classification) {
            case "compliant-device" -> {
                StringBuilder b = new StringBuilder("The grant requires a device marked as compliant, and this device (")
                        .append(device).append(") is not.");
                if (code == 50097 || code == 50155 || code == 50129) {
                    b.append(' ').append(deviceCode(code));
                }
                if (!d.isRegistered()) {
                    b.append(" The device is not registered in Microsoft Entra ID, or the client did not pass its identity, "
                            + "so Intune cannot vouch for it.");
                    if (desktopBrowser(s)) {
                        b.append(" On Windows and macOS a browser passes the device identity only when it supports it "
                                + "(Microsoft Edge signed in with the work profile, or Chrome or Firefox set up for "
                                + "Microsoft single sign-on); in any other browser even a compliant device looks "
                                + "unregistered.");
                    }
                } else if (Boolean.FALSE.equals(d.isCompliant())) {
                    b.append(" Intune reports it as not compliant: some setting of its compliance policy is not met "
                            + "(Company Portal shows which), or it has not checked in recently.");
                }
                yield b.toString();
            }
            case "hybrid-join" -> {
                StringBuilder b = new StringBuilder("The grant requires a Microsoft Entra hybrid joined device (a "
                        + "computer joined to the on-premises domain and registered in Microsoft Entra ID), and this "
                        + "device (").append(device).append(") is not one.");
                if (code != 53001) {
                    b.append(' ').append(deviceCode(code));
                }
                yield b.toString();
            }
            case "approved-app" -> "The grant requires an approved client app, and '" + Text.quote(Text.blank(
                    s.clientAppUsed()) ? s.appLabel() : s.clientAppUsed()) + "' on " + (Text.blank(d.operatingSystem())
                    ? "this device" : Text.quote(d.operatingSystem())) + " is not one (or it signed in without the "
                    + "broker app that proves it is). Microsoft is retiring the approved client app grant in favour of "
                    + "the app protection policy grant.";
            case "app-protection" -> "The grant requires an app protection policy, and the app used does not apply "
                    + "Intune app protection for this user (the app does not support it, no app protection policy "
                    + "targets the user and app, or the sign-in did not go through the broker app).";
            case "platform-unsupported" -> "AADSTS50005 means the sign-in came from a device platform the policy does "
                    + "not allow or could not identify (the record shows " + (Text.blank(d.operatingSystem())
                    ? "no operating system" : "'" + Text.quote(d.operatingSystem()) + "'") + ").";
            case "sign-in-frequency" -> "The session was older than the sign-in frequency the policy sets"
                    + frequency(involved) + ", so the user has to sign in again. " + (code == 70043
                    ? "AADSTS70043 means the refresh token was refused for that reason." : "AADSTS70044 means the "
                    + "session was ended for that reason.") + " This is the policy working as configured, not a fault.";
            case "authentication-strength" -> "The grant requires an authentication strength the sign-in did not "
                    + "satisfy" + strength(involved) + ": the method used is not one of the allowed combinations, or the "
                    + "user has none of them registered.";
            case "terms-of-use" -> "The grant requires accepting terms of use, which did not happen in this sign-in (the "
                    + "user declined or the client could not show them).";
            default -> "AADSTS50158 means an external security challenge was not satisfied: the policy requires a "
                    + "custom control handled by another provider, and its verification did not come back as passed.";
        };
    }

    private static String deviceCode(int code) {
        return switch (code) {
            case 50097 -> "AADSTS50097 means the device was asked to prove its identity and did not.";
            case 50155 -> "AADSTS50155 means the device's authentication failed: its object may be deleted or disabled "
                    + "in Microsoft Entra ID, or its certificate stale.";
            case 50129 -> "AADSTS50129 means the device is not registered (workplace joined).";
            default -> "";
        };
    }

    private static String frequency(List<Involved> involved) {
        for (Involved i : involved) {
            if (i.evaluated() != null) {
                for (String s : i.evaluated().session()) {
                    if (Text.lower(s).contains("frequency")) {
                        return " (" + Text.quote(s) + ")";
                    }
                }
            }
        }
        return "";
    }

    private static String strength(List<Involved> involved) {
        for (Involved i : involved) {
            if (i.evaluated() != null && i.evaluated().authenticationStrength() != null) {
                return " ('" + Text.quote(i.evaluated().authenticationStrength()) + "')";
            }
        }
        return "";
    }

    /** The policy's other controls, which may have been an alternative way in. */
    private static String alternatives(Involved p, Control unmet) {
        List<String> others = new ArrayList<>();
        for (Control c : p.controls()) {
            if (c != unmet && c != Control.BLOCK) {
                others.add(c.words());
            }
        }
        if (others.isEmpty()) {
            return "";
        }
        String list = String.join(", ", others);
        if (p.evaluated() == null) {
            return " The policy also lists " + list + "; whether one of them would have been enough is not on the "
                    + "record.";
        }
        return p.evaluated().requiresAll() ? " The policy requires all of its controls, also " + list + "."
                : " The policy accepts any one of its controls: " + list + " would also have let the user in.";
    }

    private static void advise(Finding.Builder f, String classification, int code, SignIn s, List<Involved> involved) {
        switch (classification) {
            case "compliant-device" -> {
                f.recommend(Actor.USER, s.deviceDetail().isRegistered()
                        ? "Open the Company Portal app on this device, check its compliance and fix what it reports, "
                                + "then sign in again."
                        : "Enroll this device in Intune with the Company Portal app (or use a device your organisation "
                                + "manages), let it become compliant, then sign in again.", Links.INTUNE_ENROLL);
                if (!s.deviceDetail().isRegistered() && desktopBrowser(s)) {
                    f.recommend(Actor.USER, "If the device is already managed, sign in with Microsoft Edge using your "
                            + "work profile (or a browser set up for Microsoft single sign-on) so that it passes the "
                            + "device identity.", Links.SUPPORTED_BROWSERS);
                }
                f.recommend(Actor.ADMIN, "Check the device in Intune (Devices > All devices): its compliance state, "
                        + "which compliance setting fails and when it last checked in.", Links.COMPLIANCE);
            }
            case "hybrid-join" -> {
                f.recommend(Actor.USER, "Sign in from your organisation's domain-joined computer; this access is not "
                        + "available from personal devices.", null);
                f.recommend(Actor.ADMIN, "On the device run dsregcmd /status: AzureAdJoined and DomainJoined must be YES "
                        + "and AzureAdPrt present. If not, check that Microsoft Entra Connect (or cloud sync) syncs the "
                        + "device's organisational unit and that the device object exists and is enabled; re-register a "
                        + "device whose object was deleted.", code == 53001 ? Links.HYBRID_JOIN : Links.DSREGCMD);
            }
            case "approved-app" -> {
                f.recommend(Actor.USER, "Use an approved Microsoft app for this resource (for example Outlook, Teams or "
                        + "Microsoft Edge) and install the broker app: Microsoft Authenticator on iOS, Company Portal on "
                        + "Android.", Links.APP_PROTECTION);
                f.recommend(Actor.ADMIN, "Replace 'Require approved client app' with 'Require app protection policy' "
                        + "in the policy, as Microsoft retires the approved client app grant.", Links.MIGRATE_APPROVED_APP);
            }
            case "app-protection" -> {
                f.recommend(Actor.USER, "Use an app that supports Intune app protection (Outlook, Teams, Microsoft Edge) "
                        + "with the broker app installed: Microsoft Authenticator on iOS, Company Portal on Android.",
                        Links.APP_PROTECTION);
                f.recommend(Actor.ADMIN, "Check that an Intune app protection policy targets this user and this app "
                        + "(Intune > Apps > App protection policies).", Links.APP_PROTECTION_POLICIES);
            }
            case "platform-unsupported" -> {
                f.recommend(Actor.USER, "Sign in from a device platform your organisation supports.", null);
                f.recommend(Actor.ADMIN, "Check the device platforms condition of the policy: platforms it excludes or "
                        + "does not include, and whether clients that report no known platform should pass. The "
                        + "platform comes from the client's user agent, which the client controls.", Links.PLATFORMS);
            }
            case "sign-in-frequency" -> {
                f.recommend(Actor.USER, "Sign in again; the policy asks for this at regular intervals.", null);
                f.recommend(Actor.ADMIN, "If users are asked too often, review the sign-in frequency of the policy "
                        + "against what the application needs.", Links.SESSION_LIFETIME);
            }
            case "authentication-strength" -> {
                f.recommend(Actor.USER, "Register a sign-in method the required strength allows (for example a passkey "
                        + "or Windows Hello) on the Security info page, then sign in with it.", Links.SECURITY_INFO);
                f.recommend(Actor.ADMIN, "Compare the strength's allowed combinations with the methods the user has "
                        + "registered and the methods the Authentication methods policy enables for the user.",
                        Links.AUTH_STRENGTH_TROUBLESHOOT);
            }
            case "terms-of-use" -> {
                f.recommend(Actor.USER, "Sign in interactively and accept the terms of use when they are shown.", null);
                f.recommend(Actor.ADMIN, "Check the terms of use the policy requires: that they exist, target the user, "
                        + "and that per-device acceptance is not required on a platform that cannot do it.",
                        Links.TERMS_OF_USE);
            }
            default -> f.recommend(Actor.ADMIN, "Check the custom control the policy requires and its provider: the "
                    + "provider did not confirm the challenge.", Links.CUSTOM_CONTROLS);
        }
        if (!involved.isEmpty()) {
            f.recommend(Actor.ADMIN, "If '" + Text.quote(involved.get(0).label()) + "' should not apply to "
                    + Text.quote(s.userLabel()) + " here, the Conditions table shows what brought the sign-in in: narrow "
                    + "the assignments or add an exclusion, and test the change with What If before enabling it.",
                    Links.WHAT_IF);
        } else {
            f.recommend(Actor.ADMIN, "Open the sign-in's Conditional Access tab in the Microsoft Entra admin center to "
                    + "see which policy failed.", Links.TROUBLESHOOT);
        }
    }
}
