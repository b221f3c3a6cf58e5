package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.demo.internal.DemoWeek;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors over the demo tenant's generated week: every Conditional Access sign-in of the demo is
 * recognised, each finding names the policies its record names, and nothing else is claimed.
 */
class DemoWeekTest {
    private static final List<ScenarioDetector> DETECTORS = List.of(new BlockedDetector(), new FailedDetector(),
            new MfaDetector(), new B2bBlockedDetector());
    private static List<SignIn> week;
    private static Map<SignIn, List<Finding>> findings;

    @BeforeAll
    static void diagnoseTheWeek() {
        week = DemoWeek.signIns();
        findings = new HashMap<>();
        for (SignIn s : week) {
            for (ScenarioDetector d : DETECTORS) {
                List<Finding> found = DetailParity.run(d, s, TestContext.empty());
                if (!found.isEmpty()) {
                    findings.computeIfAbsent(s, k -> new ArrayList<>()).addAll(found);
                }
            }
        }
    }

    private static List<String> scenarios(SignIn s) {
        return findings.getOrDefault(s, List.of()).stream().map(Finding::scenario).sorted().toList();
    }

    private static Finding finding(SignIn s, String scenario) {
        return findings.getOrDefault(s, List.of()).stream().filter(f -> f.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + scenario + " for " + s + " " + s.status()));
    }

    private static List<AppliedPolicy> failing(SignIn s) {
        return s.appliedConditionalAccessPolicies().stream().filter(p -> p.result() == PolicyResult.FAILURE).toList();
    }

    @Test
    void everyBlockNamesTheBlockingPolicyOfItsRecord() {
        int n = 0;
        int deviceCode = 0;
        for (SignIn s : week) {
            if (s.errorCode() == 53003) {
                n++;
                Finding f = finding(s, "ca.blocked");
                assertEquals(Confidence.HIGH, f.confidence());
                if ("deviceCodeFlow".equals(s.originalTransferMethod())) {
                    deviceCode++;
                    assertEquals("authentication-flow", f.classification(), f.assessment());
                }
                for (AppliedPolicy p : failing(s)) {
                    if (p.blocks()) {
                        assertTrue(f.assessment().contains("'" + p.displayName() + "'"), f.assessment());
                    } else {
                        // another failing policy is evidence, not the cause of the block
                        assertTrue(f.evidence().stream().anyMatch(t -> t.title().equals("Other policies that applied")
                                && t.rows().stream().anyMatch(r -> r.get(0).equals(p.displayName()))), p.displayName());
                    }
                }
            }
        }
        assertEquals(46, n, "the demo blocks 30 legacy, 10 risky and 6 device code sign-ins");
        assertEquals(6, deviceCode);
    }

    @Test
    void everyDeviceFailureIsCompliantDeviceAndGuestsAreB2b() {
        int members = 0;
        int guests = 0;
        for (SignIn s : week) {
            if (s.errorCode() != 53000) {
                continue;
            }
            Finding failed = finding(s, "ca.failed");
            assertEquals("compliant-device", failed.classification());
            AppliedPolicy device = failing(s).stream().filter(p -> p.enforcedGrantControls().contains(
                    "RequireCompliantDevice")).findFirst().orElseThrow();
            assertTrue(failed.assessment().contains("'" + device.displayName() + "'"), failed.assessment());
            if ("guest".equals(s.userTypeValue())) {
                guests++;
                assertEquals("device-requirement", finding(s, "ca.b2b-blocked").classification());
            } else {
                members++;
                assertFalse(scenarios(s).contains("ca.b2b-blocked"), s.toString());
            }
        }
        assertEquals(16, members);
        assertEquals(8, guests);
    }

    @Test
    void theHrAppsSignInFrequencyIsRecognised() {
        long n = week.stream().filter(s -> s.errorCode() == 70044)
                .peek(s -> assertEquals("sign-in-frequency", finding(s, "ca.failed").classification())).count();
        assertEquals(8, n);
    }

    @Test
    void mfaFromConditionalAccessIsTakenAndPerUserMfaIsNot() {
        int ca = 0;
        int perUser = 0;
        for (SignIn s : week) {
            if (s.errorCode() != 50074 && s.errorCode() != 50076) {
                continue;
            }
            if (s.hasRequirementProvider("multiConditionalAccess")) {
                ca++;
                Finding f = finding(s, "ca.mfa");
                assertEquals("mfa", f.classification());
                assertTrue(f.assessment().contains("'Require MFA outside trusted locations'"), f.assessment());
            } else {
                perUser++;
                assertTrue(scenarios(s).isEmpty(), s + " " + scenarios(s));
            }
        }
        assertEquals(70, ca);
        assertEquals(16, perUser);
    }

    @Test
    void theCrossTenantRefusalsAreB2b() {
        long n = week.stream().filter(s -> s.errorCode() == 500213)
                .peek(s -> assertEquals("inbound-policy", finding(s, "ca.b2b-blocked").classification())).count();
        assertEquals(3, n);
    }

    @Test
    void nothingElseIsClaimed() {
        for (Map.Entry<SignIn, List<Finding>> e : findings.entrySet()) {
            int code = e.getKey().errorCode();
            assertTrue(code == 53003 || code == 53000 || code == 70044 || code == 50074 || code == 50076
                    || code == 500213, e.getKey() + " " + scenarios(e.getKey()));
        }
    }
}
