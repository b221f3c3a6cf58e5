package io.signdx.scenario.conditionalaccess.internal;

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
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.UserType;
import io.signdx.policy.PolicyEvaluator;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * "B2B blocked by Conditional Access": a user from another organisation stopped by this (the resource)
 * tenant's device-based policies or blocks, or by either organisation's cross-tenant access settings.
 * Each finding says what the guest's home administrator and the resource tenant's administrator can
 * change, because neither can change the other's settings. Classifications:
 * <ul>
 * <li>{@code device-requirement} — 53000 / 53001 for an external user: a guest's device can be seen as
 * compliant or hybrid joined here only when the inbound cross-tenant settings trust the home tenant's
 * device claims;</li>
 * <li>{@code blocked} — 53003 for an external user;</li>
 * <li>{@code outbound-policy} — 500212: the home organisation's outbound settings;</li>
 * <li>{@code inbound-policy} — 500213: this tenant's inbound settings.</li>
 * </ul>
 * An external user is a B2B access type on the record or a guest, unless home and resource tenant are
 * recorded as the same. Specificity 55: before the generic Conditional Access scenarios (45), after the
 * legacy-authentication and risk scenarios (60), which explain a guest's 53003 better when they apply.
 */
@Component
@Detector(scenario = B2bBlockedDetector.SCENARIO, family = "conditionalaccess", title = B2bBlockedDetector.TITLE,
        errorCodes = {53000, 53001, 53003, 500212, 500213}, specificity = 55)
public final class B2bBlockedDetector implements ScenarioDetector {
    static final String SCENARIO = "ca.b2b-blocked";
    static final String TITLE = "B2B blocked by Conditional Access";
    private static final Set<Control> DEVICE = EnumSet.of(Control.COMPLIANT_DEVICE, Control.DOMAIN_JOINED_DEVICE);

    private final Snapshots snapshots;

    /** The component: the evaluator arrives (or not) through the optional reference. */
    public B2bBlockedDetector() {
        this(new Snapshots());
    }

    B2bBlockedDetector(Snapshots snapshots) {
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
        return switch (signIn.errorCode()) {
            case 500212 -> List.of(crossTenant(signIn, true, context.detailed()));
            case 500213 -> List.of(crossTenant(signIn, false, context.detailed()));
            case 53000, 53001, 53003 -> Recorded.external(signIn) ? List.of(policy(signIn, context)) : List.of();
            default -> List.of();
        };
    }

