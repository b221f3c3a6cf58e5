package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Every scenario bundle of the product can be uninstalled and installed again while the platform
 * runs: while it is gone its sign-ins fall back to another scenario and every other bundle keeps
 * diagnosing its own; once back, its scenario is back. One probe sign-in per bundle shows which
 * bundles are at work.
 */
class ScenarioBundlesIT {
    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    DiagnosisService engine;

    @InjectService
    ModuleService modules;

    /** Bundle symbolic name to the scenario its probe must be diagnosed as. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("io.signdx.scenario.credentials", "credentials.account-locked");
        EXPECTED.put("io.signdx.scenario.mfa", "mfa.proofup-risky-location");
        EXPECTED.put("io.signdx.scenario.risk", "risk.blocked");
        EXPECTED.put("io.signdx.scenario.enterpriseapps", "apps.configuration");
        EXPECTED.put("io.signdx.scenario.legacyauth", "legacy.blocked");
        EXPECTED.put("io.signdx.scenario.pta", "pta.failure");
        EXPECTED.put("io.signdx.scenario.sso", "sso.failure");
        EXPECTED.put("io.signdx.scenario.conditionalaccess", "ca.failed");
    }

    private static SignIn.Builder base(String id, int code, String reason) {
        return SignIn.builder().id(id).correlationId("c-" + id).createdDateTime(AT).userId("oid-" + id)
                .userPrincipalName(id + "@contoso.example").appDisplayName("Office 365 Exchange Online")
                .appId("00000002-0000-0ff1-ce00-000000000000").ipAddress("198.51.100.20").clientAppUsed("Browser")
                .status(new Status(code, reason, null));
    }

    private static SignIn probe(String bundle) {
        AppliedPolicy blocking = new AppliedPolicy("p-1", "Block", "failure", List.of("Block"), List.of(), java.util.Set.of(),
                java.util.Set.of());
        return switch (bundle) {
            case "io.signdx.scenario.credentials" -> base("locked", 50053, "Account is locked because user tried to "
                    + "sign in too many times with an incorrect user ID or password.").build();
            case "io.signdx.scenario.mfa" -> base("proofup", 53004, "Proof up is blocked due to suspicious activity")
                    .build();
            case "io.signdx.scenario.risk" -> base("risky", 53003, "Access has been blocked by Conditional Access "
                    + "policies.").conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(List.of(blocking))
                    .risk(new Risk("high", "high", "atRisk", "none", List.of("anonymizedIPAddress"))).build();
            case "io.signdx.scenario.enterpriseapps" -> base("replyurl", 50011, "The redirect URI specified in the "
                    + "request does not match the redirect URIs configured for the application.").build();
            case "io.signdx.scenario.legacyauth" -> base("imap", 53003, "Access has been blocked by Conditional "
                    + "Access policies.").clientAppUsed("IMAP4").conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(List.of(blocking)).build();
            case "io.signdx.scenario.pta" -> base("pta", 80001, "Authentication Agent unable to connect to Active "
                    + "Directory.").authenticationDetails(List.of(new AuthenticationDetail(AT, "Password",
                            "Pass-through Authentication", false, "Authentication Agent unable to connect to Active "
                            + "Directory.", "Primary authentication"))).build();
            case "io.signdx.scenario.sso" -> base("sso", 81010, "DesktopSSO failed because the user's Kerberos ticket "
                    + "has expired or is invalid.").authenticationProtocol("kerberos").build();
            case "io.signdx.scenario.conditionalaccess" -> base("compliant", 53000, "Device is not in required device "
                    + "state: compliant.").conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p-2", "Require a compliant device",
                            "failure", List.of("RequireCompliantDevice"), List.of(), java.util.Set.of(), java.util.Set.of())))
                    .build();
            default -> throw new IllegalArgumentException(bundle);
        };
    }

    private String scenarioOf(String bundle) {
        Diagnosis d = engine.diagnose(probe(bundle), TenantContext.empty());
        return d.scenario();
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(ctx.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }

    @Test
    void everyScenarioBundleIsInTheProductAndDiagnosesItsProbe() {
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            Bundle b = bundle(e.getKey());
            assertNotNull(b, e.getKey() + " is installed");
            assertEquals(Bundle.ACTIVE, b.getState(), e.getKey() + " is active");
            assertEquals(e.getValue(), scenarioOf(e.getKey()), "probe of " + e.getKey());
        }
    }

    @Test
    void eachBundleCanBeUninstalledAndInstalledAgainWhileTheOthersKeepWorking() throws Exception {
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String name = e.getKey();
            String scenario = e.getValue();
            Bundle b = bundle(name);
            String location = b.getLocation();
            Path copy = Files.createTempFile("scenario-bundle", ".jar");
            try (InputStream in = open(location)) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            b.uninstall();
            Fixtures.await(scenario + " has left the engine", () -> modules.detectors().stream()
                    .noneMatch(d -> d.scenario().equals(scenario)));
            assertFalse(scenario.equals(scenarioOf(name)), "without " + name + " its probe is diagnosed otherwise");
            for (Map.Entry<String, String> other : EXPECTED.entrySet()) {
                if (!other.getKey().equals(name)) {
                    assertEquals(other.getValue(), scenarioOf(other.getKey()),
                            other.getKey() + " keeps working while " + name + " is gone");
                }
            }

            Bundle again;
            try (InputStream in = Files.newInputStream(copy)) {
                // through the framework's context: bundles installed through the injected one are removed when
                // this test class ends, and the tests after it need the product whole
                again = ctx.getBundle(0).getBundleContext().installBundle(location, in);
            }
            again.start();
            Fixtures.await(scenario + " is back", () -> scenario.equals(scenarioOf(name)));
            Files.delete(copy);
        }
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            assertEquals(e.getValue(), scenarioOf(e.getKey()), "all back: " + e.getKey());
            assertTrue(bundle(e.getKey()).getState() == Bundle.ACTIVE);
        }
    }

    /** Opens a bundle location: a URL, a "reference:" URL, or a plain file path. */
    private static InputStream open(String location) throws Exception {
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (l.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !l.matches("^[a-zA-Z]:\\\\.*")) {
            return URI.create(l).toURL().openStream();
        }
        return Files.newInputStream(Path.of(l));
    }
}
