package io.signdx.policy.analysis.internal;

import static io.signdx.policy.analysis.internal.Fixtures.BREAK_GLASS;
import static io.signdx.policy.analysis.internal.Fixtures.allUsersExcept;
import static io.signdx.policy.analysis.internal.Fixtures.apps;
import static io.signdx.policy.analysis.internal.Fixtures.conditions;
import static io.signdx.policy.analysis.internal.Fixtures.enabled;
import static io.signdx.policy.analysis.internal.Fixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.ReplayReport.Example;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;

class ReplayTest {
    private final SignIns fx = new SignIns();

    private static final ConditionalAccessPolicy BLOCK = enabled("p-block", "Block risky countries",
            conditions(allUsersExcept(BREAK_GLASS), apps("All")), grant("OR", "block"));
    private static final ConditionalAccessPolicy MFA = enabled("p-mfa", "Require MFA",
            conditions(allUsersExcept(BREAK_GLASS), apps("All")), grant("OR", "mfa"));
    private static final ConditionalAccessPolicy STRENGTH = enabled("p-strength", "Phishing-resistant for admins",
            conditions(allUsersExcept(BREAK_GLASS), apps("All")), new GrantControls("OR", List.of(),
                    new GrantControls.AuthenticationStrength("s1", "Phishing-resistant MFA", List.of("fido2")),
                    List.of(), List.of()));
    private static final ConditionalAccessPolicy DEVICE = enabled("p-device", "Compliant device",
            conditions(allUsersExcept(BREAK_GLASS), apps("All")), grant("OR", "compliantDevice"));

    /** The new snapshot: who meets which policy is decided by the user's name, as the test says. */
    private static TenantContext after(ConditionalAccessPolicy... policies) {
        Tenants t = Tenants.builder();
        for (ConditionalAccessPolicy p : policies) {
            t.policy(p);
        }
        return t.build();
    }

    /** The policy applies to users whose UPN starts with the policy's id minus "p-"; null for "unsure@". */
    private static final FakeEvaluator BY_NAME = new FakeEvaluator((p, f) -> {
        String upn = String.valueOf(f.userPrincipalName());
        if (upn.startsWith("unsure")) {
            return null;
        }
        return upn.startsWith(p.id().substring(2));
    });

    private static AppliedPolicy applied(String name, String result, String... controls) {
        return new AppliedPolicy("id-" + name, name, result, List.of(controls), List.of(), Set.of("users"), Set.of());
    }

    private SignIn recorded(String upn, String caStatus, AppliedPolicy... policies) {
        return fx.success(upn).conditionalAccessStatusValue(caStatus).appliedConditionalAccessPolicies(List.of(policies))
                .build();
    }

