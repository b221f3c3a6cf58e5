package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofUpRequiredDetectorTest {
    private final ProofUpRequiredDetector detector = new ProofUpRequiredDetector();
    private final SignIns fx = new SignIns();

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void theDemosRegistrationRequiredByConditionalAccessIsClassified() {
        Finding f = only(Demo.proofUp(fx, "cleo@contoso.example").build(), TestContext.empty());
        assertEquals("mfa.proofup-required", f.scenario());
        assertEquals("conditional-access", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("cleo@contoso.example") && f.assessment().contains("AADSTS50079"),
                f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && r.link().equals(Links.SECURITY_INFO)));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null && r.link().equals(Links.TAP)));
        assertTrue(f.complete(), f.missing().toString());
    }

    @ParameterizedTest
    @CsvSource({"mfaRegistrationRequiredBySecurityDefaults,security-defaults",
        "mfaRegistrationRequiredByIdentityProtectionPolicy,identity-protection",
        "mfaRegistrationRequiredByBaselineProtection,baseline-protection",
        "mfaRegistrationRequiredByMultiConditionalAccess,conditional-access",
        "user,per-user-mfa", "securityDefaults,security-defaults", "multiConditionalAccess,conditional-access",
        "tenantSessionRiskPolicy,identity-protection"})
    void theProviderSaysWhoForcesTheRegistration(String provider, String classification) {
        SignIn s = fx.failure("dan@contoso.example", 50072)
                .authenticationRequirementPolicies(List.of(Demo.provider(provider))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals(classification, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
    }

    @Test
    void interruptsWithARegistrationProviderAreProofUps() {
        SignIn s = fx.failure("dan@contoso.example", 50074)
                .authenticationRequirementPolicies(List.of(Demo.provider("mfaRegistrationRequiredByIdentityProtectionPolicy")))
                .build();
        assertEquals("identity-protection", only(s, TestContext.empty()).classification());
    }

    @Test
    void interruptsWithoutARegistrationProviderAreNot() {
        SignIn perUser = fx.failure("dan@contoso.example", 50076)
                .authenticationRequirementPolicies(List.of(Demo.provider("user"))).build();
        SignIn none = fx.failure("dan@contoso.example", 50074).build();
        assertTrue(DetailParity.detect(detector, perUser, TestContext.empty()).isEmpty());
        assertTrue(DetailParity.detect(detector, none, TestContext.empty()).isEmpty());
    }

    @Test
    void withoutProvidersTheSnapshotDecidesWithMediumConfidence() {
        SignIn s = fx.failure("dan@contoso.example", 50079).build();
        Finding defaults = only(s, TestContext.empty().withTenant(Tenants.builder().securityDefaults(true).build()));
        assertEquals("security-defaults", defaults.classification());
        assertEquals(Confidence.MEDIUM, defaults.confidence());
        Finding perUser = only(s, TestContext.empty().withTenant(Tenants.builder().securityDefaults(false)
                .perUserMfa(s.userId(), "enabled").build()));
        assertEquals("per-user-mfa", perUser.classification());
        Finding unknown = only(s, TestContext.empty());
        assertEquals("unknown", unknown.classification());
        assertTrue(unknown.missing().stream().anyMatch(m -> m.contains("authentication requirement policies")));
        assertTrue(unknown.missing().stream().anyMatch(m -> m.contains("security defaults")));
    }

    @Test
    void registrationBlockedByPolicyNamesTheFailingPolicy() {
        AppliedPolicy register = new AppliedPolicy("p9", "Register security info only from HQ", "failure",
                List.of("Block"), List.of(), Set.of("users", "application", "locations"), Set.of());
        SignIn s = fx.failure("eve@contoso.example", 53010).appliedConditionalAccessPolicies(List.of(register))
                .ipAddress("198.51.100.20").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("registration-blocked", f.classification());
        assertTrue(f.assessment().contains("\"Register security info only from HQ\""), f.assessment());
        assertTrue(f.assessment().contains("198.51.100.20"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.SECURE_REGISTRATION.equals(r.link())));
        assertTrue(f.complete());
    }

    @Test
    void registrationBlockedWithoutAFailingPolicySaysItIsMissing() {
        Finding f = only(fx.failure("eve@contoso.example", 53010).build(), TestContext.empty());
        assertEquals("registration-blocked", f.classification());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("Conditional Access policy")));
    }

    @Test
    void passwordResetRegistrationIsItsOwnClassification() {
        Finding f = only(fx.failure("eve@contoso.example", 50125).build(), TestContext.empty());
        assertEquals("password-reset-registration", f.classification());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.SSPR.equals(r.link())));
    }

    @Test
    void federatedUsersGetTheMfaClaimHint() {
        SignIn s = Demo.proofUp(fx, "fed@contoso.example").tokenIssuerType("ADFederationServices").build();
        Finding f = only(s, TestContext.empty());
        assertTrue(f.assessment().contains("federation service"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.FEDERATED_MFA.equals(r.link())));
        Finding cloud = only(Demo.proofUp(fx, "cloud@contoso.example").tokenIssuerType("AzureAD").build(),
                TestContext.empty());
        assertTrue(cloud.recommendations().stream().noneMatch(r -> Links.FEDERATED_MFA.equals(r.link())));
    }
}