    /**
     * The finding without detail, for counting: the classification comes from the code and the confidence
     * from the record, so neither the snapshot's evaluation nor any text is needed.
     */
    private static Finding brief(String classification, Confidence confidence) {
        return Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence)
                .assessment(TITLE).build();
    }

    // ---- 53000 / 53001 / 53003: this tenant's Conditional Access ------------------------------------

    private Finding policy(SignIn s, DetectionContext context) {
        int code = s.errorCode();
        boolean block = code == 53003;
        Set<Control> wanted = block ? EnumSet.of(Control.BLOCK) : code == 53000 ? EnumSet.of(Control.COMPLIANT_DEVICE)
                : EnumSet.of(Control.DOMAIN_JOINED_DEVICE);
        List<AppliedPolicy> failing = Recorded.withResult(s, PolicyResult.FAILURE);
        List<AppliedPolicy> causes = failing.stream().filter(p -> Recorded.anyOf(p, wanted)).toList();
        String classification = block ? "blocked" : "device-requirement";
        // a recorded policy with the control the code names, on a sign-in the record shows as cross-tenant
        boolean confirmed = !causes.isEmpty() && (Recorded.b2bAccess(s) || Recorded.tenantsDiffer(s));
        Confidence confidence = confirmed ? Confidence.HIGH : Confidence.MEDIUM;
        if (!context.detailed()) {
            // counted, not read: the evaluation against the snapshot only names policies for the text
            return brief(classification, confidence);
        }
        Snapshots.Lookup lookup = snapshots.lookup(s, context.tenant());
        SnapshotView view = lookup.view();
        List<Involved> involved = Involved.of(causes.isEmpty() ? failing : causes, view, block ? wanted : DEVICE);
        String names = Text.names(involved.stream().map(Involved::label).toList());
        String control = code == 53000 ? "a device marked as compliant" : "a Microsoft Entra hybrid joined device";

        StringBuilder a = new StringBuilder(900).append(Text.quote(s.userLabel())).append(" is ").append(who(s))
                .append(" and signed in to ").append(Text.quote(s.appLabel())).append(" in this organisation")
                .append(tenant(s.resourceTenantId())).append(", which stopped the sign-in (").append(Text.code(s))
                .append(')');
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification);
        if (involved.isEmpty()) {
            a.append("; the record does not name the policy.");
            f.missing("the policy of this tenant that stopped the guest: the record lists no enforced policy with result "
                    + "failure");
        } else {
            a.append(causes.isEmpty() && failing.isEmpty() ? ": evaluated against the tenant snapshot, " : ": ")
                    .append(involved.size() == 1 ? "policy " : "policies ").append(names)
                    .append(block ? " blocks it." : " requires " + control + ".");
            a.append(PolicyTables.why(involved.get(0), s));
        }
        if (block) {
            a.append(" Policies that block guests usually do so on purpose, for some guest types, partner tenants or "
                    + "applications; whether this partner was meant to be among them is the question to settle.");
        } else {
            a.append(" A guest's device is managed, if at all, by the guest's own organisation and cannot be enrolled "
                    + "in this tenant's Intune or joined to its domain. This tenant sees it as ")
                    .append(code == 53000 ? "compliant" : "hybrid joined").append(" only when its inbound cross-tenant "
                    + "access settings trust the device claims of the guest's home tenant. The record shows the device as ")
                    .append(Text.device(s)).append(": either that trust is off for the guest's organisation, or the "
                    + "device is not ").append(code == 53000 ? "compliant" : "hybrid joined").append(" there either.");
            f.missing("this tenant's cross-tenant access settings for the guest's organisation (whether device claims "
                    + "are trusted): a tenant snapshot does not hold them, so which of the two causes applies stays open");
        }
        if (Text.blank(s.homeTenantId())) {
            f.missing("the guest's home tenant id (homeTenantId) on the record");
        }
        Snapshot.note(f, a, lookup);
        f.confidence(confidence).assessment(a.toString());

        PolicyTables.add(f, involved, s, block ? Map.of(Control.BLOCK, "blocked")
                : Map.of(code == 53000 ? Control.COMPLIANT_DEVICE : Control.DOMAIN_JOINED_DEVICE,
                        "no (" + Text.code(s) + ")"));
        EvidenceTable others = PolicyTables.others(s, involved);
        if (others != null) {
            f.evidence(others);
        }
        f.evidence(accessTable(s));
        f.evidence(EvidenceTable.ofSignIns("Sign-in", List.of(s)));
        String policy = involved.isEmpty() ? "the policy" : "'" + Text.quote(involved.get(0).label()) + "'";
        if (block) {
            f.recommend(Actor.USER, "Ask your contact in the organisation that invited you whether you should have "
                    + "access to " + Text.quote(s.appLabel()) + "; your own IT department cannot change this.", null);
            f.recommend(Actor.ADMIN, "Resource tenant (this organisation): check how guests are in scope of " + policy
                    + " (Users > Guest or external users: the guest types and the external tenants it targets). If this "
                    + "partner should get in, exclude its tenant or this user, and check the change with What If first.",
                    Links.B2B_CA);
            f.recommend(Actor.ADMIN, "Guest's home organisation: nothing in the home tenant can lift this block; it is "
                    + "a policy of the inviting organisation.", null);
        } else {
            f.recommend(Actor.USER, "Use a device your own organisation manages (enrolled in its Intune"
                    + (code == 53001 ? " or joined to its domain" : "") + "); if you have none, ask your contact in the "
                    + "inviting organisation whether guests can be given access without one.", null);
            f.recommend(Actor.ADMIN, "Resource tenant (this organisation): under External Identities > Cross-tenant "
                    + "access settings > Organizational settings, add the guest's organisation" + tenant(s.homeTenantId())
                    + " if it is missing, then Inbound access > Trust settings: trust "
                    + (code == 53000 ? "compliant devices" : "Microsoft Entra hybrid joined devices") + " if you rely "
                    + "on the partner's device management. Otherwise exclude guests from " + policy + " and require MFA "
                    + "of them instead, trusting the partner's MFA in the same settings.", Links.CROSS_TENANT_B2B);
            f.recommend(Actor.ADMIN, "Guest's home organisation" + tenant(s.homeTenantId()) + ": its administrator makes "
                    + "sure the user's device is " + (code == 53000 ? "enrolled and compliant in its Intune"
                    : "hybrid joined") + "; that is all the home tenant can change, and it helps only once this tenant "
                    + "trusts its device claims.", Links.COMPLIANCE);
        }
        return f.build();
    }

    // ---- 500212 / 500213: cross-tenant access settings ----------------------------------------------

    private static Finding crossTenant(SignIn s, boolean outbound, boolean detailed) {
        String classification = outbound ? "outbound-policy" : "inbound-policy";
        if (!detailed) {
            // counted, not read: the code alone decides, and firmly
            return brief(classification, Confidence.HIGH);
        }
        StringBuilder a = new StringBuilder(700).append(Text.subject(s)).append(" was refused (").append(Text.code(s))
                .append(") by cross-tenant access settings, not by a Conditional Access policy. ");
        if (outbound) {
            a.append("The user's home organisation").append(tenant(s.homeTenantId())).append(" does not let its users "
                    + "reach this organisation").append(tenant(s.resourceTenantId())).append(": its outbound settings "
                    + "block B2B collaboration with this tenant, this application or this user. Only the home "
                    + "organisation's administrator can change that; nothing in this tenant plays a part.");
        } else {
            a.append("This organisation's").append(tenant(s.resourceTenantId())).append(" inbound settings do not let "
                    + "this user, the users of their organisation").append(tenant(s.homeTenantId())).append(", or this "
                    + "application in for B2B collaboration. Only this tenant's administrator can change that; nothing in "
                    + "the user's home tenant plays a part.");
        }
        if (!Text.blank(s.status().failureReason())) {
            a.append(" The record's failure reason reads: '").append(Text.quote(s.status().failureReason())).append("'.");
        }
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification)
                .confidence(Confidence.HIGH).assessment(a.toString())
                .evidence(accessTable(s)).evidence(EvidenceTable.ofSignIns("Sign-in", List.of(s)));
        if (Text.blank(s.homeTenantId())) {
            f.missing("the user's home tenant id (homeTenantId) on the record");
        }
        f.missing("the cross-tenant access settings of " + (outbound ? "the home" : "this") + " organisation: a tenant "
                + "snapshot does not hold them, so which rule (default or partner-specific; users, groups or "
                + "applications) refused the access is not known");
        if (outbound) {
            f.recommend(Actor.USER, "Ask your own IT department to allow access to the inviting organisation"
                    + tenant(s.resourceTenantId()) + " and to " + Text.quote(s.appLabel()) + ".", null);
            f.recommend(Actor.ADMIN, "Guest's home organisation" + tenant(s.homeTenantId()) + ": under External "
                    + "Identities > Cross-tenant access settings, open the entry for this partner (or the default "
                    + "settings) > Outbound access > B2B collaboration, and allow the users or groups and the external "
                    + "applications that need access.", Links.CROSS_TENANT_B2B);
            f.recommend(Actor.ADMIN, "Resource tenant (this organisation): nothing to change here; tell the partner "
                    + "which tenant id and application their user needs.", Links.CROSS_TENANT);
        } else {
            f.recommend(Actor.USER, "Ask your contact in the inviting organisation to have your access allowed; your own "
                    + "IT department cannot change this.", null);
            f.recommend(Actor.ADMIN, "Resource tenant (this organisation): under External Identities > Cross-tenant "
                    + "access settings, open the entry for the guest's organisation" + tenant(s.homeTenantId())
                    + " (or the default settings) > Inbound access > B2B collaboration, and allow the external users or "
                    + "groups and the applications they need. The same settings are checked when a guest is invited.",
                    Links.CROSS_TENANT_B2B);
            f.recommend(Actor.ADMIN, "Guest's home organisation: nothing in the home tenant lifts this; only the "
                    + "inviting organisation's inbound settings do.", Links.CROSS_TENANT);
        }
        return f.build();
    }

    // ---- shared -------------------------------------------------------------------------------------

    /** "a guest from another organisation (home tenant …, access type b2bCollaboration)". */
    private static String who(SignIn s) {
        StringBuilder b = new StringBuilder(s.userType() == UserType.GUEST ? "a guest"
                : "an external user").append(" from another organisation (");
        b.append(Text.blank(s.homeTenantId()) ? "home tenant not recorded" : "home tenant " + Text.quote(s.homeTenantId()));
        if (!Text.blank(s.crossTenantAccessTypeValue())) {
            b.append(", access type ").append(Text.quote(s.crossTenantAccessTypeValue()));
        }
        return b.append(')').toString();
    }

    private static String tenant(String id) {
        return Text.blank(id) ? "" : " (tenant " + Text.quote(id) + ")";
    }

    private static EvidenceTable accessTable(SignIn s) {
        return new EvidenceTable("Cross-tenant access", List.of("Field", "Value"), List.of(
                List.of("User", Text.quote(s.userLabel())),
                List.of("User type", Text.quote(s.userTypeValue())),
                List.of("Cross-tenant access type", Text.quote(s.crossTenantAccessTypeValue())),
                List.of("Home tenant", Text.quote(s.homeTenantId())),
                List.of("Resource tenant", Text.quote(s.resourceTenantId())),
                List.of("Device", Text.device(s))));
    }
}
