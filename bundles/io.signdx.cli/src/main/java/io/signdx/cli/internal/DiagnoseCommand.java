package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
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
 * {@code signdx diagnose --input FILE... [--tenant DIR|FILE] [filters] [--format text|json|markdown] [--strict]}:
 * reads export files without importing them, keeps the sign-ins that match the filters (the Define step:
 * user, app, correlation id, request id, a time with a window) and diagnoses them together, so that
 * detectors see the related sign-ins in the same files. The tenant snapshot is the one given with
 * {@code --tenant}, else the installed one, else none.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=diagnose",
        "signdx.command.summary=diagnose sign-ins of export files (--input FILE...) or of the store [--user ...]"})
public final class DiagnoseCommand extends Command {
    /** Sign-ins taken from the store for one diagnose run (the Define step should narrow it further). */
    static final int STORE_LIMIT = 1000;

    private final SignInReader reader;
    private final DiagnosisService engine;
    private final ModulesSettle settle;
    private final PrintStream err;

    private final List<SignInSource> sources;
    private final ServiceHandle<TenantLoader> loader;
    private final ServiceHandle<TenantSnapshots> snapshots;

    @Activate
    public DiagnoseCommand(@Reference SignInReader reader, @Reference DiagnosisService engine,
            @Reference io.signdx.api.engine.ModuleService modules,
            @Reference(service = SignInSource.class) List<SignInSource> sources,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantLoader> loader,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantSnapshots> snapshots) {
        this(reader, engine, timeout -> modules.awaitSettled(timeout), sources,
                ServiceHandle.of(loader, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(snapshots, TenantSnapshots.class, SnapshotOption.TENANT_BUNDLE), System.out,
                System.err);
    }

    /** Waits until deploy/ and conf/ are applied, so switches and deployed detectors count. */
    interface ModulesSettle {
        boolean await(Duration timeout) throws InterruptedException;
    }

    DiagnoseCommand(SignInReader reader, DiagnosisService engine, ModulesSettle settle, List<SignInSource> sources,
            ServiceHandle<TenantLoader> loader, ServiceHandle<TenantSnapshots> snapshots, PrintStream out,
            PrintStream err) {
        super(out, err);
        this.sources = sources;
        this.loader = loader;
        this.snapshots = snapshots;
        this.reader = reader;
        this.engine = engine;
        this.settle = settle;
        this.err = err;
    }

    @Override
    String name() {
        return "diagnose";
    }

    @Override
    String usage() {
        return "usage: signdx diagnose [--input FILE...] [--tenant DIR|FILE] [--user U] [--app A] [--correlation-id ID]\n"
                + "                       [--request-id ID] [--at TIME [--window 48h]] [--format text|json|markdown]\n"
                + "                       [--strict]\n"
                + "  FILE: a Graph, Entra portal (JSON/CSV), Log Analytics or Azure Monitor export, gzip allowed;\n"
                + "  without --input the imported sign-ins are searched (at most " + STORE_LIMIT + ")\n"
                + "  --tenant: a tenant snapshot (folder or file) for this run; default: the installed snapshot, if any";
    }

    @Override
    int run(Args args) throws InterruptedException {
        args.check(Set.of("input", "tenant", "user", "app", "correlation-id", "request-id", "at", "window", "format"),
                Set.of("strict"));
        List<String> files = new ArrayList<>(args.options("input"));
        files.addAll(args.positional());
        SignInQuery query = query(args);
        String format = args.option("format", "text");
        TenantContext tenant = SnapshotOption.load(args.options("tenant"), loader, snapshots, false, name(), err)
                .map(TenantLoader.Snapshot::tenant).orElse(TenantContext.empty());
        settle.await(Duration.ofSeconds(10));
        List<SignIn> signIns = new ArrayList<>();
        List<ReadReport> reports = new ArrayList<>();
        if (files.isEmpty()) {
            if (!isScoped(args)) {
                throw new UsageException("give export files with --input FILE..., or scope the imported sign-ins "
                        + "with --user, --app, --correlation-id, --request-id or --at");
            }
            for (SignInSource source : sources) {
                signIns.addAll(source.query(query.withPage(0, STORE_LIMIT)).items());
            }
        }
        for (String f : files) {
            Path path = Path.of(f);
            if (!Files.exists(path)) {
                throw new UsageException(f + ": no such file");
            }
            try {
                ReadReport report = reader.readFields(path, args.flag("strict"), s -> {
                    if (query.matches(s)) {
                        signIns.add(s);
                    }
                });
                reports.add(report);
                if (report.rejectedCount() > 0) {
                    err.println("signdx diagnose: " + report.file() + ": " + report.rejectedCount()
                            + " record(s) could not be read and were skipped; first: " + report.rejected().get(0));
                }
            } catch (SignInReadException e) {
                throw new UsageException(e.getMessage());
            } catch (IOException e) {
                throw new UsageException(f + ": cannot be read: " + e.getMessage());
            }
        }
        try (DiagnosisWriter writer = DiagnosisWriter.of(format, out())) {
            IOException[] failed = {null};
            // an export is diagnosed as it is: its own sign-ins are the related ones; sign-ins taken
            // from the store also see the rest of the store (a burst reaches beyond the scope)
            DiagnosisService.Related related = files.isEmpty() ? DiagnosisService.Related.BATCH_AND_SOURCES
                    : DiagnosisService.Related.BATCH;
            engine.diagnoseAll(signIns, tenant, related, d -> {
                try {
                    if (failed[0] == null) {
                        writer.write(d);
                    }
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            writer.finish(reports);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the output: " + e.getMessage(), e);
        }
        return OK;
    }

    private static boolean isScoped(Args args) {
        return Set.of("user", "app", "correlation-id", "request-id", "at").stream()
                .anyMatch(o -> args.option(o, null) != null);
    }

    static SignInQuery query(Args args) {
        SignInQuery q = SignInQuery.all();
        if (args.option("user", null) != null) {
            q = q.withUser(args.option("user", null));
        }
        if (args.option("app", null) != null) {
            q = q.withApp(args.option("app", null));
        }
        if (args.option("correlation-id", null) != null) {
            q = q.withCorrelationId(args.option("correlation-id", null));
        }
        if (args.option("request-id", null) != null) {
            q = q.withRequestId(args.option("request-id", null));
        }
        String at = args.option("at", null);
        String window = args.option("window", null);
        if (window != null && at == null) {
            throw new UsageException("--window needs --at");
        }
        if (at != null) {
            Instant when;
            try {
                when = Instant.parse(at.length() == 10 ? at + "T00:00:00Z" : at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("--at must be a UTC time such as 2026-11-20T09:30:00Z, not " + at);
            }
            q = q.around(when, window(window == null ? "48h" : window).dividedBy(2));
        }
        return q;
    }

    /** "48h", "90m", "2d" as a duration. */
    static Duration window(String text) {
        try {
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UsageException("--window must look like 48h, 90m or 2d, not " + text);
        }
    }
}
