package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.json.DiagnosisJson;
import io.signdx.testkit.SignIns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/signins}: the search of the Define step, one sign-in, its diagnosis; record text as data. */
class SignInsApiTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @TempDir
    Path home;

    private ConsoleServer server;
    private ConsoleServer.Client reader;
    private final SignIns fx = new SignIns().every(Duration.ofHours(1));
    private SignIn evil;

    @BeforeEach
    void start() throws Exception {
        server = new ConsoleServer(home);
        reader = server.reader();
        List<SignIn> all = new ArrayList<>();
        all.add(fx.success("ann@contoso.example").build());
        all.add(fx.failure("ann@contoso.example", 50126).build());
        all.add(fx.failure("bob@contoso.example", 50074).correlationId("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b").build());
        all.add(fx.failure("bob@contoso.example", 53003).flaggedForReview(true).appDisplayName("Azure Portal")
                .appId("c44b4083-3bb0-49c1-b47d-974e53cbdf3c").build());
        evil = fx.failure("eve@contoso.example", 50126).id("7b0d7b55-0000-4000-8000-000000000001")
                .userDisplayName(SCRIPT).appDisplayName(IMG).userAgent(SCRIPT + IMG)
                .status(new Status(50126, IMG + " " + SCRIPT, null))
                .deviceDetail(new DeviceDetail(null, null, "Windows", IMG, null, null, null))
                .raw("{\"id\":\"7b0d7b55-0000-4000-8000-000000000001\",\"userDisplayName\":\"" + SCRIPT + "\"}").build();
        all.add(evil);
        server.store.store(all);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode search(String query) throws Exception {
        HttpResponse<String> r = reader.get("/api/signins" + query);
        assertEquals(200, r.statusCode(), r.body());
        return reader.json(r);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void listsFlaggedFirstThenNewestWithTheSummaryFields() throws Exception {
        JsonNode r = search("");
        assertEquals(5, r.path("total").asInt());
        assertEquals(List.of("req-0004", evil.id(), "req-0003", "req-0002", "req-0001"), ids(r));
        JsonNode first = r.path("items").get(0);
        for (String field : List.of("id", "createdDateTime", "userDisplayName", "userPrincipalName", "userId",
                "appDisplayName", "appId", "ipAddress", "location", "status", "errorCode", "failureReason",
                "clientAppUsed", "conditionalAccessStatus", "flagged", "operatingSystem", "browser")) {
            assertTrue(first.has(field), field);
        }
        assertTrue(first.path("flagged").asBoolean());
        assertEquals("failure", first.path("status").asText());
        JsonNode page = search("?offset=1&limit=2");
        assertEquals(5, page.path("total").asInt());
        assertEquals(List.of(evil.id(), "req-0003"), ids(page));
    }

    @Test
    void filtersByUserAppStatusAndTimeWindow() throws Exception {
        assertEquals(List.of("req-0002", "req-0001"), ids(search("?user=ANN@contoso.example")));
        assertEquals(List.of("req-0004"), ids(search("?app=azure%20portal")));
        assertEquals(List.of("req-0001"), ids(search("?status=success")));
        assertEquals(List.of("req-0003"), ids(search("?status=interrupted")), "50074 is an MFA interrupt");
        JsonNode failures = search("?status=failure");
        assertEquals(List.of("req-0004", evil.id(), "req-0002"), ids(failures), "failures leave interrupts out");
        assertEquals(3, failures.path("total").asInt());
        assertEquals(List.of("req-0003", "req-0002"), ids(search("?at=" + SignIns.START.plusSeconds(3600 + 1800)
                + "&window=2h")), "±1 h around the time");
        assertEquals(List.of("req-0004"), ids(search("?flagged=true")));
    }

    @Test
    void freeTextIsRecognisedAsRequestIdCorrelationIdUserOrApp() throws Exception {
        JsonNode byRequest = search("?q=" + evil.id());
        assertEquals(List.of(evil.id()), ids(byRequest));
        assertEquals("requestId", byRequest.path("matchedAs").asText());
        JsonNode byCorrelation = search("?q=6F1C2A9E-3B4D-4E5F-8A7B-9C0D1E2F3A4B");
        assertEquals(List.of("req-0003"), ids(byCorrelation));
        assertEquals("correlationId", byCorrelation.path("matchedAs").asText());
        JsonNode byApp = search("?q=c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
        assertEquals("app", byApp.path("matchedAs").asText());
        assertEquals(List.of("req-0004"), ids(byApp));
        assertEquals("user", search("?q=bob@contoso.example").path("matchedAs").asText());
        assertEquals(List.of("req-0004"), ids(search("?q=Azure%20Portal")));
        assertEquals(0, search("?q=nobody").path("total").asInt());
    }

    @Test
    void sortsByUserAppOrStatusWithFlaggedFirst() throws Exception {
        assertEquals(List.of("req-0004", "req-0002", "req-0001", "req-0003", evil.id()), ids(search("?sort=user")));
        assertEquals(List.of("req-0004", evil.id(), "req-0003", "req-0002", "req-0001"), ids(search("?sort=-user")),
                "ties newest first");
        assertEquals(List.of("req-0004", "req-0001", "req-0002", "req-0003", evil.id()), ids(search("?sort=time")));
        assertEquals(List.of("req-0004", evil.id(), "req-0002", "req-0003", "req-0001"), ids(search("?sort=status")));
    }

    @Test
    void badParametersAreRefusedNamingThem() throws Exception {
        for (String q : List.of("?limit=0", "?limit=501", "?offset=-1", "?status=ok", "?sort=colour", "?at=yesterday",
                "?window=48h", "?at=2026-11-17T00:00:00Z&window=forever", "?flagged=maybe")) {
            HttpResponse<String> r = reader.get("/api/signins" + q);
            assertEquals(400, r.statusCode(), q);
            assertFalse(reader.json(r).path("error").asText().isEmpty(), q);
        }
    }

    @Test
    void sortingInMemoryIsBounded() throws Exception {
        try (ConsoleServer small = new ConsoleServer(home.resolve("small"), null,
                java.util.Map.of("maxSortedSignIns", 3))) {
            small.store.store(server.store.all);
            HttpResponse<String> r = small.reader().get("/api/signins?sort=user");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("narrow the search"), r.body());
            assertEquals(200, small.reader().get("/api/signins?sort=user&user=ann@contoso.example").statusCode());
        }
    }

    @Test
    void recordTextComesBackAsJsonStringsNeverAsMarkup() throws Exception {
        for (String path : List.of("/api/signins?q=eve@contoso.example", "/api/signins/" + evil.id(),
                "/api/signins/" + evil.id() + "/diagnosis")) {
            HttpResponse<String> r = reader.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("")
                    .toLowerCase(java.util.Locale.ROOT).replace(" ", ""), path);
            assertFalse(r.body().contains("<"), "no raw angle bracket in " + path + ": " + r.body());
            assertTrue(r.body().contains("\\u003Cscript\\u003E") || r.body().contains("\\u003cscript\\u003e"), r.body());
            assertTrue(reader.json(r).toString().contains(SCRIPT), "the parsed value is the text as recorded");
        }
        JsonNode item = search("?q=eve@contoso.example").path("items").get(0);
        assertEquals(SCRIPT, item.path("userDisplayName").asText());
        assertEquals(IMG, item.path("appDisplayName").asText());
        assertEquals(IMG + " " + SCRIPT, item.path("failureReason").asText());
        assertEquals(SCRIPT + IMG, item.path("userAgent").asText());
        assertEquals(IMG, item.path("browser").asText());
    }

    @Test
    void oneSignInComesWithItsRawRecord() throws Exception {
        JsonNode one = reader.json(reader.get("/api/signins/" + evil.id()));
        assertEquals(evil.id(), one.path("signIn").path("id").asText());
        assertTrue(one.path("raw").isObject(), "a JSON record is shown as JSON");
        assertEquals(SCRIPT, one.path("raw").path("userDisplayName").asText());
        JsonNode plain = reader.json(reader.get("/api/signins/req-0001"));
        assertTrue(plain.path("raw").isNull());
        assertEquals(404, reader.get("/api/signins/does-not-exist").statusCode());
        assertEquals(404, reader.get("/api/signins/" + URLEncoder.encode("a b", StandardCharsets.UTF_8) + "/x").statusCode());
    }

    @Test
    void theDiagnosisHasTheShapeOfTheCommandLinesJson() throws Exception {
        JsonNode d = reader.json(reader.get("/api/signins/req-0002/diagnosis"));
        assertEquals(List.of("id", "scenario", "signIn", "findings", "support", "notes"), fields(d));
        assertEquals("req-0002", d.path("id").asText());
        assertEquals("test.code-50126", d.path("scenario").asText());
        assertEquals(List.of("createdDateTime", "userPrincipalName", "userDisplayName", "appDisplayName", "appId",
                "errorCode", "failureReason", "ipAddress", "location", "clientAppUsed", "origin"), fields(d.path("signIn")));
        JsonNode f = d.path("findings").get(0);
        assertEquals(List.of("scenario", "title", "confidence", "assessment", "evidence", "recommendations",
                "completeness"), fields(f));
        assertEquals("high", f.path("confidence").asText());
        assertEquals("admin", f.path("recommendations").get(0).path("actor").asText());
        assertEquals("tenant snapshot", f.path("completeness").path("missing").get(0).asText(),
                "diagnosed without a snapshot: none is installed");
        assertEquals(List.of("requestId", "correlationId", "timestamp", "errorCode", "userPrincipalName", "appId"),
                fields(d.path("support")));
        assertEquals(404, reader.get("/api/signins/nope/diagnosis").statusCode());
    }

    @Test
    void theDiagnosisIsWrittenByTheWriterTheCommandLineUses() throws Exception {
        // io.signdx.json pins the form byte for byte; here: the servlet adds nothing and leaves nothing out
        HttpResponse<String> r = reader.get("/api/signins/" + evil.id() + "/diagnosis");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator g = Http.mapper().getFactory().createGenerator(expected)) {
            DiagnosisJson.write(server.engine.diagnose(evil, server.tenant.context()), g);
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), r.body());
    }

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
