package io.signdx.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

import org.junit.jupiter.api.Test;

/** The What If form shared by {@code signdx whatif --format json} and {@code POST /api/whatif}. */
class EvaluationJsonTest {
    private static final Grant NONE = new Grant(Grant.Outcome.GRANT, List.of(), List.of(), List.of(), List.of(),
            List.of());

    private static ConditionalAccessPolicy policy(String id, String name, String state) {
        return new ConditionalAccessPolicy(id, name, state, null, null, null, "policies.json#1");
    }

    private static Evaluation evaluation(String name, SignInFacts facts) {
        List<ConditionVerdict> every = new ArrayList<>();
        for (Condition c : Condition.values()) {
            every.add(new ConditionVerdict(c, "configured " + c, "value " + c,
                    c == Condition.USERS ? Verdict.SATISFIED : c == Condition.DEVICE_FILTER
                            ? Verdict.NOT_ENOUGH_INFORMATION : Verdict.NOT_CONFIGURED, "why " + c));
        }
        PolicyEvaluation undecided = new PolicyEvaluation(policy("p1", name, "enabled"), null, every,
                "Require multifactor authentication", List.of("Sign-in frequency: every 4 hours"));
        PolicyEvaluation applies = new PolicyEvaluation(policy("p2", "Report only", "enabledForReportingButNotEnforced"),
                true, List.of(new ConditionVerdict(Condition.LOCATIONS, "include: All", "IP 203.0.113.9",
                        Verdict.SATISFIED, "any location")), "Block access", List.of());
        PolicyEvaluation out = new PolicyEvaluation(policy("p3", "Off", "disabled"), false, List.of(
                new ConditionVerdict(Condition.CLIENT_APP_TYPES, "other", "browser", Verdict.NOT_SATISFIED, "no")),
                null, List.of());
        Grant mfa = new Grant(Grant.Outcome.GRANT_WITH_REQUIREMENTS, List.of(), List.of(new Grant.Requirement(name,
                "OR", List.of("mfa", "compliantDevice"), "Require one of: MFA, compliant device")), List.of("Phishing-resistant"),
                List.of("Terms"), List.of(name));
        Grant block = new Grant(Grant.Outcome.BLOCK, List.of("Report only"), List.of(), List.of(), List.of(), List.of());
        return new Evaluation(facts, List.of(undecided, applies, out), mfa, block, List.of("Sign-in frequency: every 4 hours"),
                List.of(new Disagreement("p9", "Recorded only", "success", "not in the snapshot", "The snapshot is older.")),
                List.of("device properties"));
    }

    private static SignInFacts facts() {
        Set<String> groups = new LinkedHashSet<>(List.of("g-b", "g-a"));
        return SignInFacts.builder().userId("u1").userPrincipalName("ann@contoso.example").groupIds(groups)
                .roleTemplateIds(Set.of()).appId("a1").country("DE")
                .deviceProperties(Map.of("trustType", "AzureAD", "isCompliant", "true")).build();
    }

