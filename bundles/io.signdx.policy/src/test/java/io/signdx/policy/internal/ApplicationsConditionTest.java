package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.AZURE_PORTAL;
import static io.signdx.policy.internal.Eval.EXCHANGE;
import static io.signdx.policy.internal.Eval.SALESFORCE;
import static io.signdx.policy.internal.Eval.SHAREPOINT;
import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static io.signdx.policy.internal.Eval.check;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class ApplicationsConditionTest {

    private static ConditionVerdict apps(ConditionalAccessPolicy p, SignInFacts f) {
        return check(p, f, Condition.APPLICATIONS);
    }

    @Test
    void allResources() {
        ConditionVerdict v = apps(policy("p", "x").includeApps("All").build(), alice().build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included: All resources", v.reason());
        assertEquals("Office 365 Exchange Online (" + EXCHANGE + ")", v.signInValue());
    }

    @Test
    void allResourcesCoverAnUnknownApp() {
        assertVerdict(Verdict.SATISFIED, apps(policy("p", "x").includeApps("All").build(), alice().appId(null).build()));
    }

    @Test
    void appById() {
        ConditionalAccessPolicy p = policy("p", "x").includeApps(SHAREPOINT, EXCHANGE).build();
        ConditionVerdict v = apps(p, alice().build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included: app Office 365 Exchange Online (" + EXCHANGE + ")", v.reason());
        assertVerdict(Verdict.NOT_SATISFIED, apps(p, alice().appId(AZURE_PORTAL).build()));
    }

    @Test
    void appNamesComeFromTheSnapshotFirst() {
        ConditionalAccessPolicy p = policy("p", "x").includeApps(SALESFORCE).build();
        TenantContext t = Eval.tenant(p).servicePrincipal(new ServicePrincipal("sp-sf", SALESFORCE, "Salesforce", true,
                null, null, List.of())).build();
        ConditionVerdict v = Eval.verdict(Eval.run(t, alice().appId(SALESFORCE).build()), "p", Condition.APPLICATIONS);
        assertEquals("include: Salesforce (" + SALESFORCE + ")", v.configured());
        assertVerdict(Verdict.SATISFIED, v);
    }

    @Test
    void excludedAppWins() {
        ConditionalAccessPolicy p = policy("p", "x").includeApps("All").excludeApps(EXCHANGE).build();
        ConditionVerdict v = apps(p, alice().build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertEquals("excluded: app Office 365 Exchange Online (" + EXCHANGE + ")", v.reason());
        assertVerdict(Verdict.SATISFIED, apps(p, alice().appId(SHAREPOINT).build()));
    }

    @Test
    void office365GroupHoldsExchangeAndTeamsButNotTheAzurePortal() {
        ConditionalAccessPolicy p = policy("p", "O365").includeApps("Office365").build();
        ConditionVerdict exchange = apps(p, alice().build());
        assertVerdict(Verdict.SATISFIED, exchange);
        assertEquals("included: Office 365 Exchange Online (" + EXCHANGE + ") is part of Office 365", exchange.reason());
        assertVerdict(Verdict.SATISFIED, apps(p, alice().appId("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe").build()));
        ConditionVerdict portal = apps(p, alice().appId(AZURE_PORTAL).build());
        assertVerdict(Verdict.NOT_SATISFIED, portal);
        assertReason(portal, "not in SignDx's list of the Office 365 group");
    }

    @Test
    void office365CanBeExcluded() {
        ConditionalAccessPolicy p = policy("p", "x").includeApps("All").excludeApps("Office365").build();
        assertVerdict(Verdict.NOT_SATISFIED, apps(p, alice().appId(SHAREPOINT).build()));
        assertVerdict(Verdict.SATISFIED, apps(p, alice().appId(SALESFORCE).build()));
    }

    @Test
    void adminPortals() {
        ConditionalAccessPolicy p = policy("p", "Admin portals MFA").includeApps("MicrosoftAdminPortals").build();
        ConditionVerdict portal = apps(p, alice().appId(AZURE_PORTAL).build());
        assertVerdict(Verdict.SATISFIED, portal);
        assertReason(portal, "is part of Microsoft Admin Portals");
        assertVerdict(Verdict.SATISFIED, apps(p, alice().appId("497effe9-df71-4043-a8bb-14cf78c4b63b").build()));
        assertVerdict(Verdict.NOT_SATISFIED, apps(p, alice().appId(SHAREPOINT).build()));
    }

    @Test
    void unknownAppLeavesSpecificTargetsOpen() {
        ConditionVerdict v = apps(policy("p", "x").includeApps(EXCHANGE).build(), alice().appId(null).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertEquals("the application is unknown", v.reason());
    }

    @Test
    void unknownAppGroupKeywordIsNotGuessed() {
        ConditionVerdict v = apps(policy("p", "x").includeApps("AllAgentIdResources").build(), alice().build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "AllAgentIdResources, which SignDx does not know");
    }

    @Test
    void applicationFilterNeedsCustomSecurityAttributes() {
        ConditionalAccessPolicy include = policy("p", "x").appFilter("include", "CustomSecurityAttribute.Tier -eq \"1\"").build();
        ConditionVerdict v = apps(include, alice().build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "custom security attributes");
        // an app the policy does not include needs no attribute to be out of scope
        ConditionalAccessPolicy exclude = policy("p", "x").includeApps(SHAREPOINT)
                .appFilter("exclude", "CustomSecurityAttribute.Tier -eq \"1\"").build();
        assertVerdict(Verdict.NOT_SATISFIED, apps(exclude, alice().build()));
        // an included one does: whether the filter excludes it is unknown
        ConditionVerdict open = apps(exclude, alice().appId(SHAREPOINT).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, open);
        assertReason(open, "whether it is excluded is unknown");
    }

    @Test
    void userActions() {
        ConditionalAccessPolicy p = policy("p", "Security info").includeUsers("All").userActions("urn:user:registersecurityinfo").build();
        SignInFacts register = alice().appId(null).userAction("urn:user:registersecurityinfo").build();
        Evaluation e = Eval.run(p, register);
        ConditionVerdict v = Eval.verdict(e, "p", Condition.USER_ACTIONS);
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("include: Register security information (urn:user:registersecurityinfo)", v.configured());
        assertVerdict(Verdict.NOT_CONFIGURED, Eval.verdict(e, "p", Condition.APPLICATIONS));
        assertEquals(Boolean.TRUE, e.policy("p").orElseThrow().applies());

        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().appId(null).userAction("urn:user:registerdevice").build(),
                Condition.USER_ACTIONS));
        ConditionVerdict app = check(p, alice().build(), Condition.USER_ACTIONS);
        assertVerdict(Verdict.NOT_SATISFIED, app);
        assertReason(app, "not a user action");
    }

    @Test
    void aUserActionIsNotAResource() {
        ConditionalAccessPolicy p = policy("p", "x").includeApps("All").build();
        ConditionVerdict v = apps(p, alice().appId(null).userAction("urn:user:registerdevice").build());
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertReason(v, "not access to a resource");
    }

    @Test
    void authenticationContexts() {
        ConditionalAccessPolicy p = policy("p", "Sensitive sites").authContexts("c1", "c3").build();
        ConditionVerdict v = check(p, alice().authenticationContexts(Set.of("C3")).build(), Condition.AUTHENTICATION_CONTEXTS);
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("the app requested authentication context c3", v.reason());
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().authenticationContexts(Set.of("c2")).build(),
                Condition.AUTHENTICATION_CONTEXTS));
        assertVerdict(Verdict.NOT_SATISFIED, check(p, alice().build(), Condition.AUTHENTICATION_CONTEXTS));
        Evaluation unknown = Eval.run(p, alice().authenticationContexts(null).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, Eval.verdict(unknown, "p", Condition.AUTHENTICATION_CONTEXTS));
        assertTrue(unknown.missing().contains("the authentication contexts the app requested"), unknown.missing().toString());
    }

    @Test
    void notConfiguredWhenThePolicyTargetsNoApps() {
        ConditionVerdict v = apps(policy("p", "x").includeUsers("All").build(), alice().build());
        assertVerdict(Verdict.NOT_CONFIGURED, v);
        assertEquals("not configured", v.configured());
    }
}
