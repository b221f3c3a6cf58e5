package io.signdx.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

import io.signdx.testkit.DetailParity;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class ErrorCodeInsightDetectorTest {
    private final Catalog catalog = new Catalog();
    private final ErrorCodeInsightDetector detector = new ErrorCodeInsightDetector(catalog);
    private final TestContext context = TestContext.empty();

    @Test
    void aCataloguedCodeIsExplainedWithHighConfidence() {
        SignIn s = SignIn.builder().id("r1").userPrincipalName("ann@contoso.example").appDisplayName("Contoso Expenses")
                .status(new Status(50126, "Invalid username or password.", "The user didn't enter the right credentials."))
                .build();
        List<Finding> findings = DetailParity.detect(detector, s, context);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        ErrorCode entry = catalog.lookup(50126).orElseThrow();
        assertEquals("error-code.insight", f.scenario());
        assertEquals("AADSTS50126 InvalidUserNameOrPassword", f.title());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals("credentials", f.classification());
        assertTrue(f.assessment().contains("ann@contoso.example"), f.assessment());
        assertTrue(f.assessment().contains("Contoso Expenses"), f.assessment());
        assertTrue(f.assessment().endsWith(entry.explanation()), f.assessment());
        assertTrue(f.complete());

        EvidenceTable t = f.evidence().get(0);
        assertEquals("Error", t.title());
        assertEquals(List.of("Code", "Name", "Failure reason", "Additional details"), t.columns());
        assertEquals(List.of(List.of("AADSTS50126", "InvalidUserNameOrPassword", "Invalid username or password.",
                "The user didn't enter the right credentials.")), t.rows());

        Recommendation r = f.recommendations().get(0);
        assertEquals(entry.actor(), r.actor());
        assertEquals(entry.remediation(), r.action());
        assertEquals(entry.links().get(0), r.link());
    }

    @Test
    void theRecommendationNamesWhoeverTheCatalogueSays() {
        SignIn s = SignIn.builder().userPrincipalName("bob@contoso.example").errorCode(50105).build();
        Finding f = DetailParity.detect(detector, s, context).get(0);
        assertEquals(Actor.ADMIN, f.recommendations().get(0).actor());
        assertEquals("application-configuration", f.classification());
    }

    @Test
    void anUncataloguedCodeGetsALowConfidenceLookupHint() {
        SignIn s = SignIn.builder().userPrincipalName("ann@contoso.example").appDisplayName("Payroll")
                .status(new Status(4242424, "Something\n new   happened.", null)).build();
        Finding f = DetailParity.detect(detector, s, context).get(0);
        assertEquals(Confidence.LOW, f.confidence());
        assertTrue(f.assessment().contains("AADSTS4242424"), f.assessment());
        assertTrue(f.assessment().contains("not in the SignDx error-code catalogue"), f.assessment());
        assertTrue(f.assessment().contains("\"Something new happened.\""), f.assessment());
        assertEquals(List.of("catalogue entry for AADSTS4242424"), f.missing());
        assertFalse(f.complete());
        Recommendation r = f.recommendations().get(0);
        assertEquals(Actor.ADMIN, r.actor());
        assertEquals("https://login.microsoftonline.com/error?code=4242424", r.link());
        assertEquals(List.of(List.of("AADSTS4242424", "", "Something\n new   happened.", "")), f.evidence().get(0).rows());
    }

    @Test
    void aSuccessfulSignInHasNoFinding() {
        SignIn s = SignIn.builder().userPrincipalName("ann@contoso.example").status(Status.SUCCESS).build();
        assertEquals(List.of(), DetailParity.detect(detector, s, context));
        assertEquals(List.of(), DetailParity.detect(detector, SignIn.builder().build(), context));
    }

    @Test
    void partialSignInsDoNotBreakIt() {
        // No user, no app, no failure reason, no details: only the code is known.
        Finding known = DetailParity.detect(detector, SignIn.builder().errorCode(50053).build(), context).get(0);
        assertTrue(known.assessment().startsWith("The sign-in of unknown user to unknown application"), known.assessment());
        assertEquals(List.of(List.of("AADSTS50053", "IdsLocked", "", "")), known.evidence().get(0).rows());

        Finding unnamed = DetailParity.detect(detector, SignIn.builder().errorCode(28002).build(), context).get(0);
        assertEquals("AADSTS28002", unnamed.title());
        assertEquals(List.of(List.of("AADSTS28002", "", "", "")), unnamed.evidence().get(0).rows());

        Finding unknown = DetailParity.detect(detector, SignIn.builder().errorCode(999999).build(), context).get(0);
        assertEquals(Confidence.LOW, unknown.confidence());
        assertTrue(unknown.assessment().contains("no failure reason"), unknown.assessment());
    }

    @Test
    void everyCataloguedCodeIsCountedAsItIsExplained() {
        // counting without detail skips the text of every failed sign-in, and must still give each entry's verdict
        for (ErrorCode entry : catalog.all()) {
            SignIn s = SignIn.builder().id("c-" + entry.code()).errorCode(entry.code()).build();
            assertEquals(entry.category(), DetailParity.detect(detector, s, context).get(0).classification());
        }
    }

    @Test
    void aVeryLongFailureReasonIsQuotedShort() {
        String reason = "x".repeat(5000);
        Finding f = DetailParity.detect(detector, SignIn.builder().status(new Status(999999, reason, null)).build(),
                context).get(0);
        assertTrue(f.assessment().length() < 600, "assessment has " + f.assessment().length() + " characters");
        assertEquals(reason, f.evidence().get(0).rows().get(0).get(2), "the evidence keeps the full text");
    }
}
