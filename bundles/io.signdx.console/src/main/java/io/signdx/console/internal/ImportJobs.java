package io.signdx.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.signdx.api.engine.AuditLog;
import io.signdx.api.ingest.BulkImport;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.Rejection;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import jobs started from the console: uploaded files are read into the embedded store on a small,
 * bounded pool of threads, in atomic batches as {@code signdx import} does, while their progress can be
 * read. The uploaded files live under {@code data/tmp/imports/<job>} and are deleted when the job ends;
 * the last jobs are remembered (in memory) so their results can still be read.
 */
@Component(service = ImportJobs.class, configurationPid = ConsoleConfig.PID)
public final class ImportJobs {
    static final int BATCH = 5000;
    /** Sign-ins per transaction, as {@code signdx import} commits (see {@code SignInStore.bulk}). */
    static final int COMMIT = 100_000;
    static final int KEEP_JOBS = 50;
    static final int MAX_REJECTIONS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** One file's outcome. */
    record FileResult(String file, String format, long read, long stored, long duplicates, long rejected,
            String error) {
    }

    /** One job; its counters move while it runs and are read by other threads. */
    static final class Job {
        final String id;
        final String startedBy;
        final Instant started;
        final List<Uploads.Part> files;
        final long bytesTotal;
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        final List<FileResult> results = Collections.synchronizedList(new ArrayList<>());
        volatile String state = "queued";
        volatile String error;
        volatile Instant finished;

        Job(String id, String startedBy, List<Uploads.Part> files) {
            this.id = id;
            this.startedBy = startedBy;
            this.started = Instant.now();
            this.files = List.copyOf(files);
            this.bytesTotal = files.stream().mapToLong(Uploads.Part::size).sum();
        }

