package io.signdx.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;

class ConformanceCheckTest {
    private static final Declaration LOCKOUT = new Declaration("partner.acme.lockout", "partner.acme", "Lockout",
            List.of(50053), 50, 200);

    /** Reads the location of every locked-out sign-in with care: what a good detector does. */
    private static final ScenarioDetector GOOD = (s, c) -> List.of(Finding.builder("partner.acme.lockout")
            .title("Lockout").assessment(s.userLabel() + " is locked out at " + s.location().display() + ".")
            .recommend(Actor.USER, "Wait, then try again.", null).build());

    private static List<String> checks(List<Problem> problems) {
        return problems.stream().map(Problem::check).distinct().toList();
    }

    @Test
    void aCarefulDetectorPassesTheQuickAndTheFullForm() {
        ConformanceCheck check = new ConformanceCheck(LOCKOUT);
        assertEquals(List.of(), check.quick(GOOD));
        assertEquals(List.of(), check.full(GOOD, 7, 300));
    }

    @Test
    void aDetectorThatAssumesFieldsArePresentFailsRobustnessAndSaysWhere() {
        ScenarioDetector careless = (s, c) -> s.userPrincipalName().endsWith("@contoso.example") ? List.of()
                : List.of();
        List<Problem> problems = new ConformanceCheck(LOCKOUT).quick(careless);
        assertEquals(List.of("robustness"), checks(problems));
        assertTrue(problems.get(0).detail().contains("NullPointerException"), problems.toString());
        assertTrue(problems.get(0).detail().contains("error 50053"), problems.toString());
    }

    @Test
    void aDetectorWhoseAnswerChangesBetweenCallsIsNotDeterministic() {
        AtomicInteger calls = new AtomicInteger();
        ScenarioDetector moody = (s, c) -> List.of(Finding.builder("partner.acme.lockout")
                .assessment("Call number " + calls.incrementAndGet() + ".").build());
        assertEquals(List.of("determinism"), checks(new ConformanceCheck(LOCKOUT).quick(moody)));
    }

    @Test
    void withoutDetailADetectorMayShortenItsTextButNotChangeItsFindings() {
        // a short assessment without detail: allowed
        ScenarioDetector terse = (s, c) -> List.of(Finding.builder("partner.acme.lockout").title("Lockout")
                .classification("smart-lockout").assessment(c.detailed() ? "Locked out at " + s.location().display()
                        + "." : "Lockout").build());
        assertEquals(List.of(), new ConformanceCheck(LOCKOUT).quick(terse));
        // another classification, or no finding, without detail: not allowed
        ScenarioDetector sloppy = (s, c) -> List.of(Finding.builder("partner.acme.lockout").title("Lockout")
                .classification(c.detailed() ? "smart-lockout" : "unknown").assessment("Lockout").build());
        List<Problem> problems = new ConformanceCheck(LOCKOUT).quick(sloppy);
        assertEquals(List.of("detail"), checks(problems));
        assertTrue(problems.get(0).detail().contains("[partner.acme.lockout/unknown (MEDIUM)] instead of "
                + "[partner.acme.lockout/smart-lockout (MEDIUM)]"), problems.toString());
        ScenarioDetector lazy = (s, c) -> c.detailed() ? List.of(Finding.builder("partner.acme.lockout")
                .assessment("Lockout").build()) : List.of();
        assertEquals(List.of("detail"), checks(new ConformanceCheck(LOCKOUT).quick(lazy)));
    }

    @Test
    void aSlowAndAHangingDetectorOverrunTheirBudgetWithoutHangingTheCheck() {
        ScenarioDetector slow = (s, c) -> {
            sleep(300);
            return List.of();
        };
        List<Problem> problems = new ConformanceCheck(LOCKOUT).quick(slow);
        assertEquals(List.of("time-budget"), checks(problems));
        assertTrue(problems.get(0).detail().contains("more than its 200 ms budget"), problems.toString());

        ScenarioDetector hanging = (s, c) -> {
            sleep(60_000);
            return List.of();
        };
        List<Problem> hung = new ConformanceCheck(LOCKOUT).quick(hanging);
        assertEquals(1, hung.size(), hung.toString());
        assertTrue(hung.get(0).detail().startsWith("did not return within 400 ms"), hung.toString());
    }

