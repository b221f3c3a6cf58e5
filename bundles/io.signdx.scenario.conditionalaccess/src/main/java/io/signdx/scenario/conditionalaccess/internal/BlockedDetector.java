package io.signdx.scenario.conditionalaccess.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
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
 * "Blocked by Conditional Access" (53003, 530032): which policy blocked, which of its conditions brought
 * the sign-in in (with the snapshot: the group through which the user is included, the location that
 * matched …), and what the user and the administrator can do. Specificity 45: the causes DESIGN §6 ranks
 * first (legacy authentication, risk, B2B) have their own, higher-ranked scenarios; this finding stays
 * listed after them.
 *
 * <p>Classification: the condition that narrowed the blocking policy beyond users and resources
 * ({@code location}, {@code platform}, {@code client-app}, {@code risk}, {@code device-filter},
 * {@code authentication-flow}, {@code workload-identity}), {@code users-and-apps} when only those matched,
 * {@code not-recorded} when nothing names the policy.
 */
@Component
@Detector(scenario = BlockedDetector.SCENARIO, family = "conditionalaccess", title = BlockedDetector.TITLE,
        errorCodes = {53003, 530032}, specificity = 45)
public final class BlockedDetector implements ScenarioDetector {
    static final String SCENARIO = "ca.blocked";
    static final String TITLE = "Blocked by Conditional Access";

    private final Snapshots snapshots;

    /** The component: the evaluator arrives (or not) through the optional reference. */
    public BlockedDetector() {
        this(new Snapshots());
    }

    BlockedDetector(Snapshots snapshots) {
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
        if (code != 53003 && code != 530032) {
            return List.of();
        }
        List<AppliedPolicy> failing = Recorded.withResult(signIn, PolicyResult.FAILURE);
        List<AppliedPolicy> blocking = failing.stream().filter(AppliedPolicy::blocks).toList();
        Snapshots.Lookup lookup = snapshots.lookup(signIn, context.tenant());
        SnapshotView view = lookup.view();
        List<Involved> involved = Involved.of(blocking.isEmpty() ? failing : blocking, view, EnumSet.of(Control.BLOCK));
        String classification = involved.isEmpty() ? "not-recorded" : PolicyTables.narrowing(involved.get(0));
        // only a recorded Block grant is certain; a failing policy with another grant or the snapshot's guess is not
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification)
                .confidence(blocking.isEmpty() ? Confidence.MEDIUM : Confidence.HIGH);
        if (!context.detailed()) {
            // counted, not read: the policy tables, the sentences and the advice are the cost
            return List.of(f.assessment(TITLE).build());
        }
        List<AppliedPolicy> reportOnly = PolicyTables.reportOnlyActing(signIn);

        StringBuilder a = new StringBuilder(600).append(Text.subject(signIn)).append(code == 530032
                ? " was blocked by a tenant security policy enforced through Conditional Access (" : " was blocked by "
                        + "Conditional Access (").append(Text.code(signIn)).append("), so no token was issued.");
        List<String> names = involved.stream().map(Involved::label).toList();
        if (!blocking.isEmpty()) {
            a.append(blocking.size() == 1 ? " The policy " : " The policies ").append(Text.names(names))
                    .append(blocking.size() == 1 ? " applies" : " apply").append(" to it with the grant Block access.");
        } else if (!failing.isEmpty()) {
            a.append(" The record shows ").append(Text.names(names)).append(" failing, although ")
                    .append(failing.size() == 1 ? "its" : "their").append(" recorded grant is not Block access (")
                    .append(String.join(", ", involved.get(0).controlWords())).append(").");
        } else if (!involved.isEmpty()) {
            a.append(" The record names no policy; evaluated against the tenant snapshot, ").append(Text.names(names))
                    .append(involved.size() == 1 ? " applies" : " apply").append(" to it and blocks.");
        } else {
            a.append(" The record does not name the policy: no enforced policy is listed with result failure.");
            f.missing("the policy that blocked the sign-in: the record lists no enforced policy with result failure "
                    + "(exports without appliedConditionalAccessPolicies, such as the portal's CSV, never do)");
        }
        if (!involved.isEmpty()) {
            a.append(PolicyTables.why(involved.get(0), signIn));
        }
        reportOnlySentence(a, reportOnly, blocking.isEmpty() && failing.isEmpty());
        context(a, signIn);
        Snapshot.note(f, a, lookup);
        f.assessment(a.toString());