    @Test
    void everyKindOfChangeIsCountedWithExamplesAndPolicies() {
        List<SignIn> signIns = List.of(
                // nothing before, blocked after
                recorded("block.ann@contoso.example", "notApplied"),
                // nothing before, MFA after; an authentication strength counts as MFA
                recorded("mfa.bob@contoso.example", "notApplied"),
                recorded("strength.cy@contoso.example", "notApplied"),
                // MFA before, a compliant device as well after
                recorded("device.dan@contoso.example", "success", applied("Old MFA", "success", "Mfa")),
                // blocked before, nothing after
                fx.failure("eve@contoso.example", 53003).conditionalAccessStatusValue("failure")
                        .appliedConditionalAccessPolicies(List.of(applied("Old block", "failure", "Block"))).build(),
                // MFA before, nothing after
                recorded("fay@contoso.example", "success", applied("Old MFA", "success", "Mfa")),
                // nothing before, nothing after; report-only results do not count as enforced
                recorded("gus@contoso.example", "notApplied", applied("Trial", "reportOnlyFailure", "Block")),
                // the new snapshot cannot decide
                recorded("unsure.hal@contoso.example", "notApplied"),
                // the record carries no Conditional Access result at all
                fx.success("ivy@contoso.example").conditionalAccessStatusValue(null).build());
        ReplayReport r = new Replay(BY_NAME).replay(null, after(BLOCK, MFA, STRENGTH, DEVICE), signIns, 5);
        assertEquals(9, r.signIns());
        assertEquals(Map.of(Change.NEWLY_BLOCKED, 1L, Change.NEWLY_REQUIRES_MFA, 2L, Change.NEWLY_REQUIRES_OTHER, 1L,
                Change.NO_LONGER_BLOCKED, 1L, Change.NO_LONGER_PROTECTED, 1L, Change.UNCHANGED, 1L, Change.UNDECIDED, 2L),
                r.counts());

        Example blocked = r.examples().get(Change.NEWLY_BLOCKED).get(0);
        assertEquals("block.ann@contoso.example", blocked.user());
        assertEquals("no control required", blocked.before());
        assertEquals("blocked by Block risky countries", blocked.after());
        assertEquals(List.of("Block risky countries"), blocked.policies());

        assertEquals(List.of("mfa.bob@contoso.example", "strength.cy@contoso.example"),
                r.examples().get(Change.NEWLY_REQUIRES_MFA).stream().map(Example::user).toList());
        assertEquals(Map.of("Require MFA", 1L, "Phishing-resistant for admins", 1L),
                r.policiesInvolved().get(Change.NEWLY_REQUIRES_MFA));

        Example device = r.examples().get(Change.NEWLY_REQUIRES_OTHER).get(0);
        assertEquals("requires multifactor authentication (Old MFA)", device.before());
        assertTrue(device.after().contains("a compliant device"), device.after());
        assertEquals(List.of("Compliant device"), device.policies());

        Example free = r.examples().get(Change.NO_LONGER_BLOCKED).get(0);
        assertEquals("blocked by Old block", free.before());
        assertEquals(List.of("Old block"), free.policies());
        assertEquals(Map.of("Old MFA", 1L), r.policiesInvolved().get(Change.NO_LONGER_PROTECTED));
        assertEquals("fay@contoso.example", r.examples().get(Change.NO_LONGER_PROTECTED).get(0).user());

        List<Example> undecided = r.examples().get(Change.UNDECIDED);
        assertTrue(undecided.get(0).after().startsWith("undecided: "), undecided.get(0).after());
        assertTrue(undecided.get(1).before().startsWith("not recorded"), undecided.get(1).before());
        assertEquals(List.of(), r.examples().get(Change.UNCHANGED).get(0).policies());
    }

