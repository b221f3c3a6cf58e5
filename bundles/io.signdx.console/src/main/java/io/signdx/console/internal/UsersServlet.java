package io.signdx.console.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.engine.AuditLog;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/users} (admin): console accounts. Deleting a user, or changing their role or password,
 * ends their open sessions at once. The last admin can be neither deleted nor demoted.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern({"/api/users", "/api/users/*"})
public final class UsersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient UserStore users;
    private final transient Sessions sessions;
    private final transient Preferences preferences;
    private final transient AuditLog audit;

    @Activate
    public UsersServlet(@Reference UserStore users, @Reference Sessions sessions, @Reference Preferences preferences,
            @Reference AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.preferences = preferences;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.json(resp, HttpServletResponse.SC_OK, Map.of("users", users.list().stream()
                .map(u -> describe(u.name(), u.role())).toList()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            JsonNode body = Http.body(req, 16 * 1024);
            String name = body.path("username").asText(null);
            Role role = Role.parse(body.path("role").asText(null));
            users.create(name, role, password(body));
            audit.record(Http.actor(req), "user.create", name, "role " + role.label());
            Http.json(resp, HttpServletResponse.SC_CREATED, describe(name, role));
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            Http.error(resp, HttpServletResponse.SC_CONFLICT, e.getMessage());
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length != 1) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use PUT /api/users/{name}");
            return;
        }
        try {
            JsonNode body = Http.body(req, 16 * 1024);
            Role role = body.hasNonNull("role") ? Role.parse(body.path("role").asText()) : null;
            char[] password = body.hasNonNull("password") ? password(body) : null;
            if (role == null && password == null) {
                throw new IllegalArgumentException("send a new \"role\" and/or \"password\"");
            }
            users.update(p[0], role, password);
            int ended = sessions.closeAll(p[0]);
            audit.record(Http.actor(req), "user.update", p[0], (role == null ? "" : "role " + role.label())
                    + (role != null && password != null ? ", " : "") + (password == null ? "" : "password changed")
                    + (ended > 0 ? "; " + ended + " session(s) ended" : ""));
            Http.json(resp, HttpServletResponse.SC_OK, describe(p[0], users.role(p[0]).orElseThrow()));
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (NoSuchElementException e) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            Http.error(resp, HttpServletResponse.SC_CONFLICT, e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length != 1) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use DELETE /api/users/{name}");
            return;
        }
        try {
            users.delete(p[0]);
            int ended = sessions.closeAll(p[0]);
            preferences.forget(p[0]);
            audit.record(Http.actor(req), "user.delete", p[0], ended > 0 ? ended + " session(s) ended" : null);
            Http.json(resp, HttpServletResponse.SC_OK, Map.of("username", p[0], "deleted", true));
        } catch (NoSuchElementException e) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            Http.error(resp, HttpServletResponse.SC_CONFLICT, e.getMessage());
        }
    }

    private static char[] password(JsonNode body) {
        JsonNode pw = body.path("password");
        if (!pw.isTextual()) {
            throw new IllegalArgumentException("a \"password\" (text) is needed");
        }
        return pw.asText().toCharArray();
    }

    private static Map<String, Object> describe(String name, Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", name);
        m.put("role", role.label());
        return m;
    }
}
