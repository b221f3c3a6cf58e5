package io.signdx.console.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/imports} receives sign-in export files (multipart field {@code file}, several allowed,
 * streamed to disk) and starts an import job (202 with its id); {@code GET /api/imports/{id}} reports
 * its progress and result; {@code GET /api/imports} lists the recent jobs. Operator.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern({"/api/imports", "/api/imports/*"})
public final class ImportsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> RAW_TYPES = Set.of("application/json", "text/csv", "application/gzip",
            "application/octet-stream");

    private final transient ImportJobs jobs;
    private final long maxBytes;

    @Activate
    public ImportsServlet(@Reference ImportJobs jobs, ConsoleConfig config) {
        this(jobs, config.maxImportMegabytes() << 20);
    }

    ImportsServlet(ImportJobs jobs, long maxBytes) {
        this.jobs = jobs;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Http.segments(req).length != 0) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "use POST /api/imports");
            return;
        }
        Path folder = jobs.folder();
        boolean started = false;
        try {
            // from the query string only: asking the server for parameters would make it read the body
            String given = Http.queryParameter(req, "name");
            String name = given == null ? "upload" : Uploads.sanitise(given);
            List<Uploads.Part> files = Uploads.receive(req, folder, maxBytes, Set.of("file"), name, RAW_TYPES, n -> { });
            ImportJobs.Job job = jobs.start(folder, files, Http.actor(req));
            started = true;
            resp.setHeader("Location", "/api/imports/" + job.id);
            Http.json(resp, HttpServletResponse.SC_ACCEPTED, job.describe());
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
        } catch (RejectedExecutionException e) {
            started = true; // the job manager removed the files
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many imports are waiting; try again later");
        } finally {
            if (!started) {
                Files2.deleteTree(folder);
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] p = Http.segments(req);
        if (p.length == 0) {
            Http.json(resp, HttpServletResponse.SC_OK,
                    Map.of("jobs", jobs.recent().stream().map(ImportJobs.Job::describe).toList()));
            return;
        }
        Optional<ImportJobs.Job> job = p.length == 1 ? jobs.job(p[0]) : Optional.empty();
        if (job.isEmpty()) {
            Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "no import job " + String.join("/", p));
            return;
        }
        Http.json(resp, HttpServletResponse.SC_OK, job.get().describe());
    }
}
