package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static io.signdx.policy.internal.Eval.check;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class OtherConditionsTest {

    // ---- platforms ----

    @Test
    void platformIncludedAndExcluded() {
        ConditionalAccessPolicy p = policy("p", "x").platforms(List.of("all"), List.of("iOS", "android")).build();
        ConditionVerdict windows = check(p, alice().build(), Condition.PLATFORMS);
        assertVerdict(Verdict.SATISFIED, windows);
        assertEquals("included: any platform (all); not excluded", windows.reason());
        ConditionVerdict ios = check(p, alice().platform("ios").build(), Condition.PLATFORMS);
        assertVerdict(Verdict.NOT_SATISFIED, ios);
        assertEquals("excluded: platform ios", ios.reason());
    }

    @Test
    void unrecognisedPlatformIsCoveredByAllOnly() {
        ConditionalAccessPolicy unknownPlatforms = policy("p", "Block unknown platforms")
                .platforms(List.of("all"), List.of("android", "iOS", "windows", "macOS", "linux")).block().build();
        assertVerdict(Verdict.SATISFIED, check(unknownPlatforms, alice().platform("unknown").build(), Condition.PLATFORMS));
        assertVerdict(Verdict.NOT_SATISFIED, check(unknownPlatforms, alice().build(), Condition.PLATFORMS));
        ConditionVerdict open = check(unknownPlatforms, alice().platform(null).build(), Condition.PLATFORMS);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, open);
        assertReason(open, "whether it is excluded is unknown");
    }

    @Test
    void namedPlatformsOnly() {
        ConditionalAccessPolicy p = policy("p", "x").platforms(List.of("android", "iOS"), List.of()).build();
        assertVerdict(Verdict.SATISFIED, check(p, alice().platform("iOS").build(), Condition.PLATFORMS));
        ConditionVerdict windows = check(p, alice().build(), Condition.PLATFORMS);
        assertVerdict(Verdict.NOT_SATISFIED, windows);
        assertEquals("not included: platform windows is not among the included platforms", windows.reason());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, check(p, alice().platform(null).build(), Condition.PLATFORMS));
    }

    // ---- client apps ----

    @Test
    void clientAppTypes() {
        ConditionalAccessPolicy p = policy("p", "Block legacy").clientAppTypes("exchangeActiveSync", "other").block().build();
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().build(), Condition.CLIENT_APP_TYPES));
        ConditionVerdict eas = check(p, alice().clientAppType("exchangeActiveSync").build(), Condition.CLIENT_APP_TYPES);
        assertVerdict(Verdict.SATISFIED, eas);
        assertEquals("client app type exchangeActiveSync is included", eas.reason());
        assertVerdict(Verdict.SATISFIED, check(p, alice().clientAppType("other").build(), Condition.CLIENT_APP_TYPES));
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, check(p, alice().clientAppType(null).build(), Condition.CLIENT_APP_TYPES));
    }

    @Test
    void olderEasValuesMeanExchangeActiveSync() {
        ConditionalAccessPolicy p = policy("p", "x").clientAppTypes("easSupported").build();
        assertVerdict(Verdict.SATISFIED, check(p, alice().clientAppType("exchangeActiveSync").build(), Condition.CLIENT_APP_TYPES));
    }

    @Test
    void allClientAppsNarrowNothing() {
        ConditionVerdict v = check(policy("p", "x").clientAppTypes("all").build(), alice().clientAppType(null).build(),
                Condition.CLIENT_APP_TYPES);
        assertVerdict(Verdict.NOT_CONFIGURED, v);
        assertEquals("all client apps", v.configured());
    }

    // ---- risk ----

    @Test
    void signInRiskLevels() {
        ConditionalAccessPolicy p = policy("p", "Risky sign-ins").signInRisk("high", "medium").build();
        assertVerdict(Verdict.SATISFIED, check(p, alice().signInRisk("High").build(), Condition.SIGN_IN_RISK));
        ConditionVerdict low = check(p, alice().signInRisk("low").build(), Condition.SIGN_IN_RISK);
        assertVerdict(Verdict.NOT_SATISFIED, low);
        assertEquals("sign-in risk low is not included", low.reason());
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().build(), Condition.SIGN_IN_RISK));
    }

    @Test
    void hiddenOrMissingRiskIsNotGuessed() {
        ConditionalAccessPolicy p = policy("p", "x").userRisk("high").build();
        ConditionVerdict hidden = check(p, alice().userRisk("hidden").build(), Condition.USER_RISK);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, hidden);
        assertEquals("the user risk is recorded as hidden, which says nothing", hidden.reason());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, check(p, alice().userRisk("unknownFutureValue").build(), Condition.USER_RISK));
        Evaluation e = Eval.run(p, alice().userRisk(null).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, Eval.verdict(e, "p", Condition.USER_RISK));
        assertEquals(List.of("user risk"), e.missing());
    }

    @Test
    void emptyRiskListIsNotConfigured() {
        ConditionalAccessPolicy p = policy("p", "x").signInRisk().build();
        assertVerdict(Verdict.NOT_CONFIGURED, check(p, alice().signInRisk(null).build(), Condition.SIGN_IN_RISK));
    }

    @Test
    void insiderRisk() {
        ConditionalAccessPolicy p = policy("p", "Insider").insiderRisk("elevated").block().build();
        assertVerdict(Verdict.SATISFIED, check(p, alice().insiderRisk("elevated").build(), Condition.INSIDER_RISK));
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().insiderRisk("moderate").build(), Condition.INSIDER_RISK));
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, check(p, alice().build(), Condition.INSIDER_RISK));
    }

    // ---- authentication flows ----

    @Test
    void authenticationFlows() {
        ConditionalAccessPolicy p = policy("p", "Block device code").includeUsers("All").includeApps("All")
                .authenticationFlows("deviceCodeFlow").block().build();
        ConditionVerdict dc = check(p, alice().authenticationFlow("deviceCodeFlow").build(), Condition.AUTHENTICATION_FLOWS);
        assertVerdict(Verdict.SATISFIED, dc);
        assertEquals("authentication flow deviceCodeFlow is included", dc.reason());
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().build(), Condition.AUTHENTICATION_FLOWS));
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().authenticationFlow("authenticationTransfer").build(),
                Condition.AUTHENTICATION_FLOWS));
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, check(p, alice().authenticationFlow(null).build(),
                Condition.AUTHENTICATION_FLOWS));
    }

    // ---- workload identities ----

    private static final String SP = "5e7c1a00-0000-4000-8000-0000000000b1";
    private static final String SP_APP = "5e7c1a00-0000-4000-8000-0000000000b2";

    private static TenantContext workloadTenant(ConditionalAccessPolicy p) {
        return Eval.tenant(p).servicePrincipal(new ServicePrincipal(SP, SP_APP, "Payroll sync", true, null, null, List.of()))
                .build();
    }

    private static SignInFacts servicePrincipal() {
        return SignInFacts.builder().servicePrincipalId(SP).appId(Eval.EXCHANGE).ipAddress("198.51.100.9")
                .servicePrincipalRisk("high").build();
    }

    @Test
    void workloadIdentityInScope() {
        ConditionalAccessPolicy p = policy("p", "Block risky workloads").includeUsers("None").includeApps("All")
                .includeServicePrincipals("ServicePrincipalsInMyTenant").servicePrincipalRisk("high", "medium").block().build();
        Evaluation e = Eval.run(workloadTenant(p), servicePrincipal());
        ConditionVerdict w = Eval.verdict(e, "p", Condition.WORKLOAD_IDENTITIES);
        assertVerdict(Verdict.SATISFIED, w);
        assertTrue(w.signInValue().contains("Payroll sync"), w.signInValue());
        assertVerdict(Verdict.NOT_CONFIGURED, Eval.verdict(e, "p", Condition.USERS));
        assertVerdict(Verdict.SATISFIED, Eval.verdict(e, "p", Condition.SERVICE_PRINCIPAL_RISK));
        assertEquals(Boolean.TRUE, e.policy("p").orElseThrow().applies());
    }

    @Test
    void workloadIdentityByIdOrAppIdAndExcluded() {
        ConditionalAccessPolicy byAppId = policy("p", "x").includeServicePrincipals(SP_APP).build();
        assertVerdict(Verdict.SATISFIED, Eval.verdict(Eval.run(workloadTenant(byAppId), servicePrincipal()), "p",
                Condition.WORKLOAD_IDENTITIES));
        ConditionalAccessPolicy excluded = policy("p", "x").includeServicePrincipals("ServicePrincipalsInMyTenant")
                .excludeServicePrincipals(SP).build();
        ConditionVerdict v = Eval.verdict(Eval.run(workloadTenant(excluded), servicePrincipal()), "p",
                Condition.WORKLOAD_IDENTITIES);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("excluded: service principal Payroll sync (" + SP + ")", v.reason());
    }

    @Test
    void aUserSignInIsNotInScopeOfAWorkloadPolicy() {
        ConditionalAccessPolicy p = policy("p", "x").includeUsers("None").includeServicePrincipals("ServicePrincipalsInMyTenant")
                .block().build();
        Evaluation e = Eval.run(workloadTenant(p), alice().build());
        ConditionVerdict v = Eval.verdict(e, "p", Condition.WORKLOAD_IDENTITIES);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("a user sign-in is not in scope of a policy for workload identities", v.reason());
        assertEquals(Boolean.FALSE, e.policy("p").orElseThrow().applies());
        assertEquals("not included: the policy targets workload identities and includes no users",
                e.policy("p").orElseThrow().firstNotSatisfied().orElseThrow().reason());
    }

    @Test
    void managedIdentitiesAreOutsideConditionalAccess() {
        ConditionalAccessPolicy p = policy("p", "x").includeServicePrincipals("ServicePrincipalsInMyTenant").build();
        SignIn mi = SignIn.builder().id("r1").servicePrincipalId(SP).managedIdentityType("systemAssigned")
                .signInEventTypes(List.of("managedIdentity")).resourceId(Eval.EXCHANGE).build();
        ConditionVerdict v = Eval.verdict(Eval.evaluator().evaluate(mi, workloadTenant(p)), "p", Condition.WORKLOAD_IDENTITIES);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertReason(v, "managed identities");
    }

    @Test
    void workloadFilterNeedsCustomSecurityAttributes() {
        ConditionalAccessPolicy p = policy("p", "x").servicePrincipalFilter("include", "CustomSecurityAttribute.x -eq \"y\"").build();
        ConditionVerdict v = Eval.verdict(Eval.run(workloadTenant(p), servicePrincipal()), "p", Condition.WORKLOAD_IDENTITIES);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "custom security attributes");
    }
}
