package io.signdx.scenario.legacyauth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class LegacyAuthDetectorTest {
    static final AppliedPolicy BLOCK_LEGACY_FAILED = new AppliedPolicy("p1", "Block legacy authentication", "failure",
            List.of("Block"), List.of(), Set.of("application", "users"), Set.of());
    static final AppliedPolicy BLOCK_LEGACY_SKIPPED = new AppliedPolicy("p1", "Block legacy authentication",
            "notApplied", List.of(), List.of(), Set.of("application"), Set.of("users"));
    static final AppliedPolicy MFA_FAILED = new AppliedPolicy("p2", "Require MFA for everyone", "failure",
            List.of("Mfa"), List.of(), Set.of("application", "users"), Set.of());
    static final AppliedPolicy OTHER_NOT_APPLIED = new AppliedPolicy("p3", "Require MFA for admins", "notApplied",
            List.of(), List.of(), Set.of("application"), Set.of("users"));

    private final LegacyAuthDetector detector = new LegacyAuthDetector();
    private final SignIns fx = new SignIns();

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = detector.detect(s, context);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("legacy.blocked", findings.get(0).scenario());
        // counting asks without detail: the same finding, classification, title and confidence included
        List<Finding> brief = detector.detect(s, context.brief());
        assertEquals(1, brief.size());
        assertEquals(findings.get(0).classification(), brief.get(0).classification());
        assertEquals(findings.get(0).title(), brief.get(0).title());
        assertEquals(findings.get(0).confidence(), brief.get(0).confidence());
        return findings.get(0);
    }

    private static boolean recommends(Finding f, Actor actor, String text) {
        return f.recommendations().stream().anyMatch(r -> r.actor() == actor && r.action().contains(text));
    }

    /** Shaped like the demo's blocked IMAP, POP and ActiveSync sign-ins. */
    private SignIn.Builder blocked(String upn, String protocol) {
        return fx.failure(upn, 53003).clientAppUsed(protocol).ipAddress("198.51.100.7")
                .conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(BLOCK_LEGACY_FAILED, OTHER_NOT_APPLIED))
                .deviceDetail(new DeviceDetail(null, null, "Android 15", null, null, null, null));
    }

    /** Shaped like the demo's multifunction printer sending mail with SMTP AUTH. */
    private SignIn.Builder printer() {
        return fx.success("scan-to-mail@northwind.example").clientAppUsed("Authenticated SMTP").ipAddress("203.0.113.9")
                .userAgent("MFP-Firmware/4.2").appliedConditionalAccessPolicies(List.of(BLOCK_LEGACY_SKIPPED,
                        OTHER_NOT_APPLIED));
    }

    // ---- blocked by Conditional Access --------------------------------------------------------------

    @Test
    void demoImapBlockedByTheLegacyPolicyNamesProtocolUserPolicyAndTheWayOut() {
        SignIn s = blocked("uma@northwind.example", "IMAP4").userAgent("Thunderbird/115").build();
        Finding f = only(s, TestContext.of(List.of(s)));
        assertEquals("blocked-by-ca", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        String a = f.assessment();
        assertTrue(a.contains("uma@northwind.example"), a);
        assertTrue(a.contains("over IMAP4"), a);
        assertTrue(a.contains("the policy 'Block legacy authentication' failed it"), a);
        assertTrue(a.contains("'Thunderbird/115' on Android 15"), a);
        assertTrue(recommends(f, Actor.ADMIN, "OAuth"), f.recommendations().toString());
        assertTrue(recommends(f, Actor.USER, "Sign in with Microsoft"));
        assertTrue(recommends(f, Actor.ADMIN, "Do not exclude uma@northwind.example"));
        assertTrue(recommends(f, Actor.ADMIN, "Set-CASMailbox -Identity uma@northwind.example -ImapEnabled $false"));
        EvidenceTable policies = f.evidence().get(1);
        assertEquals(List.of(List.of("Block legacy authentication", "failure", "Block", "application, users", "")),
                policies.rows());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void theAccountsOtherLegacySignInsShowTheScaleAndAnyThatGotThrough() {
        List<SignIn> all = new ArrayList<>();
        fx.every(Duration.ofHours(2));
        for (int i = 0; i < 5; i++) {
            all.add(blocked("ann@contoso.example", "Exchange ActiveSync").build());
        }
        all.add(fx.success("ann@contoso.example").clientAppUsed("POP3").build());
        all.add(fx.success("ann@contoso.example").build()); // a browser: not legacy, not counted
        all.add(blocked("bob@contoso.example", "Exchange ActiveSync").build()); // another account
        Finding f = only(all.get(2), TestContext.of(all));
        String a = f.assessment();
        assertTrue(a.contains("made 5 legacy sign-ins over Exchange ActiveSync (5 failed, 0 succeeded) between "
                + "2026-11-16T09:00:00Z and 2026-11-16T17:00:00Z, and 1 over POP3."), a);
        assertTrue(a.contains("Some of them succeeded"), a);
        EvidenceTable activity = f.evidence().get(2);
        assertEquals(2, activity.rows().size());
        assertEquals(List.of("Exchange ActiveSync", "5", "0", "5"), activity.rows().get(0).subList(0, 4));
        assertTrue(recommends(f, Actor.ADMIN, "Outlook for iOS and Android"));
    }

    @Test
    void aBlockWithoutRecordedPoliciesIsLessSureAndSaysWhatIsMissing() {
        Finding f = only(fx.failure("ann@contoso.example", 53003).clientAppUsed("POP3").build(), TestContext.empty());
        assertEquals("blocked-by-ca", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("Conditional Access policies")));
    }

    // ---- security defaults --------------------------------------------------------------------------

    @Test
    void securityDefaultsBlockLegacyClientsWithoutExceptions() {
        SignIn s = fx.failure("ann@contoso.example", 530035).clientAppUsed("Authenticated SMTP")
                .userAgent("LOB-Mailer/1.0").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("blocked-by-security-defaults", f.classification());
        assertTrue(f.assessment().contains("security defaults"), f.assessment());
        assertFalse(f.assessment().contains("snapshot"), f.assessment());
        assertTrue(recommends(f, Actor.ADMIN, "SMTP relay"));
        assertTrue(recommends(f, Actor.ADMIN, "-SmtpClientAuthenticationDisabled $true"));
    }

    @Test
    void aSnapshotSayingSecurityDefaultsAreOffIsPointedOut() {
        SignIn s = fx.failure("ann@contoso.example", 530035).clientAppUsed("IMAP4").build();
        Finding f = only(s, TestContext.empty().withTenant(Tenants.builder().securityDefaults(false).build()));
        assertTrue(f.assessment().contains("snapshot says security defaults are off"), f.assessment());
    }

    // ---- controls a legacy client cannot satisfy ----------------------------------------------------

    @Test
    void mfaRequiredByAPolicyCannotBeSatisfiedByActiveSync() {
        SignIn s = fx.failure("ann@contoso.example", 50076).clientAppUsed("Exchange ActiveSync")
                .appliedConditionalAccessPolicies(List.of(MFA_FAILED)).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("cannot-satisfy-controls", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("the policy 'Require MFA for everyone' requires multifactor "
                + "authentication (AADSTS50076), and Exchange ActiveSync cannot provide it"), f.assessment());
        assertTrue(recommends(f, Actor.ADMIN, "Block legacy authentication outright"));
    }

    @Test
    void perUserMfaIsNamedWhenNoPolicyAskedForMfa() {
        SignIn s = fx.failure("ann@contoso.example", 50074).clientAppUsed("POP3")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("user", null))).build();
        assertTrue(only(s, TestContext.empty()).assessment().contains("per-user MFA requires multifactor"));
    }

    @Test
    void aDeviceControlWithNoRecordedSourceIsLessSure() {
        Finding f = only(fx.failure("ann@contoso.example", 53000).clientAppUsed("MAPI Over HTTP").build(),
                TestContext.empty());
        assertEquals("cannot-satisfy-controls", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("a compliant device"), f.assessment());
        assertFalse(f.missing().isEmpty());
    }

    // ---- successful legacy sign-ins: exposure -------------------------------------------------------

    @Test
    void demoPrinterSendingWithSmtpAuthIsAnExposureWithAllItsSignInsAndTheSkippedPolicy() {
        List<SignIn> all = new ArrayList<>();
        fx.every(Duration.ofHours(6));
        for (int i = 0; i < 24; i++) {
            all.add(printer().build());
        }
        all.add(fx.success("legacy-app@northwind.example").clientAppUsed("IMAP4").ipAddress("203.0.113.9").build());
        all.add(fx.success("ann@northwind.example").ipAddress("203.0.113.9").build()); // modern: not listed
        Finding f = only(all.get(10), TestContext.of(all));
        assertEquals("exposure", f.classification());
        String a = f.assessment();
        assertTrue(a.startsWith("scan-to-mail@northwind.example signed in successfully to Office 365 Exchange Online "
                + "over Authenticated SMTP"), a);
        assertTrue(a.contains("single-factor"), a);
        assertTrue(a.contains("No Conditional Access policy applied to it."), a);
        assertTrue(a.contains("'Block legacy authentication', which looks meant for legacy clients, did not apply "
                + "(condition not satisfied: users)"), a);
        assertTrue(a.contains("made 24 legacy sign-ins over Authenticated SMTP (0 failed, 24 succeeded)"), a);
        assertTrue(a.contains("From 203.0.113.9, 2 accounts used legacy protocols in that time: "
                + "legacy-app@northwind.example, scan-to-mail@northwind.example."), a);
        assertTrue(recommends(f, Actor.ADMIN, "Check why 'Block legacy authentication' did not apply"));
        assertTrue(recommends(f, Actor.ADMIN, "SMTP relay"));
        assertTrue(recommends(f, Actor.ADMIN, "'MFP-Firmware/4.2'"));
        assertTrue(recommends(f, Actor.ADMIN, "-SmtpClientAuthenticationDisabled $true"));
        EvidenceTable accounts = f.evidence().get(f.evidence().size() - 1);
        assertEquals(List.of(List.of("legacy-app@northwind.example", "IMAP4", "1", "1", "2026-11-22T09:00:00Z"),
                List.of("scan-to-mail@northwind.example", "Authenticated SMTP", "24", "24", "2026-11-22T03:00:00Z")),
                accounts.rows());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("Conditional Access policies (snapshot)")));
    }

    @Test
    void withoutAnyLegacyPolicyTheAdminIsToldToCreateOne() {
        SignIn s = fx.success("ann@contoso.example").clientAppUsed("IMAP4").conditionalAccessStatusValue("success")
                .appliedConditionalAccessPolicies(List.of(OTHER_NOT_APPLIED)).build();
        Finding f = only(s, TestContext.empty());
        assertTrue(f.assessment().contains("none of them blocks legacy clients"), f.assessment());
        assertTrue(recommends(f, Actor.ADMIN, "'Exchange ActiveSync clients' and 'Other clients'"));
        assertTrue(f.assessment().contains("No other account used legacy protocols"), f.assessment());
    }

    @Test
    void aReportOnlyBlockThatWouldHaveWorkedIsToBeSwitchedOn() {
        AppliedPolicy reportOnly = new AppliedPolicy("p9", "Block legacy (pilot)", "reportOnlyFailure",
                List.of("Block"), List.of(), Set.of("application", "users", "clientType"), Set.of());
        SignIn s = fx.success("ann@contoso.example").clientAppUsed("POP3")
                .appliedConditionalAccessPolicies(List.of(reportOnly)).build();
        Finding f = only(s, TestContext.empty());
        assertTrue(f.assessment().contains("The report-only policy 'Block legacy (pilot)' would have blocked it"),
                f.assessment());
        assertTrue(recommends(f, Actor.ADMIN, "from report-only to On"));
        assertFalse(recommends(f, Actor.ADMIN, "Create a Conditional Access policy"));
    }

    @Test
    void otherClientsAreIdentifiedByTheirUserAgentOrMissIt() {
        Finding named = only(fx.success("ann@contoso.example").clientAppUsed("Other clients")
                .userAgent("python-requests/2.31").build(), TestContext.empty());
        assertTrue(recommends(named, Actor.ADMIN, "'python-requests/2.31'"));
        Finding anonymous = only(fx.success("ann@contoso.example").clientAppUsed("Other clients").build(),
                TestContext.empty());
        assertTrue(anonymous.missing().stream().anyMatch(m -> m.contains("user agent")));
    }

    @Test
    void unknownConditionalAccessStatusIsMissingData() {
        Finding f = only(fx.success("ann@contoso.example").clientAppUsed("IMAP4").conditionalAccessStatusValue(null)
                .build(), TestContext.empty());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("Conditional Access status")));
    }

    // ---- near misses ------------------------------------------------------------------------------

    @Test
    void modernClientsAreNotLegacyWhateverTheCode() {
        for (String client : new String[] {"Browser", "Mobile Apps and Desktop clients", "browser", "Hologram", null}) {
            for (int code : new int[] {0, 53003, 530035, 50076}) {
                SignIn s = fx.failure("ann@contoso.example", code).clientAppUsed(client).build();
                assertTrue(detector.detect(s, TestContext.empty()).isEmpty(), client + " " + code);
            }
        }
    }

    @Test
    void wrongPasswordsOverLegacyProtocolsStayWithTheCredentialsScenarios() {
        // the demo's phone retrying a stale password over ActiveSync
        SignIn stale = fx.failure("ann@contoso.example", 50126).clientAppUsed("Exchange ActiveSync")
                .userAgent("Apple-iPhone15C2/2105.258").status(new Status(50126, "Invalid username or password", null))
                .build();
        assertTrue(detector.detect(stale, TestContext.empty()).isEmpty());
        SignIn locked = stale.toBuilder().errorCode(50053).build();
        assertTrue(detector.detect(locked, TestContext.empty()).isEmpty());
        SignIn risky = stale.toBuilder().errorCode(53004).build();
        assertTrue(detector.detect(risky, TestContext.empty()).isEmpty());
    }
}
