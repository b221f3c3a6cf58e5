package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate over real HTTP: who gets in how, sessions, CSRF, tokens, throttling, headers. */
class AuthenticationTest {
    @TempDir
    Path home;

    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ConsoleServer(home);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/health", "/api/signins", "/ui/login.html", "/ui/index.html", "/")) {
            HttpResponse<String> r = server.client().get(path);
            assertEquals(AuthFilter.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
        }
        assertEquals("no-store", server.admin().get("/api/signins").headers().firstValue("Cache-Control").orElse(null));
        assertTrue(AuthFilter.CSP.contains("script-src 'self';") && !AuthFilter.CSP.contains("unsafe-inline"));
    }

    @Test
    void onlyTheLoginPageItsAssetsTheHealthCheckAndTheLoginArePublic() throws Exception {
        ConsoleServer.Client anonymous = server.client();
        assertEquals(200, anonymous.get("/api/health").statusCode());
        assertEquals(200, anonymous.get("/ui/login.html").statusCode());
        assertEquals(200, anonymous.get("/ui/assets/login.js").statusCode());
        HttpResponse<String> root = anonymous.get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/ui/", root.headers().firstValue("Location").orElse("").replaceFirst("^http://[^/]+", ""));

        for (Access.Rule rule : Access.API) {
            if (rule.isPublic()) {
                continue;
            }
            String path = rule.pattern().replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> r = anonymous.send(rule.method(), path, null, (byte[]) null);
            assertEquals(401, r.statusCode(), rule.method() + " " + path);
            assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("")
                    .toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                    "scripts are told to use Basic");
        }
        ConsoleServer.Client ui = server.client();
        ui.headers.put("X-Requested-With", "signdx");
        HttpResponse<String> fromUi = ui.get("/api/signins");
        assertEquals(401, fromUi.statusCode());
        assertTrue(fromUi.headers().firstValue("WWW-Authenticate").isEmpty(), "no Basic dialog in the browser");

        HttpResponse<String> page = anonymous.get("/ui/index.html");
        assertEquals(302, page.statusCode(), "a page needs a login");
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/ui/login.html"));
        assertEquals(302, anonymous.get("/ui/vendor/uplot/uPlot.iife.min.js").statusCode());
    }

    @Test
    void theBrowserLogsInWithASessionCookieAndGetsTheCsrfToken() throws Exception {
        ConsoleServer.Client c = server.client();
        HttpResponse<String> r = c.send("POST", "/api/session", "application/json",
                "{\"username\":\"otto\",\"password\":\"" + ConsoleServer.OPERATOR_PASSWORD + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(AuthFilter.COOKIE + "="), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http here; Secure is set behind https");
        JsonNode body = c.json(r);
        assertEquals("otto", body.path("username").asText());
        assertEquals("operator", body.path("role").asText());
        String csrf = body.path("csrfToken").asText();
        assertEquals(43, csrf.length());

        c.cookie = cookie.substring(0, cookie.indexOf(';'));
        JsonNode who = c.json(c.get("/api/session"));
        assertEquals(csrf, who.path("csrfToken").asText(), "the token is there again after a reload");
        assertEquals(200, c.get("/ui/index.html").statusCode(), "pages open with the session");
        HttpResponse<String> shell = c.get("/ui/");
        assertEquals(200, shell.statusCode());
        assertTrue(shell.body().contains("/index.html"), "/ui/ is the app shell");
        assertTrue(server.audit.actions().contains("otto login session"));

        c.csrf = csrf;
        assertEquals(200, c.send("DELETE", "/api/session", null, (byte[]) null).statusCode());
        assertEquals(401, c.get("/api/signins").statusCode(), "logged out: the cookie is worthless");
    }

    @Test
    void wrongCredentialsGetOneAnswerAndAreThrottled() throws Exception {
        ConsoleServer.Client c = server.client();
        HttpResponse<String> unknown = c.send("POST", "/api/session", "application/json",
                "{\"username\":\"nobody\",\"password\":\"whatever-it-is\"}");
        HttpResponse<String> wrong = c.send("POST", "/api/session", "application/json",
                "{\"username\":\"rita\",\"password\":\"whatever-it-is\"}");
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.body(), wrong.body(), "an unknown user and a wrong password look alike");
        assertTrue(unknown.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(415, c.send("POST", "/api/session", "text/plain", "username=rita").statusCode(),
                "a cross-site form cannot log a browser in");
        for (int i = 0; i < 3; i++) {
            c.send("POST", "/api/session", "application/json", "{\"username\":\"rita\",\"password\":\"nope-nope\"}");
        }
        HttpResponse<String> throttled = c.send("POST", "/api/session", "application/json",
                "{\"username\":\"rita\",\"password\":\"" + ConsoleServer.READER_PASSWORD + "\"}");
        assertEquals(429, throttled.statusCode(), "even the right password waits after five failures");
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(null));
        assertEquals(429, server.client().basic("rita", ConsoleServer.READER_PASSWORD).get("/api/signins").statusCode(),
                "Basic authentication is throttled alike");
        server.clock.addAndGet(1000);
        assertEquals(200, server.reader().get("/api/signins").statusCode());
        assertTrue(server.audit.actions().stream().filter(a -> a.equals("rita login.failed session")).count() >= 4);
    }

    @Test
    void stateChangingSessionRequestsNeedTheCsrfToken() throws Exception {
        ConsoleServer.Client c = server.client().login("otto", ConsoleServer.OPERATOR_PASSWORD);
        String path = "/api/modules/detectors/credentials.invalid-password/disable";
        String token = c.csrf;
        c.csrf = null;
        HttpResponse<String> missing = c.send("POST", path, null, (byte[]) null);
        assertEquals(403, missing.statusCode());
        assertEquals("CSRF token missing or wrong", c.json(missing).path("error").asText());
        c.csrf = token.substring(1) + "x";
        assertEquals(403, c.send("POST", path, null, (byte[]) null).statusCode());
        assertTrue(server.modules.calls.isEmpty(), "nothing was switched");
        c.csrf = token;
        HttpResponse<String> ok = c.send("POST", path, null, (byte[]) null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(List.of("otto credentials.invalid-password=false"), server.modules.calls);
        assertEquals(200, c.get("/api/signins").statusCode(), "reading needs no token");

        ConsoleServer.Client script = server.operator();
        assertEquals(200, script.send("POST", path.replace("disable", "enable"), null, (byte[]) null).statusCode(),
                "Basic needs no CSRF token: no cookie is involved");
    }

    @Test
    void crossSiteBrowserRequestsAreRefused() throws Exception {
        ConsoleServer.Client c = server.operator();
        c.headers.put("Origin", "https://evil.example");
        assertEquals(403, c.send("POST", "/api/modules/detectors/credentials.invalid-password/disable", null,
                (byte[]) null).statusCode());
        c.headers.remove("Origin");
        c.headers.put("Sec-Fetch-Site", "cross-site");
        assertEquals(403, c.send("POST", "/api/session", "application/json", "{}").statusCode());
        assertTrue(server.modules.calls.isEmpty());
    }

    @Test
    void aSessionEndsWhenItsUserIsDeletedOrChangesRole() throws Exception {
        ConsoleServer.Client otto = server.client().login("otto", ConsoleServer.OPERATOR_PASSWORD);
        ConsoleServer.Client rita = server.client().login("rita", ConsoleServer.READER_PASSWORD);
        ConsoleServer.Client admin = server.admin();
        HttpResponse<String> demote = admin.send("PUT", "/api/users/otto", "application/json", "{\"role\":\"reader\"}");
        assertEquals(200, demote.statusCode(), demote.body());
        assertEquals(401, otto.get("/api/signins").statusCode(), "a new role needs a new login");
        assertEquals(200, admin.send("DELETE", "/api/users/rita", null, (byte[]) null).statusCode());
        assertEquals(401, rita.get("/api/signins").statusCode());
        assertTrue(server.audit.actions().contains("admin user.delete rita"));
    }

    @Test
    void sessionsExpireAfterTheIdleTime() throws Exception {
        ConsoleServer.Client c = server.client().login("rita", ConsoleServer.READER_PASSWORD);
        server.clock.addAndGet(8 * 3600_000L - 1);
        assertEquals(200, c.get("/api/signins").statusCode());
        server.clock.addAndGet(8 * 3600_000L + 1);
        assertEquals(401, c.get("/api/signins").statusCode());
    }

    @Test
    void aNewLoginAlwaysGetsANewSession() throws Exception {
        ConsoleServer.Client c = server.client().login("rita", ConsoleServer.READER_PASSWORD);
        String first = c.cookie;
        c.login("rita", ConsoleServer.READER_PASSWORD);
        assertNotEquals(first, c.cookie);
        ConsoleServer.Client old = server.client();
        old.cookie = first;
        assertEquals(401, old.get("/api/signins").statusCode(), "the session the browser had before is closed");
    }

    @Test
    void bearerTokensWorkUntilDeleted() throws Exception {
        ConsoleServer.Client admin = server.admin();
        HttpResponse<String> created = admin.send("POST", "/api/tokens", "application/json",
                "{\"name\":\"ci\",\"role\":\"operator\",\"expiresInDays\":7}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode t = admin.json(created);
        String secret = t.path("token").asText();
        ConsoleServer.Client bot = server.client().bearer(secret);
        assertEquals(200, bot.get("/api/imports").statusCode(), "an operator token may read import jobs");
        assertEquals(403, bot.get("/api/tokens").statusCode(), "but not manage tokens");

        JsonNode listed = admin.json(admin.get("/api/tokens"));
        assertEquals(1, listed.path("tokens").size());
        assertFalse(listed.toString().contains(secret), "the list never shows the token");
        assertFalse(listed.path("tokens").get(0).has("token"));

        assertEquals(200, admin.send("DELETE", "/api/tokens/" + t.path("id").asText(), null, (byte[]) null).statusCode());
        assertEquals(401, bot.get("/api/imports").statusCode(), "deleted: refused");
        assertEquals(404, admin.send("DELETE", "/api/tokens/" + t.path("id").asText(), null, (byte[]) null).statusCode());
        assertTrue(server.audit.actions().contains("admin token.create ci (" + t.path("id").asText() + ")"));
        assertTrue(server.audit.actions().contains("admin token.delete " + t.path("id").asText()));
        assertEquals(401, server.client().bearer("sdx_x_y").get("/api/signins").statusCode());
    }

    @Test
    void unknownEndpointsAndMethodsAreRefusedAfterAuthentication() throws Exception {
        assertEquals(401, server.client().get("/api/secret-thing").statusCode());
        HttpResponse<String> unknown = server.admin().get("/api/secret-thing");
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> method = server.admin().send("DELETE", "/api/signins", null, (byte[]) null);
        assertEquals(405, method.statusCode());
        assertEquals("GET", method.headers().firstValue("Allow").orElse(null));
        assertEquals(404, server.admin().get("/nothing/here").statusCode());
    }
}
