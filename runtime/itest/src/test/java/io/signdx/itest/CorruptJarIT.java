package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/** A corrupt jar in deploy/ is shown as failed with its reason, and the platform keeps working. */
class CorruptJarIT {
    @InjectService
    ModuleService modules;

    @InjectService
    DiagnosisService engine;

    @Test
    void aCorruptJarIsListedAsFailedAndNothingElseBreaks() throws Exception {
        Path bad = HotDeployIT.deployDir().resolve("broken-detector.jar");
        Files.write(bad, "this is not a zip file".getBytes());
        try {
            Fixtures.await("the corrupt jar is listed as failed", () -> failed("broken-detector.jar") != null);
            ModuleInfo m = failed("broken-detector.jar");
            assertEquals(-1, m.bundleId());
            assertTrue(m.problem().startsWith("not a valid jar"), m.problem());
            assertEquals("deploy/broken-detector.jar", m.location());
            assertEquals("error-code.insight", engine.diagnose(SignIn.builder().id("x").errorCode(50140).build(),
                    TenantContext.empty()).scenario(), "the engine still diagnoses");
        } finally {
            Files.delete(bad);
        }
        Fixtures.await("the removed file is no longer listed", () -> failed("broken-detector.jar") == null);
    }

    private ModuleInfo failed(String name) {
        return modules.modules().stream().filter(m -> m.state().equals("FAILED") && m.symbolicName().equals(name))
                .findFirst().orElse(null);
    }
}
