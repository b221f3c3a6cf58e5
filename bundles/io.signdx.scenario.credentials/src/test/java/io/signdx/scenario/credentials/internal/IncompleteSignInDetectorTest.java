package io.signdx.scenario.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class IncompleteSignInDetectorTest {
    private static final String SILENT = "A silent sign-in request was sent but no user is signed in.";
    private final IncompleteSignInDetector detector = new IncompleteSignInDetector();
    private final SignIns fx = new SignIns();
    private final List<SignIn> all = new ArrayList<>();

    private SignIn add(SignIn.Builder b) {
        SignIn s = b.build();
        all.add(s);
        return s;
    }

    private SignIn.Builder silent(String upn, int minute) {
        return fx.startingAt(SignIns.START.plus(Duration.ofMinutes(minute))).failure(upn, 50058)
                .status(new Status(50058, SILENT, null)).appDisplayName("My Apps").appId("my-apps");
    }

    private Finding diagnose(SignIn s) {
        List<Finding> findings = detector.detect(s, TestContext.of(all));
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    @Test
    void aSilentSignInFollowedByASuccessIsResolved() {
        SignIn s = add(silent("ann@contoso.example", 0).correlationId("flow-1"));
        add(fx.startingAt(SignIns.START.plusSeconds(20)).success("ann@contoso.example").correlationId("flow-1")
                .appId("my-apps").appDisplayName("My Apps"));
        Finding f = diagnose(s);
        assertEquals(IncompleteSignInDetector.RESOLVED, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("same flow, by correlation id"), f.assessment());
        assertTrue(f.assessment().contains("silently"), f.assessment());
        assertTrue(f.recommendations().get(0).action().startsWith("No action needed"));
    }

    @Test
    void aSingleSilentSignInWithoutSuccessIsIsolatedAndNotAlarming() {
        SignIn s = add(silent("ben@contoso.example", 0));
        add(fx.startingAt(SignIns.START.plusSeconds(30)).success("ben@contoso.example"));
        Finding f = diagnose(s);
        assertEquals(IncompleteSignInDetector.ISOLATED, f.classification(), "a success to another app does not count");
        assertTrue(f.assessment().contains("nothing to fix"), f.assessment());
    }

    @Test
    void repeatedSilentSignInsWithoutSuccessAreWorthALook() {
        List<SignIn> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tries.add(add(silent("cora@contoso.example", 5 * i)));
        }
        Finding f = diagnose(tries.get(3));
        assertEquals(IncompleteSignInDetector.REPEATED, f.classification());
        assertTrue(f.assessment().contains("4 times"), f.assessment());
        assertEquals(Actor.APP_OWNER, f.recommendations().get(0).actor());
        assertEquals(4, f.evidence().get(0).rows().size());
    }

    @Test
    void aSuccessLaterThanTenMinutesDoesNotResolveIt() {
        SignIn s = add(silent("dan@contoso.example", 0));
        add(fx.startingAt(SignIns.START.plus(Duration.ofMinutes(11))).success("dan@contoso.example").appId("my-apps"));
        assertEquals(IncompleteSignInDetector.ISOLATED, diagnose(s).classification());
    }

    @Test
    void anUnfinishedSignInWithoutUserIsFollowedByCorrelationId() {
        SignIn s = add(silent("x", 0).userPrincipalName(null).userDisplayName(null)
                .userId("00000000-0000-0000-0000-000000000000").correlationId("flow-9"));
        add(fx.startingAt(SignIns.START.plusSeconds(40)).success("eve@contoso.example").correlationId("flow-9"));
        Finding f = diagnose(s);
        assertEquals(IncompleteSignInDetector.RESOLVED, f.classification());
        assertTrue(f.assessment().contains("object id or no user"), f.assessment());
    }

    @Test
    void aTransientServiceErrorIsExplainedAsSuch() {
        SignIn s = add(fx.failure("fay@contoso.example", 90025)
                .status(new Status(90025, "An internal service hit its retry allowance.", null)));
        Finding f = diagnose(s);
        assertEquals(IncompleteSignInDetector.ISOLATED, f.classification());
        assertTrue(f.title().startsWith("Transient service error"));
        assertTrue(f.assessment().contains("AADSTS90025"), f.assessment());
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
    }

    @Test
    void otherCodesAreIgnored() {
        assertTrue(detector.detect(fx.failure("ann@contoso.example", 50126).build(), TestContext.empty()).isEmpty());
    }
}
