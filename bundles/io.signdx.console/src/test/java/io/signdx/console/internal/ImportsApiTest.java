package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/imports}: uploads become import jobs whose progress and result can be read. */
class ImportsApiTest {
    @TempDir
    Path home;

    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ConsoleServer(home, null, Map.of("maxImportMegabytes", 1L));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode await(ConsoleServer.Client c, String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = c.json(c.get("/api/imports/" + id));
            if (!job.path("state").asText().equals("running") && !job.path("state").asText().equals("queued")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import job did not finish");
    }

    @Test
    void uploadedFilesAreImportedWithRejectionsNamingFileAndRecord() throws Exception {
        ConsoleServer.Client op = server.operator();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("week1.txt", ("a1;ann@contoso.example;2026-11-16T09:00:00Z;0\n"
                + "a2;ann@contoso.example;2026-11-16T10:00:00Z;50126\n"
                + "broken line\n").getBytes(StandardCharsets.UTF_8));
        files.put("../../week2.txt", "b1;bob@contoso.example;2026-11-17T09:00:00Z;0\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = op.upload("/api/imports", "file", files);
        assertEquals(202, started.statusCode(), started.body());
        String id = op.json(started).path("id").asText();
        assertTrue(started.headers().firstValue("Location").orElse("").endsWith("/api/imports/" + id));

        JsonNode job = await(op, id);
        assertEquals("done", job.path("state").asText(), job.toString());
        assertEquals(3, job.path("read").asLong());
        assertEquals(3, job.path("stored").asLong());
        assertEquals(1, job.path("rejected").asLong());
        assertEquals(job.path("bytesTotal").asLong(), job.path("bytesRead").asLong());
        JsonNode rejection = job.path("rejections").get(0);
        assertEquals("week1.txt: record 3 (line 3)", rejection.path("where").asText());
        assertEquals("expected 4 fields, found 1", rejection.path("reason").asText());
        assertEquals("week2.txt", job.path("formats").get(1).path("file").asText(), "only the base name is kept");
        assertEquals("test lines", job.path("formats").get(0).path("format").asText());
        assertEquals(3, server.store.size());
        assertEquals(3, server.reader().json(server.reader().get("/api/signins")).path("total").asInt(),
                "imported sign-ins are searchable");
        try (var left = Files.list(home.resolve("data/tmp/imports"))) {
            assertEquals(0, left.count(), "the uploaded files are deleted after the import");
        }
        assertTrue(server.audit.actions().contains("otto import week1.txt, week2.txt"), server.audit.actions().toString());

        HttpResponse<String> again = op.upload("/api/imports", "file", Map.of("week1.txt", files.get("week1.txt")));
        JsonNode second = await(op, op.json(again).path("id").asText());
        assertEquals(0, second.path("stored").asLong());
        assertEquals(2, second.path("duplicates").asLong(), "importing again adds nothing");
        assertEquals(2, op.json(op.get("/api/imports")).path("jobs").size());
    }

    /**
     * A file goes into one bulk write, committed every few sign-ins (4 here) and at its end; when storing fails,
     * what was committed stays and is counted, and the job's counts drop what the store discarded.
     */
    @Test
    void aStoreFailureKeepsTheCommittedSignInsAndCountsOnlyThem() throws Exception {
        ConsoleServer.Client op = server.operator();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            lines.append("c").append(i).append(";cy@contoso.example;2026-11-16T09:0").append(i).append(":00Z;0\n");
        }
        lines.append(Fakes.POISON).append(";cy@contoso.example;2026-11-16T09:07:00Z;0\n");
        JsonNode job = await(op, op.json(op.upload("/api/imports", "file",
                Map.of("cut.txt", lines.toString().getBytes(StandardCharsets.UTF_8)))).path("id").asText());
        assertEquals("failed", job.path("state").asText(), job.toString());
        assertEquals(List.of("add 2", "add 2", "commit 4", "add 2", "add 1"), server.store.log);
        assertEquals(4, server.store.size());
        assertEquals(4, job.path("stored").asLong(), "the two added after the commit were lost with it");
        assertEquals(7, job.path("read").asLong());
        assertTrue(job.path("error").asText().contains("disk full")
                && job.path("error").asText().contains("(4 sign-ins read before the problem were stored)"), job.toString());
    }

    @Test
    void aFileThatCannotBeReadFailsTheJobWithItsReason() throws Exception {
        ConsoleServer.Client op = server.operator();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bad.json", "garbage\n".getBytes(StandardCharsets.UTF_8));
        files.put("good.txt", "g1;gil@contoso.example;2026-11-16T09:00:00Z;0\n".getBytes(StandardCharsets.UTF_8));
        JsonNode job = await(op, op.json(op.upload("/api/imports", "file", files)).path("id").asText());
        assertEquals("failed", job.path("state").asText());
        assertTrue(job.path("error").asText().startsWith("bad.json: not a sign-in export (line 1)"), job.toString());
        assertEquals(1, job.path("stored").asLong(), "the readable file was still imported");
    }

    @Test
    void emptyOversizedAndUnknownUploadsAreRefused() throws Exception {
        ConsoleServer.Client op = server.operator();
        assertEquals(400, op.upload("/api/imports", "file", Map.of()).statusCode());
        HttpResponse<String> big = op.upload("/api/imports", "file", Map.of("big.txt", new byte[(1 << 20) + 100_000]));
        assertEquals(413, big.statusCode(), big.body());
        assertEquals(404, op.get("/api/imports/nope").statusCode());
        assertEquals(403, server.reader().upload("/api/imports", "file", Map.of("a.txt", new byte[1])).statusCode());
        try (var left = Files.list(home.resolve("data/tmp/imports"))) {
            assertFalse(left.findAny().isPresent(), "refused uploads leave nothing behind");
        }
        assertEquals(0, server.store.size());
    }
}
