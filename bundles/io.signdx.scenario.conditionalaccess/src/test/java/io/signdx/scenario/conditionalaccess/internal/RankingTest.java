package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.conformance.Declaration;
import io.signdx.scenario.legacyauth.internal.LegacyAuthDetector;
import io.signdx.scenario.mfa.internal.OtherRequirementDetector;
import io.signdx.scenario.mfa.internal.ProofUpRequiredDetector;
import io.signdx.scenario.mfa.internal.SecurityDefaultsDetector;
import io.signdx.scenario.risk.internal.RiskBlockedDetector;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/**
 * The Conditional Access findings among the other families' findings on the same sign-in, ordered the way
 * the engine orders them (DESIGN §6: declared specificity, then confidence, then scenario id): legacy
 * authentication, risk, B2B and security defaults come before the generic Conditional Access scenarios.
 */
class RankingTest {
    private static final List<ScenarioDetector> ALL = List.of(new BlockedDetector(), new FailedDetector(),
            new MfaDetector(), new B2bBlockedDetector(), new LegacyAuthDetector(), new RiskBlockedDetector(),
            new OtherRequirementDetector(), new SecurityDefaultsDetector(), new ProofUpRequiredDetector());
    private final SignIns fx = new SignIns();

    /** The scenarios of all findings, primary first. */
    private static List<String> ranked(SignIn s) {
        record Ranked(Finding finding, int specificity) {
        }
        List<Ranked> found = new ArrayList<>();
        for (ScenarioDetector d : ALL) {
            int specificity = Declaration.of(d.getClass()).specificity();
            for (Finding f : DetailParity.run(d, s, TestContext.empty())) {
                found.add(new Ranked(f, specificity));
            }
        }
        found.sort(Comparator.comparing((Ranked r) -> -r.specificity())
                .thenComparing(r -> -r.finding().confidence().ordinal())
                .thenComparing(r -> r.finding().scenario()));
        return found.stream().map(r -> r.finding().scenario()).toList();
    }

    @Test
    void aLegacyClientBlockedByConditionalAccessIsLegacyFirst() {
        assertEquals(List.of("legacy.blocked", "ca.blocked"), ranked(Demo.legacyBlock(fx, "ann@northwind.example")
                .build()));
    }

    @Test
    void aRiskyBlockIsRiskFirst() {
        assertEquals(List.of("risk.blocked", "ca.blocked"), ranked(Demo.riskyBlock(fx, "ben@northwind.example").build()));
    }

    @Test
    void aGuestOnALegacyClientIsLegacyThenB2bThenTheGenericBlock() {
        SignIn s = Demo.legacyBlock(fx, "ines_fabrikam.example#EXT#@northwind.example").userTypeValue("guest")
                .homeTenantId(Demo.PARTNER_TENANT).crossTenantAccessTypeValue("b2bCollaboration").build();
        assertEquals(List.of("legacy.blocked", "ca.b2b-blocked", "ca.blocked"), ranked(s));
    }

    @Test
    void aRiskyGuestIsRiskThenB2bThenTheGenericBlock() {
        SignIn s = Demo.riskyBlock(fx, "ines_fabrikam.example#EXT#@northwind.example").userTypeValue("guest")
                .homeTenantId(Demo.PARTNER_TENANT).crossTenantAccessTypeValue("b2bCollaboration").build();
        assertEquals(List.of("risk.blocked", "ca.b2b-blocked", "ca.blocked"), ranked(s));
    }

    @Test
    void aGuestWithoutACompliantDeviceIsB2bBeforeFailed() {
        assertEquals(List.of("ca.b2b-blocked", "ca.failed"), ranked(Demo.guestCompliance(fx,
                "ines_fabrikam.example#EXT#@northwind.example").build()));
    }

    @Test
    void aMemberWithoutACompliantDeviceIsFailedOnly() {
        assertEquals(List.of("ca.failed"), ranked(Demo.financeCompliance(fx, "fin@northwind.example").build()));
    }

    @Test
    void aLegacyClientThatCannotSatisfyADeviceGrantIsLegacyFirst() {
        SignIn s = Demo.financeCompliance(fx, "fin@northwind.example").clientAppUsed("Exchange ActiveSync").build();
        assertEquals(List.of("legacy.blocked", "ca.failed"), ranked(s));
    }

    @Test
    void mfaFromConditionalAccessAndFromPerUserMfaAreTold() {
        assertEquals(List.of("ca.mfa"), ranked(Demo.mfaOutside(fx, "ann@northwind.example", 50074).build()));
        assertEquals(List.of("mfa.other-requirement"), ranked(Demo.perUserMfa(fx, "ann@northwind.example").build()));
        SignIn defaults = Demo.mfaOutside(fx, "ann@northwind.example", 50074).appliedConditionalAccessPolicies(null)
                .conditionalAccessStatusValue("notApplied")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("securityDefaults", null))).build();
        List<String> r = ranked(defaults);
        assertEquals("mfa.security-defaults", r.get(0));
        assertTrue(!r.contains("ca.mfa"), r.toString());
    }
}
