package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class ProofUpRiskyLocationDetectorTest {
    private final ProofUpRiskyLocationDetector detector = new ProofUpRiskyLocationDetector();
    private final SignIns fx = new SignIns();

    @Test
    void aSingleBlockRecommendsATrustedNetworkAndATemporaryAccessPass() {
        SignIn s = Demo.riskyProofUp(fx, "gus@contoso.example").build();
        List<Finding> findings = DetailParity.detect(detector, s, TestContext.of(List.of(s)));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("mfa.proofup-risky-location", f.scenario());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("192.0.2.33 (RU)"), f.assessment());
        assertTrue(f.assessment().contains("AADSTS53004"), f.assessment());
        assertFalse(f.assessment().contains("other sign-in"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER));
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.TAP.equals(r.link())));
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.REVOKE.equals(r.link())));
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("risk level")), f.missing().toString());
    }

    @Test
    void severalAccountsBlockedFromTheSameAddressPointAtAnAttacker() {
        List<SignIn> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(Demo.riskyProofUp(fx, "user" + i + "@contoso.example").build());
        }
        SignIn elsewhere = Demo.riskyProofUp(fx, "other@contoso.example").ipAddress("198.51.100.9").build();
        all.add(elsewhere);
        Finding f = DetailParity.detect(detector, all.get(0), TestContext.of(all)).get(0);
        assertTrue(f.assessment().contains("5 other sign-ins"), f.assessment());
        assertTrue(f.assessment().contains("for 5 accounts"), f.assessment());
        assertEquals(6, f.evidence().get(0).rows().size());
    }

    @Test
    void withoutDetailTheAddressIsNotLookedUp() {
        // the code alone decides the finding: the other accounts blocked from the address are for a reader
        SignIn s = Demo.riskyProofUp(fx, "gus@contoso.example").build();
        TestContext counting = TestContext.of(List.of(s)).brief();
        Finding f = detector.detect(s, counting).get(0);
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.evidence().isEmpty(), f.evidence().toString());
        assertTrue(counting.asked().isEmpty(), counting.asked().toString());
    }

    @Test
    void recordedRiskIsQuoted() {
        SignIn s = Demo.riskyProofUp(fx, "gus@contoso.example")
                .risk(new Risk("medium", "low", "atRisk", null, List.of("anonymizedIPAddress"))).build();
        Finding f = DetailParity.detect(detector, s, TestContext.empty()).get(0);
        assertTrue(f.assessment().contains("a medium sign-in risk, a low user risk and the detections anonymizedIPAddress"), f.assessment());
        assertTrue(f.assessment().contains("anonymizedIPAddress"), f.assessment());
        assertTrue(f.complete());
    }
}
