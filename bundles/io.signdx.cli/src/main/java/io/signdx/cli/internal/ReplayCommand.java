package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.signdx.json.ReplayJson;
import io.signdx.policy.PolicyReplay;
import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.ReplayReport.Example;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code signdx replay --tenant NEW [--baseline OLD] [--input FILE...] [--examples N] [--format text|json]}:
 * past sign-ins replayed against a changed policy set, to see before enabling it who would be blocked, who
 * would need MFA, who would lose protection. Without {@code --input}, the imported sign-ins.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=replay",
        "signdx.command.summary=replay past sign-ins against a changed policy set: who gets blocked, who needs MFA"})
public final class ReplayCommand extends Command {
    static final int DEFAULT_EXAMPLES = 5;
    private static final int MAX_EXAMPLES = 1000;

    private final ServiceHandle<TenantLoader> loader;
    private final ServiceHandle<PolicyReplay> replay;
    private final ServiceHandle<SignInReader> reader;
    private final LintCommand.SourceList sources;

    @Activate
    public ReplayCommand(
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantLoader> loader,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<PolicyReplay> replay,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<SignInReader> reader,
            @Reference(service = SignInSource.class, cardinality = ReferenceCardinality.MULTIPLE,
                    policyOption = ReferencePolicyOption.GREEDY)
            List<ComponentServiceObjects<SignInSource>> sources) {
        this(ServiceHandle.of(loader, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(replay, PolicyReplay.class, LintCommand.ANALYSIS_BUNDLE),
                ServiceHandle.of(reader, SignInReader.class, LintCommand.READER_BUNDLE),
                LintCommand.sourcesOf(sources), System.out, System.err);
    }

    ReplayCommand(ServiceHandle<TenantLoader> loader, ServiceHandle<PolicyReplay> replay,
            ServiceHandle<SignInReader> reader, LintCommand.SourceList sources, PrintStream out, PrintStream err) {
        super(out, err);
        this.loader = loader;
        this.replay = replay;
        this.reader = reader;
        this.sources = sources;
    }

    @Override
    String name() {
        return "replay";
    }

    @Override
    String usage() {
        return "usage: signdx replay --tenant NEW_SNAPSHOT [--baseline OLD_SNAPSHOT] [--input FILE...] [--examples N]\n"
                + "                     [--format text|json]\n"
                + "  --tenant: the changed policy set (a snapshot folder or file)\n"
                + "  --baseline: the policy set the sign-ins met; without it, what each sign-in record says\n"
                + "  --input FILE...: export files; without it, every imported sign-in\n"
                + "  --examples N: example sign-ins per kind of change (default " + DEFAULT_EXAMPLES + ")";
    }

    @Override
    int run(Args args) {
        args.check(Set.of("tenant", "baseline", "input", "examples", "format"), Set.of());
        String format = args.option("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + SnapshotOption.line(format));
        }
        int examples = examples(args.option("examples", String.valueOf(DEFAULT_EXAMPLES)));
        if (args.options("tenant").isEmpty()) {
            throw new UsageException("--tenant NEW_SNAPSHOT is required: the changed policy set to replay against");
        }
        List<String> files = new ArrayList<>(args.options("input"));
        files.addAll(args.positional());
        if (args.options("input").isEmpty() && !args.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + SnapshotOption.line(args.positional().get(0))
                    + " (sign-in files go after --input)");
        }
        // the service first: without its bundle there is no point in reading snapshots
        PolicyReplay r = replay.get();
        ServiceHandle<TenantSnapshots> none = ServiceHandle.direct(null, TenantSnapshots.class,
                SnapshotOption.TENANT_BUNDLE);
        TenantContext after = SnapshotOption.load(args.options("tenant"), loader, none, true, name(), err())
                .orElseThrow().tenant();
        TenantContext before = args.options("baseline").isEmpty() ? null
                : SnapshotOption.load(args.options("baseline"), loader, none, true, name(), err()).orElseThrow().tenant();
        ReplayReport report;
        try (SignInStream signIns = files.isEmpty() ? SignInStream.sources(storeSources())
                : SignInStream.files(reader.get(), files, name(), err())) {
            report = r.replay(before, after, signIns, examples);
        }
        if (format.equals("json")) {
            json(report, before == null);
        } else {
            text(report, before == null);
        }
        return OK;
    }

    private List<SignInSource> storeSources() {
        List<SignInSource> s = sources.get();
        if (s.isEmpty()) {
            throw new MissingServiceException("no sign-in source is registered: the bundle " + LintCommand.STORE_BUNDLE
                    + " is not installed or did not start; give --input FILE... instead");
        }
        return s;
    }

    private static int examples(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > MAX_EXAMPLES) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--examples must be a number from 0 to " + MAX_EXAMPLES + ", not "
                    + SnapshotOption.line(value));
        }
    }

    /** "newly blocked" for NEWLY_BLOCKED. */
    static String words(Change c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The policies of one change, most sign-ins first. */
    static List<Map.Entry<String, Long>> ranked(ReplayReport r, Change c) {
        return r.policiesInvolved().getOrDefault(c, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private void text(ReplayReport r, boolean recorded) {
        PrintStream out = out();
        out.println("Replay of " + r.signIns() + " sign-ins; before: " + (recorded ? "as each record says"
                : "the baseline snapshot") + "; after: the new snapshot");
        out.println();
        TextTable t = new TextTable("CHANGE", "SIGN-INS", "POLICIES");
        for (Change c : Change.values()) {
            t.row(words(c), String.valueOf(r.counts().getOrDefault(c, 0L)), String.join(", ", ranked(r, c).stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        }
        t.print(out);
        for (Change c : Change.values()) {
            List<Example> ex = r.examples().getOrDefault(c, List.of());
            if (ex.isEmpty() || c == Change.UNCHANGED) {
                continue;
            }
            out.println();
            out.println("Examples, " + words(c) + ":");
            for (Example e : ex) {
                out.println("  " + EvaluationWriter.clean(e.requestId()) + "  " + EvaluationWriter.clean(e.user())
                        + " → " + EvaluationWriter.clean(e.app()));
                out.println("    before: " + EvaluationWriter.clean(e.before()));
                out.println("    after:  " + EvaluationWriter.clean(e.after()));
            }
        }
    }

    private void json(ReplayReport r, boolean recorded) {
        try (JsonGenerator g = EvaluationWriter.generator(out())) {
            ReplayJson.write(r, !recorded, g);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the output: " + e.getMessage(), e);
        }
        out().println();
    }
}
