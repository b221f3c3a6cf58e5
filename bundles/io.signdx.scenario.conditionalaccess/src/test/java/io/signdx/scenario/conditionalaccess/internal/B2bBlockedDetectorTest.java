package io.signdx.scenario.conditionalaccess.internal;

import static io.signdx.scenario.conditionalaccess.internal.BlockedDetectorTest.table;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.applies;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.evaluation;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.policy;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.satisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.policy.Condition;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.Detectors;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class B2bBlockedDetectorTest {
    private static final String GUEST = "ines.okafor_fabrikam.example#EXT#@northwind.example";
    private final SignIns fx = new SignIns();
    private final B2bBlockedDetector detector = new B2bBlockedDetector();

    private static boolean says(Finding f, Actor actor, String text) {
        for (Recommendation r : f.recommendations()) {
            if (r.actor() == actor && r.action().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theDemosGuestWithoutACompliantDeviceIsADeviceRequirement() {
        SignIn s = Demo.guestCompliance(fx, GUEST).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("ca.b2b-blocked", f.scenario());
        assertEquals("device-requirement", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("is a guest from another organisation (home tenant " + Demo.PARTNER_TENANT
                + ", access type b2bCollaboration)"), f.assessment());
        assertTrue(f.assessment().contains("'Guests: require compliant device for SharePoint' requires a device marked "
                + "as compliant"), f.assessment());
        assertTrue(f.assessment().contains("trust the device claims of the guest's home tenant"), f.assessment());
        // what each side can change
        assertTrue(says(f, Actor.ADMIN, "Resource tenant (this organisation)"));
        assertTrue(says(f, Actor.ADMIN, "Trust settings: trust compliant devices"));
        assertTrue(says(f, Actor.ADMIN, "Guest's home organisation (tenant " + Demo.PARTNER_TENANT + ")"));
        assertTrue(says(f, Actor.USER, "Use a device your own organisation manages"));
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("whether device claims are trusted")));
        assertEquals(List.of("Home tenant", Demo.PARTNER_TENANT), table(f, "Cross-tenant access").rows().get(3));
    }

    @Test
    void aHybridJoinRequirementForAnExternalMemberIsADeviceRequirementToo() {
        SignIn s = Demo.guestCompliance(fx, GUEST).status(new Status(53001, null, null))
                .userTypeValue("member").appliedConditionalAccessPolicies(List.of(new AppliedPolicy(
                        "p-h", "Require hybrid join", "failure", List.of("RequireDomainJoinedDevice"), List.of(),
                        Set.of("users"), Set.of()))).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("device-requirement", f.classification());
        assertTrue(f.assessment().startsWith(GUEST + " is an external user"), f.assessment());
        assertTrue(says(f, Actor.ADMIN, "trust Microsoft Entra hybrid joined devices"));
    }

    @Test
    void aMemberOfThisTenantIsNotB2b() {
        SignIn member = Demo.financeCompliance(fx, "fin@northwind.example").build();
        assertTrue(DetailParity.run(detector, member, TestContext.empty()).isEmpty());
        // a guest account whose home tenant is this one (a local guest) is not cross-tenant either
        SignIn localGuest = Demo.guestCompliance(fx, GUEST).homeTenantId(Demo.TENANT).build();
        assertTrue(DetailParity.run(detector, localGuest, TestContext.empty()).isEmpty());
    }

    @Test
    void aGuestWhoseHomeTenantIsNotRecordedIsLessCertain() {
        SignIn s = Demo.guestCompliance(fx, GUEST).homeTenantId(null).crossTenantAccessTypeValue(null).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().contains("the guest's home tenant id (homeTenantId) on the record"));
    }

    @Test
    void aBlockedGuestIsToldWhoCanLiftIt() {
        SignIn s = Demo.guestCompliance(fx, GUEST).status(new Status(53003, null, null))
                .appliedConditionalAccessPolicies(Demo.applied(Demo.BLOCK_LEGACY, "failure")).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("blocked", f.classification());
        assertTrue(says(f, Actor.ADMIN, "Guest or external users"));
        assertTrue(says(f, Actor.ADMIN, "nothing in the home tenant can lift this block"));
    }

    @Test
    void outboundSettingsBelongToTheHomeAdministrator() {
        Finding f = DetailParity.only(detector, Demo.guestCrossTenant(fx, GUEST, 500212).build(), TestContext.empty());
        assertEquals("outbound-policy", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("Only the home organisation's administrator can change that"),
                f.assessment());
        assertTrue(says(f, Actor.ADMIN, "Guest's home organisation (tenant " + Demo.PARTNER_TENANT + "): under External "
                + "Identities > Cross-tenant access settings"));
        assertTrue(says(f, Actor.ADMIN, "Resource tenant (this organisation): nothing to change here"));
    }

    @Test
    void inboundSettingsBelongToTheResourceAdministrator() {
        Finding f = DetailParity.only(detector, Demo.guestCrossTenant(fx, GUEST, 500213).build(), TestContext.empty());
        assertEquals("inbound-policy", f.classification());
        assertTrue(f.assessment().contains("Only this tenant's administrator can change that"), f.assessment());
        assertTrue(says(f, Actor.ADMIN, "Inbound access > B2B collaboration"));
        assertTrue(says(f, Actor.ADMIN, "Guest's home organisation: nothing in the home tenant lifts this"));
        assertTrue(f.assessment().contains("The record's failure reason reads"), "the record's own text is quoted");
    }

    @Test
    void withASnapshotTheGuestConditionShowsTheGuestType() {
        SignIn s = Demo.guestCompliance(fx, GUEST).build();
        List<PolicyEvaluation> policies = List.of(applies(policy(Demo.GUEST_DEVICE, "compliantDevice"),
                "Require compliant device", List.of(),
                satisfied(Condition.USERS, "include: guest or external users (b2bCollaborationGuest), all tenants",
                        "guest, b2bCollaborationGuest from " + Demo.PARTNER_TENANT,
                        "included as a B2B collaboration guest"),
                satisfied(Condition.APPLICATIONS, "include: Office 365 SharePoint Online", "Office 365 SharePoint Online",
                        "included: Office 365 SharePoint Online")));
        Finding f = DetailParity.only(new B2bBlockedDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertTrue(f.assessment().contains("users: included as a B2B collaboration guest"), f.assessment());
        assertEquals("included as a B2B collaboration guest", table(f, "conditions").rows().get(0).get(3));
    }

    @Test
    void withoutDetailTheSnapshotIsNotEvaluated() {
        // the code and the record decide a guest's verdict: the evaluation only names policies for the text
        SignIn s = Demo.guestCompliance(fx, GUEST).build();
        List<PolicyEvaluation> policies = List.of(applies(policy(Demo.GUEST_DEVICE, "compliantDevice"),
                "Require compliant device", List.of(), satisfied(Condition.USERS, "include: guest or external users",
                        "guest", "included as a B2B collaboration guest")));
        FakeEvaluator evaluator = FakeEvaluator.answering(evaluation(policies, List.of(), List.of()));
        B2bBlockedDetector counting = new B2bBlockedDetector(evaluator.snapshots());
        TestContext context = TestContext.empty().withTenant(FakeEvaluator.tenant(policies));

        Finding brief = Detectors.only(counting, s, context.brief());
        assertEquals(0, evaluator.calls.get());
        assertEquals("device-requirement", brief.classification());
        assertEquals(Confidence.HIGH, brief.confidence());
        assertEquals(B2bBlockedDetector.TITLE, brief.assessment());
        Detectors.only(counting, s, context);
        assertEquals(1, evaluator.calls.get(), "with detail the policies are evaluated");
    }

    @Test
    void otherCodesAreNotClaimed() {
        for (int code : new int[] {0, 53002, 50074, 53011}) {
            SignIn s = Demo.guestCompliance(fx, GUEST).errorCode(code).build();
            assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty(), "code " + code);
        }
    }
}
