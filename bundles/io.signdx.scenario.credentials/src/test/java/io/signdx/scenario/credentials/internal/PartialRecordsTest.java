package io.signdx.scenario.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/** Records with almost nothing in them, or odd values, must never make a detector throw. */
class PartialRecordsTest {
    private static final int[] CODES = {0, 50126, 50034, 50053, 50055, 50056, 50057, 50058, 50144, 90025};
    private final List<ScenarioDetector> detectors = List.of(new SuccessDetector(), new AccountLockedDetector(),
            new InvalidPasswordDetector(), new IncompleteSignInDetector());

    private List<SignIn> partials() {
        List<SignIn> out = new ArrayList<>();
        out.add(SignIn.builder().id("x").build());
        out.add(SignIn.builder().build());
        for (int code : CODES) {
            out.add(SignIn.builder().id("only-" + code).errorCode(code).build());
            out.add(SignIn.builder().id("odd-" + code).status(new Status(code, null, null))
                    .createdDateTime(Instant.parse("2026-11-16T09:00:00Z")).userTypeValue("cyborg")
                    .clientAppUsed("Telepathy").conditionalAccessStatusValue("maybe")
                    .authenticationRequirementValue("threeFactorAuthentication").crossTenantAccessTypeValue("??")
                    .userPrincipalName("").userId("").ipAddress("").correlationId("")
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, "sometimes", null, null,
                            null, null)))
                    .authenticationDetails(List.of(new AuthenticationDetail(null, null, null, null, null, null)))
                    .networkLocationDetails(List.of(new NetworkLocation(null, null)))
                    .deviceDetail(new DeviceDetail(null, null, null, null, null, null, null))
                    .signInEventTypes(List.of("someFutureEventType")).build());
            out.add(SignIn.builder().id("user-only-" + code).errorCode(code).userPrincipalName("ann@contoso.example")
                    .createdDateTime(Instant.parse("2026-11-16T09:00:30Z")).build());
            out.add(SignIn.builder().id("sp-" + code).errorCode(code).servicePrincipalId("sp")
                    .createdDateTime(Instant.parse("2026-11-16T09:01:00Z")).ipAddress("192.0.2.1").build());
        }
        return out;
    }

    @Test
    void noDetectorThrowsOnPartialRecords() {
        List<SignIn> partials = partials();
        List<DetectionContext> contexts = List.of(TestContext.empty(), TestContext.of(partials), nullAnswering());
        for (DetectionContext context : contexts) {
            for (SignIn s : partials) {
                for (ScenarioDetector d : detectors) {
                    List<Finding> findings = assertDoesNotThrow(() -> d.detect(s, context),
                            d.getClass().getSimpleName() + " on " + s);
                    assertNotNull(findings);
                    findings.forEach(f -> assertFalse(f.assessment().isBlank()));
                }
            }
        }
    }

    @Test
    void everyHandledCodeGetsAFindingEvenFromABareRecord() {
        for (int code : CODES) {
            SignIn s = SignIn.builder().id("bare").errorCode(code).build();
            int found = 0;
            for (ScenarioDetector d : detectors) {
                found += d.detect(s, TestContext.empty()).size();
            }
            assertEquals(1, found, "exactly one detector of the bundle handles code " + code);
        }
    }

    /** A context whose tenant and related answers are null, as a broken engine might give. */
    private static DetectionContext nullAnswering() {
        return new DetectionContext() {
            @Override
            public TenantContext tenant() {
                return null;
            }

            @Override
            public List<SignIn> related(SignInQuery query) {
                return null;
            }
        };
    }
}
