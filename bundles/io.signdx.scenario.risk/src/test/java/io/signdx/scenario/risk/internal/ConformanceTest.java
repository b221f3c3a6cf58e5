package io.signdx.scenario.risk.internal;

import io.signdx.testkit.DetectorConformance;

import org.junit.jupiter.api.Test;

/** Every detector of the bundle passes the conformance suite partners run (and the engine's quick check). */
class ConformanceTest {
    @Test
    void everyDetectorConforms() {
        DetectorConformance.assertConforms(new RiskBlockedDetector());
    }
}
