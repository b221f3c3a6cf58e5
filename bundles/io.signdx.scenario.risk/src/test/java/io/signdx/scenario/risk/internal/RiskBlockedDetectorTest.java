package io.signdx.scenario.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.Location;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskBlockedDetectorTest {
    private static final String BLOCK_HIGH_RISK = "Block high sign-in risk";
    private final RiskBlockedDetector detector = new RiskBlockedDetector();
    private final SignIns fx = new SignIns();

    private static AppliedPolicy policy(String name, String result) {
        return new AppliedPolicy("id-" + name.hashCode(), name, result, result.endsWith("otApplied") ? List.of()
                : List.of("Block"), List.of(), Set.of("application", "users"), Set.of());
    }

    /** Shaped like the demo tenant's risky() sign-ins (io.signdx.demo DemoSignIns). */
    private SignIn.Builder demoRisky(String upn, List<String> detections) {
        return fx.failure(upn, 53003).status(new Status(53003, "Access has been blocked by Conditional Access "
                + "policies. The access policy does not allow token issuance.", null))
                .conditionalAccessStatusValue("failure").ipAddress("192.0.2.201")
                .appliedConditionalAccessPolicies(List.of(policy("Block legacy authentication", "notApplied"),
                        policy(BLOCK_HIGH_RISK, "failure"),
                        policy("Block sign-ins from outside allowed countries (report-only)", "reportOnlyFailure")))
                .location(new Location(null, null, "NG", null, null))
                .risk(new Risk("high", "high", "atRisk", "none", detections));
    }

    private Finding only(SignIn s, TestContext c) {
        List<Finding> findings = DetailParity.detect(detector, s, c);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void theDemosRiskyBlocksAreSignInRiskWithTheirDetectionsExplained() {
        List<List<String>> detections = List.of(List.of("anonymizedIPAddress"),
                List.of("unfamiliarFeatures", "impossibleTravel"), List.of("maliciousIPAddress"));
        for (List<String> d : detections) {
            Finding f = only(demoRisky("uma@contoso.example", d).build(), TestContext.empty());
            assertEquals("risk.blocked", f.scenario());
            assertEquals("sign-in-risk", f.classification());
            assertEquals(Confidence.HIGH, f.confidence());
            assertTrue(f.assessment().contains("uma@contoso.example") && f.assessment().contains("AADSTS53003"),
                    f.assessment());
            assertTrue(f.assessment().contains("sign-in risk high, user risk high, risk state atRisk"), f.assessment());
            assertTrue(f.assessment().contains("\"" + BLOCK_HIGH_RISK + "\""), f.assessment());
            assertFalse(f.assessment().contains("allowed countries"), "report-only is not a failing policy");
            for (String type : d) {
                assertTrue(f.assessment().contains(type + " (" + Detections.meaning(type) + ")"), f.assessment());
            }
            assertTrue(f.missing().stream().anyMatch(m -> m.contains("conditions")), f.missing().toString());
            assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                    && Links.INVESTIGATE.equals(r.link())));
            assertTrue(f.recommendations().stream().anyMatch(r -> Links.SIGN_IN_RISK_POLICY.equals(r.link())));
            assertEquals("Risk detections", f.evidence().get(1).title());
            assertEquals(d.size(), f.evidence().get(1).rows().size());
        }
    }

    @Test
    void aUserRiskPolicyNameMakesItUserRiskWithThePasswordResetPath() {
        SignIn s = demoRisky("vic@contoso.example", List.of("leakedCredentials"))
                .appliedConditionalAccessPolicies(List.of(policy("Block high user risk", "failure"))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("user-risk", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && Links.PASSWORD_RESET.equals(r.link())));
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.REMEDIATE.equals(r.link())));
    }

    @Test
    void withoutAHintTheLevelsDecideAndTheConfidenceDrops() {
        AppliedPolicy generic = policy("Contoso baseline block", "failure");
        SignIn userOnly = fx.failure("wes@contoso.example", 53003).appliedConditionalAccessPolicies(List.of(generic))
                .risk(new Risk("none", "high", "atRisk", null, List.of())).build();
        Finding u = only(userOnly, TestContext.empty());
        assertEquals("user-risk", u.classification());
        assertEquals(Confidence.MEDIUM, u.confidence());
        assertTrue(u.assessment().contains("does not show whether it has a risk condition"), u.assessment());

        SignIn lowSignIn = fx.failure("wes@contoso.example", 530032).appliedConditionalAccessPolicies(List.of(generic))
                .risk(new Risk("low", "none", "none", null, List.of())).build();
        Finding l = only(lowSignIn, TestContext.empty());
        assertEquals("sign-in-risk", l.classification());
        assertEquals(Confidence.LOW, l.confidence());
    }

    @Test
    void aPolicyMerelyMentioningRiskRaisesTheConfidenceButTheLevelsClassify() {
        SignIn s = fx.failure("xia@contoso.example", 53003)
                .appliedConditionalAccessPolicies(List.of(policy("Risk: block everything odd", "failure")))
                .risk(new Risk("none", "medium", "atRisk", null, List.of())).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("user-risk", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
    }

    @Test
    void aSatisfiedRiskConditionConfirmsTheKindAndCompletesTheVerdict() {
        AppliedPolicy confirmed = new AppliedPolicy("p1", "Contoso policy 7", "failure", List.of("Block"), List.of(),
                Set.of("application", "users", "userRisk"), Set.of());
        SignIn s = fx.failure("ada@contoso.example", 53003).appliedConditionalAccessPolicies(List.of(confirmed))
                .risk(new Risk("high", "low", "atRisk", null, List.of("anonymizedIPAddress"))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("user-risk", f.classification(), "the condition outweighs the higher sign-in risk level");
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("user risk condition satisfied"), f.assessment());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void onlyDetectionsClassifyByKind() {
        SignIn userLevel = fx.failure("yan@contoso.example", 53003)
                .risk(new Risk("hidden", "hidden", "none", null, List.of("leakedCredentials"))).build();
        SignIn signInLevel = fx.failure("yan@contoso.example", 53003)
                .risk(new Risk(null, null, null, null, List.of("passwordSpray"))).build();
        Finding u = only(userLevel, TestContext.empty());
        assertEquals("user-risk", u.classification());
        assertTrue(u.assessment().contains("no risk level recorded, only detections"), u.assessment());
        assertTrue(u.missing().stream().anyMatch(m -> m.contains("no Conditional Access policy")));
        assertTrue(u.assessment().contains("legacy"), u.assessment());
        assertEquals("sign-in-risk", only(signInLevel, TestContext.empty()).classification());
    }

    @Test
    void unknownDetectionsAreNamedWithoutAMeaning() {
        SignIn s = fx.failure("zed@contoso.example", 53003)
                .risk(new Risk("medium", null, null, null, List.of("brandNewDetection"))).build();
        Finding f = only(s, TestContext.empty());
        assertTrue(f.assessment().contains("brandNewDetection (not described by SignDx"), f.assessment());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"none,none,none", "hidden,hidden,none", "null,null,null",
        "unknownLevel,none,dismissed", "none,none,remediated", "none,none,confirmedSafe"})
    void plainConditionalAccessBlocksWithoutRiskAreNotClaimed(String during, String aggregated, String state) {
        SignIn s = fx.failure("amy@contoso.example", 53003)
                .appliedConditionalAccessPolicies(List.of(policy("Block sign-ins from outside allowed countries",
                        "failure")))
                .risk(new Risk(during, aggregated, state, null, List.of("none", " "))).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void guestsBlockedForHomeTenantRisk() {
        SignIn s = fx.failure("guest_partner.example#EXT#@contoso.example", 53011).userTypeValue("guest")
                .homeTenantId("home-tenant-1").crossTenantAccessTypeValue("b2bCollaboration").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("home-tenant-risk", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("home-tenant-1"), f.assessment());
        assertTrue(f.assessment().contains("neither see nor dismiss"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && Links.PASSWORD_RESET.equals(r.link())));
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.B2B_RISK.equals(r.link())));
    }

    @Test
    void partnerAdministratorsBlockedForRiskAtHome() {
        Finding f = only(fx.failure("admin@partner.example", 530034).build(), TestContext.empty());
        assertEquals("home-tenant-risk", f.classification());
        assertTrue(f.assessment().contains("delegated administrator"), f.assessment());
        assertTrue(f.recommendations().stream().allMatch(r -> r.actor() == Actor.ADMIN));
    }

    @Test
    void maliciousIpBlocksAreToldApartFromSmartLockout() {
        List<SignIn> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(fx.failure("user" + i + "@contoso.example", 50053).ipAddress("192.0.2.66")
                    .status(new Status(50053, "Sign-in was blocked because it came from an IP address with malicious "
                            + "activity", null)).build());
        }
        all.add(fx.success("user9@contoso.example").ipAddress("192.0.2.66").build());
        Finding f = only(all.get(0), TestContext.of(all));
        assertEquals("malicious-ip", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("192.0.2.66"), f.assessment());
        assertTrue(f.assessment().contains("4 other sign-ins came from the same address (3 failed) for 4 accounts"),
                f.assessment());
        assertTrue(f.assessment().contains("Some of them succeeded"), f.assessment());
        assertEquals(5, f.evidence().get(0).rows().size());

        SignIn lockout = fx.failure("bea@contoso.example", 50053).status(new Status(50053, "Account is locked because "
                + "user tried to sign in too many times with an incorrect user ID or password.", null)).build();
        assertTrue(DetailParity.detect(detector, lockout, TestContext.empty()).isEmpty());
    }

    @Test
    void withoutDetailAMaliciousAddressIsNotLookedUp() {
        // the failure reason alone decides: the other sign-ins from the address are for a reader
        SignIn s = fx.failure("ann@contoso.example", 50053).ipAddress("192.0.2.66").status(new Status(50053,
                "Sign-in was blocked because it came from an IP address with malicious activity", null)).build();
        TestContext counting = TestContext.of(List.of(s)).brief();
        Finding f = detector.detect(s, counting).get(0);
        assertEquals("malicious-ip", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(counting.asked().isEmpty(), counting.asked().toString());
    }

    @Test
    void otherCodesAreIgnored() {
        SignIn s = fx.failure("cat@contoso.example", 50126).risk(new Risk("high", "high", "atRisk", null,
                List.of("passwordSpray"))).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void flaggedSignInsSaySo() {
        Finding f = only(demoRisky("dee@contoso.example", List.of("anonymizedIPAddress")).flaggedForReview(true).build(),
                TestContext.empty());
        assertTrue(f.assessment().contains("flagged for review"), f.assessment());
    }
}
