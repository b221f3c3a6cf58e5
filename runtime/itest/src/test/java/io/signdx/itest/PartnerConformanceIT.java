package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import io.signdx.api.detector.Detector;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The deliberately broken detector of the example partner project (its test sources), registered
 * with its own declaration in a running platform: the engine's quick check refuses to activate it and
 * says why, and the platform goes on diagnosing.
 */
class PartnerConformanceIT {
    private static final String BROKEN = "io.signdx.example.partner.BrokenExpenseDetector";

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    ModuleService modules;

    @InjectService
    DiagnosisService engine;

    @Test
    void theExampleProjectsBrokenDetectorIsRefusedActivation() throws Exception {
        Path classes = Path.of(ctx.getProperty("signdx.example.testclasses"));
        assertTrue(Files.isRegularFile(classes.resolve(BROKEN.replace('.', '/') + ".class")),
                "the example project's test classes are built before these tests: " + classes);
        // its own class loader, parented by this bundle's, which sees the SignDx API packages
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PartnerConformanceIT.class.getClassLoader())) {
            Class<?> type = loader.loadClass(BROKEN);
            ScenarioDetector broken = (ScenarioDetector) type.getConstructor().newInstance();
            Detector d = type.getAnnotation(Detector.class);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Detector.SCENARIO, d.scenario());
            props.put(Detector.FAMILY, d.family());
            props.put(Detector.TITLE, d.title());
            props.put(Detector.ERROR_CODES, d.errorCodes());
            ServiceRegistration<ScenarioDetector> reg = ctx.registerService(ScenarioDetector.class, broken, props);
            try {
                Fixtures.await("the broken detector is refused", () -> state(d.scenario()) == DetectorState.REFUSED);
                String problem = info(d.scenario()).problem();
                assertTrue(problem.startsWith("failed the conformance quick check: robustness: threw "
                        + "java.lang.NullPointerException"), problem);
                assertEquals(0, info(d.scenario()).calls(), "never called for a real sign-in");
                assertTrue(engine.diagnose(Fixtures.expenseSignIn("after-refusal"), TenantContext.empty())
                        .findings().stream().noneMatch(f -> f.scenario().equals(d.scenario())));
            } finally {
                reg.unregister();
            }
        }
    }

    private DetectorInfo info(String scenario) {
        return modules.detectors().stream().filter(i -> i.scenario().equals(scenario)).findFirst().orElse(null);
    }

    private DetectorState state(String scenario) {
        DetectorInfo i = info(scenario);
        return i == null ? null : i.state();
    }
}
