package io.signdx.json;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.ReplayReport.Example;

/**
 * A replay report as JSON, as {@code signdx replay --format json} writes it (docs/whatif.md):
 * {@code signIns} (how many were replayed), {@code before} ({@code recorded} or {@code baseline}) and
 * {@code changes}: every kind of change in a fixed order, zero counts included, each with {@code change},
 * {@code count}, {@code policies} ({@code policy}, {@code signIns}; most sign-ins first) and
 * {@code examples} ({@code requestId}, {@code user}, {@code app}, {@code before}, {@code after},
 * {@code policies}). {@code change} is {@code newlyBlocked}, {@code newlyRequiresMfa},
 * {@code newlyRequiresOther}, {@code noLongerBlocked}, {@code noLongerProtected}, {@code unchanged} or
 * {@code undecided}.
 */
public final class ReplayJson {
    private ReplayJson() {
    }

    /**
     * Writes the report as one JSON object.
     *
     * @param r the report, not null
     * @param baseline true when the outcome before came from a baseline snapshot, false when from what each
     *        sign-in record says
     * @param g where to write; left open
     * @throws IOException when the generator cannot write
     */
    public static void write(ReplayReport r, boolean baseline, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("signIns", r.signIns());
        g.writeStringField("before", baseline ? "baseline" : "recorded");
        g.writeArrayFieldStart("changes");
        for (Change c : Change.values()) {
            g.writeStartObject();
            g.writeStringField("change", Fields.camel(c));
            g.writeNumberField("count", r.counts().getOrDefault(c, 0L));
            g.writeArrayFieldStart("policies");
            for (Map.Entry<String, Long> e : ranked(r.policiesInvolved().getOrDefault(c, Map.of()))) {
                g.writeStartObject();
                g.writeStringField("policy", e.getKey());
                g.writeNumberField("signIns", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("examples");
            for (Example e : r.examples().getOrDefault(c, List.of())) {
                g.writeStartObject();
                g.writeStringField("requestId", e.requestId());
                g.writeStringField("user", e.user());
                g.writeStringField("app", e.app());
                g.writeStringField("before", e.before());
                g.writeStringField("after", e.after());
                Fields.strings("policies", e.policies(), g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Most sign-ins first, then by name, so that equal counts always come in the same order. */
    private static List<Map.Entry<String, Long>> ranked(Map<String, Long> policies) {
        return policies.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
