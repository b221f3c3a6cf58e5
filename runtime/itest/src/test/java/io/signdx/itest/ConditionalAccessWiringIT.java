package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The Conditional Access detectors take the evaluator (bundle io.signdx.policy) as an optional, dynamic
 * service: with it and a tenant snapshot their tables say why each condition matched (the group through
 * which the user is included); when the evaluator bundle stops they go on from the sign-in record alone
 * and say what they lack; when it starts again the reasons come back, all without a restart.
 */
class ConditionalAccessWiringIT {
    private static final String POLICY_ID = "5d1c3a80-3c52-4f7e-9a51-0c7b1e2f4a11";
    private static final String FINANCE = "0a6f4c2e-7b1d-4e8a-9c3f-5b2d1e0f9a77";
    private static final String USER = "3e8b9d10-2f4c-4a6b-8d1e-7c5a9b0f1d22";
    private static final String SNAPSHOT = """
            {
              "conditionalAccessPolicies": [{
                "id": "%1$s", "displayName": "Finance: block outside the office", "state": "enabled",
                "conditions": {
                  "users": {"includeGroups": ["%2$s"]},
                  "applications": {"includeApplications": ["All"]},
                  "clientAppTypes": ["all"],
                  "locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]}
                },
                "grantControls": {"operator": "OR", "builtInControls": ["block"]}
              }],
              "namedLocations": [{
                "@odata.type": "#microsoft.graph.ipNamedLocation", "id": "9b1f0e3a-4c2d-4e5f-8a7b-6c5d4e3f2a19",
                "displayName": "Office", "isTrusted": true,
                "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "10.20.0.0/16"}]
              }],
              "groups": [{"id": "%2$s", "displayName": "Finance"}],
              "users": [{
                "id": "%3$s", "userPrincipalName": "fin@contoso.example", "displayName": "Fin", "userType": "Member",
                "transitiveMemberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%2$s"}]
              }]
            }
            """.formatted(POLICY_ID, FINANCE, USER);

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    DiagnosisService engine;

    @InjectService
    TenantLoader loader;

    @TempDir
    Path dir;

    private TenantContext tenant;

    @BeforeEach
    void loadSnapshot() throws Exception {
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, SNAPSHOT);
        tenant = loader.load(List.of(file)).tenant();
        assertEquals(1, tenant.policies().size(), "the snapshot's policy");
    }

    private static SignIn blocked() {
        AppliedPolicy recorded = new AppliedPolicy(POLICY_ID, "Finance: block outside the office", "failure",
                List.of("Block"), List.of(), Set.of("application", "users", "location"), Set.of());
        return SignIn.builder().id("ca-wiring-1").correlationId("c-ca-wiring-1")
                .createdDateTime(Instant.parse("2026-11-20T09:00:00Z")).userId(USER)
                .userPrincipalName("fin@contoso.example").userTypeValue("Member").appDisplayName("Payroll")
                .appId("6b2e8f0a-1c3d-4e5f-9a8b-7c6d5e4f3a2b").ipAddress("203.0.113.9").clientAppUsed("Browser")
                .status(new Status(53003, "Access has been blocked by Conditional Access policies.", null))
                .conditionalAccessStatusValue("failure").appliedConditionalAccessPolicies(List.of(recorded)).build();
    }

    private Bundle policyBundle() {
        Bundle b = Arrays.stream(ctx.getBundles()).filter(x -> "io.signdx.policy".equals(x.getSymbolicName()))
                .findFirst().orElse(null);
        assertNotNull(b, "io.signdx.policy is in the product");
        return b;
    }

    private static String text(Diagnosis d) {
        return d.findings().stream().filter(f -> f.scenario().equals("ca.blocked")).findFirst()
                .map(f -> f.evidence() + " " + f.missing()).orElse("");
    }

    /** Diagnoses until the condition holds: a service coming or going reaches the detectors a moment later. */
    private Diagnosis diagnoseUntil(Predicate<Diagnosis> done) throws InterruptedException {
        Diagnosis d = engine.diagnose(blocked(), tenant);
        for (int i = 0; i < 100 && !done.test(d); i++) {
            Thread.sleep(50);
            d = engine.diagnose(blocked(), tenant);
        }
        return d;
    }

    @Test
    void theEvaluatorExplainsTheConditionsAndItsAbsenceIsSaidNotFatal() throws Exception {
        Diagnosis with = diagnoseUntil(d -> text(d).contains("Finance"));
        assertEquals("ca.blocked", with.scenario());
        assertTrue(text(with).contains("Finance"), "the group through which the user is included: " + text(with));

        Bundle policy = policyBundle();
        policy.stop();
        try {
            Diagnosis without = diagnoseUntil(d -> text(d).contains("io.signdx.policy"));
            assertEquals("ca.blocked", without.scenario(), "still diagnosed from the record");
            assertTrue(text(without).contains("io.signdx.policy"), "says the evaluator is missing: " + text(without));
            assertFalse(text(without).contains("through group"), "no evaluator reasons without the evaluator");
        } finally {
            policy.start();
        }
        Diagnosis again = diagnoseUntil(d -> text(d).contains("Finance"));
        assertTrue(text(again).contains("Finance"), "the reasons are back: " + text(again));
    }
}
