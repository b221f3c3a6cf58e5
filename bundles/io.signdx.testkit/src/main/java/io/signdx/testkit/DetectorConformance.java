package io.signdx.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import io.signdx.api.detector.ScenarioDetector;
import io.signdx.conformance.ConformanceCheck;
import io.signdx.conformance.Declaration;
import io.signdx.conformance.Problem;

/**
 * The conformance suite in one line of a detector's test:
 *
 * <pre>
 * &#64;Test
 * void conforms() {
 *     DetectorConformance.assertConforms(new MyDetector());
 * }
 * </pre>
 *
 * It reads the {@code @Detector} declaration from the detector's class and checks that it is valid;
 * that the detector never throws or returns {@code null} on partial, fuzzed or unknown-enum sign-ins
 * (a few hundred, reproducible); that it answers the same sign-in the same way twice; that every call
 * stays within its time budget; and that its findings are of its own scenario. The engine runs a
 * quick form of the same checks when a detector arrives and refuses one that fails them.
 */
public final class DetectorConformance {
    /** Random samples beyond the fixed ones. */
    public static final int SAMPLES = 500;
    private static final long SEED = 20261116L;

    private DetectorConformance() {
    }

    /** Fails with every problem found when the detector does not conform. */
    public static void assertConforms(ScenarioDetector detector) {
        assertConforms(detector, Declaration.of(detector.getClass()));
    }

    /** As {@link #assertConforms(ScenarioDetector)}, with an explicit declaration (e.g. from a factory). */
    public static void assertConforms(ScenarioDetector detector, Declaration declaration) {
        List<Problem> problems = problems(detector, declaration);
        if (!problems.isEmpty()) {
            fail(detector.getClass().getName() + " (" + declaration.scenario() + ") does not conform:\n  "
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The problems found, for tests that expect a detector to fail (e.g. a deliberately broken one). */
    public static List<Problem> problems(ScenarioDetector detector) {
        return problems(detector, Declaration.of(detector.getClass()));
    }

    private static List<Problem> problems(ScenarioDetector detector, Declaration declaration) {
        return new ConformanceCheck(declaration).full(detector, SEED, SAMPLES);
    }
}
