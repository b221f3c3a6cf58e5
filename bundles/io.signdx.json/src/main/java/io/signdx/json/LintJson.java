package io.signdx.json;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;

/**
 * Policy lint findings as JSON, as {@code signdx lint --format json} writes them and {@code GET /api/lint}
 * answers them (docs/whatif.md, docs/api.md): {@code policies} (how many were checked), {@code signIns}
 * (how many sign-ins were replayed against the report-only policies, or {@code null} when none were asked
 * for), {@code counts} (per severity, every severity present, zero included) and {@code findings}
 * ({@code rule}, {@code severity}, {@code policyIds}, {@code policies}, {@code problem}, {@code fix},
 * {@code examples}) in the order given. Severities are {@code critical}, {@code high}, {@code medium} and
 * {@code low}.
 */
public final class LintJson {
    private LintJson() {
    }

    /**
     * Writes the findings as one JSON object.
     *
     * @param findings the lint's findings, most severe first as the linter gives them
     * @param policies how many policies the snapshot has
     * @param signIns how many sign-ins were replayed (0 when the lint needed none), or {@code null} when
     *        the caller asked for no replay
     * @param g where to write; left open
     * @throws IOException when the generator cannot write
     */
    public static void write(List<LintFinding> findings, int policies, Long signIns, JsonGenerator g)
            throws IOException {
        g.writeStartObject();
        g.writeNumberField("policies", policies);
        if (signIns == null) {
            g.writeNullField("signIns");
        } else {
            g.writeNumberField("signIns", signIns);
        }
        g.writeObjectFieldStart("counts");
        for (Map.Entry<Severity, Long> e : counts(findings).entrySet()) {
            g.writeNumberField(Fields.camel(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("findings");
        for (LintFinding f : findings) {
            g.writeStartObject();
            g.writeStringField("rule", f.rule());
            g.writeStringField("severity", Fields.camel(f.severity()));
            Fields.strings("policyIds", f.policyIds(), g);
            Fields.strings("policies", f.policies(), g);
            g.writeStringField("problem", f.problem());
            g.writeStringField("fix", f.fix());
            Fields.strings("examples", f.examples(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Every severity, most severe first, with how many findings have it. */
    private static Map<Severity, Long> counts(List<LintFinding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        for (LintFinding f : findings) {
            if (f.severity() != null) {
                counts.merge(f.severity(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
