package io.signdx.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;

/** Shared test fixtures: an evaluator, a tenant of one policy, an ordinary member's sign-in. */
final class Eval {
    static final String EXCHANGE = SignIns.EXCHANGE_APP_ID;
    static final String SHAREPOINT = "00000003-0000-0ff1-ce00-000000000000";
    static final String AZURE_PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    static final String SALESFORCE = "0f2a7d5c-6a3e-4f39-9d8e-2b1c4a5e6f70";
    static final String FINANCE = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    static final String BREAK_GLASS = "0b0b0b0b-1111-4222-8333-944444444444";
    static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
    static final String PARTNER_TENANT = "fab71ca0-0000-4000-8000-00000000fab7";

    private Eval() {
    }

    static ConditionalAccessEvaluator evaluator() {
        return new ConditionalAccessEvaluator();
    }

    /** Alice, a member in Finance, signing in to Exchange from a browser on a compliant Windows laptop. */
    static SignInFacts.Builder alice() {
        return SignInFacts.builder().userId(ALICE_ID).userPrincipalName("alice@contoso.example").userType("Member")
                .groupIds(Set.of(FINANCE)).roleTemplateIds(Set.of()).appId(EXCHANGE).ipAddress("198.51.100.7")
                .country("NL").platform("windows").clientAppType("browser").signInRisk("none").userRisk("none")
                .authenticationFlow("none").authenticationContexts(Set.of())
                .deviceProperties(Map.of("deviceId", "d1", "trustType", "AzureAD", "isCompliant", "True"));
    }

    static Tenants tenant(ConditionalAccessPolicy... policies) {
        Tenants t = Tenants.builder().group(FINANCE, "Finance").group(BREAK_GLASS, "Break-glass accounts");
        for (ConditionalAccessPolicy p : policies) {
            t.policy(p);
        }
        return t;
    }

    static Evaluation run(ConditionalAccessPolicy policy, SignInFacts facts) {
        return evaluator().evaluate(facts, tenant(policy).build());
    }

    static Evaluation run(TenantContext tenant, SignInFacts facts) {
        return evaluator().evaluate(facts, tenant);
    }

    static ConditionVerdict verdict(Evaluation e, String policyId, Condition c) {
        PolicyEvaluation p = e.policy(policyId).orElseThrow();
        return p.conditions().stream().filter(v -> v.condition() == c).findFirst().orElseThrow();
    }

    /** The verdict of one condition of a one-policy tenant. */
    static ConditionVerdict check(ConditionalAccessPolicy policy, SignInFacts facts, Condition c) {
        return verdict(run(policy, facts), policy.id(), c);
    }

    static void assertVerdict(Verdict expected, ConditionVerdict v) {
        assertEquals(expected, v.verdict(), () -> v.condition() + ": " + v.reason());
    }

    static void assertReason(ConditionVerdict v, String part) {
        assertTrue(v.reason().contains(part), () -> "reason of " + v.condition() + " lacks \"" + part + "\": " + v.reason());
    }
}
