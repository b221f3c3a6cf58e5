package io.signdx.api.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FindingTest {
    @Test
    void aFindingNeedsAnAssessmentAndRecommendationsNeedAnActor() {
        assertThrows(IllegalArgumentException.class, () -> Finding.builder("a.b").build());
        assertThrows(NullPointerException.class, () -> new Recommendation(null, "do it", null));
        assertThrows(IllegalArgumentException.class, () -> new Recommendation(Actor.USER, " ", null));
    }

    @Test
    void evidenceRowsMustMatchTheHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvidenceTable("t", List.of("a", "b"), List.of(List.of("1"))));
        assertTrue(e.getMessage().contains("expected 2"));
        EvidenceTable t = new EvidenceTable("t", List.of("a"), List.of(java.util.Arrays.asList((String) null)));
        assertEquals("", t.rows().get(0).get(0), "null cells become empty text");
    }

    @Test
    void defaultsAndCompleteness() {
        Finding f = Finding.builder("a.b").assessment("x").missing("tenant snapshot").build();
        assertEquals("a.b", f.title());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertFalse(f.complete());
        assertTrue(Finding.builder("a.b").assessment("x").build().complete());
    }

    @Test
    void aRecommendationWrittenBeforehandIsKeptAsItIs() {
        Recommendation step = new Recommendation(Actor.ADMIN, "Enable the agent.", "https://example.invalid/agent");
        Finding f = Finding.builder("a.b").assessment("x").recommend(step).recommend(Actor.USER, "Retry.", null).build();
        assertEquals(List.of(step, new Recommendation(Actor.USER, "Retry.", null)), f.recommendations());
        assertThrows(NullPointerException.class, () -> Finding.builder("a.b").recommend(null));
    }
}
