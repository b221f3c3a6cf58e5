package io.signdx.scenario.enterpriseapps.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/** Records with almost nothing in them, or nonsense in them, must never make a detector throw. */
class PartialRecordsTest {
    private final List<ScenarioDetector> detectors = List.of(new ServiceProviderDetector(),
            new AppConfigurationDetector());

    private static List<SignIn> samples() {
        List<SignIn> s = new ArrayList<>();
        s.add(SignIn.builder().build());
        s.add(SignIn.builder().id("x").build());
        List<Integer> codes = new ArrayList<>(ServiceProviderRules.TABLE.codes());
        codes.addAll(ConfigurationRules.TABLE.codes());
        for (int code : codes) {
            s.add(SignIn.builder().id("c" + code).errorCode(code).build());
            s.add(SignIn.builder().id("t" + code).createdDateTime(Instant.EPOCH).appId("a").errorCode(code)
                    .clientCredentialType("someFutureType").authenticationProtocol("???").userTypeValue("alien")
                    .clientAppUsed("Hologram").conditionalAccessStatusValue("maybe")
                    .signInEventTypes(List.of("servicePrincipal", "unknownFutureValue"))
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, null, null, null, null,
                            null)))
                    .status(new Status(code, "'http", "'")).build());
            s.add(SignIn.builder().id("w" + code).servicePrincipalId("sp").createdDateTime(Instant.EPOCH)
                    .status(new Status(code, "x".repeat(5000) + " expired", "\n\t\u0000")).build());
        }
        return s;
    }

    @Test
    void partialAndOddRecordsNeverThrow() {
        List<SignIn> samples = samples();
        // related sign-ins are partial too: the detectors read them as well
        TestContext context = TestContext.of(samples.stream().filter(x -> x.createdDateTime() != null).toList());
        int findings = 0;
        for (ScenarioDetector d : detectors) {
            for (SignIn s : samples) {
                List<Finding> out = assertDoesNotThrow(() -> d.detect(s, context), s.toString());
                for (Finding f : out) {
                    assertFalse(f.assessment().isBlank());
                    findings++;
                }
            }
        }
        // every sample with a table code is explained, however little it carries
        assertEquals(3 * (ServiceProviderRules.TABLE.codes().size() + ConfigurationRules.TABLE.codes().size()),
                findings);
    }

    @Test
    void longAttackerTextIsQuotedShortAndOnOneLine() {
        SignIn s = SignIn.builder().id("q").errorCode(75011)
                .status(new Status(75011, "line one\nline two " + "y".repeat(2000), null)).build();
        String a = new ServiceProviderDetector().detect(s, TestContext.empty()).get(0).assessment();
        assertFalse(a.contains("\n"));
        assertFalse(a.contains("y".repeat(400)));
    }
}
