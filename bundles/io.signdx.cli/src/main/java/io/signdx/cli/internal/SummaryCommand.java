package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code signdx summary [--input FILE...] [--tenant DIR|FILE] [--top N] [--format text|json]}: the sign-ins
 * of export files, or of the embedded store, counted by primary scenario, error code, application, user and
 * client app. The tenant snapshot is the one given with {@code --tenant}, else the installed one, else none.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=summary",
        "signdx.command.summary=count sign-ins by scenario, error code, app, user and client app [--input FILE...]"})
public final class SummaryCommand extends Command {
    static final List<String> DIMENSIONS = List.of("scenario", "errorCode", "app", "user", "clientApp");
    /** Sign-ins diagnosed together: bounded so that summary stays within a small heap (raw records are big). */
    private static final int CHUNK = 10_000;

    private final SignInReader reader;
    private final DiagnosisService engine;
    private final ModuleService modules;
    private final List<SignInSource> sources;
    private final ServiceHandle<TenantLoader> loader;
    private final ServiceHandle<TenantSnapshots> snapshots;

    @Activate
    public SummaryCommand(@Reference SignInReader reader, @Reference DiagnosisService engine,
            @Reference ModuleService modules, @Reference(service = SignInSource.class) List<SignInSource> sources,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantLoader> loader,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantSnapshots> snapshots) {
        this(reader, engine, modules, sources, ServiceHandle.of(loader, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(snapshots, TenantSnapshots.class, SnapshotOption.TENANT_BUNDLE), System.out,
                System.err);
    }

    SummaryCommand(SignInReader reader, DiagnosisService engine, ModuleService modules, List<SignInSource> sources,
            ServiceHandle<TenantLoader> loader, ServiceHandle<TenantSnapshots> snapshots, PrintStream out,
            PrintStream err) {
        super(out, err);
        this.reader = reader;
        this.engine = engine;
        this.modules = modules;
        this.sources = sources;
        this.loader = loader;
        this.snapshots = snapshots;
    }

    @Override
    String name() {
        return "summary";
    }

    @Override
    String usage() {
        return "usage: signdx summary [--input FILE...] [--tenant DIR|FILE] [--top N] [--format text|json] [--timings]\n"
                + "  without --input: every sign-in of the embedded store\n"
                + "  --tenant: a tenant snapshot (folder or file) for this run; default: the installed snapshot, if any\n"
                + "  --timings: print on stderr how long reading and diagnosing took";
    }

    @Override
    int run(Args args) throws InterruptedException {
        args.check(Set.of("input", "tenant", "top", "format"), Set.of("timings"));
        long started = System.nanoTime();
        String format = args.option("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        int top = parseTop(args.option("top", "10"));
        TenantContext tenant = SnapshotOption.load(args.options("tenant"), loader, snapshots, false, name(), err())
                .map(TenantLoader.Snapshot::tenant).orElse(TenantContext.empty());
        modules.awaitSettled(Duration.ofSeconds(10));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> counts.put(d, new HashMap<>()));
        // sign-ins counted, and nanoseconds spent diagnosing them
        long[] total = {0, 0};
        List<String> files = new ArrayList<>(args.options("input"));
        if (!files.isEmpty()) {
            files.addAll(args.positional());
            countFiles(files, tenant, counts, total);
        } else {
            if (sources.isEmpty()) {
                throw new UsageException("no sign-in source is available; give --input FILE...");
            }
            for (SignInSource source : sources) {
                for (int offset = 0;; offset += CHUNK) {
                    Page<SignIn> page = source.query(SignInQuery.all().withPage(offset, CHUNK));
                    List<SignIn> chunk = new ArrayList<>(page.items());
                    count(chunk, tenant, counts, total);
                    if (!page.hasMore() || page.items().isEmpty()) {
                        break;
                    }
                }
            }
        }
        print(format, counts, total[0], top);
        if (args.flag("timings")) {
            // on stderr, so that the counts on stdout stay machine-readable
            long all = System.nanoTime() - started;
            // diagnosis runs alongside the reading of the next chunk: its time is part of the whole, not added
            err().printf(Locale.ROOT, "timings: %,d sign-ins; %.2f s in all (%,.0f sign-ins/s); diagnosis %.2f s "
                    + "of it, alongside the reading (%,.0f sign-ins/s)%n", total[0], all / 1e9,
                    total[0] / Math.max(1e-9, all / 1e9), total[1] / 1e9, total[0] / Math.max(1e-9, total[1] / 1e9));
        }
        return OK;
    }

    /**
     * Reads the files while the previous chunk is being counted on another thread: reading (parsing) and
     * diagnosis then share the cores instead of taking turns. One chunk is counted at a time, so the counts
     * need no locking and at most two chunks are in memory.
     */
    private void countFiles(List<String> files, TenantContext tenant, Map<String, Map<String, Long>> counts,
            long[] total) throws InterruptedException {
        ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "signdx-summary");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> pending = new ArrayList<>(1);
        try {
            List<List<SignIn>> chunk = new ArrayList<>(List.of(new ArrayList<>(CHUNK)));
            for (String f : files) {
                try {
                    reader.readFields(Path.of(f), false, s -> {
                        List<SignIn> c = chunk.get(0);
                        c.add(s);
                        if (c.size() == CHUNK) {
                            awaitCounted(pending);
                            pending.add(counter.submit(() -> count(c, tenant, counts, total)));
                            chunk.set(0, new ArrayList<>(CHUNK));
                        }
                    });
                } catch (SignInReadException e) {
                    throw new UsageException(e.getMessage());
                } catch (IOException e) {
                    throw new UsageException(f + ": cannot be read: " + e.getMessage());
                }
            }
            awaitCounted(pending);
            count(chunk.get(0), tenant, counts, total);
        } finally {
            counter.shutdownNow();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Waits for the chunk being counted; a failure there is this command's failure. */
    private static void awaitCounted(List<Future<?>> pending) {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        pending.clear();
    }

    private void count(List<SignIn> chunk, TenantContext tenant, Map<String, Map<String, Long>> counts, long[] total) {
        long t0 = System.nanoTime();
        // each chunk is its own batch: counting needs the primary scenario, and querying the store for
        // related sign-ins of every counted sign-in would cost more than the counting; the findings' text is
        // never shown, so the detectors are asked for scenarios only
        engine.diagnoseAll(chunk, tenant, DiagnosisService.Related.BATCH, DiagnosisService.Detail.SCENARIOS,
                (Diagnosis d) -> {
                    SignIn s = d.signIn();
                    total[0]++;
                    counts.get("scenario").merge(d.scenario(), 1L, Long::sum);
                    counts.get("errorCode").merge(String.valueOf(s.errorCode()), 1L, Long::sum);
                    counts.get("app").merge(s.appLabel(), 1L, Long::sum);
                    counts.get("user").merge(s.userLabel(), 1L, Long::sum);
                    counts.get("clientApp").merge(s.clientAppUsed() == null ? "(not recorded)" : s.clientAppUsed(),
                            1L, Long::sum);
                });
        total[1] += System.nanoTime() - t0;
        chunk.clear();
    }

    private void print(String format, Map<String, Map<String, Long>> counts, long total, int top) {
        Map<String, List<Map.Entry<String, Long>>> ranked = new LinkedHashMap<>();
        counts.forEach((dim, m) -> ranked.put(dim, m.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top).toList()));
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("signIns", total);
            ranked.forEach((dim, entries) -> {
                Map<String, Long> m = new LinkedHashMap<>();
                entries.forEach(e -> m.put(e.getKey(), e.getValue()));
                doc.put(dim, m);
            });
            try {
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        out().println(total + " sign-ins");
        ranked.forEach((dim, entries) -> {
            out().println();
            TextTable t = new TextTable(dim.toUpperCase(java.util.Locale.ROOT), "SIGN-INS");
            entries.forEach(e -> t.row(e.getKey(), String.valueOf(e.getValue())));
            t.print(out());
        });
    }

    private static int parseTop(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--top must be a positive number, not " + text);
        }
    }
}
