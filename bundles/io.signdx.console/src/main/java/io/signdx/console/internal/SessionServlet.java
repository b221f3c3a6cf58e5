package io.signdx.console.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * {@code /api/session}: the browser's log-in ({@code POST}, public, throttled), who am I with the CSRF
 * token ({@code GET}), and log-out ({@code DELETE}).
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/session")
public final class SessionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String BAD_CREDENTIALS = "wrong user name or password";

    private final transient UserStore users;
    private final transient Sessions sessions;
    private final transient LoginThrottle throttle;
    private final transient AuditLog audit;

    @Activate
    public SessionServlet(@Reference UserStore users, @Reference Sessions sessions, @Reference LoginThrottle throttle,
            @Reference AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonNode body;
        try {
            body = Http.body(req, 16 * 1024);
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
            return;
        }
        String user = body.path("username").asText("");
        String password = body.path("password").asText("");
        if (user.isEmpty() || password.isEmpty()) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, "send {\"username\": …, \"password\": …}");
            return;
        }
        String address = req.getRemoteAddr();
        long wait = throttle.waitMillis(user, address);
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            resp.setHeader("Retry-After", String.valueOf(seconds));
            Http.error(resp, 429, "too many failed log-ins; try again in " + seconds + " s");
            return;
        }
        Optional<Role> role = users.authenticate(user, password.toCharArray());
        if (role.isEmpty()) {
            throttle.failed(user, address);
            audit.record(AuthFilter.safe(user), "login.failed", "session", "from " + address);
            Http.error(resp, HttpServletResponse.SC_UNAUTHORIZED, BAD_CREDENTIALS);
            return;
        }
        throttle.succeeded(user);
        Principal old = Http.principal(req);
        if (old != null && old.session() != null) {
            sessions.close(old.session());
        }
        String previous = AuthFilter.cookie(req, AuthFilter.COOKIE);
        if (previous != null) {
            sessions.use(previous).ifPresent(sessions::close); // no session fixation: always a fresh id
        }
        Sessions.Opened opened = sessions.open(user, role.get());
        resp.addHeader("Set-Cookie", AuthFilter.COOKIE + "=" + opened.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
        audit.record(user, "login", "session", "from " + address);
        Http.json(resp, HttpServletResponse.SC_OK, describe(user, role.get(), opened.session().csrfToken()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        Http.json(resp, HttpServletResponse.SC_OK,
                describe(p.name(), p.role(), p.session() == null ? null : p.session().csrfToken()));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Http.principal(req);
        if (p.session() != null) {
            sessions.close(p.session());
            audit.record(p.actor(), "logout", "session", null);
        }
        resp.addHeader("Set-Cookie", AuthFilter.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
        Http.json(resp, HttpServletResponse.SC_OK, Map.of("loggedOut", true));
    }

    private static Map<String, Object> describe(String user, Role role, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", user);
        m.put("role", role.label());
        m.put("csrfToken", csrf);
        return m;
    }
}
