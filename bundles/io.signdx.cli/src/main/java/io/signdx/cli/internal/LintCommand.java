package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.api.ingest.SignInReader;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.json.LintJson;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;
import io.signdx.policy.PolicyLinter;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code signdx lint [--tenant DIR|FILE] [--with-signins | --input FILE...] [--format text|json]
 * [--fail-on critical|high|medium|low]}: the Conditional Access policies of a snapshot checked for the
 * consequences administrators trip over. Findings are the answer, not an error: the exit code is 0 unless
 * {@code --fail-on} names a severity that was found (then 3, for CI gates).
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=lint",
        "signdx.command.summary=check Conditional Access policies for lock-outs, gaps and service dependencies"})
public final class LintCommand extends Command {
    static final String ANALYSIS_BUNDLE = "io.signdx.policy.analysis";
    static final String READER_BUNDLE = "io.signdx.source.file";
    static final String STORE_BUNDLE = "io.signdx.store";

    private final ServiceHandle<TenantLoader> loader;
    private final ServiceHandle<TenantSnapshots> snapshots;
    private final ServiceHandle<PolicyLinter> linter;
    private final ServiceHandle<SignInReader> reader;
    private final SourceList sources;

    /** The sign-in sources, got only when used. */
    interface SourceList {
        List<SignInSource> get();
    }

    @Activate
    public LintCommand(
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantLoader> loader,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantSnapshots> snapshots,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<PolicyLinter> linter,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<SignInReader> reader,
            @Reference(service = SignInSource.class, cardinality = ReferenceCardinality.MULTIPLE,
                    policyOption = ReferencePolicyOption.GREEDY)
            List<ComponentServiceObjects<SignInSource>> sources) {
        this(ServiceHandle.of(loader, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(snapshots, TenantSnapshots.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(linter, PolicyLinter.class, ANALYSIS_BUNDLE),
                ServiceHandle.of(reader, SignInReader.class, READER_BUNDLE), sourcesOf(sources), System.out, System.err);
    }

    LintCommand(ServiceHandle<TenantLoader> loader, ServiceHandle<TenantSnapshots> snapshots,
            ServiceHandle<PolicyLinter> linter, ServiceHandle<SignInReader> reader, SourceList sources, PrintStream out,
            PrintStream err) {
        super(out, err);
        this.loader = loader;
        this.snapshots = snapshots;
        this.linter = linter;
        this.reader = reader;
        this.sources = sources;
    }

    /** Gets the sources' services only when the store is read. */
    static SourceList sourcesOf(List<ComponentServiceObjects<SignInSource>> objects) {
        return () -> {
            List<SignInSource> out = new ArrayList<>();
            for (ComponentServiceObjects<SignInSource> o : objects) {
                SignInSource s = o.getService();
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        };
    }

    @Override
    String name() {
        return "lint";
    }

    @Override
    String usage() {
        return "usage: signdx lint [--tenant DIR|FILE] [--with-signins | --input FILE...] [--format text|json]\n"
                + "                   [--fail-on critical|high|medium|low]\n"
                + "  --tenant: a snapshot folder or file (default: the installed snapshot)\n"
                + "  --with-signins: replay the imported sign-ins against report-only policies that block;\n"
                + "  --input FILE...: the sign-ins of export files instead\n"
                + "  exit code 0 whatever is found; with --fail-on, 3 when a finding is that severe or worse";
    }

    @Override
    int run(Args args) {
        args.check(Set.of("tenant", "input", "format", "fail-on"), Set.of("with-signins"));
        String format = args.option("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + SnapshotOption.line(format));
        }
        Severity failOn = failOn(args.option("fail-on", null));
        List<String> files = new ArrayList<>(args.options("input"));
        files.addAll(args.positional());
        if (!files.isEmpty() && args.flag("with-signins")) {
            throw new UsageException("give --with-signins (the imported sign-ins) or --input FILE..., not both");
        }
        if (args.options("input").isEmpty() && !args.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + SnapshotOption.line(args.positional().get(0))
                    + " (sign-in files go after --input)");
        }
        // the service first: without its bundle there is no point in reading a snapshot
        PolicyLinter lint = linter.get();
        TenantContext tenant = SnapshotOption.load(args.options("tenant"), loader, snapshots, true, name(), err())
                .orElseThrow().tenant();
        List<LintFinding> findings;
        Long read = null;
        if (!files.isEmpty() || args.flag("with-signins")) {
            try (SignInStream signIns = files.isEmpty() ? SignInStream.sources(storeSources())
                    : SignInStream.files(reader.get(), files, name(), err())) {
                findings = lint.lint(tenant, signIns);
                read = signIns.count();
            }
        } else {
            findings = lint.lint(tenant);
        }
        if (format.equals("json")) {
            json(findings, tenant.policies().size(), read);
        } else {
            text(findings, tenant.policies().size(), read);
        }
        if (failOn != null && findings.stream().anyMatch(f -> f.severity().compareTo(failOn) <= 0)) {
            err().println("signdx lint: failing: at least one finding is " + failOn.name().toLowerCase(Locale.ROOT)
                    + " or worse");
            return CHECK_FAILED;
        }
        return OK;
    }

    private List<SignInSource> storeSources() {
        List<SignInSource> s = sources.get();
        if (s.isEmpty()) {
            throw new MissingServiceException("no sign-in source is registered: the bundle " + STORE_BUNDLE
                    + " is not installed or did not start; give --input FILE... instead");
        }
        return s;
    }

    static Severity failOn(String value) {
        if (value == null) {
            return null;
        }
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new UsageException("--fail-on must be critical, high, medium or low, not " + SnapshotOption.line(value));
    }

    static Map<Severity, Long> counts(List<LintFinding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }

    private void text(List<LintFinding> findings, int policies, Long read) {
        PrintStream out = out();
        Map<Severity, Long> counts = counts(findings);
        out.println("Lint of " + policies + (policies == 1 ? " policy" : " policies")
                + (read == null ? "" : read == 0 ? " (no sign-in replayed: none given, or no report-only policy blocks)"
                        : " with " + read + " sign-ins replayed") + ": "
                + String.join(", ", counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).toList()));
        for (LintFinding f : findings) {
            out.println();
            out.println("[" + f.severity() + "] " + f.rule() + ": " + EvaluationWriter.clean(String.join(", ",
                    f.policies())));
            out.println("  " + EvaluationWriter.clean(f.problem()));
            out.println("  fix: " + EvaluationWriter.clean(f.fix()));
            if (!f.examples().isEmpty()) {
                out.println("  examples (request ids): " + EvaluationWriter.clean(String.join(", ", f.examples())));
            }
        }
    }

    private void json(List<LintFinding> findings, int policies, Long read) {
        try (JsonGenerator g = EvaluationWriter.generator(out())) {
            LintJson.write(findings, policies, read, g);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the output: " + e.getMessage(), e);
        }
        out().println();
    }
}
