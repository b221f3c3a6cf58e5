package io.signdx.scenario.credentials.internal;

import static io.signdx.scenario.credentials.internal.Bursts.LAPTOP;
import static io.signdx.scenario.credentials.internal.Bursts.T0;
import static io.signdx.scenario.credentials.internal.Bursts.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class InvalidPasswordDetectorTest {
    private final InvalidPasswordDetector detector = new InvalidPasswordDetector();
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

    /** Every failed sign-in of the burst this detector handles, classified; the set must have one value. */
    private Set<String> classifications(List<SignIn> burst) {
        Set<String> out = new TreeSet<>();
        for (SignIn s : burst) {
            if (s.errorCode() != SignInFacts.LOCKED) {
                out.add(diagnose(s).classification());
            }
        }
        return out;
    }

    private static EvidenceTable table(Finding f, String titleStart) {
        return f.evidence().stream().filter(t -> t.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no table '" + titleStart + "' in " + f.evidence()));
    }

    private static String signal(Finding f, String signalStart) {
        return table(f, "How the burst was classified").rows().stream().filter(r -> r.get(0).startsWith(signalStart))
                .map(r -> r.get(1)).findFirst().orElseThrow();
    }

    // ---- the demo shapes ---------------------------------------------------------------------------

    @Test
    void aFewWrongPasswordsThenSuccessAreATypo() {
        List<SignIn> burst = b.typo("ann@contoso.example", T0.plus(Duration.ofHours(2)), "203.0.113.21", 2);
        b.typo("ben@contoso.example", T0.plus(Duration.ofHours(5)), "203.0.113.22", 1);
        assertEquals(Set.of(Burst.TYPO), classifications(burst));
        Finding f = diagnose(burst.get(0));
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("ann@contoso.example"), f.assessment());
        assertTrue(f.assessment().contains("typing mistake"), f.assessment());
        assertEquals("2", signal(f, "Failed attempts of this client"));
        assertTrue(signal(f, "Success from the same client").startsWith("yes"));
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
        assertEquals(3, table(f, "Attempts of this client").rows().size(), "two failures and the success");
    }

    @Test
    void aPhoneRetryingEveryHalfHourIsAStaleCredential() {
        List<SignIn> burst = b.stale("sam@contoso.example", T0, 110);
        assertEquals(Set.of(Burst.STALE), classifications(burst));
        Finding f = diagnose(burst.get(55));
        assertTrue(f.assessment().contains("Exchange ActiveSync"), f.assessment());
        assertTrue(f.assessment().contains("about every 30 min"), f.assessment());
        assertTrue(f.assessment().contains("signed in successfully"), "the laptop's successes are mentioned");
        assertEquals("100 %", signal(f, "Intervals within"));
        EvidenceTable client = table(f, "The client that keeps retrying");
        assertTrue(client.rows().stream().anyMatch(r -> r.get(1).equals("iOS 17")));
        assertTrue(f.recommendations().get(0).action().contains("Exchange ActiveSync"));
        assertTrue(f.recommendations().get(0).action().contains("Apple-iPhone15C2"));
        assertTrue(table(f, "Attempts of this client").rows().size() <= InvalidPasswordDetector.TABLE_ROWS);
    }

    @Test
    void oneAddressFailingForManyAccountsIsASpray() {
        List<SignIn> burst = b.spray("192.0.2.250", T0.plus(Duration.ofDays(3)), 48);
        assertEquals(Set.of(Burst.SPRAY), classifications(burst));
        Finding f = diagnose(burst.get(0));
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals("48", signal(f, "Accounts with failed attempts from 192.0.2.250"));
        assertTrue(f.assessment().contains("48 different accounts"), f.assessment());
        assertEquals(48, table(f, "Accounts tried from 192.0.2.250").rows().size());
        assertTrue(f.recommendations().get(0).action().contains("Block 192.0.2.250"));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("legacy client 'Other clients' and "
                + "the password grant (ROPC)")));
    }

    @Test
    void manyAttemptsOnOneAccountFromManyAddressesAreABruteForce() {
        List<SignIn> burst = b.bruteForce("bob@contoso.example", T0.plus(Duration.ofDays(4)));
        assertEquals(Set.of(Burst.BRUTE_FORCE), classifications(burst));
        Finding f = diagnose(burst.get(3));
        assertEquals("12", signal(f, "IP addresses of those attempts"));
        assertEquals("36", signal(f, "Failed attempts of the account"));
        assertEquals(12, table(f, "Where the attempts came from").rows().size());
        assertTrue(f.assessment().contains("No successful sign-in"), f.assessment());
    }

    @Test
    void aBruteForceThatGotInSaysSo() {
        List<SignIn> burst = b.bruteForce("bob@contoso.example", T0);
        b.ok("bob@contoso.example", T0.plusSeconds(36 * 40L + 60), "192.0.2.104", Bursts.LINUX);
        Finding f = diagnose(burst.get(0));
        assertEquals(Burst.BRUTE_FORCE, f.classification());
        assertTrue(f.assessment().contains("treat it as compromised"), f.assessment());
        assertTrue(f.recommendations().get(0).action().startsWith("The attacker signed in"));
    }

    @Test
    void threeWrongPasswordsThenALockoutWithoutSuccessIsUnknown() {
        List<SignIn> burst = b.forgotten("cora@contoso.example", T0, "198.51.100.9");
        assertEquals(Set.of(Burst.UNKNOWN), classifications(burst));
        Finding f = diagnose(burst.get(0));
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.assessment().contains("does not remember"), f.assessment());
    }

    // ---- near misses -------------------------------------------------------------------------------

    @Test
    void twoUsersFailingOnOneAddressAreNotASpray() {
        SignIn first = b.fail("ann@contoso.example", 50126, WRONG, T0, "203.0.113.50", LAPTOP);
        SignIn second = b.fail("ben@contoso.example", 50126, WRONG, T0.plusSeconds(40), "203.0.113.50", LAPTOP);
        assertNotEquals(Burst.SPRAY, diagnose(first).classification());
        assertNotEquals(Burst.SPRAY, diagnose(second).classification());
        assertEquals("2", signal(diagnose(first), "Accounts with failed attempts"));
    }

    @Test
    void nineAccountsFromOneAddressAreBelowTheSprayThreshold() {
        List<SignIn> burst = b.spray("192.0.2.251", T0, 9);
        assertFalse(classifications(burst).contains(Burst.SPRAY));
    }

    @Test
    void oneMistypeFollowedBySuccessIsNotAStaleCredential() {
        List<SignIn> burst = b.typo("ann@contoso.example", T0, "203.0.113.21", 1);
        Finding f = diagnose(burst.get(0));
        assertNotEquals(Burst.STALE, f.classification());
        assertEquals(Burst.TYPO, f.classification());
    }

    @Test
    void anOfficeAddressWhereTheSamePeopleAlsoSucceedIsNotASpray() {
        List<SignIn> failures = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            failures.addAll(b.typo("staff" + i + "@contoso.example", T0.plus(Duration.ofMinutes(3L * i)),
                    "203.0.113.5", 1));
            b.ok("other" + i + "@contoso.example", T0.plus(Duration.ofMinutes(3L * i + 1)), "203.0.113.5", LAPTOP);
        }
        Finding f = diagnose(failures.get(7));
        assertEquals("14", signal(f, "Accounts with failed attempts from 203.0.113.5"));
        assertTrue(signal(f, "Of those accounts").startsWith("14"), "every one of them also signed in there");
        assertEquals(Set.of(Burst.TYPO), classifications(failures));
    }

    @Test
    void failuresThatAreHalfAnAddressTrafficButAllFollowedBySuccessAreNotASpray() {
        List<SignIn> failures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            failures.addAll(b.typo("staff" + i + "@contoso.example", T0.plus(Duration.ofMinutes(2L * i)),
                    "203.0.113.5", 1));
        }
        Finding f = diagnose(failures.get(0));
        assertEquals("12 of 24 (50 %)", signal(f, "Failed attempts among all sign-ins"));
        assertNotEquals(Burst.SPRAY, f.classification(), "the same people signed in from there");
    }

    @Test
    void aBusyOfficeWhereTwelvePeopleFailWithoutSuccessIsNotASpray() {
        List<SignIn> failures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            failures.add(b.fail("staff" + i + "@contoso.example", 50126, WRONG, T0.plus(Duration.ofMinutes(2L * i)),
                    "203.0.113.5", LAPTOP));
            for (int k = 0; k < 3; k++) {
                b.ok("other" + i + "-" + k + "@contoso.example", T0.plus(Duration.ofMinutes(2L * i)).plusSeconds(20L * k),
                        "203.0.113.5", LAPTOP);
            }
        }
        Finding f = diagnose(failures.get(5));
        assertEquals("0 (0 %)", signal(f, "Of those accounts"));
        assertNotEquals(Burst.SPRAY, f.classification(), "failures are a quarter of the address's sign-ins");
    }

    /**
     * A person trying to remember a password over an afternoon, or an app with back-off: without a success
     * and without a regular interval this is not called a stale credential, nor anything else.
     */
    @Test
    void irregularFailuresOfOneUserOverHoursWithoutSuccessAreUnknown() {
        long[] minutes = {0, 5, 45, 57, 147, 150, 205, 262};
        List<SignIn> burst = new ArrayList<>();
        for (long m : minutes) {
            burst.add(b.fail("dan@contoso.example", 50126, WRONG, T0.plus(Duration.ofMinutes(m)), "198.51.100.3",
                    LAPTOP));
        }
        assertEquals(Set.of(Burst.UNKNOWN), classifications(burst));
        Finding f = diagnose(burst.get(3));
        assertTrue(f.assessment().contains("irregular intervals"), f.assessment());
        assertEquals("8", signal(f, "Failed attempts of this client"));
    }

    @Test
    void manyQuickAttemptsFromOneAddressAreNotABruteForce() {
        List<SignIn> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(b.fail("eve@contoso.example", 50126, WRONG, T0.plusSeconds(50L * i), "198.51.100.4", LAPTOP));
        }
        Set<String> got = classifications(burst);
        assertFalse(got.contains(Burst.BRUTE_FORCE), got.toString());
        assertEquals(Set.of(Burst.UNKNOWN), got, "regular but only 9 minutes long: not a stale credential either");
    }

    @Test
    void sixRegularAttemptsInUnderAnHourAreNotYetAStaleCredential() {
        List<SignIn> phone = b.stale("tim@contoso.example", T0, 1);
        for (int i = 1; i < 6; i++) {
            phone.add(b.add(phone.get(0).toBuilder().id("tim-" + i).createdDateTime(T0.plus(Duration.ofMinutes(9L * i)))
                    .build()));
        }
        assertEquals(Set.of(Burst.UNKNOWN), classifications(phone), "6 regular attempts, but over 45 minutes only");
        assertEquals("6", signal(diagnose(phone.get(0)), "Failed attempts of this client"));
    }

    // ---- the other codes ---------------------------------------------------------------------------

    @Test
    void accountStateCodesGetTheirOwnClassification() {
        SignIn expired = b.fail("fay@contoso.example", 50055, "The password is expired.", T0, "203.0.113.6", LAPTOP);
        SignIn onPrem = b.fail("gus@contoso.example", 50144, "Password expired.", T0, "203.0.113.7", LAPTOP);
        SignIn disabled = b.fail("hal@contoso.example", 50057, "User account is disabled.", T0, "203.0.113.8", LAPTOP);
        SignIn none = b.fail("ida@contoso.example", 50056, "Invalid or null password", T0, "203.0.113.9", LAPTOP);
        assertEquals("password-expired", diagnose(expired).classification());
        assertEquals("on-premises-password-expired", diagnose(onPrem).classification());
        assertEquals("account-disabled", diagnose(disabled).classification());
        assertEquals("no-password", diagnose(none).classification());
        assertTrue(diagnose(onPrem).assessment().contains("on-premises Active Directory"));
        assertEquals("Password expired", diagnose(expired).title());
        assertEquals(Actor.ADMIN, diagnose(disabled).recommendations().get(0).actor());
    }

    @Test
    void anExpiredPasswordChangedRightAfterwardsSaysSo() {
        SignIn expired = b.fail("fay@contoso.example", 50055, "The password is expired.", T0, "203.0.113.6", LAPTOP);
        b.ok("fay@contoso.example", T0.plus(Duration.ofMinutes(2)), "203.0.113.6", LAPTOP);
        Finding f = diagnose(expired);
        assertEquals("password-expired", f.classification(), "the account state, not 'typo', describes it");
        assertTrue(f.assessment().contains("has since been dealt with"), f.assessment());
    }

    @Test
    void anUnknownNameInsideASprayIsPartOfTheSpray() {
        List<SignIn> burst = b.spray("192.0.2.250", T0, 20);
        SignIn ghost = b.add(burst.get(5).toBuilder().id("ghost").userPrincipalName("ghost@contoso.example")
                .userId(null).createdDateTime(burst.get(5).createdDateTime().plusSeconds(3))
                .status(new Status(50034, "User account does not exist.", null)).build());
        SignIn disabled = b.add(burst.get(6).toBuilder().id("gone").userPrincipalName("gone@contoso.example")
                .userId("id-gone").createdDateTime(burst.get(6).createdDateTime().plusSeconds(3))
                .status(new Status(50057, "User account is disabled.", null)).build());
        assertEquals(Burst.SPRAY, diagnose(ghost).classification());
        assertTrue(diagnose(ghost).assessment().contains("guessing names"));
        assertEquals(Burst.SPRAY, diagnose(disabled).classification());
        assertEquals("22", signal(diagnose(burst.get(0)), "Accounts with failed attempts"));
    }

    @Test
    void aMistypedNameGetsASpellingHint() {
        SignIn s = b.fail("ann@contso.example", 50034, "User account does not exist.", T0, "203.0.113.21", LAPTOP);
        Finding f = diagnose(s);
        assertEquals("User account not found", f.title());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("spelling")));
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("other sign-ins of the user")), f.missing().toString());
    }

    @Test
    void otherCodesAreIgnored() {
        SignIn s = b.fail("ann@contoso.example", 50074, "Strong Authentication is required.", T0, "203.0.113.21",
                LAPTOP);
        assertTrue(detector.detect(s, TestContext.of(b.all)).isEmpty());
    }

    @Test
    void relatedQueriesAreBoundedAndSaySoWhenFull() {
        List<SignIn> burst = b.stale("sam@contoso.example", T0.minus(Duration.ofDays(1)), 600);
        Finding f = diagnose(burst.get(300));
        assertEquals(Burst.STALE, f.classification());
        assertTrue(f.missing().isEmpty(), "48 h of half-hourly retries is far below the page size: " + f.missing());
        List<SignIn> flood = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            flood.add(b.fail("zed@contoso.example", 50126, WRONG, T0.plusSeconds(10L * i), "198.51.100.20", LAPTOP));
        }
        Finding full = diagnose(flood.get(350));
        assertTrue(full.missing().stream().anyMatch(m -> m.startsWith("more than 500 sign-ins of the user")),
                full.missing().toString());
    }
}
