package io.signdx.json;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.model.SignIn;

/**
 * One diagnosis as JSON (docs/diagnosis-json.md): {@code id} (the request id), {@code scenario} (the primary
 * scenario id), {@code signIn} (the fields that identify the event), {@code findings} (each with its
 * {@code scenario}, {@code title}, {@code confidence}, {@code assessment}, {@code classification} where it
 * applies, {@code detectorFailure} when true, {@code evidence} tables, {@code recommendations} and
 * {@code completeness}), {@code support} and {@code notes}. {@code signdx diagnose --format json} writes one
 * per entry of its {@code diagnoses} array, {@code GET /api/signins/{id}/diagnosis} answers one.
 *
 * <p>{@code confidence} is {@code high}, {@code medium} or {@code low}; a recommendation's {@code actor} is
 * {@code user}, {@code admin}, {@code app-owner} or {@code vendor} (the spelling this form has had since
 * its first release).
 */
public final class DiagnosisJson {
    private DiagnosisJson() {
    }

    /**
     * Writes the diagnosis as one JSON object.
     *
     * @param d the diagnosis, not null
     * @param g where to write; left open
     * @throws IOException when the generator cannot write
     */
    public static void write(Diagnosis d, JsonGenerator g) throws IOException {
        SignIn s = d.signIn();
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("scenario", d.scenario());
        g.writeObjectFieldStart("signIn");
        g.writeStringField("createdDateTime", s.createdDateTime() == null ? null : s.createdDateTime().toString());
        g.writeStringField("userPrincipalName", s.userPrincipalName());
        g.writeStringField("userDisplayName", s.userDisplayName());
        g.writeStringField("appDisplayName", s.appDisplayName());
        g.writeStringField("appId", s.appId());
        g.writeNumberField("errorCode", s.errorCode());
        g.writeStringField("failureReason", s.status().failureReason());
        g.writeStringField("ipAddress", s.ipAddress());
        g.writeStringField("location", s.location().display());
        g.writeStringField("clientAppUsed", s.clientAppUsed());
        g.writeStringField("origin", s.origin());
        g.writeEndObject();
        g.writeArrayFieldStart("findings");
        for (Finding f : d.findings()) {
            finding(f, g);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("support");
        g.writeStringField("requestId", d.support().requestId());
        g.writeStringField("correlationId", d.support().correlationId());
        g.writeStringField("timestamp", d.support().timestamp() == null ? null : d.support().timestamp().toString());
        g.writeNumberField("errorCode", d.support().errorCode());
        g.writeStringField("userPrincipalName", d.support().userPrincipalName());
        g.writeStringField("appId", d.support().appId());
        g.writeEndObject();
        Fields.strings("notes", d.notes(), g);
        g.writeEndObject();
    }

    private static void finding(Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", f.scenario());
        g.writeStringField("title", f.title());
        g.writeStringField("confidence", f.confidence().name().toLowerCase(Locale.ROOT));
        g.writeStringField("assessment", f.assessment());
        if (f.classification() != null) {
            g.writeStringField("classification", f.classification());
        }
        if (f.detectorFailure()) {
            g.writeBooleanField("detectorFailure", true);
        }
        g.writeArrayFieldStart("evidence");
        for (EvidenceTable t : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("title", t.title());
            Fields.strings("columns", t.columns(), g);
            g.writeArrayFieldStart("rows");
            for (List<String> row : t.rows()) {
                g.writeStartArray();
                for (String c : row) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("recommendations");
        for (Recommendation r : f.recommendations()) {
            g.writeStartObject();
            g.writeStringField("actor", r.actor().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeStringField("action", r.action());
            g.writeStringField("link", r.link());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("completeness");
        g.writeBooleanField("complete", f.complete());
        Fields.strings("missing", f.missing(), g);
        g.writeEndObject();
        g.writeEndObject();
    }
}
