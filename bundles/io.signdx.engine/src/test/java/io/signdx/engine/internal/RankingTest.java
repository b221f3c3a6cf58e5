package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;

import org.junit.jupiter.api.Test;

class RankingTest {
    private static Finding f(String scenario, Confidence c) {
        return Finding.builder(scenario).confidence(c).assessment("x").build();
    }

    @Test
    void moreSpecificScenariosComeFirstAndFailuresLast() {
        Finding failure = Finding.builder(Diagnosis.DETECTOR_FAILED).assessment("x").detectorFailure(true).build();
        List<Finding> ranked = Ranking.rank(List.of(failure, f("error-code.insight", Confidence.HIGH),
                f("ca.blocked", Confidence.HIGH), f("legacy.blocked", Confidence.MEDIUM)),
                Map.of("error-code.insight", 0, "ca.blocked", 40, "legacy.blocked", 60));
        assertEquals(List.of("legacy.blocked", "ca.blocked", "error-code.insight", Diagnosis.DETECTOR_FAILED),
                ranked.stream().map(Finding::scenario).toList());
        assertEquals("legacy.blocked", Ranking.primary(ranked));
    }

    @Test
    void confidenceThenIdBreakTies() {
        List<Finding> ranked = Ranking.rank(List.of(f("b.x", Confidence.LOW), f("c.x", Confidence.HIGH),
                f("a.x", Confidence.LOW)), Map.of());
        assertEquals(List.of("c.x", "a.x", "b.x"), ranked.stream().map(Finding::scenario).toList());
    }

    @Test
    void onlyFailuresMeansNoScenario() {
        Finding failure = Finding.builder(Diagnosis.DETECTOR_FAILED).assessment("x").detectorFailure(true).build();
        assertEquals(Diagnosis.NO_SCENARIO, Ranking.primary(List.of(failure)));
        assertEquals(Diagnosis.NO_SCENARIO, Ranking.primary(List.of()));
    }
}