    @Test
    void findingsMustBeOfTheDeclaredScenarioAndNotDetectorFailures() {
        ScenarioDetector other = (s, c) -> List.of(Finding.builder("partner.acme.other").assessment("x").build());
        assertTrue(new ConformanceCheck(LOCKOUT).quick(other).get(0).detail().contains("instead of its declared"));
        ScenarioDetector fake = (s, c) -> List.of(Finding.builder("partner.acme.lockout").assessment("x")
                .detectorFailure(true).build());
        assertTrue(new ConformanceCheck(LOCKOUT).quick(fake).get(0).detail().contains("marked as a detector failure"));
        ScenarioDetector nothing = (s, c) -> null;
        assertTrue(new ConformanceCheck(LOCKOUT).quick(nothing).get(0).detail().startsWith("returned null"));
    }

    @Test
    void aDetectorThatPagesThroughRelatedSignInsIsNotMistakenForAHangingOne() {
        // reads every sign-in of the same user a page at a time, stopping at the first short page
        ScenarioDetector paging = (s, c) -> {
            int seen = 0;
            for (int offset = 0;; offset += 2) {
                int page = c.related(io.signdx.api.source.SignInQuery.all().withErrorCodes(java.util.Set.of(50053))
                        .withPage(offset, 2)).size();
                seen += page;
                if (page < 2) {
                    break;
                }
            }
            return List.of(Finding.builder("partner.acme.lockout").assessment(seen + " lockouts around").build());
        };
        assertEquals(List.of(), new ConformanceCheck(LOCKOUT).quick(paging));
    }

    @Test
    void anInvalidDeclarationIsReportedBeforeAnyCall() {
        AtomicInteger calls = new AtomicInteger();
        ScenarioDetector counting = (s, c) -> {
            calls.incrementAndGet();
            return List.of();
        };
        Declaration bad = new Declaration("Acme Lockout", "", "t", List.of(50053, 50053, -1), 500, 0);
        List<Problem> problems = new ConformanceCheck(bad).quick(counting);
        assertEquals(List.of("declaration"), checks(problems));
        assertEquals(5, problems.size(), problems.toString());
        assertEquals(0, calls.get());
    }

    @Test
    void declarationsComeFromServicePropertiesOrFromTheAnnotation() {
        Declaration fromProps = Declaration.of(Map.of(Detector.SCENARIO, "partner.acme.lockout", Detector.FAMILY,
                "partner.acme", Detector.TITLE, "Lockout", Detector.ERROR_CODES, new int[] {50053, 50126},
                Detector.SPECIFICITY, 60));
        assertEquals(List.of(50053, 50126), fromProps.errorCodes());
        assertEquals(60, fromProps.specificity());
        assertEquals(List.of(), fromProps.problems());
        assertEquals(List.of(50053), Declaration.of(Map.of(Detector.ERROR_CODES, 50053)).errorCodes());
        assertEquals(List.of(1, 2), Declaration.of(Map.of(Detector.ERROR_CODES, List.of(1L, "2"))).errorCodes());
        assertNull(Declaration.of(Map.of(Detector.ERROR_CODES, "fifty")).errorCodes());

        Declaration annotated = Declaration.of(Annotated.class);
        assertEquals(new Declaration("partner.acme.annotated", "partner.acme", "Annotated", List.of(65001), 40, 0),
                annotated);
        assertTrue(Declaration.of(String.class).problems().get(0).startsWith("no scenario id"));
    }

    @Detector(scenario = "partner.acme.annotated", family = "partner.acme", title = "Annotated", errorCodes = 65001,
            specificity = 40)
    static final class Annotated implements ScenarioDetector {
        @Override
        public List<Finding> detect(SignIn signIn, io.signdx.api.detector.DetectionContext context) {
            return List.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
