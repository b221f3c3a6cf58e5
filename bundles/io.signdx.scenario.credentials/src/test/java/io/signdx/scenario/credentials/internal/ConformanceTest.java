package io.signdx.scenario.credentials.internal;

import io.signdx.testkit.DetectorConformance;

import org.junit.jupiter.api.Test;

/** Every detector of the bundle passes the conformance suite partners run (and the engine's quick check). */
class ConformanceTest {
    @Test
    void everyDetectorConforms() {
        DetectorConformance.assertConforms(new AccountLockedDetector());
        DetectorConformance.assertConforms(new IncompleteSignInDetector());
        DetectorConformance.assertConforms(new InvalidPasswordDetector());
        DetectorConformance.assertConforms(new SuccessDetector());
    }
}
