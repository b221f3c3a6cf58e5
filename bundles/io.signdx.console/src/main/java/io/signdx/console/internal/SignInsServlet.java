package io.signdx.console.internal;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.source.SignInSourceException;
import io.signdx.console.internal.json.SignInJson;
import io.signdx.json.DiagnosisJson;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/signins} (search), {@code GET /api/signins/{id}} (one sign-in with its raw record) and
 * {@code GET /api/signins/{id}/diagnosis} (its diagnosis, as {@code signdx diagnose --format json} writes
 * one entry, with the current tenant snapshot). Sign-ins come from the embedded store.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern({"/api/signins", "/api/signins/*"})
public final class SignInsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Raw records are shown as JSON up to this size, as text beyond (a bad record may be huge). */
    private static final int MAX_RAW_PARSE = 1_000_000;

    private final transient SignInSource store;
    private final transient DiagnosisService engine;
    private final transient CurrentTenant tenant;
    private final transient SignInSearch search;

    @Activate
    public SignInsServlet(
            @Reference(target = "(objectClass=io.signdx.api.ingest.SignInStore)") SignInSource store,
            @Reference DiagnosisService engine, @Reference CurrentTenant tenant, ConsoleConfig config) {
        this.store = store;
        this.engine = engine;
        this.tenant = tenant;
        this.search = new SignInSearch(store, config.maxSortedSignIns());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Http.segments(req);
        try {
            if (path.length == 0) {
                list(req, resp);
            } else if (path.length == 1) {
                one(path[0], resp);
            } else if (path.length == 2 && path[1].equals("diagnosis")) {
                diagnosis(path[0], resp);
            } else {
                Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource");
            }
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (SignInSourceException e) {
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SignInSearch.Result r = search.run(search.parse(req.getParameterMap()));
        try (JsonGenerator g = Http.stream(resp, HttpServletResponse.SC_OK)) {
            g.writeStartObject();
            g.writeNumberField("total", r.total());
            g.writeNumberField("offset", r.offset());
            g.writeNumberField("limit", r.limit());
            if (r.matchedAs() != null) {
                g.writeStringField("matchedAs", r.matchedAs());
            }
            g.writeArrayFieldStart("items");
            for (SignIn s : r.items()) {
                SignInJson.write(s, g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private Optional<SignIn> find(String id) {
        if (id.isBlank() || id.length() > 200) {
            return Optional.empty();
        }
        return store.query(SignInQuery.all().withRequestId(id).withPage(0, 1)).items().stream().findFirst();
    }

    private void one(String id, HttpServletResponse resp) throws IOException {
        Optional<SignIn> s = find(id);
        if (s.isEmpty()) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no sign-in with the request id " + id);
            return;
        }
        try (JsonGenerator g = Http.stream(resp, HttpServletResponse.SC_OK)) {
            g.writeStartObject();
            g.writeFieldName("signIn");
            SignInJson.write(s.get(), g);
            g.writeFieldName("raw");
            raw(s.get().raw(), g);
            g.writeStringField("origin", s.get().origin());
            g.writeEndObject();
        }
    }

    /** The original record: as JSON when it is JSON, else as text (a CSV line), else null. */
    static void raw(String raw, JsonGenerator g) throws IOException {
        if (raw == null) {
            g.writeNull();
            return;
        }
        String t = raw.strip();
        if (t.length() <= MAX_RAW_PARSE && (t.startsWith("{") || t.startsWith("["))) {
            try {
                JsonNode node = Http.mapper().readTree(t);
                g.writeTree(node);
                return;
            } catch (IOException e) {
                // not JSON after all: shown as text
            }
        }
        g.writeString(raw);
    }

    private void diagnosis(String id, HttpServletResponse resp) throws IOException {
        Optional<SignIn> s = find(id);
        if (s.isEmpty()) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no sign-in with the request id " + id);
            return;
        }
        var d = engine.diagnose(s.get(), tenant.context());
        try (JsonGenerator g = Http.stream(resp, HttpServletResponse.SC_OK)) {
            DiagnosisJson.write(d, g);
        }
    }
}
