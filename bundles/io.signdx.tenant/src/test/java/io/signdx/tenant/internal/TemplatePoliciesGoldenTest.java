package io.signdx.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.ConditionalAccessEvaluator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test over a realistic public policy set: the 59 template policies of AlexFilipin/ConditionalAccess
 * (see the README beside them), read by this loader and evaluated by the product's evaluator against
 * hypothetical sign-ins. Every policy gets a verdict for every condition, nothing throws, and the
 * conditions the templates are about decide as their names say.
 */
class TemplatePoliciesGoldenTest {
    private static TenantContext tenant;
    private static final ConditionalAccessEvaluator EVALUATOR = new ConditionalAccessEvaluator();

    @BeforeAll
    static void load() throws Exception {
        tenant = new SnapshotLoader().load(List.of(PolicyRepositoryTest.REPOSITORY)).tenant();
        assertEquals(59, tenant.policies().size());
    }

    private static SignInFacts.Builder member() {
        return SignInFacts.builder().userId("5b8e1c2d-0000-4a6b-8d1e-7c5a9b0f1d01").userPrincipalName("ann@contoso.example")
                .userType("Member").guestOrExternalUserType("none").groupIds(Set.of()).roleTemplateIds(Set.of())
                .appId("00000002-0000-0ff1-ce00-000000000000").ipAddress("203.0.113.7").country("US").platform("windows")
                .signInRisk("none").userRisk("none").insiderRisk("minor").authenticationFlow("none")
                .authenticationContexts(Set.of()).deviceProperties(Map.of());
    }

    private static PolicyEvaluation named(Evaluation e, String nameStart) {
        List<PolicyEvaluation> found = e.policies().stream()
                .filter(p -> p.policy().displayName().startsWith(nameStart)).toList();
        assertEquals(1, found.size(), "one template named " + nameStart);
        return found.get(0);
    }

    private static Verdict verdict(PolicyEvaluation p, Condition c) {
        return p.conditions().stream().filter(v -> v.condition() == c).map(ConditionVerdict::verdict).findFirst()
                .orElseThrow();
    }

    @Test
    void everyTemplateGetsAVerdictForEveryCondition() {
        for (String clientApp : List.of("browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other")) {
            Evaluation e = EVALUATOR.evaluate(member().clientAppType(clientApp).build(), tenant);
            assertEquals(59, e.policies().size());
            for (PolicyEvaluation p : e.policies()) {
                assertEquals(Condition.values().length, p.conditions().size(), p.policy().label());
                for (ConditionVerdict v : p.conditions()) {
                    assertFalse(v.reason() == null || v.reason().isBlank(), p.policy().label() + " " + v.condition());
                }
            }
            assertNotEquals(null, e.grant(), "a combined grant");
        }
    }

    @Test
    void otherClientsAreBlockedByTheOtherClientsTemplateOnlyWhenTheyAreOtherClients() {
        String name = "300 - <RING> - Attack surface reduction - All apps: Block access When using other clients";
        PolicyEvaluation legacy = named(EVALUATOR.evaluate(member().clientAppType("other").build(), tenant), name);
        assertEquals(Verdict.SATISFIED, verdict(legacy, Condition.CLIENT_APP_TYPES));
        assertTrue(legacy.grant().toLowerCase().contains("block"), legacy.grant());
        PolicyEvaluation browser = named(EVALUATOR.evaluate(member().clientAppType("browser").build(), tenant), name);
        assertEquals(Boolean.FALSE, browser.applies());
        assertEquals(Condition.CLIENT_APP_TYPES, browser.firstNotSatisfied().orElseThrow().condition());
    }

    @Test
    void deviceCodeFlowIsStoppedOnlyForDeviceCodeSignIns() {
        String name = "307 - <RING> - Attack surface reduction - All apps: Block Device Code Flow";
        PolicyEvaluation deviceCode = named(EVALUATOR.evaluate(member().clientAppType("browser")
                .authenticationFlow("deviceCodeFlow").build(), tenant), name);
        assertEquals(Verdict.SATISFIED, verdict(deviceCode, Condition.AUTHENTICATION_FLOWS));
        PolicyEvaluation normal = named(EVALUATOR.evaluate(member().clientAppType("browser").build(), tenant), name);
        assertEquals(Boolean.FALSE, normal.applies());
        assertEquals(Condition.AUTHENTICATION_FLOWS, normal.firstNotSatisfied().orElseThrow().condition());
    }

    @Test
    void riskTemplatesFollowTheSignInRisk() {
        Evaluation high = EVALUATOR.evaluate(member().clientAppType("browser").signInRisk("high").build(), tenant);
        Evaluation none = EVALUATOR.evaluate(member().clientAppType("browser").build(), tenant);
        int checked = 0;
        for (int i = 0; i < tenant.policies().size(); i++) {
            var conditions = tenant.policies().get(i).conditions();
            if (conditions.signInRiskLevels() == null || !conditions.signInRiskLevels().contains("high")) {
                continue;
            }
            checked++;
            String name = tenant.policies().get(i).label();
            assertEquals(Verdict.SATISFIED, verdict(high.policies().get(i), Condition.SIGN_IN_RISK), name);
            assertEquals(Verdict.NOT_SATISFIED, verdict(none.policies().get(i), Condition.SIGN_IN_RISK), name);
            assertEquals(Boolean.FALSE, none.policies().get(i).applies(), name);
        }
        assertTrue(checked >= 3, "templates on high sign-in risk: " + checked);
    }
}
