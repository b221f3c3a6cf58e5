package io.signdx.scenario.legacyauth.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.TestContext;

import io.signdx.conformance.Declaration;
import io.signdx.testkit.DetectorConformance;

import org.junit.jupiter.api.Test;

class ProtocolsAndRobustnessTest {
    private static final int[] DECLARED = {0, 53003, 530035, 50074, 50076, 53000, 53001, 53002, 53009};

    @Test
    void everyLegacyClientAppHasAWayOutAndNoModernOneHas() {
        Set<ClientApp> legacy = EnumSet.noneOf(ClientApp.class);
        for (ClientApp app : ClientApp.values()) {
            if (app.isLegacy()) {
                legacy.add(app);
            }
        }
        assertEquals(legacy, Protocols.all().keySet());
        for (Protocols.Protocol p : Protocols.all().values()) {
            assertFalse(p.move().isBlank());
            assertTrue(p.link().startsWith("https://learn.microsoft.com/"), p.link());
            assertTrue(p.basicAuthSwitch() == null || p.basicAuthSwitch().startsWith("AllowBasicAuth"));
        }
    }

    @Test
    void thePreFilterHasSuccessAndTheBlockingCodesButNotWrongPasswords() {
        Set<Integer> declared = new TreeSet<>(Declaration.of(LegacyAuthDetector.class).errorCodes());
        assertEquals(new TreeSet<>(Arrays.stream(DECLARED).boxed().toList()), declared);
    }

    @Test
    void conformsToTheDetectorContract() {
        DetectorConformance.assertConforms(new LegacyAuthDetector());
    }

    @Test
    void partialAndOddRecordsNeverThrow() {
        LegacyAuthDetector detector = new LegacyAuthDetector();
        List<SignIn> samples = new ArrayList<>();
        samples.add(SignIn.builder().build());
        samples.add(SignIn.builder().id("x").build());
        for (int code : DECLARED) {
            samples.add(SignIn.builder().id("c" + code).errorCode(code).build());
            for (ClientApp app : Protocols.all().keySet()) {
                samples.add(SignIn.builder().id("l" + code + app).errorCode(code).clientAppUsed(app.graphValue())
                        .build());
                samples.add(SignIn.builder().id("o" + code + app).errorCode(code).clientAppUsed(app.graphValue())
                        .createdDateTime(Instant.EPOCH).userId("u").ipAddress("::1")
                        .conditionalAccessStatusValue("someday").authenticationRequirementValue("telepathy")
                        .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, null, null, null, null,
                                null)))
                        .authenticationRequirementPolicies(List.of(new RequirementPolicy(null, null)))
                        .status(new Status(code, null, null)).build());
            }
        }
        TestContext context = TestContext.of(samples.stream().filter(s -> s.createdDateTime() != null).toList());
        int findings = 0;
        for (SignIn s : samples) {
            List<Finding> out = assertDoesNotThrow(() -> detector.detect(s, context), s.toString());
            for (Finding f : out) {
                assertFalse(f.assessment().isBlank());
                findings++;
            }
        }
        // each legacy sample of a declared code gets one finding, the rest none
        assertEquals(DECLARED.length * Protocols.all().size() * 2, findings);
    }
}
