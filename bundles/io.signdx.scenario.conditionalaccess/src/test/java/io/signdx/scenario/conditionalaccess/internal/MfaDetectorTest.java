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
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.policy.Condition;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfaDetectorTest {
    private final SignIns fx = new SignIns();
    private final MfaDetector detector = new MfaDetector();

    @ParameterizedTest
    @ValueSource(ints = {50074, 50076})
    void theDemosMfaOutsideTrustedLocationsIsCaMfa(int code) {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", code).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("ca.mfa", f.scenario());
        assertEquals("mfa", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("policy 'Require MFA outside trusted locations' applies to it"),
                f.assessment());
        assertTrue(f.assessment().contains("AADSTS" + code + " "), f.assessment());
        assertEquals(code == 50074 ? "not yet: the user was sent to the MFA prompt"
                : "no: the request brought single-factor proof only", table(f, "access controls").rows().get(0).get(2));
        assertEquals(List.of("multiConditionalAccess", "Require MFA outside trusted locations", "Conditional Access"),
                table(f, "Authentication requirement policies").rows().get(0));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && r.link().equals(Links.SECURITY_INFO)));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().contains("trusted named location")));
    }

    @Test
    void aNonInteractive50076IsExplainedAsATokenWithoutMfa() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50076).isInteractive(false).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.assessment().contains("non-interactive request reused a token"), f.assessment());
    }

    @Test
    void perUserMfaIsNotCaMfa() {
        assertTrue(DetailParity.run(detector, Demo.perUserMfa(fx, "ann@northwind.example").build(), TestContext.empty())
                .isEmpty());
        // even with a policy enforcing MFA on the record: the providers say who asked
        SignIn both = Demo.perUserMfa(fx, "ann@northwind.example")
                .appliedConditionalAccessPolicies(Demo.applied(Demo.MFA_UNTRUSTED, "success")).build();
        assertTrue(DetailParity.run(detector, both, TestContext.empty()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"securityDefaults", "mfaRegistrationRequiredByMultiConditionalAccess",
        "mfaRegistrationRequiredBySecurityDefaults", "tenantSessionRiskPolicy"})
    void otherProvidersAreLeftToTheMfaScenarios(String provider) {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074)
                .authenticationRequirementPolicies(List.of(new RequirementPolicy(provider, null))).build();
        assertTrue(DetailParity.run(detector, s, TestContext.empty()).isEmpty(), provider);
    }

    @Test
    void aCaProviderNextToPerUserMfaIsClaimedAndSaysSo() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074).authenticationRequirementPolicies(List.of(
                new RequirementPolicy("multiConditionalAccess", null), new RequirementPolicy("user", null))).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.assessment().contains("also names a requirement other than Conditional Access"), f.assessment());
    }

    @Test
    void withoutProvidersAnEnforcedMfaPolicyIsEnough() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074).authenticationRequirementPolicies(null).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().contains("the authentication requirement policies on the record (what asked for MFA)"));
    }

    @Test
    void aCaProviderWithoutAPolicyIsPolicyNotRecorded() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50076).appliedConditionalAccessPolicies(null).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("policy-not-recorded", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("the policy that required MFA")));
    }

    @Test
    void anAuthenticationStrengthIsClassifiedAsSuch() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074).appliedConditionalAccessPolicies(List.of(
                new AppliedPolicy("p-fido", "Admins: phishing-resistant MFA", "failure",
                        List.of("AuthenticationStrength"), List.of(), Set.of("users", "application"), Set.of())))
                .build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("authentication-strength", f.classification());
        assertTrue(f.assessment().contains("required an authentication strength"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null && r.link().equals(Links.AUTH_STRENGTH)));
    }

    @Test
    void withASnapshotTheLocationThatTriggeredMfaIsNamed() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074).build();
        List<PolicyEvaluation> policies = List.of(applies(policy(Demo.MFA_UNTRUSTED, "mfa"), "Require MFA", List.of(),
                satisfied(Condition.USERS, "include: All users", "ann", "included: All users"),
                satisfied(Condition.LOCATIONS, "include: any location; exclude: all trusted locations", "198.51.100.12",
                        "198.51.100.12 is in no trusted location")));
        FakeEvaluator evaluator = FakeEvaluator.answering(evaluation(policies, List.of(), List.of()));
        Finding f = DetailParity.only(new MfaDetector(evaluator.snapshots()), s,
                TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertEquals(2, evaluator.calls.get(), "one evaluation per call, with detail and without");
        assertTrue(f.assessment().contains("locations: 198.51.100.12 is in no trusted location"), f.assessment());
        assertEquals("Locations", table(f, "conditions").rows().get(1).get(0));
    }

    @Test
    void aBareExportIsClaimedOnlyWhenTheSnapshotShowsAnMfaPolicy() {
        // a CSV-like record: no providers, no policies, CA status unknown
        SignIn bare = fx.failure("ann@northwind.example", 50074).conditionalAccessStatusValue(null).build();
        assertTrue(DetailParity.run(detector, bare, TestContext.empty()).isEmpty(), "nothing says CA asked");
        List<PolicyEvaluation> policies = List.of(applies(policy(Demo.MFA_UNTRUSTED, "mfa"), "Require MFA", List.of(),
                satisfied(Condition.USERS, "include: All users", "ann", "included: All users")));
        TestContext withTenant = TestContext.empty().withTenant(FakeEvaluator.tenant(policies));
        Finding f = DetailParity.only(new MfaDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), bare, withTenant);
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.assessment().contains("the record names no policy, and evaluated against the tenant snapshot"),
                f.assessment());
        // a snapshot without an applying MFA policy leaves the record alone
        assertTrue(DetailParity.run(new MfaDetector(FakeEvaluator.answering(evaluation(List.of(), List.of(), List.of()))
                .snapshots()), bare, withTenant).isEmpty());
        // and with CA recorded as not applied it is never claimed
        SignIn notApplied = fx.failure("ann@northwind.example", 50074).build();
        assertTrue(DetailParity.run(new MfaDetector(FakeEvaluator.answering(evaluation(policies, List.of(), List.of()))
                .snapshots()), notApplied, withTenant).isEmpty());
    }

    @Test
    void guestsAreOfferedMfaTrust() {
        SignIn s = Demo.mfaOutside(fx, "ines_fabrikam.example#EXT#@northwind.example", 50074).userTypeValue("guest")
                .homeTenantId(Demo.PARTNER_TENANT).crossTenantAccessTypeValue("b2bCollaboration")
                .appliedConditionalAccessPolicies(Demo.applied(Demo.MFA_GUESTS, "success")).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("trusting MFA done in their home "
                + "organisation")), f.recommendations().toString());
    }

    @Test
    void aSnapshotWithoutEvaluatorIsNotEvaluated() {
        SignIn s = Demo.mfaOutside(fx, "ann@northwind.example", 50074).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty().withTenant(Tenants.builder()
                .policy(policy(Demo.MFA_UNTRUSTED, "mfa")).build()));
        assertTrue(f.missing().contains(Snapshots.NO_EVALUATOR));
    }
}
