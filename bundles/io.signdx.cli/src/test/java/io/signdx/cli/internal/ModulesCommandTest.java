package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;

import org.junit.jupiter.api.Test;

class ModulesCommandTest {
    private final List<String> calls = new ArrayList<>();
    private final ModuleService modules = new ModuleService() {
        @Override
        public List<ModuleInfo> modules() {
            return List.of(new ModuleInfo(12, "io.signdx.scenario.mfa", "0.1.0", "ACTIVE", "core", true,
                    List.of("mfa.proofup-required"), null));
        }

        @Override
        public List<DetectorInfo> detectors() {
            return List.of(new DetectorInfo("mfa.proofup-required", "mfa", "MFA proof-up", "io.signdx.scenario.mfa",
                    "0.1.0", DetectorState.QUARANTINED, 9, 5, 5, "quarantined after 5 consecutive failures"),
                    new DetectorInfo("partner.acme.broken", "partner.acme", "Broken", "com.acme.broken", "1.0.0",
                            DetectorState.REFUSED, 0, 0, 0, "failed the conformance quick check: robustness: threw "
                            + "java.lang.NullPointerException on sample sign-in conformance-code-50105"));
        }

        @Override
        public boolean setEnabled(String id, boolean enabled, String actor) {
            if (!id.equals("mfa.proofup-required")) {
                throw new IllegalArgumentException("no detector or bundle is named '" + id + "'");
            }
            calls.add(id + " " + enabled + " " + actor.startsWith("cli:"));
            return true;
        }

        @Override
        public boolean awaitSettled(Duration timeout) {
            return true;
        }
    };
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ModulesCommand command = new ModulesCommand(modules, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void listsBundlesAndDetectorsAsTextAndJson() {
        assertEquals(0, command.applyAsInt(new String[] {"list"}));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("mfa.proofup-required  QUARANTINED  io.signdx.scenario.mfa 0.1.0  9      5"), text);
        assertTrue(text.contains("partner.acme.broken   REFUSED      com.acme.broken 1.0.0         0      0         "
                + "failed the conformance quick check: robustness: threw java.lang.NullPointerException"), text);
        out.reset();
        assertEquals(0, command.applyAsInt(new String[] {"--format", "json"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"state\" : \"QUARANTINED\""));
    }

    @Test
    void enableAndDisableCallTheServiceAsTheCliUser() {
        assertEquals(0, command.applyAsInt(new String[] {"disable", "mfa.proofup-required"}));
        assertEquals(0, command.applyAsInt(new String[] {"enable", "mfa.proofup-required"}));
        assertEquals(List.of("mfa.proofup-required false true", "mfa.proofup-required true true"), calls);
    }

    @Test
    void mistakesExitWithOneAndSayWhy() {
        assertEquals(1, command.applyAsInt(new String[] {"disable", "nope.nope"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no detector or bundle is named 'nope.nope'"));
        assertEquals(1, command.applyAsInt(new String[] {"explode"}));
        assertEquals(1, command.applyAsInt(new String[] {"disable"}));
        assertEquals(1, command.applyAsInt(new String[] {"list", "--format", "xml"}));
        assertEquals(1, command.applyAsInt(new String[] {"list", "--colour"}));
        assertEquals(0, command.applyAsInt(new String[] {"--help"}));
    }
}
