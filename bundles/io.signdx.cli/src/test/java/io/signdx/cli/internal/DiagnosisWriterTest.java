package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.SupportDetails;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.json.DiagnosisJson;

import org.junit.jupiter.api.Test;

/** {@code signdx diagnose --format json}: a document of diagnoses in the form the REST API answers too. */
class DiagnosisWriterTest {
    private static final String EVIL = "\"}<script>alert(1)</script>\n";

    private static Diagnosis diagnosis() {
        Instant t = Instant.parse("2021-06-30T16:34:32Z");
        SignIn s = SignIn.builder().id("r1").createdDateTime(t).userPrincipalName("ann@contoso.com")
                .userDisplayName(EVIL).status(new Status(50126, EVIL, null)).build();
        Finding f = Finding.builder("credentials.invalid-password").title("Wrong password").confidence(Confidence.HIGH)
                .assessment(EVIL).recommend(Actor.APP_OWNER, "Check", null).build();
        return new Diagnosis(s, "credentials.invalid-password", List.of(f),
                new SupportDetails("r1", null, t, 50126, "ann@contoso.com", null), List.of());
    }

    @Test
    void eachEntryIsTheSharedDiagnosisForm() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DiagnosisWriter w = DiagnosisWriter.of("json", new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            w.write(diagnosis());
            w.finish(List.of(new ReadReport("export.json", "Graph beta list response (JSON)", 1, List.of(), 0)));
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode doc = mapper.readTree(bytes.toString(StandardCharsets.UTF_8));
        StringWriter shared = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(shared)) {
            DiagnosisJson.write(diagnosis(), g);
        }
        assertEquals(mapper.readTree(shared.toString()), doc.path("diagnoses").get(0),
                "the entry is DiagnosisJson's, nothing added or left out");
        assertEquals(EVIL, doc.path("diagnoses").get(0).path("signIn").path("userDisplayName").asText(),
                "record text is JSON data");
        assertEquals("app-owner", doc.path("diagnoses").get(0).path("findings").get(0).path("recommendations").get(0)
                .path("actor").asText());
        assertEquals("export.json", doc.path("files").get(0).path("file").asText());
        assertEquals(1, doc.path("files").get(0).path("read").asInt());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("}\n"), "one document, one final line break");
    }
}
