package io.signdx.console.internal;

import java.io.IOException;
import java.util.Map;

import io.signdx.api.engine.DiagnosisService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/health}: anonymous readiness check; says nothing about the data. It is registered only
 * once the engine and the modules API are there, so a 200 means scripts can go on at once.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/api/health")
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient String version;

    @Activate
    public HealthServlet(BundleContext context, @Reference DiagnosisService engine,
            @Reference(target = "(component.name=io.signdx.console.internal.ModulesServlet)") Servlet modulesApi) {
        this(context.getBundle().getVersion().toString());
    }

    HealthServlet(String version) {
        this.version = version;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.json(resp, HttpServletResponse.SC_OK, Map.of("status", "UP", "version", version));
    }
}
