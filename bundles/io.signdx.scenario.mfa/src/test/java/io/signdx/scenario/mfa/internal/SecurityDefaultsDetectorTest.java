package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class SecurityDefaultsDetectorTest {
    private final SecurityDefaultsDetector detector = new SecurityDefaultsDetector();
    private final SignIns fx = new SignIns();

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void theDemosBlockOfAModernClientIsAnUnsafeRequest() {
        Finding f = only(Demo.securityDefaults(fx, "oli@contoso.example").build(), TestContext.empty());
        assertEquals("mfa.security-defaults", f.scenario());
        assertEquals("unsafe-request-blocked", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("oli@contoso.example") && f.assessment().contains("AADSTS530035"),
                f.assessment());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("security-defaults state")));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && Links.DEFAULTS_TO_CA.equals(r.link()) && r.action().contains("P1")));
    }

    @Test
    void legacyClientsAreBlockedAsLegacyAuthentication() {
        SignIn s = fx.failure("pat@contoso.example", 530035).clientAppUsed("IMAP4").build();
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().securityDefaults(true).build()));
        assertEquals("legacy-auth-blocked", f.classification());
        assertTrue(f.assessment().contains("IMAP4"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.LEGACY_AUTH.equals(r.link())));
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void mfaAndRegistrationRequiredBySecurityDefaults() {
        SignIn mfa = fx.failure("quin@contoso.example", 50074)
                .authenticationRequirementPolicies(List.of(Demo.provider("securityDefaults"))).build();
        SignIn register = fx.failure("quin@contoso.example", 50079)
                .authenticationRequirementPolicies(List.of(Demo.provider("mfaRegistrationRequiredBySecurityDefaults")))
                .build();
        assertEquals("mfa-required", only(mfa, TestContext.empty()).classification());
        Finding r = only(register, TestContext.empty());
        assertEquals("registration-required", r.classification());
        assertTrue(r.recommendations().stream().anyMatch(x -> x.actor() == Actor.USER
                && x.action().contains("Microsoft Authenticator")));
    }

    @Test
    void withoutProvidersTheSnapshotMustSayDefaultsAreOn() {
        SignIn s = fx.failure("quin@contoso.example", 50076).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
        assertTrue(DetailParity.detect(detector, s, TestContext.empty().withTenant(Tenants.builder()
                .securityDefaults(false).build())).isEmpty());
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().securityDefaults(true).build()));
        assertEquals("mfa-required", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("authentication requirement policies")));
    }

    @Test
    void otherProvidersAreNotSecurityDefaults() {
        for (String provider : new String[] {"multiConditionalAccess", "user", "mfaRegistrationRequiredByMultiConditionalAccess"}) {
            SignIn s = fx.failure("ray@contoso.example", 50079)
                    .authenticationRequirementPolicies(List.of(Demo.provider(provider))).build();
            assertTrue(DetailParity.detect(detector, s, TestContext.empty().withTenant(Tenants.builder()
                    .securityDefaults(true).build())).isEmpty(), provider);
        }
    }

    @Test
    void aSnapshotWithDefaultsOffIsExplained() {
        Finding f = only(Demo.securityDefaults(fx, "sam@contoso.example").build(),
                TestContext.empty().withTenant(Tenants.builder().securityDefaults(false).build()));
        assertTrue(f.assessment().contains("switched off after this sign-in"), f.assessment());
    }
}
