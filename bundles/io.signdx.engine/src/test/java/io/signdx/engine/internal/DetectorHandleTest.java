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
        DetectorHandle h = of(Map.of(Detector.SCENARIO, "partner.acme.thing-1", Detector.FAMILY, "f", Detector.TITLE,
                "t", Detector.ERROR_CODES, new int[] {50126, 0}), null);
        assertNull(h.info(true).problem());
        assertEquals(DetectorState.CHECKING, h.info(true).state(), "not active before the quick check");
        assertFalse(h.passed());
        h.checked(null);
        assertTrue(h.passed());
        assertEquals(DetectorState.CHECKING, h.info(true).state(), "shown active only once the engine calls it");
        h.settle();
        assertEquals(DetectorState.ACTIVE, h.info(true).state());
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
        assertTrue(of(Map.of(), null).refused());
        assertTrue(refusal(of(Map.of(), null)).startsWith("no scenario id declared (put @Detector on the component)"));
        assertTrue(of(Map.of(Detector.SCENARIO, "CA Blocked", Detector.FAMILY, "f", Detector.TITLE, "t"), null)
                .info(true).problem().contains("not lower-case dotted"));
        assertTrue(of(Map.of(Detector.SCENARIO, "nodots", Detector.FAMILY, "f", Detector.TITLE, "t"), null)
                .info(true).problem().contains("not lower-case dotted"));
        assertEquals("no family declared", refusal(of(Map.of(Detector.SCENARIO, "a.b", Detector.TITLE, "t"), null)));
        assertEquals("no title declared", refusal(of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f"), null)));
        assertEquals("errorCodes is not a list of integers", refusal(of(Map.of(Detector.SCENARIO, "a.b",
                Detector.FAMILY, "f", Detector.TITLE, "t", Detector.ERROR_CODES, "fifty"), null)));
        DetectorHandle dup = of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f", Detector.TITLE, "t"), "x 1.0");
        assertEquals("scenario id 'a.b' is already provided by x 1.0", refusal(dup));
        assertEquals(DetectorState.REFUSED, dup.info(true).state());
    }

    @Test
    void aFailedQuickCheckRefusesTheDetectorWithTheReason() {
        DetectorHandle h = of(Map.of(Detector.SCENARIO, "a.b", Detector.FAMILY, "f", Detector.TITLE, "t"), null);
        h.checked("robustness: threw java.lang.NullPointerException on sample sign-in x (error 0)");
        h.settle();
        assertFalse(h.passed());
        assertEquals(DetectorState.REFUSED, h.info(true).state());
        assertEquals("failed the conformance quick check: robustness: threw java.lang.NullPointerException on sample "
                + "sign-in x (error 0)", refusal(h));
    }

    private static String refusal(DetectorHandle h) {
        assertEquals(DetectorState.REFUSED, h.info(true).state());
        return h.info(true).problem();
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
