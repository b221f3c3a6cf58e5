package io.signdx.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.json.EvaluationJson;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

/**
 * Writes a What If evaluation: JSON as documented in docs/whatif.md (the form shared with the REST API;
 * every value from the snapshot written as JSON data), or text for the terminal (control characters
 * removed).
 */
final class EvaluationWriter {
    private EvaluationWriter() {
    }

    // ------------------------------------------------------------------ JSON

    /** The JSON form the REST API answers too ({@link EvaluationJson}), pretty-printed, one line break after. */
    static void json(Evaluation e, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            EvaluationJson.write(e, g);
        }
        out.write('\n');
        out.flush();
    }

    /** A pretty-printing UTF-8 generator that leaves the stream open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).useDefaultPrettyPrinter();
    }

    // ------------------------------------------------------------------ text

    static void text(Evaluation e, PrintStream out) {
        List<PolicyEvaluation> policies = e.policies();
        out.println("What If: " + clean(describe(e.facts())));
        out.println();
        if (policies.isEmpty()) {
            out.println("The snapshot has no Conditional Access policies.");
        }
        for (PolicyEvaluation pe : policies) {
            String name = clean(pe.policy().label()) + "  [" + clean(String.valueOf(pe.policy().state())) + "]";
            if (Boolean.FALSE.equals(pe.applies())) {
                out.println("- " + name + ": does not apply" + notApplying(pe));
                continue;
            }
            out.println("* " + name + ": " + (pe.applies() == null ? "UNDECIDED (information is missing)"
                    : pe.reportOnly() ? "APPLIES (report-only: not enforced)" : "APPLIES"));
            TextTable t = new TextTable("  CONDITION", "CONFIGURED", "SIGN-IN", "VERDICT", "WHY");
            for (ConditionVerdict c : pe.conditions()) {
                if (c.verdict() != Verdict.NOT_CONFIGURED) {
                    t.row("  " + c.condition().label(), c.configured(), c.signInValue(), verdict(c.verdict()),
                            c.reason());
                }
            }
            t.print(out);
            out.println("  grant: " + (pe.grant().isEmpty() ? "none" : clean(pe.grant()))
                    + (pe.session().isEmpty() ? "" : "; session: " + clean(String.join(", ", pe.session()))));
            out.println();
        }
        out.println();
        out.println("Grant (enabled policies): " + clean(grantText(e.grant())));
        e.grant().requirements().forEach(r -> out.println("  - " + clean(r.policy()) + ": " + clean(r.text())));
        if (e.reportOnlyGrant().outcome() != Grant.Outcome.GRANT) {
            out.println("Report-only policies would add: " + clean(grantText(e.reportOnlyGrant())));
            e.reportOnlyGrant().requirements().forEach(r -> out.println("  - " + clean(r.policy()) + ": "
                    + clean(r.text())));
        }
        out.println("Session controls: " + (e.sessionControls().isEmpty() ? "none"
                : clean(String.join("; ", e.sessionControls()))));
        if (!e.missing().isEmpty()) {
            out.println("Missing for a firmer answer:");
            e.missing().forEach(m -> out.println("  - " + clean(m)));
        }
    }

    /** The first condition that excluded the sign-in, in one line. */
    private static String notApplying(PolicyEvaluation pe) {
        if ("disabled".equalsIgnoreCase(pe.policy().state())) {
            return " (the policy is disabled)";
        }
        return pe.firstNotSatisfied().map(c -> " (" + c.condition().label() + ": " + clean(c.reason()) + ")")
                .orElse("");
    }

    static String grantText(Grant g) {
        return switch (g.outcome()) {
            case BLOCK -> "BLOCK by " + String.join(", ", g.blockingPolicies());
            case GRANT_WITH_REQUIREMENTS -> "GRANT once every requirement below is met"
                    + (g.authenticationStrengths().isEmpty() ? ""
                            : "; authentication strength: " + String.join(", ", g.authenticationStrengths()))
                    + (g.termsOfUse().isEmpty() ? "" : "; terms of use: " + String.join(", ", g.termsOfUse()));
            case GRANT -> "GRANT (no applying policy requires anything)";
            case UNKNOWN -> "UNKNOWN: these policies lack information to decide: "
                    + String.join(", ", g.undecidedPolicies());
        };
    }

    private static String verdict(Verdict v) {
        return v == null ? "-" : switch (v) {
            case SATISFIED -> "satisfied";
            case NOT_SATISFIED -> "not satisfied";
            case NOT_ENOUGH_INFORMATION -> "not enough information";
            case NOT_CONFIGURED -> "not configured";
        };
    }

    private static String describe(SignInFacts f) {
        StringBuilder s = new StringBuilder();
        s.append(f.userPrincipalName() != null ? f.userPrincipalName() : f.userId() != null ? f.userId()
                : "service principal " + f.servicePrincipalId());
        s.append(" → ").append(f.appId() != null ? "app " + f.appId() : "user action " + f.userAction());
        if (f.ipAddress() != null) {
            s.append(", IP ").append(f.ipAddress());
        }
        if (f.country() != null) {
            s.append(", country ").append(f.country());
        }
        if (f.platform() != null) {
            s.append(", ").append(f.platform());
        }
        if (f.clientAppType() != null) {
            s.append(", ").append(f.clientAppType());
        }
        return s.toString();
    }

    static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
    }
}
