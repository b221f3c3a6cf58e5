package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.json.EvaluationJson;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.LintFinding;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.PolicyLinter;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/tenant}, {@code /api/whatif} and {@code /api/lint}, with and without the optional bundles. */
class TenantAndPolicyApiTest {
    static final String USER_ID = "11111111-2222-3333-4444-555555555555";
    static final String APP_ID = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    static final ConditionalAccessPolicy POLICY = new ConditionalAccessPolicy("p1", "Block <b>legacy</b>", "enabled",
            PolicyConditions.EMPTY, null, null, "policies.json#1");

    @TempDir
    Path home;

    /** Loads every file it is given: the snapshot lists their names; a file holding "bad" fails the load. */
    final class Snapshots implements TenantSnapshots {
        TenantLoader.Snapshot current;
        final List<String> seen = new ArrayList<>();

        @Override
        public Optional<TenantLoader.Snapshot> current() {
            return Optional.ofNullable(current);
        }

        @Override
        public TenantLoader.Snapshot install(List<Path> paths) throws TenantLoadException {
            List<String> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(paths.get(0))) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    String text = Files.readString(p);
                    if (text.contains("bad")) {
                        throw new TenantLoadException(p.getFileName() + ": not a tenant snapshot file");
                    }
                    files.add(p.getFileName() + ": " + text.strip());
                    seen.add(p.toString());
                }
            } catch (IOException e) {
                throw new TenantLoadException(e.getMessage(), e);
            }
            TenantContext t = Tenants.builder().policy(POLICY)
                    .user(new DirectoryUser(USER_ID, "ann@contoso.example", "Ann", "Member", Set.of("g1"), Set.of()))
                    .group("g1", "Finance")
                    .servicePrincipal(new ServicePrincipal("sp1", APP_ID, "Azure Portal", true, false, null, List.of()))
                    .build();
            current = new TenantLoader.Snapshot(t, files, List.of("policies.json: a warning"),
                    List.of(TenantPart.PER_USER_MFA));
            return current;
        }
    }

    /** Answers every request with one policy that does not apply, remembering the facts it was given. */
    static final class Evaluator implements PolicyEvaluator {
        SignInFacts facts;
        Evaluation last;

        @Override
        public Evaluation evaluate(SignInFacts f, TenantContext tenant) {
            this.facts = f;
            this.last = answer(f, tenant);
            return last;
        }

        private static Evaluation answer(SignInFacts f, TenantContext tenant) {
            Grant none = new Grant(Grant.Outcome.GRANT, List.of(), List.of(), List.of(), List.of(), List.of());
            Grant mfa = new Grant(Grant.Outcome.GRANT_WITH_REQUIREMENTS, List.of(), List.of(new Grant.Requirement(
                    "Require MFA", "OR", List.of("mfa"), "Require MFA")), List.of(), List.of(), List.of("Unknown one"));
            return new Evaluation(f, List.of(new PolicyEvaluation(tenant.policies().get(0), null, List.of(
                    new ConditionVerdict(Condition.USERS, "include: All users", "Ann", Verdict.SATISFIED, "all users"),
                    new ConditionVerdict(Condition.DEVICE_FILTER, "rule", "unknown", Verdict.NOT_ENOUGH_INFORMATION,
                            "no device properties")), "Block", List.of())), mfa, none, List.of("Sign-in frequency 1 h"),
                    List.of(), List.of("device properties"));
        }
    }

    /** One finding; counts the sign-ins it was given. */
    static final class Linter implements PolicyLinter {
        int signIns;

        @Override
        public List<LintFinding> lint(TenantContext tenant, Iterable<SignIn> given) {
            given.forEach(s -> signIns++);
            return List.of(new LintFinding("no-exclusion", LintFinding.Severity.CRITICAL, List.of("p1"),
                    List.of("Block <b>legacy</b>"), "Excludes nobody.", "Exclude the break-glass accounts.",
                    List.of("req-1")));
        }
    }

    private Snapshots snapshots;
    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        snapshots = new Snapshots();
        server = new ConsoleServer(home, snapshots, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void adminsInstallASnapshotFromJsonGzipAndZipFiles() throws Exception {
        JsonNode before = server.reader().json(server.reader().get("/api/tenant"));
        assertTrue(before.path("available").asBoolean());
        assertTrue(!before.path("present").asBoolean());
        byte[] archive = zip(Map.of("../../../etc/evil/policies.json", "p".getBytes(StandardCharsets.UTF_8),
                "folder/users.json.gz", gzip("u"), "folder/", new byte[0]));
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("snapshot.zip", archive);
        files.put("locations.json.gz", gzip("l"));
        HttpResponse<String> r = server.admin().upload("/api/tenant", "file", files);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode t = server.admin().json(r);
        assertEquals(Set.of("policies.json: p", "users.json: u", "locations.json: l"),
                new java.util.HashSet<>(texts(t.path("files"))), "zip entries and gzip files unpacked, folders skipped");
        assertTrue(snapshots.seen.stream().allMatch(p -> p.startsWith(home.resolve("data/tmp/tenant").toString())),
                "entry paths never escape the upload folder: " + snapshots.seen);
        assertEquals(1, t.path("counts").path("policies").asInt());
        assertEquals(1, t.path("counts").path("users").asInt());
        assertEquals(1, t.path("counts").path("groups").asInt());
        assertEquals(List.of("per_user_mfa"), texts(t.path("missing")));
        assertTrue(server.audit.actions().contains("admin tenant.install snapshot.zip, locations.json.gz"));
        try (var left = Files.walk(home.resolve("data/tmp/tenant"))) {
            assertEquals(List.of(home.resolve("data/tmp/tenant")), left.toList(), "the uploaded files are deleted");
        }

        HttpResponse<String> bad = server.admin().upload("/api/tenant", "file", Map.of("x.json", "bad".getBytes()));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("x.json: not a tenant snapshot file"), bad.body());
        assertEquals(1, server.reader().json(server.reader().get("/api/tenant")).path("counts").path("policies").asInt(),
                "a failed install keeps the snapshot");
        assertEquals(403, server.operator().upload("/api/tenant", "file", Map.of("x.json", "p".getBytes())).statusCode());
        assertEquals(400, server.admin().upload("/api/tenant", "file", Map.of("x.zip", "no zip".getBytes())).statusCode());
    }

    @Test
    void withoutTheSnapshotServiceTheTenantIsAbsentAndCannotBeInstalled() throws Exception {
        try (ConsoleServer plain = new ConsoleServer(home.resolve("plain"))) {
            JsonNode t = plain.reader().json(plain.reader().get("/api/tenant"));
            assertTrue(!t.path("available").asBoolean() && !t.path("present").asBoolean());
            assertEquals(503, plain.admin().upload("/api/tenant", "file", Map.of("x.json", "p".getBytes())).statusCode());
        }
    }

    @Test
    void whatIfAndLintAnswer503WithoutTheirBundlesAnd409WithoutASnapshot() throws Exception {
        HttpResponse<String> whatIf = server.reader().send("POST", "/api/whatif", "application/json", "{}");
        assertEquals(503, whatIf.statusCode());
        assertEquals("{\"error\":\"the Conditional Access evaluator (bundle io.signdx.policy) is not installed\"}",
                whatIf.body());
        assertEquals(503, server.reader().get("/api/lint").statusCode());
        server.services.put("evaluator", new Evaluator());
        server.services.put("linter", new Linter());
        assertEquals(409, server.reader().send("POST", "/api/whatif", "application/json", "{}").statusCode());
        assertEquals(409, server.reader().get("/api/lint").statusCode());
    }

    @Test
    void whatIfTurnsTheFormIntoFactsAndAnswersEveryPolicysConditions() throws Exception {
        Evaluator evaluator = new Evaluator();
        server.services.put("evaluator", evaluator);
        server.admin().upload("/api/tenant", "file", Map.of("p.json", "p".getBytes()));
        HttpResponse<String> r = server.reader().send("POST", "/api/whatif", "application/json", """
                {"user":"ann@contoso.example","app":"Azure Portal","memberOf":null,"roles":[],"ip":"203.0.113.9",
                 "country":"de","platform":"windows","clientApp":"browser","signInRisk":"high",
                 "authContexts":["c1"],"device":{"trustType":"AzureAD","isCompliant":true}}""");
        assertEquals(200, r.statusCode(), r.body());
        SignInFacts f = evaluator.facts;
        assertEquals(USER_ID, f.userId(), "the user found in the snapshot");
        assertEquals(APP_ID, f.appId(), "the app name resolved through the snapshot's service principals");
        assertNull(f.groupIds(), "null membership = unknown: the evaluator takes it from the snapshot");
        assertEquals(Set.of(), f.roleTemplateIds(), "[] = member of no role");
        assertEquals("DE", f.country());
        assertEquals(Map.of("trustType", "AzureAD", "isCompliant", "true"), f.deviceProperties());
        assertEquals(Set.of("c1"), f.authenticationContexts());

        JsonNode e = server.reader().json(r);
        JsonNode p = e.path("policies").get(0);
        assertEquals("p1", p.path("id").asText());
        assertEquals("Block <b>legacy</b>", p.path("displayName").asText());
        assertTrue(p.path("applies").isNull(), "undecided");
        assertEquals("users", p.path("conditions").get(0).path("condition").asText());
        assertEquals("satisfied", p.path("conditions").get(0).path("verdict").asText());
        assertEquals("deviceFilter", p.path("conditions").get(1).path("condition").asText());
        assertEquals("notEnoughInformation", p.path("conditions").get(1).path("verdict").asText());
        assertEquals("grantWithRequirements", e.path("grant").path("outcome").asText());
        assertEquals("mfa", e.path("grant").path("requirements").get(0).path("controls").get(0).asText());
        assertEquals("grant", e.path("reportOnlyGrant").path("outcome").asText());
        assertEquals(List.of("device properties"), texts(e.path("missing")));
        assertTrue(!r.body().contains("<b>"), "names are escaped in the JSON text too");
        assertEquals(USER_ID, e.path("signIn").path("userId").asText(), "the facts as evaluated");
        assertTrue(e.path("signIn").path("groupIds").isNull());
        assertEquals(false, p.path("reportOnly").asBoolean(true));
        assertTrue(e.path("disagreements").isArray());
        // the command line's writer, unchanged: io.signdx.json pins the form, the servlet adds nothing
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (JsonGenerator g = Http.mapper().getFactory().createGenerator(written)) {
            EvaluationJson.write(evaluator.last, g);
        }
        assertEquals(written.toString(StandardCharsets.UTF_8), r.body());

        server.reader().send("POST", "/api/whatif", "application/json", "{\"device\":\"unregistered\"}");
        assertEquals(Map.of(), evaluator.facts.deviceProperties(), "an unregistered device: every property null");
        for (String bad : List.of("{\"memberOf\":\"g1\"}", "{\"device\":[1]}", "{\"user\":42}",
                "{\"app\":\"No Such App\"}", "[]")) {
            HttpResponse<String> refused = server.reader().send("POST", "/api/whatif", "application/json", bad);
            assertEquals(400, refused.statusCode(), bad + " → " + refused.body());
        }
    }

    @Test
    void lintReplaysTheStoredSignIns() throws Exception {
        Linter linter = new Linter();
        server.services.put("linter", linter);
        server.store.store(List.of(new SignIns().success("a@b.example").build(), new SignIns().failure("c@b.example",
                53003).id("x").build()));
        server.admin().upload("/api/tenant", "file", Map.of("p.json", "p".getBytes()));
        JsonNode r = server.reader().json(server.reader().get("/api/lint"));
        JsonNode f = r.path("findings").get(0);
        assertEquals("no-exclusion", f.path("rule").asText());
        assertEquals("critical", f.path("severity").asText());
        assertEquals(List.of("p1"), texts(f.path("policyIds")));
        assertEquals(2, linter.signIns);
        assertEquals(1, r.path("policies").asInt(), "the snapshot's policies");
        assertEquals(2, r.path("signIns").asInt(), "the sign-ins the linter read");
        assertEquals(1, r.path("counts").path("critical").asInt());
        assertEquals(0, r.path("counts").path("low").asInt());
        JsonNode without = server.reader().json(server.reader().get("/api/lint?signIns=false"));
        assertEquals(2, linter.signIns, "without the sign-ins on request");
        assertTrue(without.path("signIns").isNull(), "no replay asked for");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
