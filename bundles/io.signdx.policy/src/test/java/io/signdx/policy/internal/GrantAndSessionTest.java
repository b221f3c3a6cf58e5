package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.BREAK_GLASS;
import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.SessionControls;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class GrantAndSessionTest {
    private static final String PHISHING_RESISTANT = "00000000-0000-0000-0000-000000000004";

    private static Evaluation run(SignInFacts f, ConditionalAccessPolicy... policies) {
        return Eval.run(Eval.tenant(policies).build(), f);
    }

    private static PolicyBuilder all(String id, String name) {
        return policy(id, name).includeUsers("All").includeApps("All");
    }

    @Test
    void everyConditionIsReportedInOrder() {
        Evaluation e = run(alice().build(), all("p", "MFA").grant("OR", "mfa").build());
        PolicyEvaluation p = e.policy("p").orElseThrow();
        assertEquals(Arrays.asList(Condition.values()), p.conditions().stream().map(ConditionVerdict::condition).toList());
        assertEquals(Verdict.NOT_CONFIGURED, p.conditions().get(Condition.DEVICE_FILTER.ordinal()).verdict());
        assertEquals(2, p.satisfied().size());
        assertEquals(Boolean.TRUE, p.applies());
    }

    @Test
    void blockWins() {
        Evaluation e = run(alice().build(), all("mfa", "MFA").grant("OR", "mfa").build(),
                all("block", "Block everyone").block().build());
        Grant g = e.grant();
        assertEquals(Grant.Outcome.BLOCK, g.outcome());
        assertEquals(List.of("Block everyone"), g.blockingPolicies());
        assertEquals("Block access", e.policy("block").orElseThrow().grant());
    }

    @Test
    void orAndAnd() {
        Evaluation e = run(alice().build(), all("or", "One of").grant("OR", "mfa", "compliantDevice").build(),
                all("and", "All of").grant("AND", "compliantDevice", "domainJoinedDevice").build());
        assertEquals("Require one of: multifactor authentication, compliant device", e.policy("or").orElseThrow().grant());
        assertEquals("Require all of: compliant device, Microsoft Entra hybrid joined device",
                e.policy("and").orElseThrow().grant());
        Grant g = e.grant();
        assertEquals(Grant.Outcome.GRANT_WITH_REQUIREMENTS, g.outcome());
        assertEquals(2, g.requirements().size(), "both policies' requirements must be met");
        assertEquals("OR", g.requirements().get(0).operator());
        assertEquals(List.of("mfa", "compliantDevice"), g.requirements().get(0).controls());
        assertEquals("AND", g.requirements().get(1).operator());
    }

    @Test
    void singleControl() {
        Evaluation e = run(alice().build(), all("p", "x").grant("OR", "approvedApplication").build());
        assertEquals("Require approved client app", e.policy("p").orElseThrow().grant());
    }

    @Test
    void authenticationStrengthAndTermsOfUse() {
        Evaluation e = run(alice().build(), all("s", "Phishing-resistant").authenticationStrength(PHISHING_RESISTANT, null).build(),
                all("t", "Terms").termsOfUse("tou-1").build());
        assertEquals("Require authentication strength Phishing-resistant MFA", e.policy("s").orElseThrow().grant());
        assertEquals("Require accept terms of use tou-1", e.policy("t").orElseThrow().grant());
        Grant g = e.grant();
        assertEquals(Grant.Outcome.GRANT_WITH_REQUIREMENTS, g.outcome());
        assertEquals(List.of("Phishing-resistant MFA"), g.authenticationStrengths());
        assertEquals(List.of("tou-1"), g.termsOfUse());
        assertEquals(List.of("authenticationStrength"), g.requirements().get(0).controls());
    }

    @Test
    void policiesThatDoNotApplyRequireNothing() {
        Evaluation e = run(alice().groupIds(java.util.Set.of(BREAK_GLASS)).build(),
                all("p", "MFA").excludeGroups(BREAK_GLASS).grant("OR", "mfa").build());
        assertEquals(Grant.Outcome.GRANT, e.grant().outcome());
        assertTrue(e.grant().requirements().isEmpty());
        assertTrue(e.applying().isEmpty());
    }

    @Test
    void reportOnlyIsKeptApart() {
        Evaluation e = run(alice().build(), all("ro", "Would block").reportOnly().block().build(),
                all("mfa", "MFA").grant("OR", "mfa").build());
        assertEquals(Grant.Outcome.GRANT_WITH_REQUIREMENTS, e.grant().outcome());
        assertEquals(Grant.Outcome.BLOCK, e.reportOnlyGrant().outcome());
        assertEquals(List.of("Would block"), e.reportOnlyGrant().blockingPolicies());
        assertTrue(e.policy("ro").orElseThrow().reportOnly());
        assertEquals(Boolean.TRUE, e.policy("ro").orElseThrow().applies());
    }

    @Test
    void disabledPolicyNeverApplies() {
        Evaluation e = run(alice().build(), all("off", "Old block").disabled().block().build());
        PolicyEvaluation off = e.policy("off").orElseThrow();
        assertEquals(Boolean.FALSE, off.applies());
        assertEquals(Verdict.SATISFIED, off.conditions().get(0).verdict(), "its conditions are still shown");
        assertEquals(Grant.Outcome.GRANT, e.grant().outcome());
        assertEquals(Grant.Outcome.GRANT, e.reportOnlyGrant().outcome());
    }

    @Test
    void missingInformationLeavesTheOutcomeOpenOnlyWhenItMatters() {
        SignInFacts noRisk = alice().signInRisk(null).build();
        Evaluation blocking = run(noRisk, all("risk", "Block high risk").signInRisk("high").block().build());
        assertNull(blocking.policy("risk").orElseThrow().applies());
        assertEquals(Grant.Outcome.UNKNOWN, blocking.grant().outcome());
        assertEquals(List.of("Block high risk"), blocking.grant().undecidedPolicies());
        assertEquals(List.of("sign-in risk"), blocking.missing());

        ConditionalAccessPolicy sessionOnly = all("sif", "Sign in hourly when risky").signInRisk("high")
                .session(new SessionControls(new SessionControls.SignInFrequency(1, "hours", "timeBased", null), null, null,
                        null, null, null, null)).build();
        Evaluation session = run(noRisk, sessionOnly);
        assertEquals(Grant.Outcome.GRANT, session.grant().outcome(), "a session-only policy cannot block or require");
        assertEquals(List.of("Sign in hourly when risky"), session.grant().undecidedPolicies());
        assertTrue(session.missing().stream().anyMatch(m -> m.contains("session controls")), session.missing().toString());

        Evaluation decided = run(noRisk, all("risk", "Block high risk").signInRisk("high").block().build(),
                all("block", "Block all").block().build());
        assertEquals(Grant.Outcome.BLOCK, decided.grant().outcome(), "a certain block wins over an undecided one");
    }

    @Test
    void missingInformationOfAPolicyThatDoesNotApplyIsNotReported() {
        ConditionalAccessPolicy p = policy("p", "Admins on risky sign-ins").includeRoles(Eval.GLOBAL_ADMIN).signInRisk("high")
                .block().build();
        Evaluation e = run(alice().signInRisk(null).build(), p);
        assertEquals(Boolean.FALSE, e.policy("p").orElseThrow().applies());
        assertEquals(List.of(), e.missing());
        assertEquals(Grant.Outcome.GRANT, e.grant().outcome());
    }

    @Test
    void strictestSignInFrequencyWins() {
        ConditionalAccessPolicy daily = all("d", "Daily").session(new SessionControls(
                new SessionControls.SignInFrequency(1, "days", "timeBased", "primaryAndSecondaryAuthentication"), "always",
                null, null, null, null, null)).build();
        ConditionalAccessPolicy hourly = all("h", "Every 4 hours").session(new SessionControls(
                new SessionControls.SignInFrequency(4, "hours", "timeBased", null), "never", "monitorOnly", true, null,
                "strictEnforcement", true)).build();
        Evaluation e = run(alice().build(), daily, hourly);
        assertEquals(List.of("Sign-in frequency every 1 days", "Persistent browser session: always"),
                e.policy("d").orElseThrow().session());
        assertEquals(List.of(
                "Sign-in frequency every 4 hours (Every 4 hours; the strictest of 2 policies)",
                "Persistent browser session: never (Every 4 hours)",
                "Conditional Access App Control: monitorOnly (Every 4 hours)",
                "Use app enforced restrictions (Every 4 hours)",
                "Continuous access evaluation: strict enforcement (Every 4 hours)",
                "Require token protection for sign-in sessions (Every 4 hours)"), e.sessionControls());
    }

    @Test
    void everyTimeIsStricterThanAnyInterval() {
        ConditionalAccessPolicy hourly = all("h", "Hourly").session(new SessionControls(
                new SessionControls.SignInFrequency(1, "hours", "timeBased", null), null, null, null, null, null, null)).build();
        ConditionalAccessPolicy always = all("e", "Every time").session(new SessionControls(
                new SessionControls.SignInFrequency(null, null, "everyTime", null), null, null, null, null, null, null)).build();
        Evaluation e = run(alice().build(), hourly, always);
        assertEquals("Sign-in frequency every time (Every time; the strictest of 2 policies)", e.sessionControls().get(0));
    }

    @Test
    void reportOnlySessionControlsAreNotCombined() {
        ConditionalAccessPolicy ro = all("ro", "RO").reportOnly().session(new SessionControls(null, "never", null, null, null,
                null, null)).build();
        assertEquals(List.of(), run(alice().build(), ro).sessionControls());
    }

    @Test
    void noPoliciesInTheSnapshot() {
        Evaluation e = Eval.run(io.signdx.testkit.Tenants.builder().build(), alice().build());
        assertEquals(Grant.Outcome.GRANT, e.grant().outcome());
        assertTrue(e.missing().get(0).contains("the snapshot has none"), e.missing().toString());
        Evaluation none = Eval.run(io.signdx.testkit.Tenants.builder().noPolicies().build(), alice().build());
        assertEquals(List.of(), none.missing());
    }
}
