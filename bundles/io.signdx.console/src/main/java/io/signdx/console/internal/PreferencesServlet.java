package io.signdx.console.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET/PUT /api/preferences} (reader): the caller's own console preferences, a JSON object. */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/preferences")
public final class PreferencesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Preferences preferences;

    @Activate
    public PreferencesServlet(@Reference Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.json(resp, HttpServletResponse.SC_OK, preferences.get(Http.actor(req)));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            JsonNode body = Http.body(req, Preferences.MAX_BYTES);
            preferences.put(Http.actor(req), body);
            Http.json(resp, HttpServletResponse.SC_OK, preferences.get(Http.actor(req)));
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }
}
