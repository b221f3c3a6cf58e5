package io.signdx.engine.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;

/** Builds detector handles as the registry would from service properties. */
final class TestDetectors {
    private static long ids = 1;

    private TestDetectors() {
    }

    static DetectorHandle handle(String scenario, ScenarioDetector d, Object errorCodes, long budgetMillis,
            int specificity) {
        Map<String, Object> props = new HashMap<>();
        props.put(Detector.SCENARIO, scenario);
        props.put(Detector.FAMILY, "test");
        props.put(Detector.TITLE, "Test " + scenario);
        if (errorCodes != null) {
            props.put(Detector.ERROR_CODES, errorCodes);
        }
        props.put(Detector.TIME_BUDGET_MILLIS, budgetMillis);
        props.put(Detector.SPECIFICITY, specificity);
        DetectorHandle h = new DetectorHandle(ids++, d, props, "test.bundle", "1.0.0", null);
        h.checked(null); // as the registry does once the quick check passed
        h.settle();
        return h;
    }

    static ScenarioDetector finding(String scenario) {
        return (s, c) -> List.of(Finding.builder(scenario).assessment("found " + scenario + " in " + s.id()).build());
    }
}
