package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class NotCompletedDetectorTest {
    private final NotCompletedDetector detector = new NotCompletedDetector();
    private final SignIns fx = new SignIns().every(Duration.ofHours(2));

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void theDemosThreeOutcomesAreTold() {
        for (Map.Entry<String, String> e : Demo.reasons().entrySet()) {
            SignIn s = Demo.notCompleted(fx, "hal@contoso.example", e.getValue()).build();
            Finding f = only(s, TestContext.of(List.of(s)));
            assertEquals("mfa.not-completed", f.scenario());
            assertEquals(e.getKey(), f.classification(), e.getValue());
            assertEquals(Confidence.HIGH, f.confidence());
            assertTrue(f.assessment().contains("hal@contoso.example"), f.assessment());
            assertTrue(f.assessment().contains("AADSTS500121"), f.assessment());
            assertTrue(f.assessment().contains("\"" + Demo.MFA_POLICY + "\""), f.assessment());
            assertTrue(f.assessment().contains("Mobile app notification"), f.assessment());
            assertTrue(f.complete());
            assertEquals("Authentication steps", f.evidence().get(0).title());
        }
    }

    @Test
    void aDenialAsksWhetherTheSignInWasTheUsers() {
        Finding f = only(Demo.notCompleted(fx, "hal@contoso.example", Demo.reasons().get("denied")).build(),
                TestContext.empty());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER && r.action().contains("did not")));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN && Links.REVOKE.equals(r.link())));
    }

    @Test
    void aFraudReportIsADenialWithTheFraudAdvice() {
        Finding f = only(Demo.notCompleted(fx, "hal@contoso.example", "MFA denied; Phone App Reported Fraud").build(),
                TestContext.empty());
        assertEquals("denied", f.classification());
        assertTrue(f.assessment().contains("reported the prompt as fraud"), f.assessment());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.REPORT_SUSPICIOUS.equals(r.link())));
    }

    @Test
    void otherOutcomesComeFromTheStepResult() {
        String[][] cases = {{"MFA denied; invalid verification code", "wrong-code"},
            {"User has not registered any MFA method", "not-set-up"},
            {"MFA denied; phone unreachable", "method-unavailable"},
            {"User did not pass the MFA challenge (non interactive)", "non-interactive"},
            {"Something the service never said before", "other"}};
        for (String[] c : cases) {
            Finding f = only(Demo.notCompleted(fx, "ivy@contoso.example", c[0]).build(), TestContext.empty());
            assertEquals(c[1], f.classification(), c[0]);
        }
    }

    @Test
    void withoutAuthenticationDetailsTheOutcomeIsUnknownAndSaidToBeMissing() {
        SignIn s = fx.failure("jo@contoso.example", 500121).status(new Status(500121,
                "Authentication failed during strong authentication request.", "The user didn't complete the MFA "
                        + "prompt. They may have decided not to authenticate, timed out while doing authentication, or "
                        + "made an error.")).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("unknown", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("authentication details")), f.missing().toString());
    }

    @Test
    void additionalDetailsCarryingAStepResultAreUsed() {
        SignIn s = fx.failure("jo@contoso.example", 500121).status(new Status(500121, null,
                "MFA denied; user declined the authentication")).build();
        assertEquals("denied", only(s, TestContext.empty()).classification());
    }

    @Test
    void theInterruptOfTheSameFlowIsMentioned() {
        SignIn done = Demo.notCompleted(fx, "kim@contoso.example", Demo.reasons().get("timed-out")).build();
        SignIn interrupt = fx.failure("kim@contoso.example", 50074).correlationId(done.correlationId())
                .createdDateTime(done.createdDateTime().minusSeconds(20)).build();
        SignIn otherFlow = fx.failure("kim@contoso.example", 50074)
                .createdDateTime(done.createdDateTime().minusSeconds(600)).build();
        Finding f = only(done, TestContext.of(List.of(done, interrupt, otherFlow)));
        assertTrue(f.assessment().contains("began with AADSTS50074 at " + interrupt.createdDateTime()), f.assessment());
        Finding alone = only(done, TestContext.of(List.of(done, otherFlow)));
        assertFalse(alone.assessment().contains("began with"), alone.assessment());
    }

    @Test
    void threeUnansweredPromptsWithinAnHourAreRepeatedPrompts() {
        Instant start = Instant.parse("2026-11-17T22:00:00Z");
        SignIns burst = new SignIns().startingAt(start).every(Duration.ofMinutes(9));
        List<SignIn> all = new ArrayList<>();
        String[] why = {Demo.reasons().get("timed-out"), Demo.reasons().get("denied"), Demo.reasons().get("wrong-number")};
        for (String w : why) {
            all.add(Demo.notCompleted(burst, "lea@contoso.example", w).build());
        }
        Finding f = only(all.get(2), TestContext.of(all));
        assertEquals("repeated-prompts", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("one of 3 MFA prompts"), f.assessment());
        assertTrue(f.assessment().contains("wrong number"), f.assessment());
        assertEquals(3, f.evidence().get(0).rows().size());
        assertTrue(f.recommendations().stream().anyMatch(r -> Links.NUMBER_MATCH.equals(r.link())));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && r.action().startsWith("Never approve")));
    }

    @Test
    void withoutDetailOtherPromptsAreLookedUpOnlyWhenTheyCanMakeThisOneRepeated() {
        // a wrong code is never part of repeated prompts: counting it needs no look-up
        SignIn wrongCode = Demo.notCompleted(fx, "ivy@contoso.example", "MFA denied; invalid verification code").build();
        TestContext counting = TestContext.of(List.of(wrongCode)).brief();
        assertEquals("wrong-code", detector.detect(wrongCode, counting).get(0).classification());
        assertTrue(counting.asked().isEmpty(), counting.asked().toString());
        // a denial can be: the look-up still decides its classification
        SignIn denied = Demo.notCompleted(fx, "ivy@contoso.example", Demo.reasons().get("denied")).build();
        TestContext countingDenied = TestContext.of(List.of(denied)).brief();
        assertEquals("denied", detector.detect(denied, countingDenied).get(0).classification());
        assertEquals(1, countingDenied.asked().size());
    }

    @Test
    void promptsOfOtherUsersOrOutsideTheHourOrNonInteractiveAreNotRepeatedPrompts() {
        Instant start = Instant.parse("2026-11-17T22:00:00Z");
        SignIns spread = new SignIns().startingAt(start).every(Duration.ofMinutes(40));
        List<SignIn> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.add(Demo.notCompleted(spread, "max@contoso.example", Demo.reasons().get("denied")).build());
        }
        assertEquals("denied", only(all.get(1), TestContext.of(all)).classification());

        SignIns near = new SignIns().startingAt(start).every(Duration.ofMinutes(5));
        List<SignIn> mixed = new ArrayList<>();
        mixed.add(Demo.notCompleted(near, "max@contoso.example", Demo.reasons().get("denied")).build());
        mixed.add(Demo.notCompleted(near, "someone.else@contoso.example", Demo.reasons().get("denied")).build());
        mixed.add(Demo.notCompleted(near, "max@contoso.example", "User did not pass the MFA challenge (non interactive)")
                .isInteractive(false).build());
        assertEquals("denied", only(mixed.get(0), TestContext.of(mixed)).classification());
    }

    @Test
    void theFailedStepIsTheSecondFactorNotThePassword() {
        Instant t = Instant.parse("2026-11-17T10:00:00Z");
        SignIn s = fx.failure("ned@contoso.example", 500121).authenticationDetails(List.of(
                new AuthenticationDetail(t, "Password", null, false, "Something odd", "Primary authentication"),
                new AuthenticationDetail(t, "Text message", null, false, "MFA denied; invalid verification code",
                        "Multifactor authentication"))).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("wrong-code", f.classification());
        assertTrue(f.assessment().contains("the Text message prompt"), f.assessment());
    }
}
