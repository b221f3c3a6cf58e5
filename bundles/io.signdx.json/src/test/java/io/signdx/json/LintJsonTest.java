package io.signdx.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;

import org.junit.jupiter.api.Test;

/** The lint form shared by {@code signdx lint --format json} and {@code GET /api/lint}. */
class LintJsonTest {
    private static LintFinding finding(String rule, Severity severity, String policy) {
        return new LintFinding(rule, severity, List.of("p-" + rule), List.of(policy), "Problem of " + policy + ".",
                "Fix it.", List.of("req-1", "req-2"));
    }

    @Test
    void countsEverySeverityAndKeepsTheFindingsInTheirOrder() throws Exception {
        List<LintFinding> findings = List.of(finding("lockout", Severity.CRITICAL, "Block all"),
                finding("report-only-would-block", Severity.HIGH, "Countries"),
                finding("excludes-nobody", Severity.CRITICAL, "Other"));
        JsonNode n = Written.tree(g -> LintJson.write(findings, 9, 5090L, g));
        assertEquals(List.of("policies", "signIns", "counts", "findings"), Written.fields(n));
        assertEquals(9, n.path("policies").asInt());
        assertEquals(5090, n.path("signIns").asLong());
        assertEquals(List.of("critical", "high", "medium", "low"), Written.fields(n.path("counts")),
                "every severity, most severe first, in lower case");
        assertEquals(2, n.path("counts").path("critical").asInt());
        assertEquals(1, n.path("counts").path("high").asInt());
        assertEquals(0, n.path("counts").path("low").asInt(), "zero counts are written");
        JsonNode f = n.path("findings").get(0);
        assertEquals(List.of("rule", "severity", "policyIds", "policies", "problem", "fix", "examples"),
                Written.fields(f));
        assertEquals("lockout", f.path("rule").asText());
        assertEquals("critical", f.path("severity").asText());
        assertEquals(List.of("p-lockout"), Written.texts(f.path("policyIds")));
        assertEquals(List.of("Block all"), Written.texts(f.path("policies")));
        assertEquals(List.of("req-1", "req-2"), Written.texts(f.path("examples")));
        assertEquals("high", n.path("findings").get(1).path("severity").asText());
        assertEquals("excludes-nobody", n.path("findings").get(2).path("rule").asText(), "the linter's order is kept");
    }

    @Test
    void signInsIsNullWhenNoReplayWasAskedFor() throws Exception {
        JsonNode n = Written.tree(g -> LintJson.write(List.of(), 0, null, g));
        assertTrue(n.has("signIns") && n.path("signIns").isNull());
        assertEquals(0, n.path("counts").path("critical").asInt());
        assertTrue(n.path("findings").isArray() && n.path("findings").isEmpty());
        assertEquals(0, Written.tree(g -> LintJson.write(List.of(), 0, 0L, g)).path("signIns").asInt());
        assertTrue(Written.tree(g -> LintJson.write(List.of(), 0, 0L, g)).path("signIns").isNumber(),
                "0 replayed is a number, not null");
    }

    @Test
    void aFindingWithoutSeverityIsWrittenButNotCounted() throws Exception {
        JsonNode n = Written.tree(g -> LintJson.write(List.of(finding("odd", null, "P")), 1, null, g));
        assertTrue(n.path("findings").get(0).path("severity").isNull());
        n.path("counts").forEach(c -> assertEquals(0, c.asInt()));
    }

    @Test
    void hostilePolicyNamesStayOneJsonString() throws Exception {
        List<LintFinding> findings = List.of(finding("x", Severity.LOW, Written.HOSTILE));
        String text = Written.text(g -> LintJson.write(findings, 1, null, g));
        assertFalse(text.contains("\"evil\":true") || text.contains("\n"), text);
        JsonNode f = Written.tree(g -> LintJson.write(findings, 1, null, g)).path("findings").get(0);
        assertEquals(Written.HOSTILE, f.path("policies").get(0).asText());
        assertTrue(f.path("problem").asText().contains(Written.HOSTILE));
        assertFalse(Written.htmlSafe(g -> LintJson.write(findings, 1, null, g)).contains("<"));
    }
}
