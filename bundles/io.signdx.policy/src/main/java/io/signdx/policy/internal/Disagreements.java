package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.PolicyEvaluation;

/**
 * Compares the policy results a sign-in record carries with the evaluation against a snapshot. A record
 * without any policy result (exports that drop them) is not compared.
 */
final class Disagreements {
    private static final String REEXPORT = " Re-export the policies (and the users' groups and roles, and the named "
            + "locations) and compare again; a snapshot taken close to the sign-in gives the closest answer.";

    private enum Mode {
        ENFORCED, REPORT_ONLY, OFF, UNKNOWN
    }

    private Disagreements() {
    }

    static List<Disagreement> of(SignIn record, List<PolicyEvaluation> evaluations) {
        List<AppliedPolicy> recorded = record.appliedConditionalAccessPolicies();
        if (recorded.isEmpty()) {
            return List.of();
        }
        Map<String, PolicyEvaluation> byId = new HashMap<>();
        for (PolicyEvaluation e : evaluations) {
            String id = Subject.lower(e.policy().id());
            if (id != null) {
                byId.put(id, e);
            }
        }
        List<Disagreement> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AppliedPolicy a : recorded) {
            String id = Subject.lower(a.id());
            if (id == null) {
                continue;
            }
            seen.add(id);
            PolicyEvaluation e = byId.get(id);
            if (e == null) {
                if (a.result() != PolicyResult.NOT_ENABLED) {
                    out.add(new Disagreement(a.id(), name(a), a.resultValue(), "not in the snapshot",
                            "The sign-in lists this policy as " + a.resultValue() + " but the snapshot has no policy with "
                                    + "this id: it was probably deleted after the sign-in, or the snapshot is incomplete."
                                    + REEXPORT));
                }
                continue;
            }
            compare(a, e, out);
        }
        for (PolicyEvaluation e : evaluations) {
            String id = Subject.lower(e.policy().id());
            if (id == null || Names.isPlaceholder(id) || seen.contains(id) || mode(e) == Mode.OFF) {
                continue;
            }
            out.add(new Disagreement(e.policy().id(), e.policy().label(), "not in the record", evaluated(e),
                    "The snapshot has this policy " + (e.reportOnly() ? "in report-only mode" : "on")
                            + " but the sign-in does not list it: it was probably created or turned on after the sign-in."
                            + REEXPORT));
        }
        return out;
    }

    private static void compare(AppliedPolicy a, PolicyEvaluation e, List<Disagreement> out) {
        Mode was = mode(a.result());
        Mode now = mode(e);
        if (was == Mode.UNKNOWN) {
            return;
        }
        if (was != now) {
            out.add(new Disagreement(a.id(), name(a), a.resultValue(), "the snapshot has the policy " + words(now),
                    "The policy's state changed since the sign-in: the record shows it " + words(was)
                            + ", the snapshot " + words(now) + "." + REEXPORT));
            return;
        }
        if (was == Mode.OFF || e.applies() == null) {
            return; // off either way; or the snapshot cannot decide, which is no disagreement
        }
        boolean recordedApplied = switch (a.result()) {
            case SUCCESS, FAILURE, REPORT_ONLY_SUCCESS, REPORT_ONLY_FAILURE, REPORT_ONLY_INTERRUPTED -> true;
            default -> false;
        };
        if (recordedApplied == e.applies()) {
            return;
        }
        String conditions = recordedApplied ? a.conditionsSatisfied().isEmpty() ? ""
                : " The record names these conditions as satisfied: " + sorted(a.conditionsSatisfied()) + "."
                : a.conditionsNotSatisfied().isEmpty() ? ""
                        : " The record names these conditions as not satisfied: " + sorted(a.conditionsNotSatisfied()) + ".";
        String explanation = (recordedApplied
                ? "The policy applied to the sign-in, but with the snapshot it does not."
                : "The policy did not apply to the sign-in, but with the snapshot every condition is satisfied.")
                + conditions + " The policy, the user's memberships or a named location probably changed after the "
                + "sign-in." + REEXPORT;
        out.add(new Disagreement(a.id(), name(a), a.resultValue(), evaluated(e), explanation));
    }

    private static Mode mode(PolicyResult r) {
        return switch (r) {
            case SUCCESS, FAILURE, NOT_APPLIED -> Mode.ENFORCED;
            case REPORT_ONLY_SUCCESS, REPORT_ONLY_FAILURE, REPORT_ONLY_NOT_APPLIED, REPORT_ONLY_INTERRUPTED -> Mode.REPORT_ONLY;
            case NOT_ENABLED -> Mode.OFF;
            default -> Mode.UNKNOWN;
        };
    }

    private static Mode mode(PolicyEvaluation e) {
        return e.policy().enabled() ? Mode.ENFORCED : e.reportOnly() ? Mode.REPORT_ONLY : Mode.OFF;
    }

    private static String words(Mode m) {
        return switch (m) {
            case ENFORCED -> "on";
            case REPORT_ONLY -> "in report-only mode";
            case OFF -> "off";
            default -> "in an unknown state";
        };
    }

    /** The evaluation in words: "applies", "does not apply: Users (…)", "undecided: Locations (…)". */
    static String evaluated(PolicyEvaluation e) {
        String ro = e.reportOnly() ? " (report-only)" : "";
        if (Boolean.TRUE.equals(e.applies())) {
            return "applies" + ro;
        }
        if (Boolean.FALSE.equals(e.applies())) {
            return e.firstNotSatisfied().map(c -> "does not apply" + ro + ": " + c.condition().label() + " (" + c.reason() + ")")
                    .orElse("does not apply: the policy is off");
        }
        return "undecided" + ro + ": " + e.undecided().stream().map(ConditionVerdict::condition).map(c -> c.label())
                .collect(Collectors.joining(", "));
    }

    private static String name(AppliedPolicy a) {
        return a.displayName() == null || a.displayName().isBlank() ? a.id() : a.displayName();
    }

    private static String sorted(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "));
    }
}
