package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluator;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code signdx whatif --tenant DIR|FILE --user U --app A [...]}: every Conditional Access policy of a
 * snapshot against a hypothetical sign-in, with a verdict for every condition and the combined grant and
 * session controls. Options left out are unknown, and conditions that need them stay undecided.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=whatif",
        "signdx.command.summary=which Conditional Access policies apply to a hypothetical sign-in, and why"})
public final class WhatIfCommand extends Command {
    static final String POLICY_BUNDLE = "io.signdx.policy";

    private final ServiceHandle<TenantLoader> loader;
    private final ServiceHandle<TenantSnapshots> snapshots;
    private final ServiceHandle<PolicyEvaluator> evaluator;

    @Activate
    public WhatIfCommand(
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantLoader> loader,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<TenantSnapshots> snapshots,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ComponentServiceObjects<PolicyEvaluator> evaluator) {
        this(ServiceHandle.of(loader, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(snapshots, TenantSnapshots.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.of(evaluator, PolicyEvaluator.class, POLICY_BUNDLE), System.out, System.err);
    }

    WhatIfCommand(ServiceHandle<TenantLoader> loader, ServiceHandle<TenantSnapshots> snapshots,
            ServiceHandle<PolicyEvaluator> evaluator, PrintStream out, PrintStream err) {
        super(out, err);
        this.loader = loader;
        this.snapshots = snapshots;
        this.evaluator = evaluator;
    }

    @Override
    String name() {
        return "whatif";
    }

    @Override
    String usage() {
        return "usage: signdx whatif [--tenant DIR|FILE] --user U --app A [--member-of IDS|none] [--roles IDS|none]\n"
                + "         [--user-type Member|Guest] [--guest-type T] [--home-tenant ID] [--ip IP] [--country CC]\n"
                + "         [--platform P] [--client-app C] [--sign-in-risk L] [--user-risk L] [--sp-risk L]\n"
                + "         [--insider-risk L] [--auth-flow F] [--user-action URN] [--auth-context C1,C2|none]\n"
                + "         [--device PROP=VALUE,...|unregistered] [--service-principal ID] [--format text|json]\n"
                + "  --tenant: a snapshot folder or file (default: the installed snapshot)\n"
                + "  --user: an id or UPN (looked up in the snapshot); --app: an app id or an app's name\n"
                + "  --member-of / --roles: the complete group / role ids of a user the snapshot lacks (none = no group)\n"
                + "  options left out are unknown: conditions that need them are reported as undecided\n"
                + "  (docs/whatif.md lists every value)";
    }

    @Override
    int run(Args args) {
        args.check(new HashSet<>(WhatIfFacts.VALUED), Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + SnapshotOption.line(args.positional().get(0)));
        }
        String format = args.option("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + SnapshotOption.line(format));
        }
        // the service first: without its bundle there is no point in reading a snapshot
        PolicyEvaluator policies = evaluator.get();
        TenantContext tenant = SnapshotOption.load(args.options("tenant"), loader, snapshots, true, name(), err())
                .orElseThrow().tenant();
        WhatIfFacts.Result facts = WhatIfFacts.from(args, tenant);
        facts.notes().forEach(n -> err().println("signdx whatif: " + n));
        Evaluation evaluation = policies.evaluate(facts.facts(), tenant);
        if (format.equals("json")) {
            try {
                EvaluationWriter.json(evaluation, out());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the output: " + e.getMessage(), e);
            }
        } else {
            EvaluationWriter.text(evaluation, out());
        }
        return OK;
    }
}
