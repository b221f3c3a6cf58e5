package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Detector;
import io.signdx.api.engine.DetectorState;

import org.junit.jupiter.api.Test;

class DetectorHandleTest {
    private static DetectorHandle of(Map<String, Object> props, String duplicateOf) {
        return new DetectorHandle(7, TestDetectors.finding("x.y"), props, "b", "1", duplicateOf);
    }

    @Test
    void aCompleteDeclarationIsAccepted() {
        DetectorHandle h = TestDetectors.handle("partner.acme.thing-1", TestDetectors.finding("x"), new int[] {50126, 0},
                0, 50);
        assertNull(h.refusal);
        assertTrue(h.accepts(0));
        assertTrue(h.accepts(50126));
        assertFalse(h.accepts(50053));
    }

    @Test
    void codesMayComeAsAnyNumberCollection() {
        assertTrue(TestDetectors.handle("a.b", null, List.of(1L, 2L), 0, 50).accepts(2));
        assertTrue(TestDetectors.handle("a.b", null, new Integer[] {5}, 0, 50).accepts(5));
        assertTrue(TestDetectors.handle("a.b", null, 9, 0, 50).accepts(9));
        assertTrue(TestDetectors.handle("a.b", null, null, 0, 50).accepts(12345), "no codes means every sign-in");
    }

    @Test
    void badDeclarationsAreRefusedWithAReason() {
        assertEquals("no scenario id declared (use @Detector on the component)", of(Map.of(), null).refusal);
        assertTrue(of(Map.of(Detector.SCENARIO, "CA Blocked", Detector.FAMILY, "f", Detector.TITLE, "t"), null)
                .refusal.contains("not lower-case dotted"));
        assertTrue(of(Map.of(Detector.SCENARIO, "nodots", Detector.FAMILY, "f", Detector.TITLE, "t"), null)
                .refusal.contains("not lower-case dotted"));
        assertEquals("no family declared", of(Map.of(Detector.SCENARIO, "a.b", Detector.TITLE, "t"), null).refusal);
        assertEquals("no title declared", of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f"), null).refusal);
        assertEquals("errorCodes is not a list of integers", of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f",
                Detector.TITLE, "t", Detector.ERROR_CODES, "50126"), null).refusal);
        DetectorHandle dup = of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f", Detector.TITLE, "t"), "x 1.0");
        assertEquals("scenario id 'a.b' is already provided by x 1.0", dup.refusal);
        assertEquals(DetectorState.REFUSED, dup.info(true).state());
    }

    @Test
    void consecutiveFailuresQuarantineAndASuccessResetsTheCount() {
        DetectorHandle h = TestDetectors.handle("a.b", null, null, 0, 50);
        assertFalse(h.failed("boom", 3));
        assertFalse(h.failed("boom", 3));
        h.succeeded();
        assertFalse(h.failed("boom", 3));
        assertFalse(h.failed("boom", 3));
        assertTrue(h.failed("boom", 3), "the third consecutive failure quarantines");
        assertFalse(h.failed("boom", 3), "only the transition is reported");
        assertEquals(DetectorState.QUARANTINED, h.info(true).state());
        assertEquals(7, h.info(true).calls());
        assertTrue(h.release());
        assertEquals(DetectorState.ACTIVE, h.info(true).state());
        assertEquals(DetectorState.DISABLED, h.info(false).state());
    }
}
