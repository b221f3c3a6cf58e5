package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** A detector bundle dropped into deploy/ while the platform runs: install, take part, update, remove. */
class HotDeployIT {
    static final String SCENARIO = "partner.example.expense-access";

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    ModuleService modules;

    @InjectService
    DiagnosisService engine;

    @Test
    void dropUpdateAndRemoveWithoutRestartingTheCore() throws Exception {
        Map<Long, String> coreBefore = coreBundles();
        Path deployed = deployDir().resolve("io.signdx.example.partner.jar");
        assertFalse(engine.diagnose(Fixtures.expenseSignIn("before"), TenantContext.empty()).has(SCENARIO),
                "the example detector must not be active before its jar is dropped");

        Files.copy(examplePartnerJar(), deployed, StandardCopyOption.REPLACE_EXISTING);
        Fixtures.await("the example detector is active", () -> state(SCENARIO) == DetectorState.ACTIVE);
        // DS may re-register the component as its configuration arrives; each new service is checked again
        Fixtures.await("the example detector takes part", () -> engine.diagnose(Fixtures.expenseSignIn("probe"),
                TenantContext.empty()).has(SCENARIO));
        var diagnosis = engine.diagnose(Fixtures.expenseSignIn("after-drop"), TenantContext.empty());
        assertEquals(SCENARIO, diagnosis.scenario());
        assertEquals("not-assigned", diagnosis.findings().get(0).classification());
        assertEquals("1.0.0", detector(SCENARIO).bundleVersion());

        // Replace the jar by a newer version of the same bundle: updated in place.
        Path newer = Files.createTempFile("partner", ".jar");
        withVersion(examplePartnerJar(), newer, "1.1.0");
        Files.move(newer, deployed, StandardCopyOption.REPLACE_EXISTING);
        Fixtures.await("the example detector runs from version 1.1.0",
                () -> detector(SCENARIO) != null && "1.1.0".equals(detector(SCENARIO).bundleVersion())
                        && detector(SCENARIO).state() == DetectorState.ACTIVE);
        Fixtures.await("the updated detector takes part", () -> engine.diagnose(Fixtures.expenseSignIn("after-update"),
                TenantContext.empty()).has(SCENARIO));

        Files.delete(deployed);
        Fixtures.await("the example detector is gone", () -> detector(SCENARIO) == null);
        assertFalse(engine.diagnose(Fixtures.expenseSignIn("after-delete"), TenantContext.empty()).has(SCENARIO));
        Fixtures.await("the example bundle is uninstalled", () -> Arrays.stream(ctx.getBundles())
                .noneMatch(b -> "io.signdx.example.partner".equals(b.getSymbolicName())));

        assertEquals(coreBefore, coreBundles(), "core bundles kept their ids and stayed ACTIVE throughout");
    }

    /** Bundle id to "name state" for the SignDx core bundles. */
    private Map<Long, String> coreBundles() {
        return Arrays.stream(ctx.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("io.signdx.") && !b.getSymbolicName().contains("example")
                        && !b.getSymbolicName().contains("itest"))
                .collect(Collectors.toMap(Bundle::getBundleId, b -> b.getSymbolicName() + " "
                        + (b.getState() == Bundle.ACTIVE ? "ACTIVE" : "state " + b.getState())));
    }

    private DetectorInfo detector(String scenario) {
        return modules.detectors().stream().filter(d -> d.scenario().equals(scenario)).findFirst().orElse(null);
    }

    private DetectorState state(String scenario) {
        DetectorInfo d = detector(scenario);
        return d == null ? null : d.state();
    }

    static Path deployDir() {
        return home().resolve("deploy");
    }

    static Path home() {
        return Path.of(ctxProperty("signdx.home"));
    }

    static String ctxProperty(String name) {
        return org.osgi.framework.FrameworkUtil.getBundle(HotDeployIT.class).getBundleContext().getProperty(name);
    }

    static Path examplePartnerJar() {
        Path jar = Path.of(ctxProperty("signdx.example.jar"));
        assertTrue(Files.isRegularFile(jar), "the example partner jar is built before these tests: " + jar);
        return jar;
    }

    /** Copies a bundle with another Bundle-Version: "a newer version of the same bundle". */
    static void withVersion(Path source, Path target, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, m)) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }
}
