package io.signdx.scenario.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsoFailureDetectorTest {
    private static final Instant T = SignIns.START;
    private final SsoFailureDetector detector = new SsoFailureDetector();
    private final SignIns fx = new SignIns();

    private SignIn sso(String upn, int code) {
        return fx.failure(upn, code).createdDateTime(T).appDisplayName("Office 365 SharePoint Online")
                .authenticationProtocol("kerberos")
                .authenticationDetails(List.of(new AuthenticationDetail(T, "Seamless SSO", null, false, "failed",
                        "Primary authentication")))
                .build();
    }

    private SignIn successAt(String upn, Instant at) {
        return fx.success(upn).createdDateTime(at).appDisplayName("Office 365 SharePoint Online")
                .authenticationDetails(List.of(new AuthenticationDetail(at, "Password", "Password Hash Sync", true,
                        "Correct password", "Primary authentication")))
                .build();
    }

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("sso.failure", findings.get(0).scenario());
        return findings.get(0);
    }

    private static List<String> actions(Finding f) {
        return f.recommendations().stream().map(Recommendation::action).toList();
    }

    @ParameterizedTest
    @EnumSource(SsoCause.class)
    void everyCodeOfTheTableGetsItsClassificationAndItsSteps(SsoCause cause) {
        Finding f = only(sso("ann@contoso.example", cause.code()), TestContext.empty());
        assertEquals(cause.classification(), f.classification());
        assertEquals(cause.confidence(), f.confidence());
        assertTrue(f.assessment().contains("AADSTS" + cause.code()), f.assessment());
        assertTrue(f.assessment().contains("ann@contoso.example"), f.assessment());
        assertTrue(f.assessment().contains(cause.meaning()), f.assessment());
        assertTrue(f.assessment().contains("falls back"), f.assessment());
        assertEquals(cause.steps().stream().map(SsoStep::action).toList(), actions(f));
    }

    @Test
    void theDemoTenantsSeamlessSsoSignInsAreRecognised() {
        // Shaped like io.signdx.demo's ptaAndSso(): Kerberos protocol, a "Seamless SSO" step, the log's text.
        String[] reasons = {"DesktopSSO failed because the user's Kerberos ticket has expired or is invalid.",
            "Unable to validate user's Kerberos ticket.", "User's Kerberos ticket is too large.",
            "Kerberos authentication attempt failed."};
        int[] codes = {81010, 81009, 81001, 81004};
        String[] expected = {"ticket-expired", "ticket-invalid", "ticket-too-large", "kerberos-failed"};
        for (int i = 0; i < codes.length; i++) {
            SignIn s = SignIn.builder().id("demo-" + i).createdDateTime(T).userId("u-1")
                    .userPrincipalName("megan@northwind.example").appDisplayName("Office 365 SharePoint Online")
                    .authenticationProtocol("kerberos").status(new Status(codes[i], reasons[i], null))
                    .authenticationDetails(List.of(new AuthenticationDetail(T.plusSeconds(7200), "Seamless SSO", null,
                            false, reasons[i], "Primary authentication")))
                    .build();
            assertEquals(expected[i], only(s, TestContext.empty()).classification());
        }
    }

    @Test
    void aLaterSuccessOfTheSameUserShowsTheFallbackWorked() {
        SignIn failure = sso("ann@contoso.example", 81010);
        SignIn later = successAt("ann@contoso.example", T.plus(Duration.ofMinutes(3)));
        Finding f = only(failure, TestContext.of(List.of(failure, later)));
        assertTrue(f.assessment().contains("signed in successfully to Office 365 SharePoint Online at 09:03 UTC"),
                f.assessment());
        assertTrue(f.assessment().contains("3 minutes later) with Password"), f.assessment());
        assertTrue(f.assessment().contains("convenience"), f.assessment());
        EvidenceTable t = f.evidence().stream().filter(e -> e.title().startsWith("Successful sign-ins")).findFirst()
                .orElseThrow();
        assertEquals(1, t.rows().size());
        assertEquals("ticket-expired", f.classification());
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
    }

    @Test
    void theEarliestOfSeveralLaterSuccessesIsNamed() {
        SignIn failure = sso("ann@contoso.example", 81004);
        Finding f = only(failure, TestContext.of(List.of(failure,
                successAt("ann@contoso.example", T.plus(Duration.ofMinutes(50))),
                successAt("ann@contoso.example", T.plus(Duration.ofMinutes(1))))));
        assertTrue(f.assessment().contains("at 09:01 UTC (1 minute later)"), f.assessment());
    }

    @Test
    void successesOfOthersBeforeOrLongAfterDoNotCount() {
        SignIn failure = sso("ann@contoso.example", 81010);
        List<SignIn> context = List.of(failure,
                successAt("bob@contoso.example", T.plus(Duration.ofMinutes(2))),
                successAt("ann@contoso.example", T.minus(Duration.ofMinutes(5))),
                successAt("ann@contoso.example", T.plus(Duration.ofMinutes(90))),
                fx.failure("ann@contoso.example", 50126).createdDateTime(T.plus(Duration.ofMinutes(1))).build());
        Finding f = only(failure, TestContext.of(context));
        assertTrue(f.assessment().contains("No successful sign-in of ann@contoso.example followed within an hour"),
                f.assessment());
        assertTrue(f.evidence().stream().noneMatch(e -> e.title().startsWith("Successful sign-ins")));
    }

    @Test
    void theRelatedQueryIsTheUsersSuccessesInTheFollowingHourAndBounded() {
        TestContext recording = TestContext.empty();
        SignIn failure = sso("ann@contoso.example", 81006);
        only(failure, recording);
        assertEquals(1, recording.asked().size());
        SignInQuery q = recording.asked().get(0);
        assertEquals(failure.userId(), q.user());
        assertEquals(SignInQuery.StatusFilter.SUCCESS, q.status());
        assertEquals(T, q.from());
        assertEquals(T.plus(Duration.ofHours(1)), q.to());
        assertTrue(q.limit() <= 20, "limit " + q.limit());
    }

    @Test
    void withoutDetailTheLaterSuccessIsNotLookedUp() {
        // the code alone decides the finding: whether the fallback worked is told, not counted
        SignIn failure = sso("ann@contoso.example", 81010);
        TestContext counting = TestContext.of(List.of(failure, successAt("ann@contoso.example",
                T.plus(Duration.ofMinutes(3))))).brief();
        Finding f = detector.detect(failure, counting).get(0);
        assertEquals("ticket-expired", f.classification());
        assertTrue(f.evidence().isEmpty(), f.evidence().toString());
        assertTrue(counting.asked().isEmpty(), counting.asked().toString());
    }

    @Test
    void aTooLargeTicketShowsTheGroupCountFromTheSnapshot() {
        SignIn failure = sso("ann@contoso.example", 81001);
        Set<String> groups = new java.util.HashSet<>();
        for (int i = 0; i < 240; i++) {
            groups.add("g-" + i);
        }
        TenantContext tenant = Tenants.builder()
                .user(new DirectoryUser(failure.userId(), "ann@contoso.example", "Ann", "Member", groups, Set.of()))
                .build();
        Finding f = only(failure, TestContext.empty().withTenant(tenant));
        assertTrue(f.assessment().contains("lists 240 groups"), f.assessment());
        assertEquals(List.of(List.of("ann@contoso.example", "240")), f.evidence().stream()
                .filter(e -> e.title().startsWith("Group memberships")).findFirst().orElseThrow().rows());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void aTooLargeTicketWithoutSnapshotSaysWhatIsMissing() {
        Finding f = only(sso("ann@contoso.example", 81001), TestContext.empty());
        assertFalse(f.complete());
        assertTrue(f.missing().get(0).contains("group memberships"), f.missing().toString());

        TenantContext otherUsers = Tenants.builder()
                .user(new DirectoryUser("someone-else", "bob@contoso.example", "Bob", "Member", Set.of(), Set.of()))
                .build();
        Finding g = only(sso("ann@contoso.example", 81001), TestContext.empty().withTenant(otherUsers));
        assertTrue(g.missing().get(0).contains("the user in the tenant snapshot"), g.missing().toString());
    }

    @Test
    void otherCodesDoNotLookAtTheSnapshot() {
        Finding f = only(sso("ann@contoso.example", 81010), TestContext.empty());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void aDifferentUserOnTheComputerIsNotAFault() {
        Finding f = only(sso("ann@contoso.example", 81012), TestContext.empty());
        assertEquals("user-mismatch", f.classification());
        assertTrue(f.recommendations().stream().allMatch(r -> r.actor() == Actor.USER));
        assertTrue(f.assessment().contains("not a fault"), f.assessment());
    }

    @Test
    void ambiguousValidationFailuresAreMediumAndNamedOnesHigh() {
        assertEquals(Confidence.MEDIUM, only(sso("a@contoso.example", 81002), TestContext.empty()).confidence());
        assertEquals(Confidence.HIGH, only(sso("a@contoso.example", 81007), TestContext.empty()).confidence());
        assertEquals("tenant-not-enabled", only(sso("a@contoso.example", 81007), TestContext.empty())
                .classification());
        assertEquals("wia-required", only(sso("a@contoso.example", 50180), TestContext.empty()).classification());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 81000, 81014, 80001, 50126, 50144, 50181, 53003})
    void codesOutsideTheTableAreNotSeamlessSsoFindings(int code) {
        SignIn s = fx.failure("ann@contoso.example", code).authenticationProtocol("kerberos").build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void aRecordWithoutTimeOrUserSaysWhatItCouldNotCheck() {
        Finding noTime = only(SignIn.builder().id("x").userId("u").errorCode(81010).build(), TestContext.empty());
        assertTrue(noTime.missing().get(0).contains("time"), noTime.missing().toString());
        Finding noUser = only(SignIn.builder().id("x").createdDateTime(T).errorCode(81010).build(), TestContext.empty());
        assertTrue(noUser.missing().get(0).contains("user"), noUser.missing().toString());
        assertTrue(noUser.assessment().contains("unknown user"), noUser.assessment());
    }
}
