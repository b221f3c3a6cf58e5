package io.signdx.scenario.conditionalaccess.internal;

import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.applies;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.doesNotApply;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.evaluation;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.notSatisfied;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.policy;
import static io.signdx.scenario.conditionalaccess.internal.FakeEvaluator.satisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.Disagreement;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockedDetectorTest {
    private final SignIns fx = new SignIns();
    private final BlockedDetector detector = new BlockedDetector();

    static EvidenceTable table(Finding f, String titlePart) {
        return f.evidence().stream().filter(t -> t.title().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no table '" + titlePart + "' in "
                        + f.evidence().stream().map(EvidenceTable::title).toList()));
    }

    static boolean hasTable(Finding f, String titlePart) {
        return f.evidence().stream().anyMatch(t -> t.title().contains(titlePart));
    }

    @Test
    void theDemosLegacyBlockNamesThePolicyFromTheRecordAlone() {
        SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("ca.blocked", f.scenario());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals("users-and-apps", f.classification());
        assertTrue(f.assessment().contains("'Block legacy authentication' applies to it with the grant Block access"),
                f.assessment());
        assertTrue(f.assessment().contains("AADSTS53003"), f.assessment());
        assertTrue(f.assessment().contains("legacy authentication protocol"), f.assessment());
        EvidenceTable conditions = table(f, "'Block legacy authentication': conditions");
        assertEquals(List.of("Users", "not on the sign-in record", "ann@northwind.example (member)",
                "satisfied, as the record says"), conditions.rows().get(0));
        assertEquals("Target resources", conditions.rows().get(1).get(0));
        assertEquals(List.of("Block access", "nothing the sign-in brings can satisfy a block", "blocked"),
                table(f, "access controls").rows().get(0));
        assertFalse(hasTable(f, "session controls"), "the policy has no session controls");
        assertTrue(f.missing().contains(Snapshots.NO_SNAPSHOT), f.missing().toString());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().contains("If the block is intended")));
    }

    @Test
    void withASnapshotTheConditionsShowWhyTheyMatched() {
        SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").build();
        var legacy = policy(Demo.BLOCK_LEGACY, "block");
        var mfa = policy(Demo.MFA_UNTRUSTED, "mfa");
        List<PolicyEvaluation> policies = List.of(
                applies(legacy, "Block", List.of(),
                        satisfied(Condition.USERS, "include: All users; exclude: group CA exclusion - emergency access",
                                "ann@northwind.example, member of All staff, Finance", "included: All users"),
                        satisfied(Condition.APPLICATIONS, "include: All resources", "Office 365 Exchange Online",
                                "included: All resources"),
                        satisfied(Condition.CLIENT_APP_TYPES, "Exchange ActiveSync, Other clients", "IMAP4",
                                "IMAP4 is one of the other clients")),
                doesNotApply(mfa, "Require MFA", notSatisfied(Condition.LOCATIONS, "include: any; exclude: trusted",
                        "203.0.113.7", "excluded: Northwind HQ (trusted)")));
        FakeEvaluator evaluator = FakeEvaluator.answering(evaluation(policies, List.of(), List.of()));
        BlockedDetector withSnapshot = new BlockedDetector(evaluator.snapshots());

        Finding f = DetailParity.only(withSnapshot, s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        // the snapshot decides the classification, so the call without detail evaluates too
        assertEquals(2, evaluator.calls.get(), "one evaluation per call, with detail and without");
        assertEquals("client-app", f.classification());
        assertTrue(f.assessment().contains("because users: included: All users, target resources: included: All "
                + "resources and client apps: IMAP4 is one of the other clients"), f.assessment());
        EvidenceTable conditions = table(f, "conditions");
        assertEquals(3, conditions.rows().size(), "only the conditions that applied");
        assertEquals(List.of("Client apps", "Exchange ActiveSync, Other clients", "IMAP4",
                "IMAP4 is one of the other clients"), conditions.rows().get(2));
        assertFalse(f.missing().contains(Snapshots.NO_SNAPSHOT), f.missing().toString());
        assertTrue(f.complete(), f.missing().toString());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.USER
                && r.action().contains("instead of 'IMAP4'")), f.recommendations().toString());
    }

    @Test
    void theGroupThroughWhichTheUserIsIncludedIsQuoted() {
        SignIn s = fx.failure("fin@northwind.example", 53003).conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p-geo", "Finance: block outside EU",
                        "failure", List.of("Block"), List.of(), Set.of("users", "application", "location"), Set.of())))
                .build();
        var geo = new ConditionalAccessPolicy("p-geo", "Finance: block outside EU", "enabled", PolicyConditions.EMPTY,
                new GrantControls("OR", List.of("block"), null, List.of(), List.of()), null, null);
        List<PolicyEvaluation> policies = List.of(applies(geo, "Block", List.of(),
                satisfied(Condition.USERS, "include: group Finance", "member of Finance",
                        "included through group Finance"),
                satisfied(Condition.LOCATIONS, "include: any location; exclude: EU countries", "203.0.113.10 (US)",
                        "US is not in EU countries")));
        Finding f = DetailParity.only(new BlockedDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertEquals("location", f.classification());
        assertTrue(f.assessment().contains("users: included through group Finance"), f.assessment());
        assertEquals("included through group Finance", table(f, "conditions").rows().get(0).get(3));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.action().contains("VPN")), "the user is told about "
                + "the location");
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().contains("named locations") && r.link().equals(Links.LOCATIONS)));
    }

    @ParameterizedTest
    @CsvSource({"location, location", "devicePlatform, platform", "clientType, client-app", "signInRisk, risk",
        "userRisk, risk", "deviceState, device-filter", "authenticationFlows, authentication-flow",
        "servicePrincipals, workload-identity", "insiderRisk, risk"})
    void theConditionThatNarrowedTheBlockClassifiesIt(String condition, String classification) {
        SignIn s = fx.failure("ann@northwind.example", 53003).appliedConditionalAccessPolicies(List.of(
                new AppliedPolicy("p", "Narrow block", "failure", List.of("Block"), List.of(),
                        Set.of("users", "application", condition), Set.of()))).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals(classification, f.classification());
        assertEquals(3, table(f, "conditions").rows().size());
    }

    @Test
    void aSnapshotThatDisagreesWithTheRecordIsReported() {
        SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").build();
        var legacy = policy(Demo.BLOCK_LEGACY, "block");
        List<PolicyEvaluation> policies = List.of(doesNotApply(legacy, "Block",
                notSatisfied(Condition.CLIENT_APP_TYPES, "Exchange ActiveSync", "IMAP4", "IMAP4 is not listed")));
        var disagreement = new Disagreement(legacy.id(), legacy.displayName(), "failure", "does not apply: client apps",
                "the policy was changed after the sign-in, or the snapshot is of another tenant");
        Finding f = DetailParity.only(new BlockedDetector(FakeEvaluator.answering(evaluation(policies,
                List.of(disagreement), List.of())).snapshots()), s,
                TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertEquals(List.of("Block legacy authentication", "failure", "does not apply: client apps",
                "the policy was changed after the sign-in, or the snapshot is of another tenant"),
                table(f, "disagree").rows().get(0));
        assertTrue(f.assessment().contains("does not match what the sign-in met for 1 policy"), f.assessment());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("disagrees with the record on 1 policy")));
        // the evaluation did not find the policy applying: its conditions come from the record
        assertEquals("satisfied, as the record says", table(f, "conditions").rows().get(0).get(3));
    }

    @Test
    void aSnapshotWithoutTheEvaluatorSaysSo() {
        SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").build();
        Finding f = DetailParity.only(detector, s, TestContext.empty().withTenant(Tenants.builder()
                .policy(policy(Demo.BLOCK_LEGACY, "block")).build()));
        assertTrue(f.missing().contains(Snapshots.NO_EVALUATOR), f.missing().toString());
        assertFalse(f.missing().contains(Snapshots.NO_SNAPSHOT));
    }

    @Test
    void anEvaluatorThatFailsLeavesTheRecordBasedFinding() {
        SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").build();
        Finding f = DetailParity.only(new BlockedDetector(FakeEvaluator.throwing().snapshots()), s,
                TestContext.empty().withTenant(Tenants.builder().policy(policy(Demo.BLOCK_LEGACY, "block")).build()));
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("failed") && m.contains("position 12")),
                f.missing().toString());
    }

    @Test
    void withoutAPolicyOnTheRecordTheSnapshotNamesIt() {
        SignIn s = fx.failure("ann@northwind.example", 53003).build();
        var legacy = policy(Demo.BLOCK_LEGACY, "block");
        List<PolicyEvaluation> policies = List.of(applies(legacy, "Block", List.of(),
                satisfied(Condition.USERS, "All users", "ann", "included: All users")));
        Finding f = DetailParity.only(new BlockedDetector(FakeEvaluator.answering(evaluation(policies, List.of(),
                List.of())).snapshots()), s, TestContext.empty().withTenant(FakeEvaluator.tenant(policies)));
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("The record names no policy; evaluated against the tenant snapshot, "
                + "'Block legacy authentication' applies"), f.assessment());
        assertTrue(hasTable(f, "'Block legacy authentication': conditions"));
    }

    @Test
    void withoutAnyPolicyTheFindingSaysWhatIsMissing() {
        SignIn s = fx.failure("ann@northwind.example", 53003).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals("not-recorded", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("the policy that blocked the sign-in")));
        assertTrue(f.recommendations().stream().anyMatch(r -> r.link() != null && r.link().equals(Links.TROUBLESHOOT)));
    }

    @Test
    void aReportOnlyFailureIsNeverTheCause() {
        // a success that a report-only block would have stopped is not a block at all
        SignIn success = fx.success("ann@northwind.example").appliedConditionalAccessPolicies(Demo.applied(
                Demo.COUNTRIES, "reportOnlyFailure")).build();
        assertTrue(DetailParity.run(detector, success, TestContext.empty()).isEmpty());
        assertTrue(DetailParity.detect(detector, success, TestContext.empty()).isEmpty());
        // a block whose only failing policy on the record is report-only does not name it as the cause
        SignIn blocked = fx.failure("ann@northwind.example", 53003).appliedConditionalAccessPolicies(Demo.applied(
                Demo.COUNTRIES, "reportOnlyFailure")).build();
        Finding f = DetailParity.only(detector, blocked, TestContext.empty());
        assertNotEquals(Confidence.HIGH, f.confidence());
        assertEquals("not-recorded", f.classification());
        assertTrue(f.assessment().contains("report-only policies are never enforced: it did not cause this block"),
                f.assessment());
        assertFalse(hasTable(f, "': conditions"), "no policy tables for a report-only policy");
        assertEquals("reportOnlyFailure", table(f, "Report-only").rows().get(0).get(1));
    }

    @Test
    void theDemosRiskyBlockMentionsTheReportOnlyPolicyAsWell() {
        SignIn s = Demo.riskyBlock(fx, "ben@northwind.example").build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertEquals(Confidence.HIGH, f.confidence());
        assertTrue(f.assessment().contains("'Block high sign-in risk' applies"), f.assessment());
        assertTrue(f.assessment().contains("'Block sign-ins from outside allowed countries (report-only)' would also "
                + "have acted"), f.assessment());
    }

    @Test
    void theTenantSecurityPolicyCodeIsWorded() {
        SignIn s = fx.failure("ann@northwind.example", 530032).build();
        Finding f = DetailParity.only(detector, s, TestContext.empty());
        assertTrue(f.assessment().contains("tenant security policy enforced through Conditional Access (AADSTS530032)"),
                f.assessment());
    }

    @Test
    void otherCodesAreNotClaimed() {
        for (int code : new int[] {0, 53000, 50074, 530035, 50126}) {
            SignIn s = Demo.legacyBlock(fx, "ann@northwind.example").errorCode(code).build();
            assertTrue(DetailParity.detect(detector, s, TestContext.empty()).isEmpty(), "code " + code);
        }
    }
}
