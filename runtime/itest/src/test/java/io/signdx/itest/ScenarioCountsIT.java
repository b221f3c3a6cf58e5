package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/**
 * Counting by scenario ({@code signdx summary}) asks the detectors for scenarios only
 * ({@link DiagnosisService.Detail#SCENARIOS}); with every scenario bundle of the product active, a mixed batch
 * of bursts must get the same findings (scenario and classification, in the same order) as a full diagnosis.
 */
class ScenarioCountsIT {
    private static final Instant T0 = Instant.parse("2026-11-18T08:00:00Z");

    @InjectService
    DiagnosisService engine;

    @InjectService
    ModuleService modules;

    @Test
    void scenariosOnlyGivesTheFindingsOfAFullDiagnosis() throws InterruptedException {
        // other tests of the run switch bundles off and on: start when the families compared are all in
        Set<String> needed = Set.of("credentials.success", "credentials.invalid-password", "legacy.blocked",
                "apps.configuration", "mfa.not-completed", "ca.failed", "error-code.insight");
        Fixtures.await("the scenario bundles are active", () -> modules.detectors().stream()
                .filter(d -> d.state() == DetectorState.ACTIVE).map(DetectorInfo::scenario).toList()
                .containsAll(needed));
        List<SignIn> batch = batch();
        List<List<String>> full = findings(batch, DiagnosisService.Detail.FULL);
        List<List<String>> brief = findings(batch, DiagnosisService.Detail.SCENARIOS);
        assertEquals(batch.size(), full.size());
        Map<String, Integer> primaries = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(full.get(i), brief.get(i), "sign-in " + batch.get(i).id() + " (" + batch.get(i).errorCode()
                    + ")");
            primaries.merge(full.get(i).isEmpty() ? "none" : full.get(i).get(0), 1, Integer::sum);
        }
        // the batch must reach the scenario bundles, or the comparison above says nothing
        TreeSet<String> families = new TreeSet<>();
        primaries.keySet().forEach(k -> families.add(k.split("[./]")[0]));
        assertTrue(families.containsAll(List.of("credentials", "legacy", "apps", "mfa", "error-code")),
                primaries.toString());
        System.out.println("ScenarioCountsIT primaries: " + primaries);
        assertTrue(primaries.keySet().stream().anyMatch(k -> k.startsWith("credentials.invalid-password/spray")),
                primaries.toString());
    }

    /** Per sign-in, in input order: "scenario/classification" of every finding, best first. */
    private List<List<String>> findings(List<SignIn> batch, DiagnosisService.Detail detail) {
        List<List<String>> out = new ArrayList<>();
        engine.diagnoseAll(batch, TenantContext.empty(), DiagnosisService.Related.BATCH, detail, (Diagnosis d) -> {
            List<String> list = new ArrayList<>();
            for (Finding f : d.findings()) {
                if (!f.detectorFailure()) {
                    list.add(f.scenario() + "/" + f.classification());
                }
            }
            out.add(list);
        });
        return out;
    }

    private static List<SignIn> batch() {
        Random random = new Random(11);
        List<SignIn> out = new ArrayList<>();
        int n = 0;
        // a spray: one address, thirty accounts, wrong passwords within twenty minutes
        for (int u = 0; u < 30; u++) {
            out.add(signIn("spray" + n++, "user" + u + "@contoso.example", "203.0.113.7", T0.plusSeconds(40L * u), 50126,
                    "Browser", "Contoso Portal").build());
        }
        // a stale credential: one client retrying every ten minutes, never succeeding
        for (int i = 0; i < 12; i++) {
            out.add(signIn("stale" + n++, "bob@contoso.example", "198.51.100.20", T0.plus(Duration.ofMinutes(10L * i)),
                    50126, "Mobile Apps and Desktop clients", "Office 365 Exchange Online").build());
        }
        // a typo: two wrong passwords, then a success
        out.add(signIn("typo" + n++, "cid@contoso.example", "198.51.100.30", T0, 50126, "Browser", "Outlook").build());
        out.add(signIn("typo" + n++, "cid@contoso.example", "198.51.100.30", T0.plusSeconds(20), 50126, "Browser",
                "Outlook").build());
        out.add(signIn("typo" + n++, "cid@contoso.example", "198.51.100.30", T0.plusSeconds(45), 0, "Browser",
                "Outlook").authenticationRequirementValue("singleFactorAuthentication")
                .conditionalAccessStatusValue("notApplied").build());
        // lockouts, legacy protocols, app configuration, MFA, CA, uncatalogued codes, and plain successes
        int[] codes = {50053, 50053, 53003, 50011, 7000222, 700016, 50105, 50074, 500121, 50076, 50058, 90072,
            50140, 65001, 0, 0, 0, 0};
        String[] clients = {"Browser", "Mobile Apps and Desktop clients", "IMAP4", "Authenticated SMTP",
            "Exchange ActiveSync"};
        for (int i = 0; i < 600; i++) {
            int code = codes[random.nextInt(codes.length)];
            String client = clients[random.nextInt(clients.length)];
            SignIn.Builder b = signIn("mix" + n++, "user" + random.nextInt(25) + "@contoso.example",
                    "192.0.2." + random.nextInt(20), T0.plus(Duration.ofMinutes(random.nextInt(2880))), code, client,
                    random.nextBoolean() ? "Contoso Payroll" : "Office 365 Exchange Online");
            if (code == 0) {
                b.authenticationRequirementValue(random.nextBoolean() ? "singleFactorAuthentication"
                        : "multiFactorAuthentication").conditionalAccessStatusValue("success")
                        .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p1", "Require MFA", "success",
                                List.of("Mfa"), List.of(), null, null)));
            } else if (code == 53003) {
                b.conditionalAccessStatusValue("failure").appliedConditionalAccessPolicies(List.of(new AppliedPolicy(
                        "p2", "Block legacy authentication", "failure", List.of("Block"), List.of(), null, null)));
            }
            out.add(b.build());
        }
        return out;
    }

    private static SignIn.Builder signIn(String id, String upn, String ip, Instant at, int code, String client,
            String app) {
        return SignIn.builder().id(id).correlationId("c-" + id).createdDateTime(at).userPrincipalName(upn)
                .userId("oid-" + upn).ipAddress(ip).clientAppUsed(client).appDisplayName(app).appId("app-" + app.length())
                .status(new Status(code, code == 0 ? null : "failure " + code, null));
    }
}
