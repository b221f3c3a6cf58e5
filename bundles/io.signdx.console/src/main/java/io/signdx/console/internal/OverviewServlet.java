package io.signdx.console.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.source.SignInSource;
import io.signdx.api.source.SignInSourceException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/overview?from=&to=&top=} (reader): counts over the stored sign-ins. The last answer is
 * kept while nothing it depends on changed (the range, the number of stored sign-ins, the detectors and
 * their states, the snapshot), so that reloading the page does not diagnose everything again.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern("/api/overview")
public final class OverviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Overview overview;
    private final transient SignInStore store;
    private final transient ModuleService modules;
    private final transient CurrentTenant tenant;
    private transient Object cachedKey;
    private transient Overview.Result cached;

    @Activate
    public OverviewServlet(
            @Reference(target = "(objectClass=io.signdx.api.ingest.SignInStore)") SignInSource source,
            @Reference SignInStore store, @Reference DiagnosisService engine, @Reference ModuleService modules,
            @Reference CurrentTenant tenant, ConsoleConfig config) {
        this.overview = new Overview(source, engine, config.maxOverviewSignIns());
        this.store = store;
        this.modules = modules;
        this.tenant = tenant;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant from;
        Instant to;
        int top;
        try {
            Map<String, String[]> params = req.getParameterMap();
            String f = SignInSearch.one(params, "from");
            String t = SignInSearch.one(params, "to");
            from = f == null ? null : SignInSearch.instant(f);
            to = t == null ? null : SignInSearch.instant(t);
            top = SignInSearch.number(params, "top", 10, 1, 100);
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        try {
            Http.json(resp, HttpServletResponse.SC_OK, result(from, to, top));
        } catch (SignInSourceException e) {
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private synchronized Overview.Result result(Instant from, Instant to, int top) {
        var snapshot = tenant.snapshot().orElse(null);
        Object key = java.util.List.of(Objects.toString(from), Objects.toString(to), top, store.size(),
                modules.detectors().stream().map(d -> d.scenario() + "=" + d.state() + "@" + d.bundleVersion()).toList(),
                System.identityHashCode(snapshot));
        if (!key.equals(cachedKey)) {
            cached = overview.compute(from, to, tenant.context(), top);
            cachedKey = key;
        }
        return cached;
    }
}