        PolicyTables.add(f, involved, signIn, Map.of(Control.BLOCK, "blocked"));
        EvidenceTable others = PolicyTables.others(signIn, involved);
        if (others != null) {
            f.evidence(others);
        }
        EvidenceTable ro = PolicyTables.reportOnly(reportOnly);
        if (ro != null) {
            f.evidence(ro);
        }
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(signIn)));
        advise(f, signIn, involved, classification == null ? "" : classification);
        return List.of(f.build());
    }

    private static void reportOnlySentence(StringBuilder a, List<AppliedPolicy> reportOnly, boolean nothingEnforced) {
        if (reportOnly.isEmpty()) {
            return;
        }
        List<String> names = Recorded.labels(reportOnly);
        if (nothingEnforced) {
            a.append(" The report-only ").append(names.size() == 1 ? "policy " : "policies ").append(Text.names(names))
                    .append(" would have acted too, but report-only policies are never enforced: ")
                    .append(names.size() == 1 ? "it did" : "they did").append(" not cause this block.");
        } else {
            a.append(" The report-only ").append(names.size() == 1 ? "policy " : "policies ").append(Text.names(names))
                    .append(" would also have acted, had ").append(names.size() == 1 ? "it" : "they")
                    .append(" been switched on.");
        }
    }

    /** What else about the sign-in explains the block: other findings rank before this one for those. */
    private static void context(StringBuilder a, SignIn s) {
        if (s.clientApp().isLegacy()) {
            a.append(" The client '").append(Text.quote(s.clientAppUsed())).append("' is a legacy authentication "
                    + "protocol, which policies commonly block on purpose.");
        }
        if (Recorded.external(s)) {
            a.append(" The user is a guest or external user from another organisation.");
        }
    }

    private static void advise(Finding.Builder f, SignIn s, List<Involved> involved, String classification) {
        String support = Text.blank(s.id()) ? "" : " (request ID " + Text.quote(s.id())
                + (Text.blank(s.correlationId()) ? "" : ", correlation ID " + Text.quote(s.correlationId())) + ")";
        String user = switch (classification) {
            case "location" -> "If you are travelling or signing in through a VPN or proxy, try again from your usual "
                    + "network: the policy looks at where the sign-in comes from. ";
            case "platform" -> "Try again from a device your organisation supports: the policy looks at the device "
                    + "platform, and this sign-in came from " + Text.device(s) + ". ";
            case "client-app" -> "Use a web browser or a current Office app instead of '" + Text.quote(s.clientAppUsed())
                    + "': the policy looks at the kind of client. ";
            case "device-filter" -> "Use a device your organisation manages: the policy looks at the device's "
                    + "properties. ";
            case "authentication-flow" -> "Sign in on the device itself instead of entering a code shown on "
                    + "another screen (device code sign-in) or continuing a sign-in started on another device: the "
                    + "policy blocks that way of signing in. ";
            default -> "";
        };
        f.recommend(Actor.USER, user + "If you need this access, contact your help desk with the time of the attempt"
                + support + "; trying again will not change a block set by your organisation.", null);
        if (involved.isEmpty()) {
            f.recommend(Actor.ADMIN, "Find the blocking policy: open the sign-in's Conditional Access tab in the "
                    + "Microsoft Entra admin center, or diagnose an export that carries appliedConditionalAccessPolicies "
                    + "(Graph beta or the portal's JSON download).", Links.TROUBLESHOOT);
            return;
        }
        String policy = "'" + Text.quote(involved.get(0).label()) + "'";
        String scope = switch (classification) {
            case "location" -> "check the named locations it uses: is " + Text.address(s) + " inside a range the "
                    + "policy includes, or missing from one it should exclude (trusted ranges, country lookup)?";
            case "platform" -> "check its device platform condition against the platform this client reported ("
                    + Text.device(s) + "); unknown platforms count only when the policy includes any device.";
            case "client-app" -> "check its client apps condition: the sign-in used '" + Text.quote(s.clientAppUsed())
                    + "'.";
            case "device-filter" -> "check its filter for devices rule against this device's properties ("
                    + Text.device(s) + "); an unregistered device has none of them set.";
            case "risk" -> "the block follows Identity Protection risk: review the user and the sign-in under Identity "
                    + "Protection before changing the policy.";
            case "authentication-flow" -> "check its authentication flows condition: this sign-in's session began "
                    + "with " + flow(s) + ". Device code sign-in is a favourite of phishing; where a real need remains "
                    + "(a meeting-room device, a command-line tool), exclude those users, devices or apps rather "
                    + "than the flow.";
            default -> "check how the user and the application are in its scope (the Conditions table); remove the "
                    + "user from the group that brings them in, or add an exclusion for the case that should pass.";
        };
        f.recommend(Actor.ADMIN, "If the block is intended, nothing needs to change: " + policy + " did its job. If "
                + "it is not, " + scope, linkFor(classification));
        f.recommend(Actor.ADMIN, "Before changing " + policy + ", replay the change on this sign-in with What If "
                + "(or signdx whatif) and switch the changed policy to report-only first; keep the emergency-access "
                + "accounts excluded from every blocking policy.", Links.WHAT_IF);
    }

    /** The recorded flow in words; a record without the transfer method says it through its protocol. */
    private static String flow(SignIn s) {
        String method = s.originalTransferMethod() != null ? s.originalTransferMethod() : s.authenticationProtocol();
        String m = method == null ? "" : method.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (m) {
            case "devicecodeflow", "devicecode" -> "device code sign-in ('" + Text.quote(method) + "')";
            case "authenticationtransfer" -> "an authentication transfer from another device ('" + Text.quote(method)
                    + "')";
            default -> method == null ? "a flow the record does not name" : "'" + Text.quote(method) + "'";
        };
    }

    private static String linkFor(String classification) {
        return switch (classification) {
            case "location" -> Links.LOCATIONS;
            case "platform", "client-app" -> Links.PLATFORMS;
            case "device-filter" -> Links.DEVICE_FILTER;
            case "authentication-flow" -> Links.AUTHENTICATION_FLOWS;
            default -> Links.USERS_AND_GROUPS;
        };
    }
}
