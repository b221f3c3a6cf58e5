package io.signdx.scenario.credentials.internal;

import static io.signdx.scenario.credentials.internal.Bursts.IPHONE;
import static io.signdx.scenario.credentials.internal.Bursts.LAPTOP;
import static io.signdx.scenario.credentials.internal.Bursts.LOCKED;
import static io.signdx.scenario.credentials.internal.Bursts.MALICIOUS;
import static io.signdx.scenario.credentials.internal.Bursts.T0;
import static io.signdx.scenario.credentials.internal.Bursts.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class AccountLockedDetectorTest {
    private final AccountLockedDetector detector = new AccountLockedDetector();
    private final Bursts b = new Bursts();

    private Finding diagnose(SignIn s) {
        List<Finding> findings = detector.detect(s, TestContext.of(b.all));
        assertEquals(1, findings.size());
        // counting asks without detail: the same finding, classification included
        List<Finding> brief = detector.detect(s, TestContext.of(b.all).brief());
        assertEquals(1, brief.size());
        assertEquals(findings.get(0).classification(), brief.get(0).classification());
        assertEquals(findings.get(0).title(), brief.get(0).title());
        return findings.get(0);
    }

    private static EvidenceTable table(Finding f, String titleStart) {
        return f.evidence().stream().filter(t -> t.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no table '" + titleStart + "' in " + f.evidence()));
    }

    @Test
    void theLockoutAtTheEndOfABruteForceIsSmartLockoutAndSaysItIsNotTheUser() {
        List<SignIn> attempts = b.bruteForce("bob@contoso.example", T0);
        Finding f = diagnose(attempts.get(30));
        assertEquals(AccountLockedDetector.SMART_LOCKOUT, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("36 failed attempts"), f.assessment());
        assertTrue(f.assessment().contains("first at " + T0), f.assessment());
        assertTrue(f.assessment().contains("someone other than the user"), f.assessment());
        EvidenceTable byIp = table(f, "The account's attempts by IP address");
        assertEquals(12, byIp.rows().size());
        assertEquals(List.of("192.0.2.100", "", "3", "3", "0", "0"), byIp.rows().get(0).subList(0, 6));
        assertEquals("36", table(f, "The account's attempts by application").rows().get(0).get(1));
        assertEquals(36, table(f, "The account's attempts over time").rows().size());
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("threshold")));
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void aUserWhoForgotThePasswordIsSmartLockoutWithoutTheAttackStory() {
        List<SignIn> attempts = b.forgotten("cora@contoso.example", T0, "198.51.100.9");
        Finding f = diagnose(attempts.get(3));
        assertEquals(AccountLockedDetector.SMART_LOCKOUT, f.classification());
        assertFalse(f.assessment().contains("someone other than the user"), f.assessment());
        assertTrue(f.assessment().contains("usual devices"), f.assessment());
        assertEquals(1, table(f, "The account's attempts by IP address").rows().size());
    }

    @Test
    void aBlockedMaliciousAddressIsNotALockoutAndListsTheOtherAccounts() {
        SignIn last = null;
        for (int i = 0; i < 4; i++) {
            last = b.fail("m" + i + "@contoso.example", 50053, MALICIOUS, T0.plus(Duration.ofHours(i)), "192.0.2.66",
                    IPHONE);
        }
        b.ok("m0@contoso.example", T0.plus(Duration.ofHours(5)), "192.0.2.66", IPHONE);
        Finding f = diagnose(last);
        assertEquals(AccountLockedDetector.MALICIOUS_IP, f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("not a lockout"), f.assessment());
        assertTrue(f.assessment().contains("4 accounts used that address: 4 were refused the same way and 1 signed in"),
                f.assessment());
        assertEquals(4, table(f, "Accounts seen from 192.0.2.66").rows().size());
        assertTrue(f.recommendations().get(0).action().startsWith("Investigate 192.0.2.66"));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().startsWith("Do not reset")));
    }

    @Test
    void withoutAReasonPriorWrongPasswordsMeanSmartLockout() {
        b.fail("dan@contoso.example", 50126, WRONG, T0, "198.51.100.3", LAPTOP);
        SignIn locked = b.fail("dan@contoso.example", 50053, null, T0.plusSeconds(40), "198.51.100.3", LAPTOP);
        Finding f = diagnose(locked);
        assertEquals(AccountLockedDetector.SMART_LOCKOUT, f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("the failure reason")));
    }

    @Test
    void withoutAReasonOtherAccountsBlockedFromTheAddressMeanMaliciousIp() {
        b.fail("eve@contoso.example", 50053, "", T0, "192.0.2.77", IPHONE);
        SignIn s = b.fail("fay@contoso.example", 50053, null, T0.plus(Duration.ofHours(2)), "192.0.2.77", IPHONE);
        Finding f = diagnose(s);
        assertEquals(AccountLockedDetector.MALICIOUS_IP, f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
    }

    @Test
    void withoutAReasonOrRelatedSignInsItStaysUnknown() {
        SignIn s = b.fail("gus@contoso.example", 50053, null, T0, "192.0.2.78", IPHONE);
        Finding f = diagnose(s);
        assertEquals(AccountLockedDetector.UNKNOWN, f.classification());
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.assessment().contains("does not say which"), f.assessment());
    }

    @Test
    void aLockedReasonWinsOverTheAddressHistory() {
        b.fail("eve@contoso.example", 50053, MALICIOUS, T0, "192.0.2.79", IPHONE);
        SignIn s = b.fail("fay@contoso.example", 50053, LOCKED, T0.plusSeconds(60), "192.0.2.79", IPHONE);
        assertEquals(AccountLockedDetector.SMART_LOCKOUT, diagnose(s).classification());
    }

    @Test
    void otherCodesAreIgnored() {
        SignIn s = b.fail("gus@contoso.example", 50126, WRONG, T0, "192.0.2.78", IPHONE);
        assertTrue(detector.detect(s, TestContext.of(b.all)).isEmpty());
    }
}
