package io.signdx.scenario.conditionalaccess.internal;

import static io.signdx.scenario.conditionalaccess.internal.BlockedDetectorTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.internal.ConditionalAccessEvaluator;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/**
 * The detectors with the real CA evaluator (bundle io.signdx.policy) and a snapshot shaped like the demo
 * tenant's: the tables show the evaluator's reasons, e.g. the group through which the user is included.
 */
class RealEvaluatorTest {
    private static final String EXCHANGE = SignIns.EXCHANGE_APP_ID;
    private static final String HQ = "b7a3c1e9-0001-4d2f-8a6b-000000000001";
    private static final String FIN_UPN = "fin@northwind.example";
    private static final String GUEST_UPN = "ines_fabrikam.example#EXT#@northwind.example";

    private final SignIns fx = new SignIns();

    private static PolicyConditions.Users users(List<String> include, List<String> groups) {
        return new PolicyConditions.Users(include, List.of(), groups, List.of(), List.of(), List.of(), null, null);
    }

    private static PolicyConditions conditions(PolicyConditions.Users users, List<String> apps,
            PolicyConditions.IncludeExclude locations, List<String> clientApps) {
        return new PolicyConditions(users, new PolicyConditions.Applications(apps, List.of(), List.of(), List.of(),
                null), null, null, locations, clientApps, null, null, null, null, null, null);
    }

    private static GrantControls grant(String control) {
        return new GrantControls("OR", List.of(control), null, List.of(), List.of());
    }

    /** The demo's policies that matter here, as a tenant snapshot describes them. */
    static TenantContext tenant() {
        return Tenants.builder()
                .policy(new ConditionalAccessPolicy(Demo.BLOCK_LEGACY.id(), Demo.BLOCK_LEGACY.name(), "enabled",
                        conditions(users(List.of("All"), List.of()), List.of("All"), null,
                                List.of("exchangeActiveSync", "other")), grant("block"), null, null))
                .policy(new ConditionalAccessPolicy(Demo.MFA_UNTRUSTED.id(), Demo.MFA_UNTRUSTED.name(), "enabled",
                        conditions(users(List.of("All"), List.of()), List.of("All"),
                                new PolicyConditions.IncludeExclude(List.of("All"), List.of("AllTrusted")),
                                List.of("all")), grant("mfa"), null, null))
                .policy(new ConditionalAccessPolicy(Demo.COMPLIANT_FINANCE.id(), Demo.COMPLIANT_FINANCE.name(),
                        "enabled", conditions(users(List.of(), List.of(Demo.FINANCE_GROUP)), List.of(EXCHANGE), null,
                                List.of("all")), grant("compliantDevice"), null, null))
                .policy(new ConditionalAccessPolicy(Demo.GUEST_DEVICE.id(), Demo.GUEST_DEVICE.name(), "enabled",
                        conditions(users(List.of("GuestsOrExternalUsers"), List.of()), List.of(Demo.SHAREPOINT), null,
                                List.of("all")), grant("compliantDevice"), null, null))
                .policy(new ConditionalAccessPolicy(Demo.HR_FREQUENCY.id(), Demo.HR_FREQUENCY.name(), "enabled",
                        conditions(users(List.of("All"), List.of()), List.of(Demo.HR_APP), null, List.of("all")), null,
                        new SessionControls(new SessionControls.SignInFrequency(8, "hours", "timeBased", null), null,
                                null, null, null, null, null), null))
                .namedLocation(new NamedLocation(HQ, "Northwind HQ", NamedLocation.Kind.IP_RANGES, true,
                        List.of("203.0.113.0/26"), List.of(), false, null))
                .group(Demo.FINANCE_GROUP, "Finance")
                .user(new DirectoryUser("id-" + FIN_UPN, FIN_UPN, "Fin", "Member", Set.of(Demo.FINANCE_GROUP), Set.of()))
                .user(new DirectoryUser("id-" + GUEST_UPN, GUEST_UPN, "Ines", "Guest", Set.of(), Set.of()))
                .build();
    }

    private static Snapshots real() {
        return new Snapshots(PolicyBridge.wrap(new ConditionalAccessEvaluator()));
    }

    private static String rows(EvidenceTable t) {
        return t.rows().toString();
    }