        /** A consistent enough picture for the API (counters are read one by one while they move). */
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("state", state);
            m.put("startedBy", startedBy);
            m.put("started", started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            m.put("bytesRead", bytesRead.get());
            m.put("bytesTotal", bytesTotal);
            m.put("read", read.get());
            m.put("stored", stored.get());
            m.put("duplicates", duplicates.get());
            m.put("rejected", rejected.get());
            List<Map<String, Object>> list = new ArrayList<>();
            synchronized (rejections) {
                for (Rejection r : rejections) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("where", r.file() + ": record " + r.record() + (r.line() > 0 ? " (line " + r.line() + ")" : ""));
                    x.put("file", r.file());
                    x.put("record", r.record());
                    x.put("line", r.line());
                    x.put("reason", r.reason());
                    list.add(x);
                }
            }
            m.put("rejections", list);
            synchronized (results) {
                m.put("formats", List.copyOf(results));
            }
            m.put("files", files.stream().map(Uploads.Part::name).toList());
            m.put("error", error);
            return m;
        }
    }

    private final SignInReader reader;
    private final int batchSize;
    private final int commitEvery;
    private final SignInStore store;
    private final AuditLog audit;
    private final Path work;
    private final ThreadPoolExecutor pool;
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger sequence = new AtomicInteger();
    private final Secrets secrets = new Secrets();

    @Activate
    public ImportJobs(BundleContext context, @Reference SignInReader reader, @Reference SignInStore store,
            @Reference AuditLog audit, ConsoleConfig config) {
        this(reader, store, audit, Home.data(context).resolve("tmp/imports"), config.importThreads(),
                config.importQueue(), BATCH, COMMIT);
    }

    ImportJobs(SignInReader reader, SignInStore store, AuditLog audit, Path work, int threads, int queue, int batch,
            int commitEvery) {
        this.batchSize = batch;
        this.commitEvery = commitEvery;
        this.reader = reader;
        this.store = store;
        this.audit = audit;
        this.work = work;
        // leftovers of a process that was killed: their jobs are gone with it
        Files2.deleteTree(work);
        int n = Math.max(1, threads);
        this.pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
                r -> {
                    Thread t = new Thread(r, "signdx-console-import-" + sequence.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Deactivate
    void stop() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("import jobs did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files2.deleteTree(work);
    }

    /** A new, empty folder for the files of one upload. */
    Path folder() throws IOException {
        Path dir = work.resolve(secrets.random(12));
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Queues a job over received files; the folder is deleted when it ends.
     *
     * @throws RejectedExecutionException when too many jobs are waiting
     */
    Job start(Path folder, List<Uploads.Part> files, String actor) {
        Job job = new Job(secrets.random(12), actor, files);
        try {
            pool.execute(() -> run(job, folder));
        } catch (RejectedExecutionException e) {
            Files2.deleteTree(folder);
            throw e;
        }
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEEP_JOBS) {
                String oldest = jobs.keySet().iterator().next();
                jobs.remove(oldest);
            }
        }
        return job;
    }

    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<Job> recent() {
        synchronized (jobs) {
            List<Job> list = new ArrayList<>(jobs.values());
            Collections.reverse(list);
            return list;
        }
    }

    private void run(Job job, Path folder) {
        job.state = "running";
        List<String> failures = new ArrayList<>();
        try {
            long done = 0;
            for (Uploads.Part part : job.files) {
                if (Thread.currentThread().isInterrupted()) {
                    failures.add("stopped: SignDx is shutting down");
                    break;
                }
                String problem = importFile(job, part);
                if (problem != null) {
                    failures.add(problem);
                }
                done += part.size();
                job.bytesRead.set(done);
            }
        } catch (RuntimeException e) {
            LOG.warn("import job {} failed", job.id, e);
            failures.add("internal error: " + e.getMessage());
        } finally {
            Files2.deleteTree(folder);
            job.error = failures.isEmpty() ? null : String.join("; ", failures);
            job.state = failures.isEmpty() ? "done" : "failed";
            job.finished = Instant.now();
            audit.record(job.startedBy, "import", String.join(", ", job.files.stream().map(Uploads.Part::name).toList()),
                    job.read.get() + " read, " + job.stored.get() + " stored, " + job.duplicates.get()
                            + " already stored, " + job.rejected.get() + " rejected"
                            + (job.error == null ? "" : "; " + job.error));
        }
    }

    /**
     * Reads one file into the store through a bulk write, committed every {@link #commitEvery} sign-ins and at the
     * end; returns what went wrong with the file as a whole, or null. The job's counts move as batches are added;
     * those of a transaction that is lost are taken back.
     */
    private String importFile(Job job, Uploads.Part part) {
        long storedBefore = job.stored.get();
        long duplicatesBefore = job.duplicates.get();
        BulkImport load = new BulkImport(store, batchSize, commitEvery);
        // the job shows what was added so far; after a failure, what is committed
        Runnable progress = () -> {
            StoreResult added = load.added();
            job.stored.set(storedBefore + added.stored());
            job.duplicates.set(duplicatesBefore + added.duplicates());
        };
        try {
            try {
                ReadReport report = reader.read(part.file(), false, s -> {
                    job.read.incrementAndGet();
                    load.accept(s);
                    progress.run();
                });
                load.flush();
                load.commit();
                job.rejected.addAndGet(report.rejectedCount());
                for (Rejection r : report.rejected()) {
                    if (job.rejections.size() < MAX_REJECTIONS) {
                        job.rejections.add(r);
                    }
                }
                StoreResult done = load.committed();
                job.results.add(new FileResult(part.name(), report.format(), report.read(), done.stored(),
                        done.duplicates(), report.rejectedCount(), null));
                return null;
            } catch (SignInReadException | IOException e) {
                // the sign-ins read before the problem were read well: they are kept, as the message says
                load.flush();
                load.commit();
                return failed(job, part, load, e.getMessage());
            }
        } catch (java.io.UncheckedIOException e) {
            return failed(job, part, load, e.getMessage());
        } finally {
            progress.run();
            load.close();
        }
    }

    private static String failed(Job job, Uploads.Part part, BulkImport load, String problem) {
        StoreResult done = load.committed();
        String message = problem + (done.stored() > 0 ? " (" + done.stored() + " sign-ins read before the problem "
                + "were stored)" : " (nothing of this file was stored)");
        job.results.add(new FileResult(part.name(), null, load.read(), done.stored(), done.duplicates(), 0, message));
        return message.startsWith(part.name()) ? message : part.name() + ": " + message;
    }
}
