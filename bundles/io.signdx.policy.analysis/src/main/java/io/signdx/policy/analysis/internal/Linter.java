package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.PolicyLinter;
import io.signdx.policy.SignInFacts;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lints a tenant's Conditional Access policies: the structural rules ({@link StructureRules}), the
 * documented service dependencies ({@link DependencyRules}), device filter rules the evaluator cannot
 * read, and report-only block policies replayed against stored sign-ins. Disabled policies are skipped,
 * except that one which would lock everybody out once switched on is mentioned. Findings come most
 * severe first. Stateless, so thread-safe.
 */
@Component(service = PolicyLinter.class)
public final class Linter implements PolicyLinter {
    /** Request ids kept per report-only policy as examples. */
    static final int EXAMPLES = 5;

    private final PolicyEvaluator evaluator;

    @Activate
    public Linter(@Reference PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<LintFinding> lint(TenantContext tenant, Iterable<SignIn> signIns) {
        List<LintFinding> out = new ArrayList<>();
        Directory directory = new Directory(tenant);
        StructureRules structure = new StructureRules(directory);
        List<ConditionalAccessPolicy> active = new ArrayList<>();
        for (ConditionalAccessPolicy p : tenant.policies()) {
            if (PolicyShape.disabled(p)) {
                structure.disabled(p).ifPresent(out::add);
            } else {
                active.add(p);
                out.addAll(structure.check(p));
            }
        }
        structure.exclusionCheck().ifPresent(out::add);
        out.addAll(new DependencyRules(tenant).check(active));
        out.addAll(deviceFilters(tenant, active));
        if (signIns != null) {
            out.addAll(reportOnlyBlocks(tenant, signIns));
        }
        out.sort(Comparator.comparing(LintFinding::severity).thenComparing(LintFinding::rule)
                .thenComparing(f -> f.policies().isEmpty() ? "" : String.valueOf(f.policies().get(0))));
        return List.copyOf(out);
    }

    /**
     * A device filter the evaluator cannot read leaves the condition undecided with the parser's error as
     * the reason. An unregistered device (every property null) decides any readable rule, so one
     * evaluation of such a hypothetical sign-in shows every unreadable rule at once.
     */
    private List<LintFinding> deviceFilters(TenantContext tenant, List<ConditionalAccessPolicy> active) {
        List<ConditionalAccessPolicy> filtered = active.stream().filter(p -> p.conditions().devices() != null).toList();
        if (filtered.isEmpty()) {
            return List.of();
        }
        List<LintFinding> out = new ArrayList<>();
        Map<ConditionalAccessPolicy, String> errors = new LinkedHashMap<>();
        for (ConditionalAccessPolicy p : filtered) {
            String rule = p.conditions().devices().rule();
            if (rule == null || rule.isBlank()) {
                errors.put(p, "the rule is empty");
            }
        }
        try {
            List<PolicyEvaluation> evaluated = evaluator.evaluate(SignInFacts.builder().deviceProperties(Map.of()).build(), tenant).policies();
            for (PolicyEvaluation pe : evaluated) {
                if (!filtered.contains(pe.policy()) || errors.containsKey(pe.policy())) {
                    continue;
                }
                pe.conditions().stream()
                        .filter(c -> c.condition() == io.signdx.policy.Condition.DEVICE_FILTER
                                && c.verdict() == io.signdx.policy.Verdict.NOT_ENOUGH_INFORMATION)
                        .findFirst().ifPresent(c -> errors.put(pe.policy(), c.reason()));
            }
        } catch (RuntimeException e) {
            out.add(new LintFinding("device-filter-unchecked", Severity.LOW, ids(filtered), names(filtered),
                    "The device filter rules of these policies could not be checked: the evaluator failed ("
                            + e.getMessage() + ").",
                    "Check the rules in the Entra admin center (Conditional Access > the policy > Conditions > "
                            + "Filter for devices), or report the failure with the snapshot.", List.of()));
        }
        errors.forEach((p, error) -> out.add(new LintFinding("device-filter-invalid", Severity.HIGH,
                List.of(String.valueOf(p.id())), List.of(String.valueOf(p.label())),
                "The device filter of " + PolicyShape.quote(p.label()) + " cannot be read: " + error
                        + ". Entra would not accept this rule, so the snapshot does not show the policy as it is "
                        + "enforced, and no sign-in can be evaluated against it.",
                "Fix the rule text (" + PolicyShape.quote(p.conditions().devices().rule()) + ") in the dynamic-group "
                        + "rule syntax, e.g. device.trustType -eq \"ServerAD\" -or device.isCompliant -eq True, "
                        + "or export the policy again.", List.of())));
        return out;
    }

    /**
     * Report-only policies that block, replayed against the sign-ins with the evaluator. The sign-ins are
     * read once, one at a time; only counts and a few request ids are kept.
     */
    private List<LintFinding> reportOnlyBlocks(TenantContext tenant, Iterable<SignIn> signIns) {
        List<ConditionalAccessPolicy> all = tenant.policies();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ConditionalAccessPolicy p = all.get(i);
            if (p.reportOnly() && p.blocks()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // per candidate: sign-ins it would block, sign-ins it could not decide
        long[][] counts = new long[all.size()][2];
        Map<Integer, List<String>> examples = new LinkedHashMap<>();
        candidates.forEach(i -> examples.put(i, new ArrayList<>()));
        long total = 0;
        long failed = 0;
        for (SignIn s : signIns) {
            total++;
            List<PolicyEvaluation> evaluated;
            try {
                evaluated = evaluator.evaluate(s, tenant).policies();
            } catch (RuntimeException e) {
                failed++;
                continue;
            }
            for (int i : candidates) {
                // the evaluation lists the snapshot's policies in the snapshot's order
                if (i >= evaluated.size()) {
                    continue;
                }
                Boolean applies = evaluated.get(i).applies();
                if (Boolean.TRUE.equals(applies)) {
                    counts[i][0]++;
                    List<String> ex = examples.get(i);
                    if (ex.size() < EXAMPLES && s.id() != null) {
                        ex.add(s.id());
                    }
                } else if (applies == null) {
                    counts[i][1]++;
                }
            }
        }
        List<LintFinding> out = new ArrayList<>();
        for (int i : candidates) {
            ConditionalAccessPolicy p = all.get(i);
            long blocked = counts[i][0];
            long undecided = counts[i][1];
            String failures = failed > 0 ? " " + failed + " sign-in(s) could not be evaluated." : "";
            if (blocked > 0) {
                out.add(new LintFinding("report-only-would-block", Severity.HIGH, List.of(String.valueOf(p.id())),
                        List.of(String.valueOf(p.label())),
                        "The report-only policy " + PolicyShape.quote(p.label()) + " blocks access: " + blocked
                                + " of the " + total + " sign-ins replayed would have been blocked had it been enabled."
                                + (undecided > 0 ? " For " + undecided + " more, the snapshot or the records lack the "
                                        + "information to decide." : "") + failures,
                        "Before enabling it, look at the example sign-ins: narrow the policy (exclude the users, apps "
                                + "or locations that must keep working) or accept the impact knowingly. The sign-in "
                                + "logs carry the report-only result as reportOnlyFailure.",
                        examples.get(i)));
            } else if (undecided > 0) {
                out.add(new LintFinding("report-only-undecided", Severity.LOW, List.of(String.valueOf(p.id())),
                        List.of(String.valueOf(p.label())),
                        "The report-only policy " + PolicyShape.quote(p.label()) + " blocks access; none of the "
                                + total + " sign-ins replayed is blocked by it for sure, but " + undecided
                                + " could not be decided." + failures,
                        "Add the missing parts to the snapshot (users with their groups, named locations) and lint "
                                + "again, or check the report-only results in the sign-in logs.", List.of()));
            }
        }
        return out;
    }

    static List<String> ids(List<ConditionalAccessPolicy> policies) {
        return policies.stream().map(p -> String.valueOf(p.id())).toList();
    }

    static List<String> names(List<ConditionalAccessPolicy> policies) {
        return policies.stream().map(p -> String.valueOf(p.label())).toList();
    }
}
