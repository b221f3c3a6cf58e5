package io.signdx.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.SupportDetails;
import io.signdx.api.model.Location;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

import org.junit.jupiter.api.Test;

/** The diagnosis form of docs/diagnosis-json.md, byte for byte: the command line and the REST API write it. */
class DiagnosisJsonTest {
    private static final Instant T = Instant.parse("2021-06-30T16:34:32Z");

    static Diagnosis diagnosis(String text) {
        SignIn s = SignIn.builder().id("r1").correlationId("c1").createdDateTime(T)
                .userPrincipalName("ann@contoso.com").userDisplayName(text).appDisplayName("Azure Portal").appId("a1")
                .status(new Status(50126, "Bad password", null)).ipAddress("131.107.159.37")
                .location(new Location("Redmond", "Washington", "US", null, null)).clientAppUsed("Browser")
                .origin("export.json#1").build();
        Finding f = Finding.builder("credentials.invalid-password").title("Wrong password").confidence(Confidence.HIGH)
                .assessment("It was wrong.").classification("typo")
                .evidence(new EvidenceTable("Error", List.of("Code"), List.of(List.of("50126"))))
                .recommend(Actor.APP_OWNER, "Check", "https://example.org").missing("tenant snapshot").build();
        Finding failed = Finding.builder(Diagnosis.DETECTOR_FAILED).title("A detector failed").confidence(Confidence.LOW)
                .assessment("x").detectorFailure(true).build();
        return new Diagnosis(s, "credentials.invalid-password", List.of(f, failed),
                new SupportDetails("r1", "c1", T, 50126, "ann@contoso.com", "a1"), List.of("a note"));
    }

    @Test
    void writesTheDocumentedFormByteForByte() throws Exception {
        assertEquals("{\"id\":\"r1\",\"scenario\":\"credentials.invalid-password\",\"signIn\":{"
                + "\"createdDateTime\":\"2021-06-30T16:34:32Z\",\"userPrincipalName\":\"ann@contoso.com\","
                + "\"userDisplayName\":\"Ann\",\"appDisplayName\":\"Azure Portal\",\"appId\":\"a1\",\"errorCode\":50126,"
                + "\"failureReason\":\"Bad password\",\"ipAddress\":\"131.107.159.37\","
                + "\"location\":\"Redmond, Washington, US\",\"clientAppUsed\":\"Browser\",\"origin\":\"export.json#1\"},"
                + "\"findings\":[{\"scenario\":\"credentials.invalid-password\",\"title\":\"Wrong password\","
                + "\"confidence\":\"high\",\"assessment\":\"It was wrong.\",\"classification\":\"typo\","
                + "\"evidence\":[{\"title\":\"Error\",\"columns\":[\"Code\"],\"rows\":[[\"50126\"]]}],"
                + "\"recommendations\":[{\"actor\":\"app-owner\",\"action\":\"Check\",\"link\":\"https://example.org\"}],"
                + "\"completeness\":{\"complete\":false,\"missing\":[\"tenant snapshot\"]}},"
                + "{\"scenario\":\"engine.detector-failed\",\"title\":\"A detector failed\",\"confidence\":\"low\","
                + "\"assessment\":\"x\",\"detectorFailure\":true,\"evidence\":[],\"recommendations\":[],"
                + "\"completeness\":{\"complete\":true,\"missing\":[]}}],"
                + "\"support\":{\"requestId\":\"r1\",\"correlationId\":\"c1\",\"timestamp\":\"2021-06-30T16:34:32Z\","
                + "\"errorCode\":50126,\"userPrincipalName\":\"ann@contoso.com\",\"appId\":\"a1\"},"
                + "\"notes\":[\"a note\"]}", Written.text(g -> DiagnosisJson.write(diagnosis("Ann"), g)));
    }

    @Test
    void absentValuesAreJsonNullAndOptionalFieldsAreLeftOut() throws Exception {
        SignIn bare = SignIn.builder().id("r2").build();
        Finding plain = Finding.builder("x.y").title("t").confidence(Confidence.MEDIUM).assessment("a")
                .recommend(Actor.ADMIN, "do it", null).build();
        Diagnosis d = new Diagnosis(bare, "x.y", List.of(plain), new SupportDetails("r2", null, null, 0, null, null),
                List.of());
        JsonNode n = Written.tree(g -> DiagnosisJson.write(d, g));
        assertTrue(n.path("signIn").path("createdDateTime").isNull());
        assertTrue(n.path("signIn").path("userPrincipalName").isNull());
        assertTrue(n.path("support").path("timestamp").isNull());
        JsonNode f = n.path("findings").get(0);
        assertEquals(List.of("scenario", "title", "confidence", "assessment", "evidence", "recommendations",
                "completeness"), Written.fields(f), "no classification, no detectorFailure when false");
        assertEquals("medium", f.path("confidence").asText());
        assertEquals("admin", f.path("recommendations").get(0).path("actor").asText());
        assertTrue(f.path("recommendations").get(0).path("link").isNull());
    }

    @Test
    void hostileRecordTextStaysOneJsonString() throws Exception {
        String text = Written.text(g -> DiagnosisJson.write(diagnosis(Written.HOSTILE), g));
        assertFalse(text.contains("\n") || text.contains("\r") || text.contains("\u0000"), text);
        assertFalse(text.contains("\"evil\":true"), "a quote in the record must not end the string");
        JsonNode n = Written.tree(g -> DiagnosisJson.write(diagnosis(Written.HOSTILE), g));
        assertEquals(Written.HOSTILE, n.path("signIn").path("userDisplayName").asText(), "read back exactly as recorded");
        assertEquals(List.of("id", "scenario", "signIn", "findings", "support", "notes"), Written.fields(n));

        String safe = Written.htmlSafe(g -> DiagnosisJson.write(diagnosis(Written.HOSTILE), g));
        assertFalse(safe.contains("<") || safe.contains(">"), "the caller's escapes apply to every value: " + safe);
    }
}