    @Test
    void aBaselineSnapshotIsEvaluatedInsteadOfTheRecords() {
        // the record says blocked, but the replay compares two snapshots: MFA before, MFA and block after
        SignIn s = fx.failure("mfa.block.ann@contoso.example", 53003).conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(applied("Whatever", "failure", "Block"))).build();
        FakeEvaluator prefix = new FakeEvaluator((p, f) -> String.valueOf(f.userPrincipalName()).contains(
                p.id().substring(2) + "."));
        ReplayReport r = new Replay(prefix).replay(after(MFA), after(MFA, BLOCK), List.of(s), 3);
        assertEquals(1L, r.counts().get(Change.NEWLY_BLOCKED));
        assertEquals("requires multifactor authentication (Require MFA)",
                r.examples().get(Change.NEWLY_BLOCKED).get(0).before());
        ReplayReport same = new Replay(prefix).replay(after(MFA), after(MFA), List.of(s), 3);
        assertEquals(1L, same.counts().get(Change.UNCHANGED));
    }

    @Test
    void examplesAreCappedAndEveryKindIsPresent() {
        List<SignIn> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(recorded("block.user" + i + "@contoso.example", "notApplied"));
        }
        ReplayReport r = new Replay(BY_NAME).replay(null, after(BLOCK), many, 2);
        assertEquals(20L, r.counts().get(Change.NEWLY_BLOCKED));
        assertEquals(2, r.examples().get(Change.NEWLY_BLOCKED).size());
        assertEquals(Map.of("Block risky countries", 20L), r.policiesInvolved().get(Change.NEWLY_BLOCKED));
        for (Change c : Change.values()) {
            assertTrue(r.counts().containsKey(c) && r.examples().containsKey(c) && r.policiesInvolved().containsKey(c),
                    c::toString);
        }
        assertEquals(0L, r.counts().get(Change.NO_LONGER_PROTECTED));
    }

    @Test
    void signInsAreStreamedOnceAndNeverHeld() {
        int n = 200_000;
        AtomicBoolean iterated = new AtomicBoolean();
        Iterable<SignIn> stream = () -> {
            if (!iterated.compareAndSet(false, true)) {
                throw new AssertionError("the sign-ins were read twice");
            }
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < n;
                }

                @Override
                public SignIn next() {
                    if (i >= n) {
                        throw new NoSuchElementException();
                    }
                    i++;
                    return SignIn.builder().id("r" + i).userPrincipalName((i % 2 == 0 ? "mfa." : "") + "u" + i
                            + "@contoso.example").conditionalAccessStatusValue("notApplied").build();
                }
            };
        };
        ReplayReport r = new Replay(BY_NAME).replay(null, after(MFA), stream, 1);
        assertEquals(n, r.signIns());
        assertEquals(n / 2L, r.counts().get(Change.NEWLY_REQUIRES_MFA));
        assertEquals(n / 2L, r.counts().get(Change.UNCHANGED));
        assertEquals(1, r.examples().get(Change.UNCHANGED).size());
    }

    @Test
    void aSignInTheEvaluatorCannotTakeIsUndecidedAndTheRestGoesOn() {
        FakeEvaluator fragile = new FakeEvaluator((p, f) -> {
            if ("boom@contoso.example".equals(f.userPrincipalName())) {
                throw new IllegalStateException("cannot read this record");
            }
            return false;
        });
        ReplayReport r = new Replay(fragile).replay(null, after(MFA), List.of(recorded("boom@contoso.example",
                "notApplied"), recorded("fine@contoso.example", "notApplied")), 5);
        assertEquals(1L, r.counts().get(Change.UNDECIDED));
        assertEquals("evaluation failed: cannot read this record", r.examples().get(Change.UNDECIDED).get(0).after());
        assertEquals(1L, r.counts().get(Change.UNCHANGED));
        assertThrows(IllegalArgumentException.class, () -> new Replay(fragile).replay(null, null, List.of(), 1));
    }

    @Test
    void whatTheRecordCannotSayIsUndecidedAndSessionFailuresRequireNothing() {
        SignIn wrongPassword = fx.failure("block.ann@contoso.example", 50126).conditionalAccessStatusValue("notApplied")
                .appliedConditionalAccessPolicies(List.of(applied("Old block", "notApplied"))).build();
        SignIn frequency = fx.failure("fay@contoso.example", 70044).conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("id-hr", "HR every 8 hours", "failure",
                        List.of(), List.of("SignInFrequency"), Set.of(), Set.of()))).build();
        ReplayReport r = new Replay(BY_NAME).replay(null, after(BLOCK), List.of(wrongPassword, frequency), 5);
        Example undecided = r.examples().get(Change.UNDECIDED).get(0);
        assertEquals("not evaluated: the sign-in failed before Conditional Access (error 50126)", undecided.before());
        assertEquals("blocked by Block risky countries", undecided.after());
        assertEquals(1L, r.counts().get(Change.UNCHANGED));
        assertEquals("no grant control required (session controls: SignInFrequency)",
                r.examples().get(Change.UNCHANGED).get(0).before());
    }

    @Test
    void recordedControlNamesAreReadLikeGraphNames() {
        SignIn s = recorded("x@contoso.example", "success", applied("Old", "success", "RequireCompliantDevice",
                "RequireAuthenticationStrength"));
        Outcome o = Outcome.recorded(s);
        assertEquals(Set.of("compliantdevice", Outcome.AUTH_STRENGTH), o.controls());
        assertTrue(o.mfa());
    }
}
