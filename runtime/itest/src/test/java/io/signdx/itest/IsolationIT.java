package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** Detectors are untrusted: one that throws or hangs fails alone, and is quarantined when it keeps failing. */
class IsolationIT {
    static final int CODE = 90099;

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    ModuleService modules;

    @InjectService
    DiagnosisService engine;

    private final List<ServiceRegistration<ScenarioDetector>> registrations = new java.util.ArrayList<>();

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    void aThrowingAndAHangingDetectorFailAloneAndAreQuarantined() throws Exception {
        registrations.add(Fixtures.register(ctx, "itest.good", Fixtures.always("itest.good"), 0, CODE));
        // both fail only on this test's sign-ins, so that they pass the quick check on arrival and
        // fail later, at run time, as a detector with a latent bug does
        registrations.add(Fixtures.register(ctx, "itest.throws", (s, c) -> {
            if (isolationSignIn(s)) {
                throw new IllegalStateException("boom on " + s.id());
            }
            return List.of();
        }, 0, CODE));
        registrations.add(Fixtures.register(ctx, "itest.hangs", (s, c) -> {
            if (isolationSignIn(s)) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        }, 100, CODE));
        Fixtures.await("three detectors tracked", () -> modules.detectors().stream()
                .filter(d -> d.scenario().startsWith("itest.") && d.state() == DetectorState.ACTIVE).count() >= 3);

        Diagnosis first = engine.diagnose(signIn("s0"), TenantContext.empty());
        assertEquals("itest.good", first.scenario(), "the good detector's finding is primary");
        assertTrue(first.has("itest.good"));
        List<Finding> failures = first.findings().stream().filter(Finding::detectorFailure).toList();
        assertEquals(List.of("itest.hangs", "itest.throws"),
                failures.stream().map(Finding::classification).sorted().toList());
        assertTrue(failures.stream().anyMatch(f -> f.assessment().contains("IllegalStateException: boom on s0")));
        assertTrue(failures.stream().anyMatch(f -> f.assessment().contains("time budget of 100 ms")));
        assertEquals(Diagnosis.DETECTOR_FAILED, first.findings().get(first.findings().size() - 1).scenario(),
                "failures rank after real findings");

        for (int i = 1; i < 5; i++) {
            Diagnosis d = engine.diagnose(signIn("s" + i), TenantContext.empty());
            assertTrue(d.has("itest.good"), "the good detector is unaffected on sign-in " + i);
        }
        assertEquals(DetectorState.QUARANTINED, info("itest.throws").state());
        assertEquals(DetectorState.QUARANTINED, info("itest.hangs").state());
        assertTrue(info("itest.throws").problem().startsWith("quarantined after 5 consecutive failures"));
        assertEquals(5, info("itest.throws").failures());

        Diagnosis afterQuarantine = engine.diagnose(signIn("s9"), TenantContext.empty());
        assertTrue(afterQuarantine.has("itest.good"));
        assertFalse(afterQuarantine.findings().stream().anyMatch(Finding::detectorFailure),
                "quarantined detectors are not called any more");

        modules.setEnabled("itest.throws", true, "itest");
        assertEquals(DetectorState.ACTIVE, info("itest.throws").state(), "switching it on lifts the quarantine");
    }

    @Test
    void aDetectorWithABadDeclarationIsRefusedAndTheOthersRun() throws Exception {
        registrations.add(Fixtures.register(ctx, "Not A Valid Id", Fixtures.always("x"), 0, CODE));
        registrations.add(Fixtures.register(ctx, "itest.fine", Fixtures.always("itest.fine"), 0, CODE));
        Fixtures.await("the refused detector is listed", () -> modules.detectors().stream()
                .anyMatch(d -> d.state() == DetectorState.REFUSED && d.problem().contains("Not A Valid Id")));
        Fixtures.await("the valid one is active", () -> info("itest.fine") != null
                && info("itest.fine").state() == DetectorState.ACTIVE);
        assertTrue(engine.diagnose(signIn("r1"), TenantContext.empty()).has("itest.fine"));
    }

    @Test
    void aFindingForAnotherScenarioIsAFailure() throws Exception {
        ScenarioDetector always = Fixtures.always("ca.blocked");
        registrations.add(Fixtures.register(ctx, "itest.liar", (s, c) -> isolationSignIn(s) ? always.detect(s, c)
                : List.of(), 0, CODE));
        Fixtures.await("active", () -> info("itest.liar") != null && info("itest.liar").state() == DetectorState.ACTIVE);
        Diagnosis d = engine.diagnose(signIn("l1"), TenantContext.empty());
        assertFalse(d.has("ca.blocked"));
        assertTrue(d.findings().stream().anyMatch(f -> f.detectorFailure()
                && f.assessment().contains("scenario 'ca.blocked' instead of its own 'itest.liar'")));
    }

    /** The sign-ins of these tests (the conformance samples have other ids). */
    private static boolean isolationSignIn(SignIn s) {
        return s.id() != null && s.id().matches("[srl][0-9]");
    }

    private DetectorInfo info(String scenario) {
        return modules.detectors().stream().filter(d -> d.scenario().equals(scenario)).findFirst().orElse(null);
    }

    private static SignIn signIn(String id) {
        return SignIn.builder().id(id).errorCode(CODE).build();
    }
}
