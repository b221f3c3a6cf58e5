package io.signdx.scenario.conditionalaccess.internal;

import static io.signdx.scenario.conditionalaccess.internal.BlockedDetectorTest.hasTable;
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
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailedDetectorTest {
    private final SignIns fx = new SignIns();
    private final FailedDetector detector = new FailedDetector();

    private static AppliedPolicy failing(String name, String... grant) {
        return new AppliedPolicy("id-" + name, name, "failure", List.of(grant), List.of(), Set.of("users", "application"),
                Set.of());
    }

    private SignIn.Builder failure(int code, AppliedPolicy... policies) {
        return fx.failure("ann@northwind.example", code).conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(policies));
    }

    @Test
    void theDemosFinanceComplianceFailureIsACompliantDeviceCase() {
        SignIn s = Demo.financeCompliance(fx, "fin@northwind.example").build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("ca.failed", f.scenario());
        assertEquals("compliant-device", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("policy 'Finance: require compliant device for Exchange' applied"),
                f.assessment());
        assertTrue(f.assessment().contains("this device (iOS 18, not registered in Microsoft Entra ID) is not"),
                f.assessment());
        assertEquals(List.of("Require device to be marked as compliant", "iOS 18, not registered in Microsoft Entra ID",
                "no (AADSTS53000)"), table(f, "access controls").rows().get(0));
        assertEquals(List.of("Require MFA outside trusted locations", "success", "Require multifactor authentication", ""),
                table(f, "Other policies that applied").rows().get(0));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && r.action().startsWith("Enroll this device in Intune")), f.recommendations().toString());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().contains("Devices > All devices")));
    }

    @ParameterizedTest
    @CsvSource({
        "53000, RequireCompliantDevice, compliant-device, Require device to be marked as compliant",
        "53001, RequireDomainJoinedDevice, hybrid-join, Require Microsoft Entra hybrid joined device",
        "53002, RequireApprovedApp, approved-app, Require approved client app",
        "530021, RequireApprovedApp, approved-app, Require approved client app",
        "53009, RequireCompliantApp, app-protection, Require app protection policy"})
    void theCodeNamesTheControlThatWasNotMet(int code, String grant, String classification, String words) {
        SignIn s = failure(code, failing("Policy " + code, grant, "Mfa")).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals(classification, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        var rows = table(f, "access controls").rows();
        assertEquals(List.of(words, "no (AADSTS" + code + ")"), List.of(rows.get(0).get(0), rows.get(0).get(2)));
        assertEquals("Require multifactor authentication", rows.get(1).get(0));
        assertTrue(f.assessment().contains("The policy also lists Require multifactor authentication; whether one of "
                + "them would have been enough is not on the record"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER), classification);
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN), classification);
    }

    @Test
    void theApprovedAppGrantIsToBeReplaced() {
        Finding f = DetailParity.only(detector, failure(53002, failing("Mobile: approved apps", "RequireApprovedApp"))
                .clientAppUsed("Mobile Apps and Desktop clients").build(), TestContext.empty());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null
                && r.link().equals(Links.MIGRATE_APPROVED_APP)), f.recommendations().toString());
    }

    @Test
    void anUnsupportedPlatformIsExplained() {
        SignIn s = failure(50005, failing("Block unknown platforms", "Block"))
                .deviceDetail(new DeviceDetail(null, null, "Linux", "Firefox 130", null, null, null)).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("platform-unsupported", f.classification());
        assertTrue(f.assessment().contains("the record shows 'Linux'"), f.assessment());
    }

    @ParameterizedTest
    @CsvSource({"70043, refresh token", "70044, session was ended"})
    void theDemosSignInFrequencyIsThePolicyWorking(int code, String meaning) {
        SignIn s = Demo.hrFrequency(fx, "hr@northwind.example").errorCode(code).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("sign-in-frequency", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains(meaning), f.assessment());
        assertTrue(f.assessment().contains("not a fault"), f.assessment());
        assertEquals(List.of("Sign-in frequency", "in the policy; not on the sign-in record"),
                table(f, "session controls").rows().get(0));
    }

    @Test
    void withASnapshotTheSessionTableShowsTheFrequency() {
        SignIn s = Demo.hrFrequency(fx, "hr@northwind.example").build();
        ConditionalAccessPolicy hr = policy(Demo.HR_FREQUENCY);
        List<PolicyEvaluation> policies = List.of(applies(hr, "", List.of("Sign-in frequency: every 8 hours"),
                satisfied(Condition.APPLICATIONS, "include: Northwind HR (SAML)", "Northwind HR (SAML)",
                        "included: Northwind HR (SAML)")));
        Finding f = DetailParity.only(new FailedDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertEquals(List.of("Sign-in frequency", "every 8 hours"), table(f, "session controls").rows().get(0));
        assertTrue(f.assessment().contains("(Sign-in frequency: every 8 hours)"), f.assessment());
        assertTrue(f.assessment().contains("because target resources: included: Northwind HR (SAML)"), f.assessment());
    }

    @Test
    void withASnapshotAnOrGrantNamesTheWayAround() {
        SignIn s = failure(53000, failing("Exchange: compliant device or MFA", "RequireCompliantDevice", "Mfa")).build();
        ConditionalAccessPolicy p = new ConditionalAccessPolicy("id-Exchange: compliant device or MFA",
                "Exchange: compliant device or MFA", "enabled", PolicyConditions.EMPTY,
                new GrantControls("OR", List.of("compliantDevice", "mfa"), null, List.of(), List.of()), null, null);
        List<PolicyEvaluation> policies = List.of(applies(p, "Require one of: compliant device, MFA", List.of(),
                satisfied(Condition.USERS, "include: All users", "ann", "included: All users")));
        Finding f = DetailParity.only(new FailedDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertTrue(f.assessment().contains("accepts any one of its controls: Require multifactor authentication would "
                + "also have let the user in"), f.assessment());
        assertTrue(table(f, "access controls").title().endsWith("(one of them required)"));
    }

    @Test
    void anUnregisteredDesktopBrowserIsPointedAtTheBrowser() {
        SignIn s = failure(53000, failing("All: compliant device", "RequireCompliantDevice")).clientAppUsed("Browser")
                .deviceDetail(new DeviceDetail(null, null, "Windows 10", "Chrome 131.0.0", null, null, null)).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.assessment().contains("in any other browser even a compliant device looks unregistered"),
                f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null
                && r.link().equals(Links.SUPPORTED_BROWSERS)));
    }

    @Test
    void aRegisteredNonCompliantDeviceIsSentToCompanyPortal() {
        SignIn s = failure(53000, failing("All: compliant device", "RequireCompliantDevice"))
                .deviceDetail(new DeviceDetail("dev-1", "ANN-PC", "Windows 11", "Edge", false, true, "Azure AD joined"))
                .build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.assessment().contains("Intune reports it as not compliant"), f.assessment());
        assertEquals("no (AADSTS53000)", table(f, "access controls").rows().get(0).get(2));
        assertTrue(f.recommendations().get(0).action().startsWith("Open the Company Portal app"));
    }

    @ParameterizedTest
    @CsvSource({"50097, RequireDomainJoinedDevice, hybrid-join", "50155, RequireDomainJoinedDevice, hybrid-join",
        "50129, RequireCompliantDevice, compliant-device", "50097, RequireCompliantDevice, compliant-device"})
    void deviceAuthenticationCodesFollowTheFailingGrant(int code, String grant, String classification) {
        Finding f = DetailParity.only(detector, failure(code, failing("Devices", grant)).build(), TestContext.empty());
        assertEquals(classification, f.classification());
        assertTrue(f.assessment().contains("AADSTS" + code + " means"), f.assessment());
    }

    @Test
    void deviceAuthenticationWithoutConditionalAccessIsNotClaimed() {
        for (int code : new int[] {50097, 50155, 50129, 50158}) {
            SignIn s = fx.failure("ann@northwind.example", code).conditionalAccessStatusValue("notApplied")
                    .appliedConditionalAccessPolicies(Demo.applied()).build();
            assertTrue(DetailParity.run(detector, s, TestContext.empty()).isEmpty(), "code " + code);
        }
    }

    @ParameterizedTest
    @CsvSource({"termsOfUse, terms-of-use", "AuthenticationStrength, authentication-strength",
        "Duo MFA, custom-control"})
    void anExternalChallengeIsClassifiedByTheFailingGrant(String grant, String classification) {
        Finding f = DetailParity.only(detector, failure(50158, failing("Challenge", grant)).build(),
                TestContext.empty());
        assertEquals(classification, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
    }

    @Test
    void withoutTheFailingPolicyTheFindingSaysWhatIsMissing() {
        SignIn s = fx.failure("ann@northwind.example", 53000).conditionalAccessStatusValue(null).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("compliant-device", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("the policy whose controls were not met")));
        assertTrue(!hasTable(f, "': conditions"));
    }

    @Test
    void aRecordWithoutDeviceDetailsSaysSo() {
        SignIn s = failure(53001, failing("Hybrid", "RequireDomainJoinedDevice")).deviceDetail(null).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("the device details")), f.missing().toString());
    }

    @Test
    void otherCodesAreNotClaimed() {
        for (int code : new int[] {0, 53003, 50074, 50126}) {
            assertTrue(DetailParity.detect(detector, Demo.financeCompliance(fx, "a@b.example").errorCode(code).build(),
                    TestContext.empty()).isEmpty(), "code " + code);
        }
    }
}
