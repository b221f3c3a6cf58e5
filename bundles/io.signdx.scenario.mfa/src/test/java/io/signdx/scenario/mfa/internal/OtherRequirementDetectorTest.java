package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OtherRequirementDetectorTest {
    private final OtherRequirementDetector detector = new OtherRequirementDetector();
    private final SignIns fx = new SignIns();

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void perUserMfaOfTheDemoIsExplainedWithAMoveToConditionalAccess() {
        SignIn s = Demo.perUser(fx, "ann@contoso.example").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("mfa.other-requirement", f.scenario());
        assertEquals("per-user-mfa", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("ann@contoso.example"), f.assessment());
        assertTrue(f.assessment().contains("AADSTS50076"), f.assessment());
        assertTrue(f.assessment().contains("per-user MFA"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.link().equals(Links.PER_USER_TO_CA)), f.recommendations().toString());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER));
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("per-user MFA state")), f.missing().toString());
        assertEquals("user", f.evidence().get(0).rows().get(0).get(0));
    }

    @Test
    void theSnapshotsPerUserStateIsQuotedAndCompletesTheVerdict() {
        SignIn s = Demo.perUser(fx, "ann@contoso.example").build();
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().perUserMfa(s.userId(), "Enforced").build()));
        assertTrue(f.assessment().contains("per-user MFA state as enforced"), f.assessment());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void aSnapshotThatDisagreesIsPointedOut() {
        SignIn s = Demo.perUser(fx, "ann@contoso.example").build();
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().perUserMfa(s.userId(), "disabled").build()));
        assertTrue(f.assessment().contains("disagrees"), f.assessment());
    }

    @ParameterizedTest
    @CsvSource({"tenantSessionRiskPolicy,identity-protection", "accountCompromisePolicies,identity-protection",
        "riskBasedPolicy,identity-protection", "request,application-request", "servicePrincipal,application-request",
        "scopeBasedAuthRequirementPolicy,application-request", "enforcedForCspAdmins,partner-admin",
        "crossTenantOutboundRule,cross-tenant", "baselineProtection,baseline-protection",
        "proofUpCodeRequest,security-info", "somethingNewFromGraph,other-provider", "USER,per-user-mfa"})
    void everyNonConditionalAccessProviderHasItsClassification(String provider, String classification) {
        SignIn s = fx.failure("bob@contoso.example", 50074)
                .authenticationRequirementPolicies(List.of(Demo.provider(provider))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals(classification, f.classification());
        assertTrue(f.assessment().contains("AADSTS50074"), f.assessment());
        assertTrue(!f.recommendations().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"multiConditionalAccess", "v1ConditionalAccess", "conditionalAccess", "authenticationStrengths",
        "securityDefaults", "mfaRegistrationRequiredBySecurityDefaults",
        "mfaRegistrationRequiredByMultiConditionalAccess"})
    void conditionalAccessSecurityDefaultsAndRegistrationAreNotClaimed(String provider) {
        SignIn s = fx.failure("bob@contoso.example", 50076)
                .authenticationRequirementPolicies(List.of(Demo.provider(provider))).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void aSecondNonConditionalAccessProviderLowersTheConfidence() {
        SignIn s = fx.failure("bob@contoso.example", 50076).authenticationRequirementPolicies(List.of(
                Demo.provider("multiConditionalAccess"), new RequirementPolicy("user", null))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("per-user-mfa", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("also names Conditional Access"), f.assessment());
    }

    @Test
    void noProvidersAndNoConditionalAccessIsALowConfidenceNotRecorded() {
        SignIn s = fx.failure("bob@contoso.example", 50076).conditionalAccessStatusValue("notApplied").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("not-recorded", f.classification());
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("authentication requirement policies")));
    }

    @Test
    void noProvidersButPerUserOnInTheSnapshotIsMediumPerUser() {
        SignIn s = fx.failure("bob@contoso.example", 50076).conditionalAccessStatusValue("notApplied").build();
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().perUserMfa(s.userId(), "enabled").build()));
        assertEquals("per-user-mfa", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
    }

    @Test
    void noProvidersWithConditionalAccessAppliedOrUnknownIsLeftToTheCaScenarios() {
        SignIn applied = fx.failure("bob@contoso.example", 50074).conditionalAccessStatusValue("success")
                .appliedConditionalAccessPolicies(List.of(Demo.mfaPolicy("success"))).build();
        SignIn unknown = fx.failure("bob@contoso.example", 50074).conditionalAccessStatusValue(null).build();
        SignIn inconsistent = fx.failure("bob@contoso.example", 50074).conditionalAccessStatusValue("notApplied")
                .appliedConditionalAccessPolicies(List.of(Demo.mfaPolicy("success"))).build();
        assertTrue(DetailParity.detect(detector, applied, TestContext.empty()).isEmpty());
        assertTrue(DetailParity.detect(detector, unknown, TestContext.empty()).isEmpty());
        assertTrue(DetailParity.detect(detector, inconsistent, TestContext.empty()).isEmpty());
    }

    @Test
    void noProvidersWithSecurityDefaultsOnIsLeftToTheSecurityDefaultsScenario() {
        SignIn s = fx.failure("bob@contoso.example", 50076).conditionalAccessStatusValue("notApplied").build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty().withTenant(Tenants.builder()
                .securityDefaults(true).build())).isEmpty());
    }

    @Test
    void blankProvidersCountAsNotRecorded() {
        SignIn s = fx.failure("bob@contoso.example", 50076).conditionalAccessStatusValue("notApplied")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy(" ", null))).build();
        assertEquals("not-recorded", only(s, TestContext.empty()).classification());
        assertNull(Provider.of("  "));
    }
}
