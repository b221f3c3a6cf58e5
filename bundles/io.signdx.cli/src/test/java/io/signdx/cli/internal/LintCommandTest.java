package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.policy.PolicyLinter;
import io.signdx.policy.analysis.internal.Linter;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    static final String BREAK_GLASS = "0b0b0b0b-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    private final Stubs.Console console = new Stubs.Console();
    private final List<SignInSource> sources = new ArrayList<>();

    private static ConditionalAccessPolicy policy(String id, String name, String state, List<String> excludeGroups,
            String control) {
        PolicyConditions c = new PolicyConditions(new PolicyConditions.Users(List.of("All"), null, null, excludeGroups,
                null, null, null, null), new PolicyConditions.Applications(List.of("All"), null, null, null, null), null,
                null, null, null, null, null, null, null, null, null);
        return new ConditionalAccessPolicy(id, name, state, c, new GrantControls("OR", List.of(control), null, null,
                null), null, "test");
    }

    static TenantContext tenant(boolean critical) {
        Tenants t = Tenants.builder().group(BREAK_GLASS, "Emergency access")
                .user(new DirectoryUser("u-bg", "bg@contoso.example", "BG", "Member", Set.of(BREAK_GLASS), Set.of()))
                .policy(policy("p-ro", "Block outside allowed countries (report-only)",
                        "enabledForReportingButNotEnforced", List.of(BREAK_GLASS), "block"))
                .policy(policy("p-mfa", "MFA for everyone", "enabled", List.of(BREAK_GLASS), "mfa"));
        if (critical) {
            t.policy(policy("p-device", "Compliant devices only", "enabled", List.of(), "compliantDevice"));
        }
        return t.build();
    }

    /** The report-only policy would block the sign-ins from 198.51.100.x. */
    private final Stubs.Evaluator evaluator = new Stubs.Evaluator((p, f) -> p.id().equals("p-ro")
            ? f.ipAddress() != null && f.ipAddress().startsWith("198.51.100.") : Boolean.TRUE);

    private LintCommand command(TenantContext tenant, PolicyLinter linter) {
        return new LintCommand(Stubs.handle(new Stubs.Loader(tenant), TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                ServiceHandle.direct(linter, PolicyLinter.class, LintCommand.ANALYSIS_BUNDLE),
                Stubs.handle(new Stubs.Reader(), SignInReader.class), () -> sources, console.out, console.err);
    }

    private int run(boolean critical, String... args) {
        return command(tenant(critical), new Linter(evaluator)).applyAsInt(args);
    }

    private String snapshot() throws Exception {
        return Files.createDirectories(dir.resolve("tenant")).toString();
    }

    private String signIns() throws Exception {
        return Files.write(dir.resolve("signins.txt"), List.of("r1,ann@contoso.example,198.51.100.7",
                "r2,bob@contoso.example,203.0.113.5", "bad", "r3,cy@contoso.example,198.51.100.9")).toString();
    }

    @Test
    void textListsFindingsMostSevereFirstAndExitsZero() throws Exception {
        assertEquals(0, run(true, "--tenant", snapshot()), console::err);
        String text = console.out();
        assertTrue(text.startsWith("Lint of 3 policies: 1 critical, 0 high, 1 medium, 0 low"), text);
        assertTrue(text.contains("[CRITICAL] lockout-no-emergency-exclusion: Compliant devices only"), text);
        assertTrue(text.contains("  fix: Exclude your emergency-access (break-glass) accounts"), text);
    }

    @Test
    void aLintWithoutSignInsNeverTouchesTheStore() throws Exception {
        int[] asked = {0};
        LintCommand c = new LintCommand(Stubs.handle(new Stubs.Loader(tenant(false)), TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                Stubs.handle(new Linter(evaluator), PolicyLinter.class),
                Stubs.handle(new Stubs.Reader(), SignInReader.class), () -> {
                    asked[0]++;
                    return sources;
                }, console.out, console.err);
        assertEquals(0, c.applyAsInt(new String[] {"--tenant", snapshot()}));
        assertEquals(0, asked[0]);
    }

    @Test
    void failOnMakesAGateForCi() throws Exception {
        assertEquals(3, run(true, "--tenant", snapshot(), "--fail-on", "critical"));
        assertTrue(console.err().contains("failing: at least one finding is critical or worse"), console.err());
        assertEquals(0, run(false, "--tenant", snapshot(), "--fail-on", "high"));
        assertEquals(1, run(false, "--tenant", snapshot(), "--fail-on", "severe"));
        assertTrue(console.err().contains("--fail-on must be critical, high, medium or low, not severe"), console.err());
    }

    @Test
    void jsonIsStableAndCountsEverySeverity() throws Exception {
        assertEquals(0, run(true, "--tenant", snapshot(), "--format", "json"), console::err);
        JsonNode doc = new ObjectMapper().readTree(console.out());
        assertEquals(3, doc.get("policies").asInt());
        assertTrue(doc.get("signIns").isNull());
        assertEquals(1, doc.get("counts").get("critical").asInt());
        assertEquals(0, doc.get("counts").get("low").asInt());
        JsonNode f = doc.get("findings").get(0);
        assertEquals("lockout-no-emergency-exclusion", f.get("rule").asText());
        assertEquals("critical", f.get("severity").asText());
        assertEquals("p-device", f.get("policyIds").get(0).asText());
        assertEquals("Compliant devices only", f.get("policies").get(0).asText());
        assertTrue(f.get("problem").asText().contains("Compliant devices only"));
        assertTrue(f.get("fix").isTextual());
        assertTrue(f.get("examples").isArray());
    }

    @Test
    void signInsOfExportFilesFeedTheReportOnlyRule() throws Exception {
        assertEquals(0, run(false, "--tenant", snapshot(), "--input", signIns(), "--format", "json"), console::err);
        JsonNode doc = new ObjectMapper().readTree(console.out());
        assertEquals(3, doc.get("signIns").asInt());
        JsonNode f = doc.get("findings").get(0);
        assertEquals("report-only-would-block", f.get("rule").asText());
        assertEquals("high", f.get("severity").asText());
        assertTrue(f.get("problem").asText().contains("2 of the 3 sign-ins replayed would have been blocked"));
        assertEquals("r1", f.get("examples").get(0).asText());
        assertEquals("r3", f.get("examples").get(1).asText());
        assertTrue(console.err().contains("1 record(s) could not be read and were skipped"), console.err());
    }

    @Test
    void withSigninsReadsTheStorePageByPage() throws Exception {
        List<SignIn> stored = new ArrayList<>();
        for (int i = 0; i < SignInStream.PAGE * 2 + 7; i++) {
            stored.add(SignIn.builder().id("s" + i).userPrincipalName("u" + i + "@contoso.example")
                    .ipAddress(i % 1000 == 0 ? "198.51.100.1" : "203.0.113.1").build());
        }
        List<Integer> offsets = new ArrayList<>();
        sources.add(new SignInSource() {
            @Override
            public Page<SignIn> query(SignInQuery q) {
                offsets.add(q.offset());
                int to = Math.min(stored.size(), q.offset() + q.limit());
                return new Page<>(stored.subList(Math.min(q.offset(), to), to), q.offset(), stored.size());
            }

            @Override
            public long count(SignInQuery q) {
                return stored.size();
            }
        });
        assertEquals(0, run(false, "--tenant", snapshot(), "--with-signins"), console::err);
        assertTrue(console.out().contains("with " + stored.size() + " sign-ins replayed"), console.out());
        assertTrue(console.out().contains("11 of the " + stored.size() + " sign-ins replayed would have been blocked"),
                console.out());
        assertEquals(List.of(0, SignInStream.PAGE, SignInStream.PAGE * 2), offsets);
    }

    @Test
    void missingServicesAndBadInput() throws Exception {
        assertEquals(2, run(false, "--tenant", snapshot(), "--with-signins"));
        assertTrue(console.err().contains("the bundle io.signdx.store is not installed"), console.err());
        assertEquals(2, command(tenant(false), null).applyAsInt(new String[] {"--tenant", snapshot()}));
        assertTrue(console.err().contains("no io.signdx.policy.PolicyLinter service is registered: the bundle "
                + "io.signdx.policy.analysis is not installed"), console.err());
        assertEquals(1, run(false, "--tenant", snapshot(), "--input", dir.resolve("none.json").toString()));
        assertTrue(console.err().contains("none.json: no such file"), console.err());
        Path garbage = Files.write(dir.resolve("garbage.txt"), List.of("garbage"));
        assertEquals(1, run(false, "--tenant", snapshot(), "--input", garbage.toString()));
        assertTrue(console.err().contains("garbage.txt: not a sign-in export"), console.err());
        assertEquals(1, run(false, "--tenant", snapshot(), "--input", signIns(), "--with-signins"));
        assertEquals(1, run(false, "--tenant", snapshot(), "stray"));
        assertTrue(console.err().contains("unexpected argument stray"), console.err());
    }
}
