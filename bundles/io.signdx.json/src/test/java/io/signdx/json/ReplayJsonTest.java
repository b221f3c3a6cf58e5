package io.signdx.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.ReplayReport.Example;

import org.junit.jupiter.api.Test;

/** The replay form of {@code signdx replay --format json}. */
class ReplayJsonTest {
    private static ReplayReport report(String user) {
        return new ReplayReport(5, Map.of(Change.NEWLY_BLOCKED, 2L, Change.UNCHANGED, 3L),
                Map.of(Change.NEWLY_BLOCKED, List.of(new Example("r1", user, "Exchange", "no control required",
                        "blocked by Block", List.of("Block")))),
                Map.of(Change.NEWLY_BLOCKED, Map.of("Zeta", 1L, "Block", 2L, "Alpha", 1L)));
    }

    @Test
    void everyChangeInOrderWithZeroCountsAndRankedPolicies() throws Exception {
        JsonNode n = Written.tree(g -> ReplayJson.write(report("ann@contoso.example"), true, g));
        assertEquals(List.of("signIns", "before", "changes"), Written.fields(n));
        assertEquals(5, n.path("signIns").asInt());
        assertEquals("baseline", n.path("before").asText());
        List<String> changes = new ArrayList<>();
        n.path("changes").forEach(c -> changes.add(c.path("change").asText()));
        assertEquals(List.of("newlyBlocked", "newlyRequiresMfa", "newlyRequiresOther", "noLongerBlocked",
                "noLongerProtected", "unchanged", "undecided"), changes, "every change, lower camel case, fixed order");
        JsonNode blocked = n.path("changes").get(0);
        assertEquals(List.of("change", "count", "policies", "examples"), Written.fields(blocked));
        assertEquals(2, blocked.path("count").asInt());
        List<String> ranked = new ArrayList<>();
        blocked.path("policies").forEach(p -> ranked.add(p.path("policy").asText() + "=" + p.path("signIns").asInt()));
        assertEquals(List.of("Block=2", "Alpha=1", "Zeta=1"), ranked, "most sign-ins first, then by name");
        JsonNode ex = blocked.path("examples").get(0);
        assertEquals(List.of("requestId", "user", "app", "before", "after", "policies"), Written.fields(ex));
        assertEquals("r1", ex.path("requestId").asText());
        assertEquals(List.of("Block"), Written.texts(ex.path("policies")));
        JsonNode mfa = n.path("changes").get(1);
        assertEquals(0, mfa.path("count").asInt());
        assertTrue(mfa.path("policies").isEmpty() && mfa.path("examples").isEmpty());
        assertEquals(3, n.path("changes").get(5).path("count").asInt());
    }

    @Test
    void beforeSaysWhereTheFormerOutcomeCameFrom() throws Exception {
        assertEquals("recorded", Written.tree(g -> ReplayJson.write(report("a"), false, g)).path("before").asText());
        ReplayReport empty = new ReplayReport(0, Map.of(), Map.of(), Map.of());
        JsonNode n = Written.tree(g -> ReplayJson.write(empty, false, g));
        assertEquals(7, n.path("changes").size());
        n.path("changes").forEach(c -> assertEquals(0, c.path("count").asInt()));
    }

    @Test
    void hostileRecordTextStaysOneJsonString() throws Exception {
        String text = Written.text(g -> ReplayJson.write(report(Written.HOSTILE), false, g));
        assertFalse(text.contains("\"evil\":true") || text.contains("\n"), text);
        JsonNode ex = Written.tree(g -> ReplayJson.write(report(Written.HOSTILE), false, g)).path("changes").get(0)
                .path("examples").get(0);
        assertEquals(Written.HOSTILE, ex.path("user").asText());
        assertFalse(Written.htmlSafe(g -> ReplayJson.write(report(Written.HOSTILE), false, g)).contains("<"));
    }
}
