package io.signdx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's REST API on the built product, as browsers and scripts use it: authentication, each
 * role's allowed and refused calls, CSRF, API tokens, headers, record text as data, imports, bundle
 * upload and the upload limit.
 */
class ConsoleApiProductIT {
    static final String ADMIN_PASSWORD = "console-Test-9";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String PARTNER = "partner.example.expense-access";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @TempDir
    static Path home;

    private static ProductProcess.Serving product;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        product = ProductProcess.serve(home, Map.of("SIGNDX_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Client admin = basic("admin", ADMIN_PASSWORD);
        for (String[] u : new String[][] {{"rita", "reader"}, {"otto", "operator"}}) {
            HttpResponse<String> r = admin.send("POST", "/api/users", "application/json",
                    "{\"username\":\"" + u[0] + "\",\"role\":\"" + u[1] + "\",\"password\":\"" + u[0] + "-Pass-12345\"}");
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        product.close();
        assertFalse(Files.readString(product.log()).contains(ADMIN_PASSWORD), "no password in the output");
        assertFalse(Files.readString(home.resolve("logs/audit.log")).contains("-Pass-12345"), "nor in the audit log");
    }

    /** A caller: Basic, bearer or a browser session with its CSRF token. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String authorization;
        String cookie;
        String csrf;
        boolean fromUi;

        HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null, (byte[]) null);
        }

        HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
            return send(method, path, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(product.base() + path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (fromUi) {
                b.header("X-Requested-With", "signdx");
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String path, String field, String fileName, byte[] content) throws Exception {
            String boundary = "----signdx-product-test";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }

    static Client basic(String user, String password) {
        Client c = new Client();
        c.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return c;
    }

    static Client session(String user, String password) throws Exception {
        Client c = new Client();
        c.fromUi = true;
        HttpResponse<String> r = c.send("POST", "/api/session", "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        c.cookie = setCookie.substring(0, setCookie.indexOf(';'));
        c.csrf = JSON.readTree(r.body()).path("csrfToken").asText();
        return c;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void everyEndpointRefusesCallersWithoutCredentials() throws Exception {
        Client nobody = new Client();
        List<String> endpoints = List.of("GET /api/session", "DELETE /api/session", "GET /api/signins",
                "GET /api/signins/x", "GET /api/signins/x/diagnosis", "GET /api/overview", "GET /api/modules",
                "POST /api/modules/detectors/x/disable", "POST /api/modules/bundles/x/enable", "POST /api/modules/bundles",
                "DELETE /api/modules/bundles/x", "GET /api/imports", "POST /api/imports", "GET /api/imports/x",
                "GET /api/tenant", "POST /api/tenant", "POST /api/whatif", "GET /api/lint", "GET /api/preferences",
                "PUT /api/preferences", "GET /api/tokens", "POST /api/tokens", "DELETE /api/tokens/x", "GET /api/users",
                "POST /api/users", "PUT /api/users/x", "DELETE /api/users/x", "GET /api/audit");
        for (String e : endpoints) {
            String[] m = e.split(" ");
            HttpResponse<String> r = nobody.send(m[0], m[1], null, (byte[]) null);
            assertEquals(401, r.statusCode(), e);
            assertEquals("authentication required", json(r).path("error").asText(), e);
        }
        assertEquals(200, nobody.get("/api/health").statusCode());
        HttpResponse<String> page = nobody.get("/ui/index.html");
        assertEquals(302, page.statusCode(), "pages send the browser to the login page");
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/ui/login.html"));
        assertEquals(302, nobody.get("/").statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndStateChangesNeedTheCsrfToken() throws Exception {
        Client raw = new Client();
        HttpResponse<String> login = raw.send("POST", "/api/session", "application/json",
                "{\"username\":\"otto\",\"password\":\"otto-Pass-12345\"}");
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("SIGNDX_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals("operator", json(login).path("role").asText());

        Client otto = session("otto", "otto-Pass-12345");
        String token = otto.csrf;
        String toggle = "/api/modules/detectors/credentials.invalid-password/";
        otto.csrf = null;
        HttpResponse<String> without = otto.send("POST", toggle + "disable", null, (byte[]) null);
        assertEquals(403, without.statusCode());
        assertEquals("CSRF token missing or wrong", json(without).path("error").asText());
        otto.csrf = "wrong" + token;
        assertEquals(403, otto.send("POST", toggle + "disable", null, (byte[]) null).statusCode());
        otto.csrf = token;
        assertEquals(200, otto.send("POST", toggle + "disable", null, (byte[]) null).statusCode());
        assertEquals(200, otto.send("POST", toggle + "enable", null, (byte[]) null).statusCode());
        assertEquals(token, json(otto.get("/api/session")).path("csrfToken").asText());
        assertEquals(200, otto.send("DELETE", "/api/session", null, (byte[]) null).statusCode());
        assertEquals(401, otto.get("/api/signins").statusCode(), "logged out");

        HttpResponse<String> wrong = new Client().send("POST", "/api/session", "application/json",
                "{\"username\":\"otto\",\"password\":\"nope\"}");
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void securityHeadersAreOnPagesAndApi() throws Exception {
        Client rita = session("rita", "rita-Pass-12345");
        for (HttpResponse<String> r : List.of(new Client().get("/ui/login.html"), rita.get("/ui/"),
                rita.get("/ui/index.html"), rita.get("/api/signins?limit=1"), new Client().get("/api/health"),
                new Client().get("/api/modules"))) {
            assertEquals(CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), r.uri().toString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
        }
        assertEquals(200, rita.get("/ui/").statusCode());
        assertEquals("no-store", rita.get("/api/signins?limit=1").headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void eachRoleGetsItsCallsAndNoMore() throws Exception {
        Client reader = basic("rita", "rita-Pass-12345");
        Client operator = basic("otto", "otto-Pass-12345");
        Client admin = basic("admin", ADMIN_PASSWORD);
        String toggle = "/api/modules/detectors/credentials.invalid-password/disable";

        assertEquals(200, reader.get("/api/signins").statusCode());
        assertEquals(200, reader.get("/api/modules").statusCode());
        HttpResponse<String> readerToggle = reader.send("POST", toggle, null, (byte[]) null);
        assertEquals(403, readerToggle.statusCode());
        assertEquals("requires role operator", json(readerToggle).path("error").asText());
        assertEquals(403, reader.upload("/api/imports", "file", "x.json", "{}".getBytes()).statusCode());

        assertEquals(200, operator.send("POST", toggle, null, (byte[]) null).statusCode());
        assertEquals(200, operator.send("POST", toggle.replace("disable", "enable"), null, (byte[]) null).statusCode());
        assertEquals(200, operator.get("/api/imports").statusCode());
        HttpResponse<String> operatorInstall = operator.upload("/api/modules/bundles", "bundle", "p.jar",
                Files.readAllBytes(Path.of(System.getProperty("signdx.example.jar"))));
        assertEquals(403, operatorInstall.statusCode());
        assertEquals("requires role admin", json(operatorInstall).path("error").asText());
        assertEquals(403, operator.send("POST", "/api/tokens", "application/json",
                "{\"name\":\"x\",\"role\":\"reader\"}").statusCode());
        assertEquals(403, operator.send("DELETE", "/api/modules/bundles/io.signdx.example.partner", null,
                (byte[]) null).statusCode());
        assertEquals(403, operator.get("/api/users").statusCode());
        assertEquals(403, operator.get("/api/audit").statusCode());

        assertEquals(200, admin.get("/api/users").statusCode());
        assertEquals(200, admin.get("/api/tokens").statusCode());
        JsonNode audit = json(admin.get("/api/audit?limit=500")).path("entries");
        assertTrue(audit.toString().contains("\"action\":\"module.disable\""), audit.toString());
        assertTrue(audit.toString().contains("\"action\":\"user.create\""));
        assertEquals(409, admin.send("DELETE", "/api/modules/bundles/io.signdx.engine", null, (byte[]) null).statusCode(),
                "a core bundle cannot be uninstalled");
    }

    @Test
    void aBearerTokenWorksUntilItIsDeleted() throws Exception {
        Client admin = basic("admin", ADMIN_PASSWORD);
        HttpResponse<String> created = admin.send("POST", "/api/tokens", "application/json",
                "{\"name\":\"nightly report\",\"role\":\"reader\",\"expiresInDays\":1}");
        assertEquals(201, created.statusCode(), created.body());
        String token = json(created).path("token").asText();
        String id = json(created).path("id").asText();
        Client script = new Client();
        script.authorization = "Bearer " + token;
        assertEquals(200, script.get("/api/signins?limit=1").statusCode());
        assertEquals(403, script.send("POST", "/api/modules/detectors/credentials.invalid-password/disable", null,
                (byte[]) null).statusCode(), "a reader token");
        assertFalse(admin.get("/api/tokens").body().contains(token), "shown once only");
        assertFalse(Files.readString(home.resolve("data/tokens.json")).contains(token), "stored hashed");
        assertEquals(200, admin.send("DELETE", "/api/tokens/" + id, null, (byte[]) null).statusCode());
        assertEquals(401, script.get("/api/signins?limit=1").statusCode());
    }

    /** A Graph beta export of sign-ins whose record text is hostile. */
    static byte[] hostileExport() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode value = root.putArray("value");
        ObjectNode s = value.addObject();
        s.put("id", "0b5e1f1e-9c1a-4d7e-8f00-00000000a001");
        s.put("createdDateTime", "2026-11-18T10:15:00Z");
        s.put("userDisplayName", SCRIPT);
        s.put("userPrincipalName", "mallory@contoso.example");
        s.put("userId", "7e3d0a62-5b3c-4f1e-9d2a-00000000a001");
        s.put("appDisplayName", IMG);
        s.put("appId", "0b5e1f1e-0000-4d7e-8f00-00000000a002");
        s.put("ipAddress", "198.51.100.23");
        s.put("clientAppUsed", "Browser");
        s.put("userAgent", SCRIPT + " " + IMG);
        s.put("correlationId", "0b5e1f1e-9c1a-4d7e-8f00-00000000a003");
        s.put("conditionalAccessStatus", "notApplied");
        s.put("isInteractive", true);
        ObjectNode status = s.putObject("status");
        status.put("errorCode", 50126);
        status.put("failureReason", IMG + " " + SCRIPT);
        ObjectNode expense = value.addObject();
        expense.put("id", "0b5e1f1e-9c1a-4d7e-8f00-00000000b001");
        expense.put("createdDateTime", "2026-11-18T11:00:00Z");
        expense.put("userPrincipalName", "mallory@contoso.example");
        expense.put("appDisplayName", "Contoso Expenses");
        expense.put("appId", "5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17");
        expense.put("correlationId", "0b5e1f1e-9c1a-4d7e-8f00-00000000b002");
        expense.putObject("status").put("errorCode", 50105).put("failureReason", "not assigned");
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void anUploadedExportIsImportedAndItsHostileTextComesBackAsJsonStrings() throws Exception {
        Client otto = session("otto", "otto-Pass-12345");
        HttpResponse<String> started = otto.upload("/api/imports", "file", "hostile.json", hostileExport());
        assertEquals(202, started.statusCode(), started.body());
        String id = json(started).path("id").asText();
        JsonNode[] job = new JsonNode[1];
        await("the import finishes", () -> {
            try {
                job[0] = json(otto.get("/api/imports/" + id));
                return !job[0].path("state").asText().equals("running") && !job[0].path("state").asText().equals("queued");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("done", job[0].path("state").asText(), job[0].toString());
        assertEquals(2, job[0].path("read").asLong());
        assertEquals(0, job[0].path("rejected").asLong());

        Client rita = session("rita", "rita-Pass-12345");
        HttpResponse<String> found = rita.get("/api/signins?q=mallory@contoso.example");
        assertEquals(200, found.statusCode());
        assertEquals("application/json;charset=utf-8",
                found.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).replace(" ", ""));
        assertFalse(found.body().contains("<"), "no markup in the answer's bytes: " + found.body());
        JsonNode items = json(found).path("items");
        assertEquals(2, items.size());
        JsonNode hostile = items.get(1);
        assertEquals(SCRIPT, hostile.path("userDisplayName").asText());
        assertEquals(IMG, hostile.path("appDisplayName").asText());
        assertEquals(IMG + " " + SCRIPT, hostile.path("failureReason").asText());
        assertEquals(SCRIPT + " " + IMG, hostile.path("userAgent").asText());

        for (String path : List.of("/api/signins/" + hostile.path("id").asText(),
                "/api/signins/" + hostile.path("id").asText() + "/diagnosis")) {
            HttpResponse<String> r = rita.get(path);
            assertEquals(200, r.statusCode(), path);
            assertFalse(r.body().contains("<"), path + ": " + r.body());
            assertTrue(json(r).toString().contains(SCRIPT), path);
        }
        assertEquals("credentials.invalid-password",
                json(rita.get("/api/signins/" + hostile.path("id").asText() + "/diagnosis")).path("scenario").asText());
    }

    @Test
    void theUploadedPartnerBundleIsInstalledItsDetectorFindsAndItIsUninstalled() throws Exception {
        Client admin = session("admin", ADMIN_PASSWORD);
        HttpResponse<String> imported = admin.upload("/api/imports", "file", "expense.json", hostileExport());
        String job = json(imported).path("id").asText();
        await("the import finishes", () -> {
            try {
                return json(admin.get("/api/imports/" + job)).path("state").asText().equals("done");
            } catch (Exception e) {
                return false;
            }
        });
        String diagnosis = "/api/signins/0b5e1f1e-9c1a-4d7e-8f00-00000000b001/diagnosis";
        assertFalse(admin.get(diagnosis).body().contains(PARTNER), "not installed yet");

        HttpResponse<String> installed = admin.upload("/api/modules/bundles", "bundle", "partner.jar",
                Files.readAllBytes(Path.of(System.getProperty("signdx.example.jar"))));
        assertTrue(installed.statusCode() == 201 || installed.statusCode() == 202, installed.body());
        assertEquals("io.signdx.example.partner", json(installed).path("symbolicName").asText());
        await("the partner detector is active", () -> {
            try {
                return admin.get("/api/modules").body().matches("(?s).*\"scenario\":\"" + PARTNER
                        + "\"[^}]*\"state\":\"ACTIVE\".*");
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode d = json(admin.get(diagnosis));
        assertEquals(PARTNER, d.path("scenario").asText(), d.toString());

        HttpResponse<String> removed = admin.send("DELETE", "/api/modules/bundles/io.signdx.example.partner", null,
                (byte[]) null);
        assertEquals(200, removed.statusCode(), removed.body());
        await("the partner detector is gone", () -> {
            try {
                return !admin.get("/api/modules").body().contains(PARTNER);
            } catch (Exception e) {
                return false;
            }
        });
        assertFalse(admin.get(diagnosis).body().contains(PARTNER));
        String audit = Files.readString(home.resolve("logs/audit.log"));
        assertTrue(audit.contains("\"action\":\"bundle.install\"") && audit.contains("\"action\":\"bundle.uninstall\""),
                audit);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() throws Exception {
        Client admin = basic("admin", ADMIN_PASSWORD);
        byte[] big = new byte[21 << 20];
        new java.util.Random(1).nextBytes(big);
        HttpResponse<String> r = admin.upload("/api/modules/bundles", "bundle", "big.jar", big);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(json(r).path("error").asText().contains("20 MB"), r.body());
        try (var files = Files.list(home.resolve("deploy"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("big")));
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("probe", "the product still answers");
        assertEquals(200, admin.get("/api/health").statusCode(), h.get("probe"));
    }
}
