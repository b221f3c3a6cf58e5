package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/modules}: the list, switches, and installing, updating and removing bundles. */
class ModulesApiTest {
    @TempDir
    Path home;

    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ConsoleServer(home, null, Map.of("maxBundleMegabytes", 1L));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static byte[] bundle(String symbolicName, String version, int padding) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
            a.putValue("Bundle-Version", version);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry("data.bin"));
            byte[] noise = new byte[padding];
            new java.util.Random(7).nextBytes(noise); // incompressible, so the jar really is that large
            jar.write(noise);
        }
        return out.toByteArray();
    }

    @Test
    void listsBundlesAndDetectorsWithTheirHealth() throws Exception {
        JsonNode r = server.reader().json(server.reader().get("/api/modules"));
        JsonNode core = r.path("modules").get(0);
        assertEquals("io.signdx.scenario.credentials", core.path("symbolicName").asText());
        assertTrue(core.path("core").asBoolean());
        assertEquals(1, core.path("detectorFailures").asLong());
        JsonNode detector = r.path("detectors").get(0);
        assertEquals("credentials.invalid-password", detector.path("scenario").asText());
        assertEquals("ACTIVE", detector.path("state").asText());
        assertEquals(3, detector.path("calls").asLong());
    }

    @Test
    void operatorsSwitchDetectorsAndBundles() throws Exception {
        ConsoleServer.Client op = server.operator();
        HttpResponse<String> off = op.send("POST", "/api/modules/detectors/credentials.invalid-password/disable", null,
                (byte[]) null);
        assertEquals(200, off.statusCode(), off.body());
        assertEquals("{\"id\":\"credentials.invalid-password\",\"enabled\":false,\"changed\":true}", off.body());
        assertEquals(200, op.send("POST", "/api/modules/bundles/io.signdx.scenario.credentials/disable", null,
                (byte[]) null).statusCode());
        assertEquals(200, op.send("POST", "/api/modules/credentials.invalid-password/enable", null, (byte[]) null)
                .statusCode(), "the original form still works");
        assertEquals(List.of("otto credentials.invalid-password=false", "otto io.signdx.scenario.credentials=false",
                "otto credentials.invalid-password=true"), server.modules.calls);
        assertEquals(404, op.send("POST", "/api/modules/detectors/io.signdx.scenario.credentials/disable", null,
                (byte[]) null).statusCode(), "a bundle is not a detector");
        assertEquals(404, op.send("POST", "/api/modules/bundles/no.such.bundle/enable", null, (byte[]) null).statusCode());
        assertEquals(404, op.send("POST", "/api/modules/detectors/credentials.invalid-password/explode", null,
                (byte[]) null).statusCode());
    }

    @Test
    void adminsInstallUpdateAndUninstallBundlesThroughTheDeployFolder() throws Exception {
        ConsoleServer.Client admin = server.admin();
        HttpResponse<String> installed = admin.upload("/api/modules/bundles", "bundle",
                Map.of("partner.jar", bundle("com.partner.check", "1.0.0", 100)));
        assertEquals(201, installed.statusCode(), installed.body());
        JsonNode m = admin.json(installed);
        assertEquals("com.partner.check", m.path("symbolicName").asText());
        assertEquals("1.0.0", m.path("version").asText());
        assertFalse(m.path("core").asBoolean());
        assertTrue(Files.exists(home.resolve("deploy/com.partner.check.jar")));

        HttpResponse<String> updated = admin.send("POST", "/api/modules/bundles", "application/java-archive",
                bundle("com.partner.check", "1.1.0", 100));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("1.1.0", admin.json(updated).path("version").asText());
        try (var files = Files.list(home.resolve("deploy"))) {
            assertEquals(List.of("com.partner.check.jar"), files.map(p -> p.getFileName().toString()).toList(),
                    "the update replaced the file; no part file is left");
        }

        assertEquals(200, admin.send("DELETE", "/api/modules/bundles/com.partner.check", null, (byte[]) null)
                .statusCode());
        assertFalse(Files.exists(home.resolve("deploy/com.partner.check.jar")));
        assertEquals(404, admin.send("DELETE", "/api/modules/bundles/com.partner.check", null, (byte[]) null)
                .statusCode());
        assertEquals(List.of("admin bundle.install com.partner.check", "admin bundle.update com.partner.check",
                "admin bundle.uninstall com.partner.check"), server.audit.actions().stream()
                .filter(a -> a.contains(" bundle.")).toList());
        try (var files = Files.list(home.resolve("data/tmp/bundles"))) {
            assertEquals(0, files.count(), "uploads are deleted after use");
        }
    }

    @Test
    void coreBundlesNonBundlesAndOversizedUploadsAreRefused() throws Exception {
        ConsoleServer.Client admin = server.admin();
        HttpResponse<String> core = admin.upload("/api/modules/bundles", "bundle",
                Map.of("x.jar", bundle("io.signdx.scenario.credentials", "9.0.0", 10)));
        assertEquals(409, core.statusCode());
        assertTrue(core.body().contains("part of SignDx itself"), core.body());
        assertEquals(409, admin.send("DELETE", "/api/modules/bundles/io.signdx.scenario.credentials", null,
                (byte[]) null).statusCode());

        HttpResponse<String> plain = admin.upload("/api/modules/bundles", "bundle", Map.of("lib.jar", bundle(null, null, 10)));
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().contains("Bundle-SymbolicName"), plain.body());
        HttpResponse<String> garbage = admin.upload("/api/modules/bundles", "bundle",
                Map.of("x.jar", "not a zip".getBytes()));
        assertEquals(400, garbage.statusCode());
        assertEquals(400, admin.upload("/api/modules/bundles", "other", Map.of("x.jar", bundle("a.b", "1", 1)))
                .statusCode(), "the field is called bundle");
        assertEquals(415, admin.send("POST", "/api/modules/bundles", "text/plain", "hello").statusCode());

        HttpResponse<String> big = admin.upload("/api/modules/bundles", "bundle",
                Map.of("big.jar", bundle("com.partner.big", "1.0.0", 1_200_000)));
        assertEquals(413, big.statusCode(), big.body());
        assertTrue(big.body().contains("1 MB"), big.body());
        HttpResponse<String> bigRaw = admin.send("POST", "/api/modules/bundles", "application/java-archive",
                bundle("com.partner.big", "1.0.0", 1_200_000));
        assertEquals(413, bigRaw.statusCode());
        try (var files = Files.list(home.resolve("deploy"))) {
            assertEquals(0, files.count(), "nothing reached the deploy folder");
        }
    }
}
