package io.signdx.console.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.engine.AuditLog;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;

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
 * {@code /api/modules}: bundles and detectors with their health (reader); switching a detector or a
 * whole bundle on and off (operator); installing, updating and uninstalling bundles (admin).
 * Immediate, like the other API components: activated when the console bundle starts rather than on the
 * first request, so that Jetty, which starts beside the bundles, finds them ready when it opens its port.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern({"/api/modules", "/api/modules/*"})
public final class ModulesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/octet-stream",
            "application/x-java-archive", "application/zip");

    private final transient ModuleService modules;
    private final transient AuditLog audit;
    private final transient BundleDeployer deployer;
    private final transient Path uploads;
    private final long maxBytes;

    @Activate
    public ModulesServlet(BundleContext context, @Reference ModuleService modules, @Reference AuditLog audit,
            ConsoleConfig config) {
        this(modules, audit, Home.root(context).resolve("deploy"), Home.data(context).resolve("tmp/bundles"),
                config.maxBundleMegabytes() << 20, Duration.ofSeconds(15));
    }

    ModulesServlet(ModuleService modules, AuditLog audit, Path deploy, Path uploads, long maxBytes, Duration wait) {
        this.modules = modules;
        this.audit = audit;
        this.deployer = new BundleDeployer(deploy, modules, wait);
        this.uploads = uploads;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Http.segments(req).length != 0) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource");
            return;
        }
        List<DetectorInfo> detectors = modules.detectors();
        List<Map<String, Object>> bundles = modules.modules().stream().map(m -> bundle(m, detectors)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modules", bundles);
        body.put("detectors", detectors);
        Http.json(resp, HttpServletResponse.SC_OK, body);
    }

    /** A module with what the console adds: whether it is the product's own and its detectors' health. */
    private static Map<String, Object> bundle(ModuleInfo m, List<DetectorInfo> detectors) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("bundleId", m.bundleId());
        b.put("symbolicName", m.symbolicName());
        b.put("version", m.version());
        b.put("state", m.state());
        b.put("location", m.location());
        b.put("enabled", m.enabled());
        b.put("scenarios", m.scenarios());
        b.put("problem", m.problem());
        b.put("core", "core".equals(m.location()));
        List<DetectorInfo> own = detectors.stream().filter(d -> d.bundleSymbolicName().equals(m.symbolicName())).toList();
        b.put("detectorFailures", own.stream().mapToLong(DetectorInfo::failures).sum());
        b.put("quarantined", own.stream().filter(d -> d.state().name().equals("QUARANTINED"))
                .map(DetectorInfo::scenario).toList());
        return b;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length == 1 && p[0].equals("bundles")) {
            install(req, resp);
        } else if (p.length == 3 && (p[0].equals("detectors") || p[0].equals("bundles"))) {
            toggle(req, resp, p[0], p[1], p[2]);
        } else if (p.length == 2) {
            toggle(req, resp, null, p[0], p[1]); // the original form: POST /api/modules/{id}/enable
        } else {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND,
                    "use POST /api/modules/detectors/{scenario}/enable|disable or /api/modules/bundles/{name}/enable|disable");
        }
    }

    private void toggle(HttpServletRequest req, HttpServletResponse resp, String kind, String id, String action)
            throws IOException {
        if (!action.equals("enable") && !action.equals("disable")) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "the action must be enable or disable");
            return;
        }
        if ("detectors".equals(kind) && modules.detectors().stream().noneMatch(d -> d.scenario().equals(id))) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no detector has the scenario id " + id);
            return;
        }
        if ("bundles".equals(kind) && modules.modules().stream().noneMatch(m -> id.equals(m.symbolicName()))) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no bundle is named " + id);
            return;
        }
        boolean enable = action.equals("enable");
        try {
            // the module service writes the audit line (once, even when several processes see the switch)
            boolean changed = modules.setEnabled(id, enable, Http.actor(req));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("enabled", enable);
            body.put("changed", changed);
            Http.json(resp, HttpServletResponse.SC_OK, body);
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        }
    }

    private void install(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path dir = uploads.resolve(Long.toHexString(System.nanoTime()) + "-" + Thread.currentThread().getId());
        int status;
        Object answer;
        try {
            List<Uploads.Part> parts = Uploads.receive(req, dir, maxBytes, Set.of("bundle"), "bundle.jar", JAR_TYPES,
                    n -> { });
            if (parts.size() != 1) {
                throw new Http.BadRequest(HttpServletResponse.SC_BAD_REQUEST, "upload one bundle at a time");
            }
            BundleDeployer.Identity id = BundleDeployer.identify(parts.get(0).file());
            boolean update = deployer.deployed(id.symbolicName()).isPresent();
            Optional<ModuleInfo> m = deployer.install(parts.get(0).file(), id);
            audit.record(Http.actor(req), update ? "bundle.update" : "bundle.install", id.symbolicName(),
                    "version " + id.version());
            if (m.isEmpty()) {
                Map<String, Object> pending = new LinkedHashMap<>();
                pending.put("symbolicName", id.symbolicName());
                pending.put("version", id.version());
                pending.put("state", "PENDING");
                status = HttpServletResponse.SC_ACCEPTED;
                answer = pending;
            } else {
                status = update ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CREATED;
                answer = bundle(m.get(), modules.detectors());
            }
        } catch (Http.BadRequest e) {
            status = e.status();
            answer = Map.of("error", e.getMessage());
        } catch (BundleDeployer.Refused e) {
            status = e.status();
            answer = Map.of("error", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            answer = Map.of("error", "interrupted while installing");
        } finally {
            Files2.deleteTree(dir); // before answering: the caller may look at once
        }
        Http.json(resp, status, answer);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length != 2 || !p[0].equals("bundles")) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use DELETE /api/modules/bundles/{symbolicName}");
            return;
        }
        try {
            boolean gone = deployer.uninstall(p[1]);
            audit.record(Http.actor(req), "bundle.uninstall", p[1], null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("symbolicName", p[1]);
            body.put("uninstalled", gone);
            Http.json(resp, gone ? HttpServletResponse.SC_OK : HttpServletResponse.SC_ACCEPTED, body);
        } catch (BundleDeployer.Refused e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted while uninstalling");
        }
    }
}
