package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.BREAK_GLASS;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.testkit.SignIns;

class DisagreementsTest {
    private static final String MFA = "aaaaaaaa-0000-4000-8000-00000000000a";
    private static final String BLOCK = "bbbbbbbb-0000-4000-8000-00000000000b";
    private static final String RO = "cccccccc-0000-4000-8000-00000000000c";
    private static final String OFF = "dddddddd-0000-4000-8000-00000000000d";

    private static final ConditionalAccessPolicy MFA_ALL = policy(MFA, "MFA for everyone").includeUsers("All")
            .excludeGroups(BREAK_GLASS).includeApps("All").grant("OR", "mfa").build();
    private static final ConditionalAccessPolicy BLOCK_LEGACY = policy(BLOCK, "Block legacy").includeUsers("All")
            .includeApps("All").clientAppTypes("exchangeActiveSync", "other").block().build();
    private static final ConditionalAccessPolicy RO_BLOCK = policy(RO, "Trial block").reportOnly().includeUsers("All")
            .includeApps("All").block().build();
    private static final ConditionalAccessPolicy OLD = policy(OFF, "Old").disabled().includeUsers("All").includeApps("All")
            .block().build();

    private final SignIns fx = new SignIns();

    private static TenantContext tenant(Set<String> aliceGroups, ConditionalAccessPolicy... policies) {
        return Eval.tenant(policies).user(new DirectoryUser("id-alice@contoso.example", "alice@contoso.example", "Alice",
                "Member", aliceGroups, Set.of())).build();
    }

    private static AppliedPolicy applied(String id, String name, String result, String... satisfied) {
        return new AppliedPolicy(id, name, result, List.of(), List.of(), Set.of(satisfied), Set.of());
    }

    private SignIn signIn(AppliedPolicy... policies) {
        return fx.success("alice@contoso.example").appliedConditionalAccessPolicies(List.of(policies)).build();
    }

    private static List<Disagreement> compare(SignIn s, TenantContext t) {
        Evaluation e = Eval.evaluator().evaluate(s, t);
        return e.disagreements();
    }

    @Test
    void agreeingRecordGivesNone() {
        SignIn s = signIn(applied(MFA, "MFA for everyone", "success", "users", "application"),
                applied(BLOCK, "Block legacy", "notApplied"), applied(RO, "Trial block", "reportOnlyFailure"),
                applied(OFF, "Old", "notEnabled"));
        assertEquals(List.of(), compare(s, tenant(Set.of(), MFA_ALL, BLOCK_LEGACY, RO_BLOCK, OLD)));
    }

    @Test
    void recordedAppliedButTheSnapshotSaysNo() {
        // the user has joined the break-glass group since the sign-in
        SignIn s = signIn(applied(MFA, "MFA for everyone", "success", "users", "application"));
        List<Disagreement> d = compare(s, tenant(Set.of(BREAK_GLASS), MFA_ALL));
        assertEquals(1, d.size());
        Disagreement x = d.get(0);
        assertEquals(MFA, x.policyId());
        assertEquals("success", x.recorded());
        assertEquals("does not apply: Users (excluded: member of group Break-glass accounts (" + BREAK_GLASS + "))", x.evaluated());
        assertTrue(x.explanation().contains("application, users"), x.explanation());
        assertTrue(x.explanation().contains("Re-export the policies"), x.explanation());
    }

    @Test
    void recordedNotAppliedButTheSnapshotSaysItApplies() {
        AppliedPolicy na = new AppliedPolicy(MFA, "MFA for everyone", "notApplied", List.of(), List.of(), Set.of(), Set.of("users"));
        List<Disagreement> d = compare(signIn(na), tenant(Set.of(), MFA_ALL));
        assertEquals(1, d.size());
        assertEquals("applies", d.get(0).evaluated());
        assertTrue(d.get(0).explanation().contains("not satisfied: users"), d.get(0).explanation());
    }

    @Test
    void stateChanged() {
        SignIn s = signIn(applied(RO, "Trial block", "failure"));
        List<Disagreement> d = compare(s, tenant(Set.of(), RO_BLOCK));
        assertEquals(1, d.size());
        assertEquals("the snapshot has the policy in report-only mode", d.get(0).evaluated());
        assertTrue(d.get(0).explanation().startsWith("The policy's state changed since the sign-in: the record shows it on"),
                d.get(0).explanation());
    }

    @Test
    void policyMissingFromTheSnapshot() {
        SignIn s = signIn(applied(MFA, "MFA for everyone", "success"), applied("eeeeeeee-0000-4000-8000-00000000000e",
                "Deleted policy", "notApplied"), applied("ffffffff-0000-4000-8000-00000000000f", "Was off", "notEnabled"));
        List<Disagreement> d = compare(s, tenant(Set.of(), MFA_ALL));
        assertEquals(1, d.size(), d.toString());
        assertEquals("Deleted policy", d.get(0).policy());
        assertEquals("not in the snapshot", d.get(0).evaluated());
        assertTrue(d.get(0).explanation().contains("deleted after the sign-in"), d.get(0).explanation());
    }

    @Test
    void policyMissingFromTheRecord() {
        SignIn s = signIn(applied(MFA, "MFA for everyone", "success"));
        List<Disagreement> d = compare(s, tenant(Set.of(), MFA_ALL, BLOCK_LEGACY, OLD));
        assertEquals(1, d.size(), "the disabled one is no disagreement");
        assertEquals(BLOCK, d.get(0).policyId());
        assertEquals("not in the record", d.get(0).recorded());
        assertEquals("does not apply: Client apps (client app type browser is not included)", d.get(0).evaluated());
        assertTrue(d.get(0).explanation().contains("created or turned on after the sign-in"));
    }

    @Test
    void recordWithoutPolicyResultsIsNotCompared() {
        assertEquals(List.of(), compare(fx.success("alice@contoso.example").build(), tenant(Set.of(), MFA_ALL)));
    }

    @Test
    void hypotheticalSignInsHaveNoDisagreements() {
        Evaluation e = Eval.run(tenant(Set.of(), MFA_ALL), Eval.alice().build());
        assertEquals(List.of(), e.disagreements());
    }
}
