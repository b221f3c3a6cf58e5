package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.ingest.SignInReader;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.policy.PolicyReplay;
import io.signdx.policy.analysis.internal.Replay;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    private final Stubs.Console console = new Stubs.Console();

    private static ConditionalAccessPolicy policy(String id, String name, String control) {
        PolicyConditions c = new PolicyConditions(new PolicyConditions.Users(List.of("All"), null, null, null, null,
                null, null, null), new PolicyConditions.Applications(List.of("All"), null, null, null, null), null, null,
                null, null, null, null, null, null, null, null);
        return new ConditionalAccessPolicy(id, name, "enabled", c, new GrantControls("OR", List.of(control), null, null,
                null), null, "test");
    }

    /** The old and the new snapshot, told apart by the folder name. */
    private final TenantLoader loader = new TenantLoader() {
        @Override
        public Snapshot load(List<Path> paths) throws TenantLoadException {
            TenantContext t = paths.get(0).getFileName().toString().equals("new")
                    ? Tenants.builder().policy(policy("p-block", "Block 198.51.100.x", "block"))
                            .policy(policy("p-mfa", "MFA for Bob", "mfa")).build()
                    : Tenants.builder().policy(policy("p-mfa", "MFA for Bob", "mfa")).build();
            return new Snapshot(t, List.of(), List.of(), List.of());
        }
    };

    /** Blocks the 198.51.100.x sign-ins, requires MFA of bob, cannot decide without an address. */
    private final Stubs.Evaluator evaluator = new Stubs.Evaluator((p, f) -> {
        if (f.ipAddress() == null) {
            return null;
        }
        return p.id().equals("p-block") ? f.ipAddress().startsWith("198.51.100.")
                : String.valueOf(f.userPrincipalName()).startsWith("bob");
    });

    private int run(String... args) {
        return new ReplayCommand(Stubs.handle(loader, TenantLoader.class),
                ServiceHandle.direct(new Replay(evaluator), PolicyReplay.class, LintCommand.ANALYSIS_BUNDLE),
                Stubs.handle(new Stubs.Reader(), SignInReader.class), ArrayList::new, console.out, console.err)
                .applyAsInt(args);
    }

    private String folder(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name)).toString();
    }

    private String signIns() throws Exception {
        return Files.write(dir.resolve("signins.txt"), List.of("r1,ann@contoso.example,198.51.100.7",
                "r2,ann@contoso.example,198.51.100.8", "r3,bob@contoso.example,203.0.113.5",
                "r4,cy@contoso.example,203.0.113.6", "r5,dan@contoso.example")).toString();
    }

    @Test
    void textCountsEveryChangeWithPoliciesAndExamples() throws Exception {
        assertEquals(0, run("--tenant", folder("new"), "--input", signIns(), "--examples", "1"), console::err);
        String text = console.out();
        assertTrue(text.startsWith("Replay of 5 sign-ins; before: as each record says; after: the new snapshot"), text);
        assertTrue(text.contains("newly blocked         2         Block 198.51.100.x (2)"), text);
        assertTrue(text.contains("newly requires mfa    1         MFA for Bob (1)"), text);
        assertTrue(text.contains("no longer protected   0"), text);
        assertTrue(text.contains("unchanged             1"), text);
        assertTrue(text.contains("undecided             1"), text);
        assertTrue(text.contains("Examples, newly blocked:\n  r1  ann@contoso.example → Office 365 Exchange Online\n"
                + "    before: no control required\n    after:  blocked by Block 198.51.100.x"), text);
        assertTrue(!text.contains("  r2  "), "one example per change");
    }

    @Test
    void jsonListsEveryKindInOrder() throws Exception {
        assertEquals(0, run("--tenant", folder("new"), "--baseline", folder("old"), "--input", signIns(), "--format",
                "json"), console::err);
        JsonNode doc = new ObjectMapper().readTree(console.out());
        assertEquals(5, doc.get("signIns").asInt());
        assertEquals("baseline", doc.get("before").asText());
        JsonNode changes = doc.get("changes");
        assertEquals(7, changes.size());
        assertEquals("newlyBlocked", changes.get(0).get("change").asText());
        assertEquals(2, changes.get(0).get("count").asInt());
        assertEquals("Block 198.51.100.x", changes.get(0).get("policies").get(0).get("policy").asText());
        assertEquals(2, changes.get(0).get("policies").get(0).get("signIns").asInt());
        JsonNode ex = changes.get(0).get("examples").get(0);
        assertEquals("r1", ex.get("requestId").asText());
        assertEquals("ann@contoso.example", ex.get("user").asText());
        assertEquals("no control required", ex.get("before").asText());
        // with the baseline, bob needed MFA already: unchanged
        assertEquals("newlyRequiresMfa", changes.get(1).get("change").asText());
        assertEquals(0, changes.get(1).get("count").asInt());
        assertEquals("unchanged", changes.get(5).get("change").asText());
        assertEquals(2, changes.get(5).get("count").asInt());
    }

    @Test
    void mistakes() throws Exception {
        assertEquals(1, run("--input", signIns()));
        assertTrue(console.err().contains("--tenant NEW_SNAPSHOT is required"), console.err());
        assertEquals(1, run("--tenant", folder("new"), "--input", signIns(), "--examples", "-1"));
        assertTrue(console.err().contains("--examples must be a number from 0 to 1000"), console.err());
        assertEquals(2, run("--tenant", folder("new")));
        assertTrue(console.err().contains("the bundle io.signdx.store is not installed"), console.err());
        assertEquals(1, run("--tenant", Paths.get(dir.toString(), "missing").toString(), "--input", signIns()));
    }
}