    @Test
    void theFinanceMemberIsIncludedThroughTheFinanceGroup() {
        SignIn s = Demo.financeCompliance(fx, FIN_UPN).build();
        Finding f = DetailParity.only(new FailedDetector(real()), s, TestContext.empty().withTenant(tenant()));
        EvidenceTable conditions = table(f, "'Finance: require compliant device for Exchange': conditions");
        assertEquals("Users", conditions.rows().get(0).get(0));
        assertTrue(conditions.rows().get(0).get(3).contains("included through group Finance"), rows(conditions));
        assertTrue(f.assessment().contains("included through group Finance"), f.assessment());
        // the snapshot holds five of the demo's nine policies: the others are reported as missing from it,
        // while the ones it holds agree with the record
        EvidenceTable disagreements = table(f, "disagree");
        assertEquals(4, disagreements.rows().size(), rows(disagreements));
        assertTrue(disagreements.rows().stream().allMatch(r -> r.get(2).equals("not in the snapshot")),
                rows(disagreements));
        assertFalse(f.missing().contains(Snapshots.NO_SNAPSHOT));
    }

    @Test
    void mfaOutsideTrustedLocationsNamesTheLocation() {
        SignIn s = Demo.mfaOutside(fx, FIN_UPN, 50074).build();
        Finding f = DetailParity.only(new MfaDetector(real()), s, TestContext.empty().withTenant(tenant()));
        EvidenceTable conditions = table(f, "conditions");
        assertTrue(conditions.rows().stream().anyMatch(r -> r.get(0).equals("Locations")), rows(conditions));
    }

    @Test
    void theGuestIsIncludedAsAGuest() {
        SignIn s = Demo.guestCompliance(fx, GUEST_UPN).build();
        Finding f = DetailParity.only(new B2bBlockedDetector(real()), s, TestContext.empty().withTenant(tenant()));
        EvidenceTable conditions = table(f, "'Guests: require compliant device for SharePoint': conditions");
        assertTrue(conditions.rows().get(0).get(3).contains("guest"), rows(conditions));
    }

    @Test
    void theLegacyBlockShowsTheClientAppCondition() {
        SignIn s = Demo.legacyBlock(fx, FIN_UPN).build();
        Finding f = DetailParity.only(new BlockedDetector(real()), s, TestContext.empty().withTenant(tenant()));
        assertEquals("client-app", f.classification(), rows(table(f, "conditions")));
    }

    @Test
    void theHrSessionControlIsWorded() {
        SignIn s = Demo.hrFrequency(fx, FIN_UPN).build();
        Finding f = DetailParity.only(new FailedDetector(real()), s, TestContext.empty().withTenant(tenant()));
        EvidenceTable session = table(f, "session controls");
        assertTrue(rows(session).contains("8 hours"), rows(session));
    }

    @Test
    void aDeviceCodeSignInIsBlockedByTheAuthenticationFlowItRecorded() {
        String id = "a1c3e5f7-0010-4b2d-8e6f-1a3c5e7f9b10";
        String name = "Block device code flow";
        TenantContext tenant = Tenants.builder()
                .policy(new ConditionalAccessPolicy(id, name, "enabled", new PolicyConditions(users(List.of("All"),
                        List.of()), new PolicyConditions.Applications(List.of("All"), List.of(), List.of(), List.of(),
                                null), null, null, null, List.of("all"), null, null, null, null,
                        List.of("deviceCodeFlow"), null), grant("block"), null, null))
                .user(new DirectoryUser("id-" + FIN_UPN, FIN_UPN, "Fin", "Member", Set.of(), Set.of()))
                .build();
        // Graph beta records how the session began; the protocol alone (oAuth2) would not show it
        SignIn s = fx.failure(FIN_UPN, 53003).authenticationProtocol("oAuth2").originalTransferMethod("deviceCodeFlow")
                .clientAppUsed("Mobile Apps and Desktop clients").conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(id, name, "failure", List.of("Block"),
                        List.of(), Set.of("users", "application", "authenticationFlows"), Set.of())))
                .build();
        Finding f = DetailParity.only(new BlockedDetector(real()), s, TestContext.empty().withTenant(tenant));
        assertEquals("authentication-flow", f.classification(), rows(table(f, "conditions")));
        EvidenceTable conditions = table(f, "'" + name + "': conditions");
        assertTrue(conditions.rows().stream().anyMatch(r -> r.get(0).equals("Authentication flows")
                && r.toString().contains("deviceCodeFlow")), rows(conditions));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("device code sign-in ('deviceCodeFlow')")),
                f.recommendations().toString());
        assertFalse(hasDisagreement(f), "the snapshot agrees with the record");

        // the same record without the field (Graph v1.0): the evaluator cannot see the flow and says so
        Finding v1 = DetailParity.only(new BlockedDetector(real()), s.toBuilder().originalTransferMethod(null).build(),
                TestContext.empty().withTenant(tenant));
        assertTrue(hasDisagreement(v1), "evaluated from the protocol alone, the policy would not have applied");
    }

    private static boolean hasDisagreement(Finding f) {
        return f.evidence().stream().anyMatch(t -> t.title().contains("disagree"));
    }
}
