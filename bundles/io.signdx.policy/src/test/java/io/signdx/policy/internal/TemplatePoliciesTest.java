package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.Tenants;

/**
 * Real exported policy templates (test resources, see their NOTICE), as their authors wrote them:
 * placeholders instead of group ids, strings where Graph has lists, report-only state.
 */
class TemplatePoliciesTest {
    private static final ConditionalAccessPolicy STRONG_AUTH = GraphPolicies.resource("200-strong-auth-or-trusted-location.json");
    private static final ConditionalAccessPolicy DEVICE_CODE = GraphPolicies.resource("307-block-device-code-flow.json");
    private static final ConditionalAccessPolicy NO_PERSISTENT = GraphPolicies.resource("500-no-persistent-browser-untrusted-device.json");
    private static final ConditionalAccessPolicy O365_MOBILE = GraphPolicies.resource("502-o365-app-protection-mobile.json");
    private static final ConditionalAccessPolicy ADMIN_SIF = GraphPolicies.resource("509-sign-in-frequency-admins.json");

    /** The templates have no ids: give each one, turned on, as an administrator would after importing them. */
    private static ConditionalAccessPolicy on(ConditionalAccessPolicy p, String id) {
        return new ConditionalAccessPolicy(id, p.displayName(), "enabled", p.conditions(), p.grantControls(),
                p.sessionControls(), p.origin());
    }

    private static TenantContext tenant() {
        return Tenants.builder().policy(on(STRONG_AUTH, "200")).policy(on(DEVICE_CODE, "307")).policy(on(NO_PERSISTENT, "500"))
                .policy(on(O365_MOBILE, "502")).policy(on(ADMIN_SIF, "509")).policy(STRONG_AUTH).build();
    }

    private static PolicyEvaluation policy(Evaluation e, String id) {
        return e.policy(id).orElseThrow();
    }

    private static ConditionVerdict verdict(Evaluation e, String id, Condition c) {
        return Eval.verdict(e, id, c);
    }

    @Test
    void theFixturesReadAsWritten() {
        assertEquals("enabledForReportingButNotEnforced", STRONG_AUTH.state());
        assertEquals(List.of("deviceCodeFlow"), DEVICE_CODE.conditions().authenticationFlowTransferMethods());
        assertNull(DEVICE_CODE.conditions().locations(), "\"locations\": [] means not configured");
        assertEquals("exclude", NO_PERSISTENT.conditions().devices().mode());
        assertEquals(List.of("Office365"), O365_MOBILE.conditions().applications().includeApplications());
        assertEquals(108, ADMIN_SIF.conditions().users().includeRoles().size());
    }

