package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, preferences and the audit log over the API. */
class AccountsApiTest {
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
    void adminsManageUsersAndPasswordsNeverComeBack() throws Exception {
        ConsoleServer.Client admin = server.admin();
        HttpResponse<String> created = admin.send("POST", "/api/users", "application/json",
                "{\"username\":\"vera\",\"role\":\"operator\",\"password\":\"vera-Pass-12345\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("{\"username\":\"vera\",\"role\":\"operator\"}", created.body());
        assertEquals(409, admin.send("POST", "/api/users", "application/json",
                "{\"username\":\"vera\",\"role\":\"reader\",\"password\":\"vera-Pass-12345\"}").statusCode());
        assertEquals(400, admin.send("POST", "/api/users", "application/json",
                "{\"username\":\"weak\",\"role\":\"reader\",\"password\":\"short\"}").statusCode());
        assertEquals(400, admin.send("POST", "/api/users", "application/json",
                "{\"username\":\"x\",\"role\":\"superuser\",\"password\":\"long-enough-pass\"}").statusCode());
        assertEquals(400, admin.send("POST", "/api/users", "application/json", "{not json").statusCode());
        JsonNode users = admin.json(admin.get("/api/users"));
        assertEquals(List.of("admin", "otto", "rita", "vera"), users.path("users").findValuesAsText("username"));
        assertFalse(users.toString().contains("argon2"), "no hashes");
        assertEquals(200, server.client().basic("vera", "vera-Pass-12345").get("/api/imports").statusCode());

        assertEquals(200, admin.send("PUT", "/api/users/vera", "application/json", "{\"password\":\"vera-New-Pass-1\"}")
                .statusCode());
        assertEquals(401, server.client().basic("vera", "vera-Pass-12345").get("/api/imports").statusCode());
        assertEquals(409, admin.send("DELETE", "/api/users/admin", null, (byte[]) null).statusCode(), "the last admin");
        assertEquals(404, admin.send("DELETE", "/api/users/nobody", null, (byte[]) null).statusCode());
        assertEquals(200, admin.send("DELETE", "/api/users/vera", null, (byte[]) null).statusCode());
        assertFalse(Files.readString(home.resolve("data/users.json")).contains("vera"));
        assertEquals(List.of("admin user.create vera", "admin user.update vera", "admin user.delete vera"),
                server.audit.actions().stream().filter(a -> a.endsWith(" vera")).toList());
        assertTrue(server.audit.entries.stream().noneMatch(e -> String.valueOf(e.detail()).contains("Pass")),
                "no password in the audit log");
    }

    @Test
    void everyoneKeepsTheirOwnPreferences() throws Exception {
        ConsoleServer.Client rita = server.client().login("rita", ConsoleServer.READER_PASSWORD);
        assertEquals("{}", rita.get("/api/preferences").body());
        String prefs = "{\"columns\":[\"createdDateTime\",\"userPrincipalName\"],\"pageSize\":25}";
        HttpResponse<String> put = rita.send("PUT", "/api/preferences", "application/json", prefs);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(prefs, rita.get("/api/preferences").body());
        assertEquals("{}", server.operator().get("/api/preferences").body(), "another user has their own");
        assertEquals(prefs, new Preferences(home.resolve("data/preferences.json")).get("rita").toString(),
                "persisted");
        assertEquals(400, rita.send("PUT", "/api/preferences", "application/json", "[1,2]").statusCode());
        assertEquals(413, rita.send("PUT", "/api/preferences", "application/json",
                "{\"x\":\"" + "a".repeat(20_000) + "\"}").statusCode());
        server.admin().send("DELETE", "/api/users/rita", null, (byte[]) null);
        assertEquals("{}", new Preferences(home.resolve("data/preferences.json")).get("rita").toString(),
                "a deleted user's preferences go with them");
    }

    @Test
    void theAuditLogIsReadNewestFirst() throws Exception {
        server.audit.record("a", "first", "x", null);
        server.audit.record("b", "second", "y", "detail");
        JsonNode entries = server.admin().json(server.admin().get("/api/audit?limit=2")).path("entries");
        assertEquals(2, entries.size());
        assertEquals("second", entries.get(0).path("action").asText());
        assertEquals("detail", entries.get(0).path("detail").asText());
        assertEquals("first", entries.get(1).path("action").asText());
        assertEquals(400, server.admin().get("/api/audit?limit=0").statusCode());
    }
}
