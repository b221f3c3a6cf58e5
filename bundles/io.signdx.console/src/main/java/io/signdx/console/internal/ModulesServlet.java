package io.signdx.console.internal;

import java.io.IOException;
import java.util.Map;

import io.signdx.api.engine.ModuleService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/modules} (reader): bundles and detectors with their health.
 * {@code POST /api/modules/{id}/enable|disable} (operator): switch a detector or bundle.
 * Immediate, like the other API components: activated when the console bundle starts rather than on the
 * first request, so that Jetty, which starts beside the bundles, finds them ready when it opens its port.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern({"/api/modules", "/api/modules/*"})
public final class ModulesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient ModuleService modules;

    @Activate
    public ModulesServlet(@Reference ModuleService modules) {
        this.modules = modules;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Http.require(req, resp, Role.READER)) {
            return;
        }
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource");
            return;
        }
        Http.json(resp, HttpServletResponse.SC_OK,
                Map.of("modules", modules.modules(), "detectors", modules.detectors()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Http.require(req, resp, Role.OPERATOR)) {
            return;
        }
        String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().split("/");
        if (parts.length != 3 || !(parts[2].equals("enable") || parts[2].equals("disable"))) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use POST /api/modules/{id}/enable or /disable");
            return;
        }
        boolean enable = parts[2].equals("enable");
        try {
            boolean changed = modules.setEnabled(parts[1], enable, Http.user(req));
            Http.json(resp, HttpServletResponse.SC_OK, Map.of("id", parts[1], "enabled", enable, "changed", changed));
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        }
    }
}