    @Test
    void everyFieldOfBothFrontDoorsInADocumentedOrder() throws Exception {
        JsonNode e = Written.tree(g -> EvaluationJson.write(evaluation("Require MFA", facts()), g));
        assertEquals(List.of("signIn", "policies", "grant", "reportOnlyGrant", "sessionControls", "disagreements",
                "missing"), Written.fields(e));
        JsonNode p = e.path("policies").get(0);
        assertEquals(List.of("id", "displayName", "state", "applies", "reportOnly", "conditions", "grant", "session"),
                Written.fields(p));
        assertEquals("p1", p.path("id").asText());
        assertEquals("Require MFA", p.path("displayName").asText());
        assertEquals("enabled", p.path("state").asText());
        assertEquals(List.of("condition", "label", "configured", "signInValue", "verdict", "reason"),
                Written.fields(p.path("conditions").get(0)));
        assertEquals("configured USERS", p.path("conditions").get(0).path("configured").asText());
        assertEquals("value USERS", p.path("conditions").get(0).path("signInValue").asText());
        assertEquals("why USERS", p.path("conditions").get(0).path("reason").asText());
        assertEquals("Users", p.path("conditions").get(0).path("label").asText());
        assertEquals("Require multifactor authentication", p.path("grant").asText());
        assertEquals(List.of("Sign-in frequency: every 4 hours"), Written.texts(p.path("session")));
        assertEquals(List.of("outcome", "blockingPolicies", "requirements", "authenticationStrengths", "termsOfUse",
                "undecidedPolicies"), Written.fields(e.path("grant")));
        JsonNode r = e.path("grant").path("requirements").get(0);
        assertEquals(List.of("policy", "operator", "controls", "text"), Written.fields(r));
        assertEquals(List.of("mfa", "compliantDevice"), Written.texts(r.path("controls")));
        assertEquals("OR", r.path("operator").asText(), "the operator is Graph's value, not an enum of ours");
        assertEquals(List.of("Phishing-resistant"), Written.texts(e.path("grant").path("authenticationStrengths")));
        assertEquals(List.of("Terms"), Written.texts(e.path("grant").path("termsOfUse")));
        assertEquals(List.of("Require MFA"), Written.texts(e.path("grant").path("undecidedPolicies")));
        assertEquals(List.of("Report only"), Written.texts(e.path("reportOnlyGrant").path("blockingPolicies")));
        assertEquals(List.of("Sign-in frequency: every 4 hours"), Written.texts(e.path("sessionControls")));
        JsonNode d = e.path("disagreements").get(0);
        assertEquals(List.of("policyId", "policy", "recorded", "evaluated", "explanation"), Written.fields(d));
        assertEquals("not in the snapshot", d.path("evaluated").asText());
        assertEquals(List.of("device properties"), Written.texts(e.path("missing")));
    }

    @Test
    void appliesIsTrueFalseOrNullAndReportOnlyIsSaid() throws Exception {
        JsonNode policies = Written.tree(g -> EvaluationJson.write(evaluation("x", facts()), g)).path("policies");
        assertTrue(policies.get(0).has("applies") && policies.get(0).path("applies").isNull(),
                "undecided is JSON null, never left out or false");
        assertTrue(policies.get(1).path("applies").isBoolean() && policies.get(1).path("applies").booleanValue());
        assertTrue(policies.get(2).path("applies").isBoolean() && !policies.get(2).path("applies").booleanValue());
        assertFalse(policies.get(0).path("reportOnly").booleanValue());
        assertTrue(policies.get(1).path("reportOnly").booleanValue());
        assertEquals("", policies.get(2).path("grant").asText(), "no grant is an empty text");
    }

    @Test
    void enumValuesAreLowerCamelCase() throws Exception {
        JsonNode e = Written.tree(g -> EvaluationJson.write(evaluation("x", facts()), g));
        List<String> conditions = new ArrayList<>();
        e.path("policies").get(0).path("conditions").forEach(c -> conditions.add(c.path("condition").asText()));
        assertEquals(List.of("users", "workloadIdentities", "applications", "userActions", "authenticationContexts",
                "platforms", "locations", "clientAppTypes", "signInRisk", "userRisk", "servicePrincipalRisk",
                "insiderRisk", "authenticationFlows", "deviceFilter"), conditions, "every condition, in its order");
        JsonNode first = e.path("policies").get(0).path("conditions");
        assertEquals("satisfied", first.get(0).path("verdict").asText());
        assertEquals("notConfigured", first.get(1).path("verdict").asText());
        assertEquals("notEnoughInformation", first.get(13).path("verdict").asText());
        assertEquals("notSatisfied", e.path("policies").get(2).path("conditions").get(0).path("verdict").asText());
        assertEquals("grantWithRequirements", e.path("grant").path("outcome").asText());
        assertEquals("block", e.path("reportOnlyGrant").path("outcome").asText());
        for (Grant.Outcome o : Grant.Outcome.values()) {
            Grant g1 = new Grant(o, List.of(), List.of(), List.of(), List.of(), List.of());
            Evaluation one = new Evaluation(null, List.of(), g1, NONE, List.of(), List.of(), List.of());
            String outcome = Written.tree(g -> EvaluationJson.write(one, g)).path("grant").path("outcome").asText();
            assertEquals(Map.of(Grant.Outcome.BLOCK, "block", Grant.Outcome.GRANT_WITH_REQUIREMENTS,
                    "grantWithRequirements", Grant.Outcome.GRANT, "grant", Grant.Outcome.UNKNOWN, "unknown").get(o),
                    outcome);
        }
    }