    @Test
    void placeholderExclusionsLeaveUsersOpenForAnyoneIncluded() {
        Evaluation e = Eval.run(tenant(), alice().build());
        ConditionVerdict users = verdict(e, "307", Condition.USERS);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, users);
        assertReason(users, "group placeholder <ExclusionTempGroup> instead of a group id");
        assertTrue(e.missing().stream().anyMatch(m -> m.contains("placeholders")), e.missing().toString());
    }

    @Test
    void deviceCodeFlowTemplate() {
        Evaluation e = Eval.run(tenant(), alice().authenticationFlow("deviceCodeFlow").build());
        assertVerdict(Verdict.SATISFIED, verdict(e, "307", Condition.AUTHENTICATION_FLOWS));
        assertVerdict(Verdict.SATISFIED, verdict(e, "307", Condition.CLIENT_APP_TYPES));
        assertVerdict(Verdict.NOT_CONFIGURED, verdict(e, "307", Condition.LOCATIONS));
        assertNull(policy(e, "307").applies(), "only the placeholder exclusions keep it open");
        assertEquals("Block access", policy(e, "307").grant());
        assertEquals(Grant.Outcome.UNKNOWN, e.grant().outcome(), "an undecided block leaves the outcome open");

        Evaluation browser = Eval.run(tenant(), alice().build());
        assertEquals(Boolean.FALSE, policy(browser, "307").applies());
        assertEquals("authentication flow none is not included", policy(browser, "307").firstNotSatisfied().orElseThrow().reason());
    }

    @Test
    void strongAuthOutsideTrustedLocations() {
        Evaluation e = Eval.run(tenant(), alice().build());
        PolicyEvaluation p = policy(e, "200");
        assertEquals("Require authentication strength Phishing-resistant MFA", p.grant());
        ConditionVerdict loc = verdict(e, "200", Condition.LOCATIONS);
        assertVerdict(Verdict.SATISFIED, loc);
        assertEquals("include: any location (All); exclude: all trusted locations (AllTrusted: the trusted named locations; "
                + "the MFA service's trusted IPs are not in a snapshot)", loc.configured());
        // the unchanged report-only copy has no id and stays apart from the enforced grant
        assertTrue(e.policies().stream().anyMatch(x -> x.policy().id() == null && x.reportOnly()));
    }

    @Test
    void noPersistentBrowserOnUntrustedDevices() {
        SignInFacts unregistered = alice().deviceProperties(Map.of()).build();
        Evaluation e = Eval.run(tenant(), unregistered);
        ConditionVerdict device = verdict(e, "500", Condition.DEVICE_FILTER);
        assertVerdict(Verdict.SATISFIED, device);
        assertEquals("exclude devices matching device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"", device.configured());
        assertEquals(List.of("Persistent browser session: never"), policy(e, "500").session());
        assertEquals("", policy(e, "500").grant());

        Evaluation compliant = Eval.run(tenant(), alice().build());
        assertVerdict(Verdict.NOT_SATISFIED, verdict(compliant, "500", Condition.DEVICE_FILTER));
    }

    @Test
    void office365OnMobile() {
        SignInFacts phone = alice().platform("iOS").clientAppType("mobileAppsAndDesktopClients").deviceProperties(Map.of())
                .build();
        Evaluation e = Eval.run(tenant(), phone);
        assertVerdict(Verdict.SATISFIED, verdict(e, "502", Condition.APPLICATIONS));
        assertVerdict(Verdict.SATISFIED, verdict(e, "502", Condition.PLATFORMS));
        assertVerdict(Verdict.SATISFIED, verdict(e, "502", Condition.CLIENT_APP_TYPES));
        assertEquals("Require one of: app protection policy, approved client app", policy(e, "502").grant());

        Evaluation guest = Eval.run(tenant(), alice().platform("iOS").clientAppType("mobileAppsAndDesktopClients")
                .guestOrExternalUserType("b2bCollaborationGuest").build());
        ConditionVerdict users = verdict(guest, "502", Condition.USERS);
        assertVerdict(Verdict.NOT_SATISFIED, users);
        assertEquals("excluded: a guest or external user (b2bCollaborationGuest)", users.reason());
    }

    @Test
    void adminRolesWithShortSignInFrequency() {
        Evaluation admin = Eval.run(tenant(), alice().roleTemplateIds(Set.of(Eval.GLOBAL_ADMIN)).build());
        ConditionVerdict users = verdict(admin, "509", Condition.USERS);
        assertTrue(users.configured().contains("role Global Administrator"), users.configured());
        assertTrue(users.configured().contains("and 98 more"), users.configured());
        // the administrator is included through the role, but the placeholder exclusions stay open
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, users);
        assertReason(users, "included through role Global Administrator; whether it is excluded is unknown");
        assertEquals(List.of("Sign-in frequency every 1 hours"), policy(admin, "509").session());

        // a member without a role might still be in the group behind <AdministratorGroup>
        Evaluation member = Eval.run(tenant(), alice().build());
        assertNull(policy(member, "509").applies());
        assertReason(verdict(member, "509", Condition.USERS), "<AdministratorGroup>");
    }
}
