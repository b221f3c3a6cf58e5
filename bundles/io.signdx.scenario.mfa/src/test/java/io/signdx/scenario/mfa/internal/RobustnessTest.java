package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/** Partial and odd records (the API keeps collections free of null elements) must never make a detector throw. */
class RobustnessTest {
    private static final List<ScenarioDetector> DETECTORS = List.of(new OtherRequirementDetector(),
            new ProofUpRequiredDetector(), new ProofUpRiskyLocationDetector(), new NotCompletedDetector(),
            new SecurityDefaultsDetector());
    private static final int[] CODES = {0, 50072, 50074, 50076, 50079, 50125, 53004, 53010, 500121, 530035, 99999};

    private static List<SignIn> oddRecords() {
        List<SignIn> out = new ArrayList<>();
        out.add(SignIn.builder().build());
        for (int code : CODES) {
            out.add(SignIn.builder().id("x").errorCode(code).build());
            out.add(SignIn.builder().id("x").status(new Status(code, null, null)).conditionalAccessStatusValue("weird")
                    .clientAppUsed("a client from the future").authenticationRequirementValue("???")
                    .userTypeValue("robot").crossTenantAccessTypeValue("teleport").tokenIssuerType(null)
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy(null, null),
                            new RequirementPolicy("unknownFutureValue", "x")))
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, null, null, null,
                            null, null), new AppliedPolicy("p", "", "failure", List.of("Mfa"), null, Set.of(), null)))
                    .authenticationDetails(List.of(new AuthenticationDetail(null, null, null, null, null,
                            null), new AuthenticationDetail(null, null, null, false, null, null)))
                    .risk(new Risk("extreme", null, "maybe", null, List.of("x", " ", "none")))
                    .build());
            out.add(SignIn.builder().id("y").userId("u").errorCode(code).ipAddress("192.0.2.1")
                    .createdDateTime(java.time.Instant.EPOCH).correlationId("c").build());
        }
        return out;
    }

    @Test
    void noDetectorThrowsOnPartialRecords() {
        List<SignIn> records = oddRecords();
        TestContext[] contexts = {TestContext.empty(), TestContext.of(records),
            TestContext.of(records).withTenant(Tenants.builder().securityDefaults(true).perUserMfa("u", "enforced").build())};
        for (ScenarioDetector d : DETECTORS) {
            for (TestContext c : contexts) {
                for (SignIn s : records) {
                    List<Finding> findings = assertDoesNotThrow(() -> DetailParity.detect(d, s, c), d + " on " + s);
                    assertNotNull(findings);
                }
            }
        }
    }
}
