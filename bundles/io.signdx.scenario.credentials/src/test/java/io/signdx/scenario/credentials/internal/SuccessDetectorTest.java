package io.signdx.scenario.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class SuccessDetectorTest {
    private static final AppliedPolicy MFA_UNTRUSTED_OK = policy("Require MFA outside trusted locations", "success",
            List.of("Mfa"), List.of());
    private static final AppliedPolicy MFA_UNTRUSTED_NA = policy("Require MFA outside trusted locations", "notApplied",
            List.of(), List.of());
    private static final AppliedPolicy BLOCK_LEGACY_NA = policy("Block legacy authentication", "notApplied", List.of(),
            List.of());
    private static final AppliedPolicy COUNTRIES_RO_FAIL = policy("Block outside allowed countries (report-only)",
            "reportOnlyFailure", List.of("Block"), List.of());
    private static final AppliedPolicy RO_INTERRUPT = policy("Require MFA for Exchange (report-only)",
            "reportOnlyInterrupted", List.of("Mfa"), List.of());
    private static final AppliedPolicy COMPLIANT_OK = policy("Finance: require compliant device", "success",
            List.of("RequireCompliantDevice"), List.of("SignInFrequency"));

    private final SuccessDetector detector = new SuccessDetector();
    private final SignIns fx = new SignIns();

    private static AppliedPolicy policy(String name, String result, List<String> grant, List<String> session) {
        return new AppliedPolicy("id-" + name.hashCode(), name, result, grant, session, Set.of("application"), Set.of());
    }

    private Finding diagnose(SignIn s) {
        return diagnose(s, TestContext.empty());
    }

    private Finding diagnose(SignIn s, TestContext context) {
        List<Finding> findings = detector.detect(s, context);
        assertEquals(1, findings.size());
        // counting asks without detail: the same finding, classification and confidence included
        List<Finding> brief = detector.detect(s, context.brief());
        assertEquals(1, brief.size());
        assertEquals(findings.get(0).classification(), brief.get(0).classification());
        assertEquals(findings.get(0).confidence(), brief.get(0).confidence());
        return findings.get(0);
    }

    @Test
    void mfaSatisfiedIsProtected() {
        SignIn s = fx.success("ann@contoso.example").conditionalAccessStatusValue("success")
                .authenticationRequirementValue("multiFactorAuthentication")
                .appliedConditionalAccessPolicies(List.of(MFA_UNTRUSTED_OK, BLOCK_LEGACY_NA)).build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.PROTECTED, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("'Require MFA outside trusted locations' successfully"), f.assessment());
        assertTrue(f.recommendations().isEmpty());
        assertTrue(f.complete(), "a protected sign-in needs no snapshot: " + f.missing());
    }

    @Test
    void aSuccessfulMultifactorStepCountsWhenTheRequirementIsAbsent() {
        Instant t = SignIns.START;
        SignIn s = fx.success("ann@contoso.example").authenticationRequirementValue(null)
                .authenticationDetails(List.of(new AuthenticationDetail(t, "Password", null, true, null,
                        "Primary authentication"), new AuthenticationDetail(t, "Mobile app notification", null, true,
                        "MFA successfully completed", "Multifactor authentication"))).build();
        assertEquals(SuccessDetector.PROTECTED, diagnose(s).classification());
        assertEquals(2, diagnose(s).evidence().stream().filter(e -> e.title().equals("Authentication steps"))
                .findFirst().orElseThrow().rows().size());
    }

    @Test
    void singleFactorWithNoPolicyAppliedListsThePoliciesThatDidNot() {
        SignIn s = fx.success("ann@contoso.example")
                .appliedConditionalAccessPolicies(List.of(MFA_UNTRUSTED_NA, BLOCK_LEGACY_NA))
                .networkLocationDetails(List.of(new NetworkLocation("trustedNamedLocation", List.of("Northwind HQ"))))
                .build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.SINGLE_FACTOR_NO_POLICY, f.classification());
        assertTrue(f.assessment().contains("the 2 policies on the record did not apply"), f.assessment());
        assertTrue(f.assessment().contains("trusted named location 'Northwind HQ'"), f.assessment());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("a Conditional Access policy snapshot")));
        assertTrue(f.recommendations().get(0).action().contains("What If"));
        assertTrue(f.assessment().contains("'Require MFA outside trusted locations', 'Block legacy authentication'"),
                f.assessment());
        assertTrue(f.evidence().isEmpty(), "policies that did not apply are named, not tabled");
    }

    @Test
    void aSnapshotRemovesThePolicySnapshotFromMissing() {
        TenantContext withPolicies = new TenantContext() {
            @Override
            public Set<TenantPart> parts() {
                return Set.of(TenantPart.CONDITIONAL_ACCESS_POLICIES);
            }

            @Override
            public java.util.Optional<io.signdx.api.tenant.DirectoryUser> user(String idOrUpn) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Boolean> securityDefaultsEnabled() {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<String> perUserMfaState(String userId) {
                return java.util.Optional.empty();
            }
        };
        SignIn s = fx.success("ann@contoso.example").build();
        Finding f = diagnose(s, TestContext.empty().withTenant(withPolicies));
        assertEquals(SuccessDetector.SINGLE_FACTOR_NO_POLICY, f.classification());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void singleFactorWithAPolicyMetByTheDeviceIsSingleFactorCaApplied() {
        SignIn s = fx.success("fin@contoso.example").conditionalAccessStatusValue("success")
                .appliedConditionalAccessPolicies(List.of(COMPLIANT_OK, MFA_UNTRUSTED_NA)).build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.SINGLE_FACTOR_CA_APPLIED, f.classification());
        assertTrue(f.assessment().contains("'Finance: require compliant device' (grant: RequireCompliantDevice; "
                + "session: SignInFrequency)"), f.assessment());
        EvidenceTable t = f.evidence().get(0);
        assertEquals(List.of(List.of("Finance: require compliant device", "success", "applied; its requirements were met",
                "RequireCompliantDevice", "SignInFrequency")), t.rows());
    }

    @Test
    void reportOnlyPoliciesThatWouldHaveBlockedOrInterruptedAreNamed() {
        SignIn s = fx.success("ann@contoso.example").conditionalAccessStatusValue("success")
                .authenticationRequirementValue("multiFactorAuthentication")
                .appliedConditionalAccessPolicies(List.of(MFA_UNTRUSTED_OK, COUNTRIES_RO_FAIL, RO_INTERRUPT)).build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.REPORT_ONLY, f.classification());
        assertTrue(f.assessment().contains("would have blocked it or failed their grant: 'Block outside allowed "
                + "countries (report-only)'"), f.assessment());
        assertTrue(f.assessment().contains("asked the user for more (such as MFA): 'Require MFA for Exchange "
                + "(report-only)'"), f.assessment());
        assertTrue(f.recommendations().get(0).action().contains("would block"));
        assertTrue(f.recommendations().get(0).link().contains("report-only"));
    }

    @Test
    void reportOnlyPoliciesThatWouldNotHaveInterruptedDoNotCount() {
        SignIn s = fx.success("ann@contoso.example").authenticationRequirementValue("multiFactorAuthentication")
                .appliedConditionalAccessPolicies(List.of(policy("RO ok", "reportOnlySuccess", List.of("Mfa"),
                        List.of()), policy("RO n/a", "reportOnlyNotApplied", List.of(), List.of()))).build();
        assertEquals(SuccessDetector.PROTECTED, diagnose(s).classification());
    }

    @Test
    void legacyAndNonInteractiveSignInsAreExplained() {
        SignIn s = fx.success("printer@contoso.example").clientAppUsed("Authenticated SMTP").isInteractive(false)
                .build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.SINGLE_FACTOR_NO_POLICY, f.classification());
        assertTrue(f.assessment().contains("legacy protocol 'Authenticated SMTP'"), f.assessment());
        assertTrue(f.assessment().contains("non-interactive"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null && r.link().contains("legacy")));
    }

    @Test
    void aServicePrincipalIsAWorkloadIdentity() {
        SignIn s = SignIn.builder().id("sp-1").servicePrincipalId("sp-id").servicePrincipalName("Nightly export")
                .clientCredentialType("clientSecret").appId("app-1").errorCode(0).build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.WORKLOAD, f.classification());
        assertTrue(f.assessment().contains("'Nightly export'"), f.assessment());
        assertTrue(f.complete());
    }

    @Test
    void aRecordWithoutRequirementOrPoliciesIsUnknownAndSaysWhatIsMissing() {
        SignIn s = SignIn.builder().id("bare").userPrincipalName("ann@contoso.example").errorCode(0).build();
        Finding f = diagnose(s);
        assertEquals(SuccessDetector.UNKNOWN, f.classification());
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("authenticationRequirement")));
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("conditionalAccessStatus")));
        assertFalse(f.assessment().isBlank());
    }

    @Test
    void failuresAreIgnored() {
        assertTrue(detector.detect(fx.failure("ann@contoso.example", 50126).build(), TestContext.empty()).isEmpty());
    }
}
