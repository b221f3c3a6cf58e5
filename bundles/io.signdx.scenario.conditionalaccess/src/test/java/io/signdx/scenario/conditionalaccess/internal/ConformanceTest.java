package io.signdx.scenario.conditionalaccess.internal;

import java.util.List;

import io.signdx.testkit.DetectorConformance;

import org.junit.jupiter.api.Test;

/** Every detector of the bundle passes the conformance suite partners run (and the engine's quick check). */
class ConformanceTest {
    @Test
    void everyDetectorConforms() {
        DetectorConformance.assertConforms(new BlockedDetector());
        DetectorConformance.assertConforms(new FailedDetector());
        DetectorConformance.assertConforms(new MfaDetector());
        DetectorConformance.assertConforms(new B2bBlockedDetector());
    }

    @Test
    void everyDetectorConformsWithAnEvaluatorBound() {
        FakeEvaluator e = FakeEvaluator.answering(FakeEvaluator.evaluation(List.of(), List.of(), List.of()));
        DetectorConformance.assertConforms(new BlockedDetector(e.snapshots()));
        DetectorConformance.assertConforms(new FailedDetector(e.snapshots()));
        DetectorConformance.assertConforms(new MfaDetector(e.snapshots()));
        DetectorConformance.assertConforms(new B2bBlockedDetector(e.snapshots()));
    }
}
