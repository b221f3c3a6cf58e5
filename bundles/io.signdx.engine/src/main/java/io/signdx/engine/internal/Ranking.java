package io.signdx.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;

/**
 * Orders findings: real findings before detector failures, then the more specific scenario (DESIGN §6:
 * e.g. legacy.blocked before ca.blocked, anything before error-code.insight), then higher confidence,
 * then scenario id so that the order never depends on thread timing.
 */
final class Ranking {
    private Ranking() {
    }

    static List<Finding> rank(List<Finding> findings, Map<String, Integer> specificity) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::detectorFailure)
                .thenComparing(f -> -specificity.getOrDefault(f.scenario(), 50))
                .thenComparing(f -> -f.confidence().ordinal())
                .thenComparing(Finding::scenario)
                .thenComparing(f -> f.classification() == null ? "" : f.classification()));
        return sorted;
    }

    static String primary(List<Finding> ranked) {
        // a plain loop: this runs once per diagnosed sign-in
        for (Finding f : ranked) {
            if (!f.detectorFailure()) {
                return f.scenario();
            }
        }
        return Diagnosis.NO_SCENARIO;
    }
}
