package io.signdx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

/**
 * Runs a detector with detail and without ({@link TestContext#brief()}, as {@code signdx summary} counts
 * sign-ins by scenario) and fails unless both answers hold the same findings: as many, each with the same
 * scenario, title, classification and confidence. Without detail a finding carries its title as the
 * assessment and nothing else. Fixture tests that go through here fail when a brief path changes a verdict
 * or still does the detailed work.
 *
 * @since 1.3
 */
public final class DetailParity {
    private DetailParity() {
    }

    /** The detector's findings with detail, once the answer without detail has been checked against them. */
    public static List<Finding> detect(ScenarioDetector detector, SignIn signIn, TestContext context) {
        List<Finding> detailed = detector.detect(signIn, context);
        check(detailed, detector.detect(signIn, context.brief()), String.valueOf(signIn.id()));
        return detailed;
    }

    /** As {@link Detectors#run}, with the answer without detail checked. */
    public static List<Finding> run(ScenarioDetector detector, SignIn signIn, TestContext context) {
        List<Finding> detailed = Detectors.run(detector, signIn, context);
        check(detailed, Detectors.run(detector, signIn, context.brief()), String.valueOf(signIn.id()));
        return detailed;
    }

    /** As {@link Detectors#only}, with the answer without detail checked. */
    public static Finding only(ScenarioDetector detector, SignIn signIn, TestContext context) {
        Finding detailed = Detectors.only(detector, signIn, context);
        check(List.of(detailed), Detectors.run(detector, signIn, context.brief()), String.valueOf(signIn.id()));
        return detailed;
    }

    /** Fails unless the findings without detail have the detailed findings' verdicts, and nothing more. */
    public static void check(List<Finding> detailed, List<Finding> brief, String what) {
        assertEquals(verdicts(detailed), verdicts(brief), "without detail on " + what);
        for (Finding f : brief) {
            assertEquals(f.title(), f.assessment(), "without detail the title is the assessment: " + what);
            assertTrue(f.evidence().isEmpty() && f.recommendations().isEmpty() && f.missing().isEmpty(),
                    "without detail no evidence, advice or missing data: " + what);
        }
    }

    private static List<String> verdicts(List<Finding> findings) {
        return findings.stream().map(f -> f.scenario() + " | " + f.title() + " | " + f.classification() + " | "
                + f.confidence()).toList();
    }
}
