package io.signdx.scenario.risk.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/** Partial and odd records (the API keeps collections free of null elements) must never make the detector throw. */
class RobustnessTest {
    private static final int[] CODES = {0, 50053, 53003, 53011, 530032, 530034, 99999};

    @Test
    void partialRecordsDoNotThrow() {
        List<SignIn> records = new ArrayList<>();
        records.add(SignIn.builder().build());
        for (int code : CODES) {
            records.add(SignIn.builder().id("x").errorCode(code).build());
            records.add(SignIn.builder().id("x").status(new Status(code, "malicious", null))
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, "failure", null, null, null,
                            null), new AppliedPolicy("p", " ", "FAILURE", List.of(), null, Set.of(), null)))
                    .risk(new Risk("extreme", "HIGH", "atrisk", null, List.of(" ", "none", "x\n\ty")))
                    .conditionalAccessStatusValue("weird").userTypeValue("robot").build());
            records.add(SignIn.builder().id("y").status(new Status(code, null, "Malicious IP")).ipAddress("192.0.2.1")
                    .createdDateTime(Instant.EPOCH).risk(new Risk(null, null, "confirmedCompromised", null, List.of()))
                    .build());
        }
        RiskBlockedDetector d = new RiskBlockedDetector();
        for (TestContext c : new TestContext[] {TestContext.empty(), TestContext.of(records)}) {
            for (SignIn s : records) {
                List<Finding> findings = assertDoesNotThrow(() -> DetailParity.detect(d, s, c), s.toString());
                assertNotNull(findings);
            }
        }
    }
}
