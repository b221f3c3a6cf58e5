package io.signdx.console.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.engine.AuditEntry;
import io.signdx.api.engine.AuditLog;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/audit?limit=N} (admin): the audit log, newest first. */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/audit")
public final class AuditServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient AuditLog audit;

    @Activate
    public AuditServlet(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int limit;
        try {
            limit = SignInSearch.number(req.getParameterMap(), "limit", 100, 1, 10_000);
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        List<AuditEntry> entries = new ArrayList<>(audit.recent(limit));
        Collections.reverse(entries);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", e.time().toString());
            m.put("actor", e.actor());
            m.put("action", e.action());
            m.put("target", e.target());
            m.put("detail", e.detail());
            out.add(m);
        }
        Http.json(resp, HttpServletResponse.SC_OK, Map.of("entries", out));
    }
}