    @Test
    void theFactsSayWhatIsUnknownAndWhatIsKnownToBeEmpty() throws Exception {
        JsonNode s = Written.tree(g -> EvaluationJson.write(evaluation("x", facts()), g)).path("signIn");
        assertEquals(List.of("userId", "userPrincipalName", "userType", "guestOrExternalUserType", "homeTenantId",
                "groupIds", "roleTemplateIds", "servicePrincipalId", "appId", "userAction", "authenticationContexts",
                "ipAddress", "country", "platform", "clientAppType", "signInRisk", "userRisk", "servicePrincipalRisk",
                "insiderRisk", "authenticationFlow", "deviceProperties"), Written.fields(s));
        assertEquals(List.of("g-a", "g-b"), Written.texts(s.path("groupIds")), "sorted: the same facts, the same text");
        assertTrue(s.path("roleTemplateIds").isArray() && s.path("roleTemplateIds").isEmpty(), "[] = member of no role");
        assertTrue(s.path("authenticationContexts").isNull(), "null = unknown");
        assertTrue(s.path("ipAddress").isNull());
        assertEquals(List.of("isCompliant", "trustType"), Written.fields(s.path("deviceProperties")));
        assertEquals("true", s.path("deviceProperties").path("isCompliant").asText());

        SignInFacts unregistered = SignInFacts.builder().deviceProperties(Map.of()).build();
        JsonNode u = Written.tree(g -> EvaluationJson.write(evaluation("x", unregistered), g)).path("signIn");
        assertTrue(u.path("deviceProperties").isObject() && u.path("deviceProperties").isEmpty(),
                "{} = an unregistered device");
        assertTrue(u.path("groupIds").isNull());
        JsonNode none = Written.tree(g -> EvaluationJson.write(evaluation("x", SignInFacts.builder().build()), g));
        assertTrue(none.path("signIn").path("deviceProperties").isNull());
    }

    @Test
    void absentPartsAreJsonNullNotAFailure() throws Exception {
        Evaluation e = new Evaluation(null, List.of(new PolicyEvaluation(policy(null, null, null), null,
                List.of(new ConditionVerdict(Condition.USERS, null, null, null, null)), null, List.of())), null, null,
                List.of(), List.of(), List.of());
        JsonNode n = Written.tree(g -> EvaluationJson.write(e, g));
        assertTrue(n.path("signIn").isNull());
        assertTrue(n.path("grant").isNull());
        assertTrue(n.path("reportOnlyGrant").isNull());
        assertTrue(n.path("policies").get(0).path("id").isNull());
        assertTrue(n.path("policies").get(0).path("conditions").get(0).path("verdict").isNull());
        assertEquals("users", n.path("policies").get(0).path("conditions").get(0).path("condition").asText());
    }

    @Test
    void hostileSnapshotTextStaysOneJsonString() throws Exception {
        Evaluation e = evaluation(Written.HOSTILE, SignInFacts.builder().userPrincipalName(Written.HOSTILE)
                .deviceProperties(Map.of(Written.HOSTILE, Written.HOSTILE)).build());
        String text = Written.text(g -> EvaluationJson.write(e, g));
        assertFalse(text.contains("\"evil\":true") || text.contains("\n"), text);
        JsonNode n = Written.tree(g -> EvaluationJson.write(e, g));
        assertEquals(Written.HOSTILE, n.path("policies").get(0).path("displayName").asText());
        assertEquals(Written.HOSTILE, n.path("grant").path("requirements").get(0).path("policy").asText());
        assertEquals(Written.HOSTILE, n.path("signIn").path("userPrincipalName").asText());
        assertEquals(Written.HOSTILE, n.path("signIn").path("deviceProperties").path(Written.HOSTILE).asText(),
                "a property name is record text too");
        String safe = Written.htmlSafe(g -> EvaluationJson.write(e, g));
        assertFalse(safe.contains("<") || safe.contains(">"), safe);
    }
}
