package io.signdx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `signdx serve` of the built product: health, authenticated modules, hot deploy, clean stop. */
class ServeProductIT {
    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesHealthAndModulesHotDeploysAndStopsCleanly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = home.resolve("serve.log");
        Process p = ProductProcess.builder(Map.of("SIGNDX_ADMIN_PASSWORD", "product-Test-9"), "serve", "--port",
                String.valueOf(port), "--home", home.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            await("health answers", () -> status(base + "/api/health", null) == 200);
            assertEquals(401, status(base + "/api/modules", null));
            String admin = "Basic " + Base64.getEncoder()
                    .encodeToString("admin:product-Test-9".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, status(base + "/api/modules", admin));

            Files.copy(Path.of(System.getProperty("signdx.example.jar")), home.resolve("deploy/partner.jar"));
            await("the dropped detector is listed", () -> body(base + "/api/modules", admin)
                    .contains("partner.example.expense-access"));
            Files.delete(home.resolve("deploy/partner.jar"));
            await("the removed detector is gone", () -> !body(base + "/api/modules", admin)
                    .contains("partner.example.expense-access"));
            assertTrue(!Files.readString(log).contains("product-Test-9"), "the password never reaches the output");

            // the first start loads the demo tenant; a one-shot import may write the same store meanwhile
            await("the demo tenant is loaded", () -> Files.exists(home.resolve("data/demo/.loaded")));
            Path samples = Path.of(System.getProperty("signdx.samples"));
            ProductProcess.Result imported = ProductProcess.run(Map.of(), "--home", home.toString(), "import",
                    samples.resolve("graph-beta-signin-list-example.json").toString());
            assertEquals(0, imported.exitCode(), imported.err());
            assertTrue(imported.out().contains("1 read, 1 stored"), imported.out());
            ProductProcess.Result summary = ProductProcess.run(Map.of(), "--home", home.toString(), "summary",
                    "--format", "json");
            assertEquals(0, summary.exitCode(), summary.err());
            int signIns = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary.out()).path("signIns").asInt();
            assertTrue(signIns > 5000, "the demo week and the imported sign-in: " + signIns);
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook stops the framework
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        assertTrue(Files.readString(log).contains("SignDx is serving http://127.0.0.1:" + port + "/"));
    }

    private int status(String url, String auth) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
            if (auth != null) {
                b.header("Authorization", auth);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String body(String url, String auth) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
