package io.signdx.console.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * {@code /api/tokens} (admin): list, create and delete API tokens. The token value is in the answer to
 * its creation only; afterwards only its hash exists.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern({"/api/tokens", "/api/tokens/*"})
public final class TokensServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ApiTokens tokens;
    private final transient AuditLog audit;

    @Activate
    public TokensServlet(@Reference ApiTokens tokens, @Reference AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant now = Instant.now();
        Http.json(resp, HttpServletResponse.SC_OK,
                Map.of("tokens", tokens.list().stream().map(t -> describe(t, now)).toList()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            JsonNode body = Http.body(req, 16 * 1024);
            JsonNode days = body.path("expiresInDays");
            if (!days.isMissingNode() && !days.isNull() && !days.canConvertToInt()) {
                throw new IllegalArgumentException("expiresInDays must be a whole number of days (0 = never)");
            }
            ApiTokens.Created c = tokens.create(body.path("name").asText(null), Role.parse(body.path("role").asText(null)),
                    days.isMissingNode() || days.isNull() ? 90 : days.asInt(), Http.actor(req));
            audit.record(Http.actor(req), "token.create", c.token().name() + " (" + c.token().id() + ")",
                    "role " + c.token().role().label());
            Map<String, Object> out = describe(c.token(), Instant.now());
            out.put("token", c.secret());
            Http.json(resp, HttpServletResponse.SC_CREATED, out);
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length != 1) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use DELETE /api/tokens/{id}");
            return;
        }
        if (!tokens.delete(p[0])) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no API token has the id " + p[0]);
            return;
        }
        audit.record(Http.actor(req), "token.delete", p[0], null);
        Http.json(resp, HttpServletResponse.SC_OK, Map.of("id", p[0], "deleted", true));
    }

    private static Map<String, Object> describe(ApiTokens.Token t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("role", t.role().label());
        m.put("created", t.created().toString());
        m.put("expires", t.expires() == null ? null : t.expires().toString());
        m.put("expired", t.expired(now));
        m.put("createdBy", t.createdBy());
        return m;
    }
}
