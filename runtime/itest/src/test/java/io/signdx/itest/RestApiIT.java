package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.ModuleService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** /api/health and /api/modules over real HTTP: authentication, roles, cross-site refusal, toggles. */
class RestApiIT {
    static final String PASSWORD = "itest-Secret-1"; // set by -runenv in test.bndrun
    static final String SCENARIO = "itest.rest";

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    ModuleService modules;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ServiceRegistration<ScenarioDetector> registration;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        registration = Fixtures.register(ctx, SCENARIO, Fixtures.always(SCENARIO), 0);
        Fixtures.await("the HTTP endpoint is published", () -> endpoint() != null);
        Fixtures.await("the test detector passed its quick check", () -> modules.detectors().stream()
                .anyMatch(d -> d.scenario().equals(SCENARIO) && d.state() == io.signdx.api.engine.DetectorState.ACTIVE));
        base = endpoint().replaceAll("/$", "");
    }

    @AfterEach
    void tearDown() {
        modules.setEnabled(SCENARIO, true, "itest");
        registration.unregister();
    }

    @Test
    void healthIsAnonymousAndSaysNothingElse() throws Exception {
        HttpResponse<String> r = get("/api/health", null);
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals("UP", body.path("status").asText());
        assertEquals(2, body.size(), "health answers status and version only: " + r.body());
    }

    @Test
    void modulesNeedAuthentication() throws Exception {
        HttpResponse<String> anonymous = get("/api/modules", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, get("/api/modules", basic("admin", "wrong")).statusCode());
        assertEquals(401, get("/api/modules", basic("nobody", PASSWORD)).statusCode());
        assertEquals(401, get("/api/modules", "Basic !!!not-base64").statusCode());

        HttpResponse<String> ok = get("/api/modules", basic("admin", PASSWORD));
        assertEquals(200, ok.statusCode());
        assertEquals("nosniff", ok.headers().firstValue("X-Content-Type-Options").orElse(""));
        JsonNode body = json.readTree(ok.body());
        JsonNode detector = find(body.path("detectors"), SCENARIO);
        assertNotNull(detector, "the test detector is listed: " + ok.body());
        assertEquals("ACTIVE", detector.path("state").asText());
        assertTrue(body.path("modules").size() > 5);
    }

    @Test
    void toggleOverHttpAndRefuseCrossSiteRequests() throws Exception {
        HttpRequest crossSite = HttpRequest.newBuilder(URI.create(base + "/api/modules/" + SCENARIO + "/disable"))
                .header("Authorization", basic("admin", PASSWORD)).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(403, http.send(crossSite, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals("ACTIVE", state());

        HttpResponse<String> r = post("/api/modules/" + SCENARIO + "/disable", basic("admin", PASSWORD));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json.readTree(r.body()).path("changed").asBoolean());
        assertEquals("DISABLED", state());

        assertEquals(404, post("/api/modules/no.such/disable", basic("admin", PASSWORD)).statusCode());
        assertEquals(404, post("/api/modules/" + SCENARIO + "/explode", basic("admin", PASSWORD)).statusCode());
        assertEquals(401, post("/api/modules/" + SCENARIO + "/enable", null).statusCode());

        assertEquals(200, post("/api/modules/" + SCENARIO + "/enable", basic("admin", PASSWORD)).statusCode());
        assertEquals("ACTIVE", state());
        assertFalse(modules.detectors().isEmpty());
    }

    @Test
    void aDetectorThatFailsTheQuickCheckIsRefusedAndTheApiSaysWhy() throws Exception {
        // the classic latent bug: every record is assumed to carry a user principal name
        ScenarioDetector careless = (s, c) -> s.userPrincipalName().endsWith(".example")
                ? Fixtures.always("itest.careless").detect(s, c) : java.util.List.of();
        ServiceRegistration<ScenarioDetector> broken = Fixtures.register(ctx, "itest.careless", careless, 0);
        try {
            Fixtures.await("the careless detector is refused", () -> modules.detectors().stream()
                    .anyMatch(d -> d.scenario().equals("itest.careless")
                            && d.state() == io.signdx.api.engine.DetectorState.REFUSED));
            JsonNode body = json.readTree(get("/api/modules", basic("admin", PASSWORD)).body());
            JsonNode listed = find(body.path("detectors"), "itest.careless");
            assertEquals("REFUSED", listed.path("state").asText());
            String problem = listed.path("problem").asText();
            assertTrue(problem.startsWith("failed the conformance quick check: robustness: threw "
                    + "java.lang.NullPointerException"), problem);
            assertEquals("ACTIVE", state(), "the other detectors are not affected");
        } finally {
            broken.unregister();
        }
    }

    private String state() throws Exception {
        JsonNode body = json.readTree(get("/api/modules", basic("admin", PASSWORD)).body());
        return find(body.path("detectors"), SCENARIO).path("state").asText();
    }

    private static JsonNode find(JsonNode detectors, String scenario) {
        for (JsonNode d : detectors) {
            if (scenario.equals(d.path("scenario").asText())) {
                return d;
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The first endpoint URL the servlet whiteboard runtime publishes (the port is chosen at random). */
    private String endpoint() {
        try {
            ServiceReference<?>[] refs = ctx.getServiceReferences("org.osgi.service.servlet.runtime.HttpServiceRuntime",
                    null);
            if (refs == null) {
                return null;
            }
            Object value = refs[0].getProperty("osgi.http.endpoint");
            String first = value instanceof String[] a ? (a.length == 0 ? null : a[0])
                    : value instanceof java.util.Collection<?> c ? (c.isEmpty() ? null : c.iterator().next().toString())
                    : value == null ? null : value.toString();
            return first == null || first.endsWith(":0/") ? null : first;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
