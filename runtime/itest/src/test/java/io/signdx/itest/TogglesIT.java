package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.AuditEntry;
import io.signdx.api.engine.AuditLog;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** Operator switches: by API and by a file in conf/, effective at once, persisted as files, audited. */
class TogglesIT {
    static final String SCENARIO = "itest.toggled";

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    ModuleService modules;

    @InjectService
    DiagnosisService engine;

    @InjectService
    AuditLog audit;

    private ServiceRegistration<ScenarioDetector> registration;

    @BeforeEach
    void register() throws InterruptedException {
        registration = Fixtures.register(ctx, SCENARIO, Fixtures.always(SCENARIO), 0);
        Fixtures.await("the test detector is tracked", () -> stateOf(SCENARIO) == DetectorState.ACTIVE);
    }

    @AfterEach
    void unregister() {
        modules.setEnabled(SCENARIO, true, "itest");
        registration.unregister();
    }

    @Test
    void disablingThroughTheServiceRemovesFindingsAtOncePersistsAndAudits() {
        assertTrue(diagnose().has(SCENARIO));

        assertTrue(modules.setEnabled(SCENARIO, false, "alice"));
        assertFalse(diagnose().has(SCENARIO), "the next diagnosis no longer has the disabled detector's finding");
        assertEquals(DetectorState.DISABLED, stateOf(SCENARIO));
        assertTrue(Files.isRegularFile(toggleFile()), "the switch is persisted as a configuration file");
        AuditEntry last = lastAuditFor(SCENARIO);
        assertEquals("alice", last.actor());
        assertEquals("module.disable", last.action());

        assertFalse(modules.setEnabled(SCENARIO, false, "alice"), "disabling twice changes nothing");
        assertTrue(modules.setEnabled(SCENARIO, true, "bob"));
        assertTrue(diagnose().has(SCENARIO));
        assertFalse(Files.exists(toggleFile()));
        assertEquals("bob", lastAuditFor(SCENARIO).actor());
        assertEquals("module.enable", lastAuditFor(SCENARIO).action());
    }

    @Test
    void aFileDroppedIntoConfSwitchesTheDetectorAndIsAuditedOnce() throws Exception {
        Path file = HotDeployIT.home().resolve("conf").resolve("io.signdx.toggle-by-hand.cfg");
        Files.writeString(file, "module=" + SCENARIO + "\nenabled=false\n");
        Fixtures.await("the hand-written switch applies", () -> !diagnose().has(SCENARIO));
        Fixtures.await("the switch is audited", () -> "module.disable".equals(lastAuditFor(SCENARIO).action()));
        assertEquals("conf:io.signdx.toggle-by-hand.cfg", lastAuditFor(SCENARIO).actor());
        long lines = audit.recent(10_000).stream().filter(e -> e.target().equals(SCENARIO)).count();

        Files.delete(file);
        Fixtures.await("removing the file switches the detector on again", () -> diagnose().has(SCENARIO));
        Fixtures.await("the removal is audited", () -> "module.enable".equals(lastAuditFor(SCENARIO).action()));
        assertEquals(lines + 1, audit.recent(10_000).stream().filter(e -> e.target().equals(SCENARIO)).count());
    }

    @Test
    void aWholeBundleCanBeSwitchedOff() {
        String testBundle = ctx.getBundle().getSymbolicName();
        modules.setEnabled(testBundle, false, "alice");
        try {
            assertFalse(diagnose().has(SCENARIO));
            assertEquals(DetectorState.DISABLED, stateOf(SCENARIO));
        } finally {
            modules.setEnabled(testBundle, true, "alice");
        }
        assertTrue(diagnose().has(SCENARIO));
    }

    @Test
    void unknownIdsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> modules.setEnabled("no.such-detector", false, "alice"));
        assertTrue(e.getMessage().contains("no.such-detector"));
        assertThrows(IllegalArgumentException.class, () -> modules.setEnabled("org.apache.felix.scr", false, "a"),
                "platform bundles are not modules");
    }

    private io.signdx.api.engine.Diagnosis diagnose() {
        return engine.diagnose(SignIn.builder().id("t1").errorCode(50126).build(), TenantContext.empty());
    }

    private DetectorState stateOf(String scenario) {
        return modules.detectors().stream().filter(d -> d.scenario().equals(scenario)).map(d -> d.state())
                .findFirst().orElse(null);
    }

    private AuditEntry lastAuditFor(String target) {
        List<AuditEntry> entries = audit.recent(10_000).stream().filter(e -> e.target().equals(target)).toList();
        return entries.isEmpty() ? new AuditEntry(null, "", "", target, null) : entries.get(entries.size() - 1);
    }

    private static Path toggleFile() {
        return HotDeployIT.home().resolve("conf").resolve("io.signdx.toggle-" + SCENARIO + ".cfg");
    }
}
