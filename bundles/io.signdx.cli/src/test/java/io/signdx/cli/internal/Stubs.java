package io.signdx.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

/** Stand-ins for the services the commands use, and a way to capture what the commands print. */
final class Stubs {
    private Stubs() {
    }

    /** stdout and stderr of one command. */
    static final class Console {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Loads the snapshot it was given for any existing path; a path whose name contains "broken" fails. */
    static final class Loader implements TenantLoader {
        final List<List<Path>> calls = new ArrayList<>();
        private final TenantContext tenant;
        private final List<String> warnings;
        private final List<TenantPart> missing;

        Loader(TenantContext tenant, List<String> warnings, List<TenantPart> missing) {
            this.tenant = tenant;
            this.warnings = warnings;
            this.missing = missing;
        }

        Loader(TenantContext tenant) {
            this(tenant, List.of(), List.of());
        }

        @Override
        public Snapshot load(List<Path> paths) throws TenantLoadException {
            calls.add(paths);
            if (paths.stream().anyMatch(p -> p.getFileName().toString().contains("broken"))) {
                throw new TenantLoadException(paths.get(0) + ": not a tenant snapshot (no policies, users or "
                        + "named locations recognised)");
            }
            return new Snapshot(tenant, List.of(paths.get(0) + ": a snapshot"), warnings, missing);
        }
    }

    static final class Snapshots implements TenantSnapshots {
        private final TenantLoader.Snapshot current;

        Snapshots(TenantContext tenant) {
            this.current = tenant == null ? null : new TenantLoader.Snapshot(tenant, List.of(), List.of(), List.of());
        }

        @Override
        public Optional<TenantLoader.Snapshot> current() {
            return Optional.ofNullable(current);
        }

        @Override
        public TenantLoader.Snapshot install(List<Path> paths) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * An evaluator whose applicability is given by the test, per policy and facts. Each condition gets a
     * verdict: users satisfied (with the user's name as the sign-in value), and for an undecided policy
     * the locations condition lacks information; for one that does not apply, the client apps condition
     * excludes the sign-in.
     */
    static final class Evaluator implements PolicyEvaluator {
        interface Rule {
            Boolean applies(ConditionalAccessPolicy p, SignInFacts f);
        }

        private final Rule rule;
        SignInFacts lastFacts;

        Evaluator(Rule rule) {
            this.rule = rule;
        }

        @Override
        public Evaluation evaluate(SignInFacts facts, TenantContext tenant) {
            lastFacts = facts;
            List<PolicyEvaluation> out = new ArrayList<>();
            for (ConditionalAccessPolicy p : tenant.policies()) {
                Boolean applies = "disabled".equals(p.state()) ? Boolean.FALSE : rule.applies(p, facts);
                List<ConditionVerdict> conditions = new ArrayList<>();
                for (Condition c : Condition.values()) {
                    conditions.add(switch (c) {
                        case USERS -> new ConditionVerdict(c, "include: All users", String.valueOf(
                                facts.userPrincipalName()), Verdict.SATISFIED, "included: all users");
                        case LOCATIONS -> Boolean.TRUE.equals(applies) || Boolean.FALSE.equals(applies)
                                ? new ConditionVerdict(c, "", "", Verdict.NOT_CONFIGURED, "")
                                : new ConditionVerdict(c, "include: any location; exclude: HQ", "unknown",
                                        Verdict.NOT_ENOUGH_INFORMATION, "the IP address is unknown");
                        case CLIENT_APP_TYPES -> Boolean.FALSE.equals(applies)
                                ? new ConditionVerdict(c, "exchangeActiveSync, other", "browser", Verdict.NOT_SATISFIED,
                                        "the client app browser is not one of exchangeActiveSync, other")
                                : new ConditionVerdict(c, "", "", Verdict.NOT_CONFIGURED, "");
                        default -> new ConditionVerdict(c, "", "", Verdict.NOT_CONFIGURED, "");
                    });
                }
                String grant = p.blocks() ? "Block" : p.grantControls() == null ? ""
                        : "Require " + String.join(", ", p.grantControls().builtInControls());
                out.add(new PolicyEvaluation(p, applies, conditions, grant, List.of()));
            }
            List<String> missing = out.stream().anyMatch(pe -> pe.applies() == null)
                    ? List.of("the IP address (named locations cannot be decided)") : List.of();
            return new Evaluation(facts, out, grant(out, false), grant(out, true),
                    out.stream().anyMatch(pe -> Boolean.TRUE.equals(pe.applies()) && !pe.reportOnly()
                            && pe.policy().sessionControls() != null) ? List.of("sign-in frequency every 8 hours")
                            : List.of(), List.of(), missing);
        }

        private static Grant grant(List<PolicyEvaluation> evaluations, boolean reportOnly) {
            List<String> blocking = new ArrayList<>();
            List<Grant.Requirement> requirements = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            for (PolicyEvaluation pe : evaluations) {
                ConditionalAccessPolicy p = pe.policy();
                if (p.reportOnly() != reportOnly || "disabled".equals(p.state()) || p.grantControls() == null) {
                    continue;
                }
                if (pe.applies() == null) {
                    undecided.add(p.label());
                } else if (pe.applies() && p.blocks()) {
                    blocking.add(p.label());
                } else if (pe.applies()) {
                    requirements.add(new Grant.Requirement(p.label(), "OR", p.grantControls().builtInControls(),
                            pe.grant()));
                }
            }
            Grant.Outcome o = !blocking.isEmpty() ? Grant.Outcome.BLOCK : !undecided.isEmpty() ? Grant.Outcome.UNKNOWN
                    : !requirements.isEmpty() ? Grant.Outcome.GRANT_WITH_REQUIREMENTS : Grant.Outcome.GRANT;
            return new Grant(o, blocking, requirements, List.of(), List.of(), undecided);
        }
    }

    /**
     * Reads "test exports": one sign-in per line, {@code requestId,upn,ip,caStatus}; a line "bad" is a
     * rejected record; a file whose first line is "garbage" cannot be read at all.
     */
    static final class Reader implements SignInReader {
        @Override
        public ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException, IOException {
            List<String> lines = Files.readAllLines(file);
            if (!lines.isEmpty() && lines.get(0).equals("garbage")) {
                throw new SignInReadException(file + ": not a sign-in export (tried Graph JSON, portal CSV)");
            }
            List<io.signdx.api.ingest.Rejection> rejected = new ArrayList<>();
            long n = 0;
            for (String line : lines) {
                n++;
                if (line.equals("bad")) {
                    rejected.add(new io.signdx.api.ingest.Rejection(file.toString(), n, n, "not a sign-in"));
                    continue;
                }
                String[] f = line.split(",");
                sink.accept(SignIn.builder().id(f[0]).userPrincipalName(f[1]).userId("id-" + f[1])
                        .appId("00000002-0000-0ff1-ce00-000000000000").appDisplayName("Office 365 Exchange Online")
                        .ipAddress(f.length > 2 ? f[2] : null)
                        .conditionalAccessStatusValue(f.length > 3 ? f[3] : "notApplied").build());
            }
            return new ReadReport(file.toString(), "test", n, rejected, rejected.size());
        }
    }

    static <T> ServiceHandle<T> handle(T service, Class<T> type) {
        return ServiceHandle.direct(service, type, "a test bundle");
    }
}
