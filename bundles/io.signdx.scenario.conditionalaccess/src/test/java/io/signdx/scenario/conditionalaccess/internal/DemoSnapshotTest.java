package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.demo.internal.DemoWeek;
import io.signdx.policy.internal.ConditionalAccessEvaluator;
import io.signdx.tenant.internal.SnapshotLoader;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test over the demo tenant: its week of sign-ins, its tenant snapshot read by the product's
 * loader, and the real CA evaluator. Every Conditional Access finding explains its policies with the
 * evaluator's reasons, and the snapshot agrees with what each record says.
 */
class DemoSnapshotTest {
    @TempDir
    static Path folder;
    private static TestContext context;
    private static List<SignIn> week;

    @BeforeAll
    static void load() throws Exception {
        week = DemoWeek.write(folder);
        TenantContext tenant = new SnapshotLoader().load(List.of(folder.resolve("tenant"))).tenant();
        context = TestContext.empty().withTenant(tenant);
    }

    @Test
    void everyFindingExplainsItsPoliciesWithTheEvaluatorsReasons() {
        Snapshots real = new Snapshots(PolicyBridge.wrap(new ConditionalAccessEvaluator()));
        List<ScenarioDetector> detectors = List.of(new BlockedDetector(real), new FailedDetector(real),
                new MfaDetector(real), new B2bBlockedDetector(real));
        int findings = 0;
        int tables = 0;
        for (SignIn s : week) {
            for (ScenarioDetector d : detectors) {
                for (Finding f : DetailParity.run(d, s, context)) {
                    findings++;
                    assertFalse(f.evidence().stream().anyMatch(t -> t.title().contains("disagree")),
                            s.id() + " " + f.scenario() + ": " + f.assessment());
                    assertFalse(f.missing().contains(Snapshots.NO_SNAPSHOT));
                    assertFalse(f.missing().contains(Snapshots.NO_EVALUATOR));
                    for (EvidenceTable t : f.evidence()) {
                        if (t.title().endsWith("': conditions")) {
                            tables++;
                            assertTrue(t.rows().stream().noneMatch(r -> r.get(3).equals("satisfied, as the record says")),
                                    s.id() + " " + t.title() + " " + t.rows());
                        }
                    }
                }
            }
        }
        assertTrue(findings > 150, findings + " findings");
        assertEquals(findings - crossTenantRefusals(), tables, "one conditions table per policy finding");
    }

    /** The demo's cross-tenant refusals name no policy: they have no tables. */
    private static int crossTenantRefusals() {
        return (int) week.stream().filter(s -> s.errorCode() == 500213 || s.errorCode() == 500212).count();
    }
}
