package io.signdx.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.signdx.api.engine.AuditLog;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;

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
 * {@code GET /api/tenant} (reader): the current tenant snapshot in numbers. {@code POST /api/tenant}
 * (admin): installs a new snapshot from uploaded files (multipart field {@code file}, several allowed;
 * {@code .json}, {@code .json.gz} or a {@code .zip} of them), replacing the current one only when it loads.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern("/api/tenant")
public final class TenantServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ENTRIES = 10_000;

    private final transient CurrentTenant tenant;
    private final transient AuditLog audit;
    private final transient Path work;
    private final long maxBytes;

    @Activate
    public TenantServlet(BundleContext context, @Reference CurrentTenant tenant, @Reference AuditLog audit,
            ConsoleConfig config) {
        this(tenant, audit, Home.data(context).resolve("tmp/tenant"), config.maxTenantMegabytes() << 20);
    }

    TenantServlet(CurrentTenant tenant, AuditLog audit, Path work, long maxBytes) {
        this.tenant = tenant;
        this.audit = audit;
        this.work = work;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.json(resp, HttpServletResponse.SC_OK, describe(tenant.available(), tenant.snapshot()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!tenant.available()) {
            Uploads.drain(req, req.getContentLengthLong());
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "tenant snapshots are not available: the bundle that reads them (io.signdx.tenant) is not installed");
            return;
        }
        Path dir = work.resolve(Long.toHexString(System.nanoTime()));
        int status;
        Object answer;
        try {
            List<Uploads.Part> parts = Uploads.receive(req, dir.resolve("upload"), maxBytes, Set.of("file"),
                    "snapshot.json", Set.of("application/json", "application/zip", "application/gzip"), n -> { });
            Path files = dir.resolve("files");
            Files.createDirectories(files);
            long[] budget = {maxBytes * 4};
            int index = 0;
            for (Uploads.Part p : parts) {
                index = unpack(p.file(), p.name(), files, index, budget);
            }
            TenantLoader.Snapshot s = tenant.install(List.of(files));
            audit.record(Http.actor(req), "tenant.install", String.join(", ", parts.stream().map(Uploads.Part::name).toList()),
                    String.join("; ", s.files()));
            status = HttpServletResponse.SC_OK;
            answer = describe(true, Optional.of(s));
        } catch (Http.BadRequest e) {
            status = e.status();
            answer = Map.of("error", e.getMessage());
        } catch (TenantLoadException e) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            answer = Map.of("error", e.getMessage());
        } catch (IllegalStateException e) {
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            answer = Map.of("error", e.getMessage());
        } finally {
            Files2.deleteTree(dir); // before answering: the caller may look at once
        }
        Http.json(resp, status, answer);
    }

    /**
     * Puts an uploaded file into the snapshot folder: a zip is expanded (only file entries, under names
     * of their own — entry paths are never used as paths), a gzip is uncompressed, anything else copied.
     * The uncompressed total is bounded, against zip bombs.
     */
    static int unpack(Path file, String name, Path into, int index, long[] budget) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                ZipEntry e;
                int entries = 0;
                while ((e = zip.getNextEntry()) != null) {
                    if (++entries > MAX_ENTRIES) {
                        throw new Http.BadRequest(413, name + ": more than " + MAX_ENTRIES + " entries");
                    }
                    String entry = Uploads.sanitise(e.getName());
                    if (e.isDirectory() || e.getName().contains("__MACOSX") || entry.equals("upload")) {
                        continue;
                    }
                    InputStream in = entry.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(zip) : zip;
                    write(in, slot(into, index++, strip(entry)), budget, name);
                }
                if (entries == 0) {
                    throw new Http.BadRequest(400, name + ": not a zip file, or an empty one");
                }
            } catch (java.util.zip.ZipException e) {
                throw new Http.BadRequest(400, name + ": not a valid zip file: " + e.getMessage());
            }
            return index;
        }
        if (lower.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                write(in, slot(into, index, strip(name)), budget, name);
            } catch (java.util.zip.ZipException e) {
                throw new Http.BadRequest(400, name + ": not a valid gzip file: " + e.getMessage());
            }
            return index + 1;
        }
        try (InputStream in = Files.newInputStream(file)) {
            write(in, slot(into, index, name), budget, name);
        }
        return index + 1;
    }

    private static String strip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** The file's own name in the snapshot folder (the loader reports files by it), numbered when taken. */
    private static Path slot(Path into, int index, String name) throws IOException {
        Files.createDirectories(into);
        Path target = into.resolve(name);
        return Files.exists(target) ? into.resolve(index + "-" + name) : target;
    }

    private static void write(InputStream in, Path target, long[] budget, String upload) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                budget[0] -= n;
                if (budget[0] < 0) {
                    throw new Http.BadRequest(413, upload + ": uncompressed, the snapshot is too large");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    static Map<String, Object> describe(boolean available, Optional<TenantLoader.Snapshot> snapshot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", available);
        m.put("present", snapshot.isPresent());
        m.put("files", snapshot.map(TenantLoader.Snapshot::files).orElse(List.of()));
        m.put("warnings", snapshot.map(TenantLoader.Snapshot::warnings).orElse(List.of()));
        m.put("missing", snapshot.map(s -> s.missing().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList())
                .orElse(List.of()));
        Map<String, Object> counts = new LinkedHashMap<>();
        TenantContext t = snapshot.map(TenantLoader.Snapshot::tenant).orElse(TenantContext.empty());
        counts.put("policies", t.policies().size());
        counts.put("namedLocations", t.namedLocations().size());
        counts.put("users", t.users().size());
        counts.put("groups", groups(t));
        counts.put("servicePrincipals", t.servicePrincipals().size());
        m.put("counts", counts);
        return m;
    }

    /** The snapshot has no list of groups: the groups its users belong to that it names. */
    private static long groups(TenantContext t) {
        List<String> ids = new ArrayList<>();
        for (DirectoryUser u : t.users()) {
            ids.addAll(u.groupIds());
        }
        return ids.stream().distinct().filter(id -> t.group(id).isPresent()).count();
    }
}
