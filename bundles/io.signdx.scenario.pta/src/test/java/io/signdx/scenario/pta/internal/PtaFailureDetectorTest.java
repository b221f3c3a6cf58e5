package io.signdx.scenario.pta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PtaFailureDetectorTest {
    private static final Instant T = SignIns.START;
    private final PtaFailureDetector detector = new PtaFailureDetector();
    private final SignIns fx = new SignIns();

    private static AuthenticationDetail passwordStep(String methodDetail, String result) {
        return new AuthenticationDetail(T, "Password", methodDetail, false, result, "Primary authentication");
    }

    private SignIn pta(String upn, int code, Instant at) {
        return fx.failure(upn, code).createdDateTime(at).appDisplayName("SharePoint Online")
                .authenticationDetails(List.of(passwordStep("Pass-through Authentication", "failed"))).build();
    }

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("pta.failure", f.scenario());
        return f;
    }

    private static List<String> actions(Finding f) {
        return f.recommendations().stream().map(Recommendation::action).toList();
    }

    @ParameterizedTest
    @EnumSource(PtaCause.class)
    void everyCodeOfTheTableGetsItsClassificationAndItsSteps(PtaCause cause) {
        SignIn s = pta("ann@contoso.example", cause.code(), T);
        Finding f = only(s, TestContext.empty());
        assertEquals(cause.classification(), f.classification());
        assertTrue(f.assessment().contains("AADSTS" + cause.code()), f.assessment());
        assertTrue(f.assessment().contains("ann@contoso.example"), f.assessment());
        assertTrue(f.assessment().contains("SharePoint Online"), f.assessment());
        assertTrue(f.assessment().contains(cause.meaning()), f.assessment());
        assertEquals(cause.steps().stream().map(PtaStep::action).toList(), actions(f));
        assertEquals(cause.scope() == PtaCause.Scope.AGENT ? Confidence.MEDIUM : Confidence.HIGH, f.confidence());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void theDemoTenantsPassThroughSignInsAreRecognised() {
        // Shaped like io.signdx.demo's ptaAndSso(): failure text from the sign-in log, PTA step in the details.
        String reason = "Authentication Agent unable to connect to Active Directory.";
        SignIn s = SignIn.builder().id("demo-1").correlationId("c-1").createdDateTime(T).userId("u-1")
                .userPrincipalName("megan@northwind.example").appDisplayName("Office 365 SharePoint Online")
                .ipAddress("203.0.113.20").clientAppUsed("Browser").status(new Status(80001, reason, null))
                .authenticationDetails(List.of(new AuthenticationDetail(T, "Password", "Pass-through Authentication",
                        false, reason, "Primary authentication")))
                .build();
        Finding f = only(s, TestContext.empty());
        assertEquals("agent-unavailable", f.classification());
        assertEquals(Actor.ADMIN, f.recommendations().get(0).actor());
        assertTrue(actions(f).get(0).contains("Authentication Agents"), actions(f).get(0));
    }

    @Test
    void manyUsersFailingAtOnceIsReportedAsAnOutage() {
        SignIn self = pta("ann@contoso.example", 80001, T);
        List<SignIn> others = List.of(
                pta("bob@contoso.example", 80001, T.minus(Duration.ofMinutes(40))),
                pta("cat@contoso.example", 80007, T.minus(Duration.ofMinutes(10))),
                pta("dan@contoso.example", 80001, T.plus(Duration.ofMinutes(20))),
                pta("bob@contoso.example", 80001, T.plus(Duration.ofMinutes(30))));
        List<SignIn> all = new ArrayList<>(others);
        all.add(self);
        Finding f = only(self, TestContext.of(all));
        assertEquals("agent-unavailable", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("4 users affected since 08:20 UTC"), f.assessment());
        assertTrue(f.assessment().contains("outage"), f.assessment());
        List<String> actions = actions(f);
        assertEquals(PtaStep.AGENT_STATUS.action(), actions.get(0));
        assertTrue(actions.contains(PtaStep.HIGH_AVAILABILITY.action()));
        assertEquals(PtaStep.PHS_BACKUP.action(), actions.get(actions.size() - 1));
        assertEquals(actions.size(), actions.stream().distinct().count(), "no step twice");

        EvidenceTable byCode = table(f, "Agent failures within an hour, by error code");
        assertEquals(List.of(List.of("AADSTS80001", "agent-unavailable", "4", "3"),
                List.of("AADSTS80007", "ad-unreachable", "1", "1")), byCode.rows());
        EvidenceTable signIns = table(f, "Pass-through authentication agent failures within an hour of this sign-in");
        assertEquals(5, signIns.rows().size());
        assertEquals(T.minus(Duration.ofMinutes(40)).toString(), signIns.rows().get(0).get(0), "oldest first");
    }

    @Test
    void withoutDetailAnOutageIsStillCountedFromTheOtherUsers() {
        // how many users an agent fault hits decides the confidence, so counting still asks, once
        SignIn self = pta("ann@contoso.example", 80001, T);
        List<SignIn> all = List.of(self, pta("bob@contoso.example", 80001, T.minus(Duration.ofMinutes(40))),
                pta("cat@contoso.example", 80007, T.minus(Duration.ofMinutes(10))));
        TestContext counting = TestContext.of(all).brief();
        Finding f = detector.detect(self, counting).get(0);
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.evidence().isEmpty() && f.recommendations().isEmpty(), f.evidence().toString());
        assertEquals(1, counting.asked().size());
    }

    @Test
    void twoUsersAreMentionedButNotCalledAnOutage() {
        SignIn self = pta("ann@contoso.example", 80002, T);
        SignIn other = pta("bob@contoso.example", 80002, T.minus(Duration.ofMinutes(5)));
        Finding f = only(self, TestContext.of(List.of(self, other)));
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("2 users affected since 08:55 UTC"), f.assessment());
        assertFalse(f.assessment().contains("points at an outage"), f.assessment());
        assertFalse(actions(f).contains(PtaStep.PHS_BACKUP.action()));
    }

    @Test
    void failuresOutsideTheHourOrOfOtherKindsDoNotMakeAnOutage() {
        SignIn self = pta("ann@contoso.example", 80001, T);
        List<SignIn> context = List.of(self,
                pta("bob@contoso.example", 80001, T.minus(Duration.ofMinutes(61))),
                pta("cat@contoso.example", 80001, T.plus(Duration.ofHours(2))),
                // account-side and password failures are not agent trouble
                pta("dan@contoso.example", 50144, T.plus(Duration.ofMinutes(1))),
                pta("eve@contoso.example", 80012, T.plus(Duration.ofMinutes(2))),
                pta("fay@contoso.example", 50126, T.plus(Duration.ofMinutes(3))),
                fx.success("gus@contoso.example").createdDateTime(T).build());
        Finding f = only(self, TestContext.of(context));
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("looks isolated"), f.assessment());
        assertTrue(f.evidence().stream().noneMatch(t -> t.title().startsWith("Agent failures")));
    }

    @Test
    void theRelatedQueryIsBoundedAndAsksOnlyForAgentCodesAroundTheSignIn() {
        TestContext recording = TestContext.empty();
        only(pta("ann@contoso.example", 80013, T), recording);
        assertEquals(1, recording.asked().size());
        SignInQuery q = recording.asked().get(0);
        assertEquals(PtaCause.AGENT_CODES, q.errorCodes());
        assertEquals(T.minus(Duration.ofHours(1)), q.from());
        assertEquals(T.plus(Duration.ofHours(1)), q.to());
        assertTrue(q.limit() <= 201, "limit " + q.limit());
        assertEquals(0, q.offset());

        TestContext another = TestContext.empty();
        only(pta("ann@contoso.example", 80012, T), another);
        assertTrue(another.asked().isEmpty(), "an account restriction needs no look at other users");
    }

    @Test
    void aFullPageSaysAtLeast() {
        SignIn self = pta("ann@contoso.example", 80001, T);
        List<SignIn> many = new ArrayList<>();
        many.add(self);
        for (int i = 0; i < 250; i++) {
            many.add(pta("user" + i + "@contoso.example", 80001, T.minusSeconds(i * 10L)));
        }
        Finding f = only(self, TestContext.of(many));
        assertTrue(f.assessment().contains("at least "), f.assessment());
        EvidenceTable shown = f.evidence().stream().filter(t -> t.title().startsWith("Pass-through")).findFirst()
                .orElseThrow();
        assertEquals(PtaFailureDetector.EVIDENCE_ROWS, shown.rows().size());
    }

    @Test
    void passwordExpiredWithPassThroughIsTheUsersToFix() {
        Finding f = only(pta("ann@contoso.example", 50144, T), TestContext.empty());
        assertEquals("password-expired", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
        assertEquals(Actor.ADMIN, f.recommendations().get(1).actor());
        assertTrue(f.complete());
    }

    @Test
    void passwordExpiredWithoutDetailsIsAnInference() {
        SignIn s = fx.failure("ann@contoso.example", 50144).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("password-expired", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertFalse(f.complete());
    }

    @Test
    void passwordExpiredUnderAnotherMethodIsNotPassThrough() {
        SignIn s = fx.failure("ann@contoso.example", 50144)
                .authenticationDetails(List.of(passwordStep("Password Hash Sync", "Password expired"))).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void invalidPasswordIsLeftToTheCredentialsScenariosEvenWithPassThrough() {
        SignIn s = fx.failure("ann@contoso.example", 50126)
                .status(new Status(50126, "Invalid on-premise username or password.", null))
                .authenticationDetails(List.of(passwordStep("Pass-through Authentication", "Invalid password")))
                .build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 80006, 80008, 80009, 80015, 81001, 50053, 50055})
    void codesOutsideTheTableAreNotPassThroughFindings(int code) {
        SignIn s = fx.failure("ann@contoso.example", code)
                .authenticationDetails(List.of(passwordStep("Pass-through Authentication", "x"))).build();
        assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty());
    }

    @Test
    void aRecordWithoutTimeSaysWhatItCouldNotCount() {
        SignIn s = SignIn.builder().id("x").errorCode(80007).build();
        Finding f = only(s, TestContext.empty());
        assertEquals("ad-unreachable", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertFalse(f.complete());
        assertTrue(f.assessment().contains("unknown user"), f.assessment());
    }

    @Test
    void methodIsReadFromTheDetailsWhateverTheirCase() {
        SignIn pta = fx.failure("a@b.example", 80001)
                .authenticationDetails(List.of(passwordStep("pass-through authentication", null))).build();
        SignIn phs = fx.failure("a@b.example", 80001)
                .authenticationDetails(List.of(passwordStep("Password Hash Sync", null))).build();
        SignIn none = fx.failure("a@b.example", 80001).build();
        assertEquals(PtaFailureDetector.Method.PASS_THROUGH, PtaFailureDetector.method(pta));
        assertEquals(PtaFailureDetector.Method.OTHER, PtaFailureDetector.method(phs));
        assertEquals(PtaFailureDetector.Method.NOT_RECORDED, PtaFailureDetector.method(none));
    }

    private static EvidenceTable table(Finding f, String title) {
        EvidenceTable t = f.evidence().stream().filter(e -> e.title().equals(title)).findFirst().orElse(null);
        assertNotNull(t, "no table '" + title + "' in " + f.evidence().stream().map(EvidenceTable::title).toList());
        return t;
    }
}
