package io.signdx.scenario.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.ConditionalAccessEvaluator;
import io.signdx.testkit.DetectorConformance;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/** credentials.success with a tenant snapshot: which policies that require MFA or block did not apply, and why. */
class SuccessSnapshotTest {
    private static final ConditionalAccessPolicy MFA_UNTRUSTED = policy("p-mfa", "Require MFA outside trusted locations",
            "enabled", "mfa");
    private static final ConditionalAccessPolicy BLOCK_COUNTRIES = policy("p-geo", "Block outside allowed countries",
            "enabledForReportingButNotEnforced", "block");
    private static final ConditionalAccessPolicy MFA_ADMINS = policy("p-adm", "Require MFA for admins", "enabled", "mfa");
    private static final ConditionalAccessPolicy DEVICE_ONLY = policy("p-dev", "Finance: compliant device", "enabled",
            "compliantDevice");
    private static final ConditionalAccessPolicy OLD_BLOCK = policy("p-old", "Old block", "disabled", "block");

    private final SignIns fx = new SignIns();

    /** A PolicyEvaluator built from the API records, counting its calls. */
    private static final class Fake implements PolicyEvaluator {
        private final Supplier<Evaluation> answer;
        final AtomicInteger calls = new AtomicInteger();

        Fake(Supplier<Evaluation> answer) {
            this.answer = answer;
        }

        @Override
        public Evaluation evaluate(SignInFacts facts, TenantContext tenant) {
            calls.incrementAndGet();
            return answer.get();
        }

        @Override
        public Evaluation evaluate(SignIn signIn, TenantContext tenant) {
            calls.incrementAndGet();
            return answer.get();
        }

        SuccessDetector detector() {
            return new SuccessDetector(new Snapshot(PolicyBridge.wrap(this)));
        }
    }

    private static ConditionalAccessPolicy policy(String id, String name, String state, String control) {
        return new ConditionalAccessPolicy(id, name, state, PolicyConditions.EMPTY, new GrantControls("OR",
                List.of(control), null, List.of(), List.of()), null, null);
    }

    private static ConditionVerdict verdict(Condition c, Verdict v, String reason) {
        return new ConditionVerdict(c, "configured", "value", v, reason);
    }

    private static PolicyEvaluation evaluated(ConditionalAccessPolicy p, Boolean applies, ConditionVerdict... verdicts) {
        return new PolicyEvaluation(p, applies, List.of(verdicts), p.blocks() ? "Block" : "Require MFA", List.of());
    }

    private static Evaluation evaluation(List<Disagreement> disagreements, PolicyEvaluation... policies) {
        Grant none = new Grant(Grant.Outcome.GRANT, List.of(), List.of(), List.of(), List.of(), List.of());
        return new Evaluation(SignInFacts.builder().build(), List.of(policies), none, none, List.of(), disagreements,
                List.of("device properties (no device filter can be decided)"));
    }

    private static TestContext tenant(ConditionalAccessPolicy... policies) {
        Tenants t = Tenants.builder();
        for (ConditionalAccessPolicy p : policies) {
            t.policy(p);
        }
        return TestContext.empty().withTenant(t.build());
    }

    private static Finding only(ScenarioDetector d, SignIn s, TestContext c) {
        List<Finding> findings = d.detect(s, c);
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    private static EvidenceTable table(Finding f, String titlePart) {
        return f.evidence().stream().filter(t -> t.title().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no table '" + titlePart + "'"));
    }

    private SignIn singleFactor() {
        return fx.success("ann@contoso.example").appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p-mfa",
                "Require MFA outside trusted locations", "notApplied", List.of(), List.of(), Set.of("application"),
                Set.of("location")))).build();
    }

    @Test
    void theConditionThatExcludedAnMfaPolicyIsNamed() {
        Fake e = new Fake(() -> evaluation(List.of(),
                evaluated(MFA_UNTRUSTED, false, verdict(Condition.USERS, Verdict.SATISFIED, "included: All users"),
                        verdict(Condition.LOCATIONS, Verdict.NOT_SATISFIED, "excluded: Contoso HQ (trusted)")),
                evaluated(MFA_ADMINS, false, verdict(Condition.USERS, Verdict.NOT_SATISFIED, "holds none of the roles"))));
        Finding f = only(e.detector(), singleFactor(), tenant(MFA_UNTRUSTED, MFA_ADMINS));
        assertEquals(1, e.calls.get(), "one evaluation per sign-in");
        assertEquals(SuccessDetector.SINGLE_FACTOR_NO_POLICY, f.classification());
        assertTrue(f.assessment().contains("2 enabled policies that require MFA or block did not apply: 'Require MFA "
                + "outside trusted locations' (excluded by locations: excluded: Contoso HQ (trusted)); 'Require MFA for "
                + "admins' (excluded by users: holds none of the roles)."), f.assessment());
        assertEquals(List.of(List.of("Require MFA outside trusted locations", "Require MFA", "Locations",
                "excluded: Contoso HQ (trusted)"), List.of("Require MFA for admins", "Require MFA", "Users",
                "holds none of the roles")), table(f, "did not apply").rows());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().startsWith("If 'Require MFA outside trusted locations' should have covered")));
        assertTrue(f.missing().contains("for the evaluation: device properties (no device filter can be decided)"),
                f.missing().toString());
        assertFalse(f.missing().stream().anyMatch(m -> m.startsWith("a Conditional Access policy snapshot")));
    }

    @Test
    void withTheRealEvaluatorATrustedLocationIsTheCondition() {
        ConditionalAccessPolicy mfa = new ConditionalAccessPolicy("p-mfa", "Require MFA outside trusted locations",
                "enabled", new PolicyConditions(new PolicyConditions.Users(List.of("All"), null, null, null, null, null,
                        null, null), new PolicyConditions.Applications(List.of("All"), null, null, null, null), null,
                        null, new PolicyConditions.IncludeExclude(List.of("All"), List.of("AllTrusted")), List.of("all"),
                        null, null, null, null, null, null), new GrantControls("OR", List.of("mfa"), null, null, null),
                null, null);
        TenantContext tenant = Tenants.builder().policy(mfa).namedLocation(new NamedLocation(
                "loc-hq", "Contoso HQ", NamedLocation.Kind.IP_RANGES, true,
                List.of("203.0.113.0/24"), List.of(), false, null)).build();
        SuccessDetector d = new SuccessDetector(new Snapshot(PolicyBridge.wrap(
                new ConditionalAccessEvaluator())));
        Finding f = only(d, singleFactor(), TestContext.empty().withTenant(tenant));
        List<String> row = table(f, "did not apply").rows().get(0);
        assertEquals(List.of("Require MFA outside trusted locations", "Locations"), List.of(row.get(0), row.get(2)));
        assertTrue(row.get(3).contains("Contoso HQ"), row.toString());
        assertTrue(f.assessment().contains("(excluded by locations: "), f.assessment());
    }

    @Test
    void reportOnlyPoliciesThatWouldHaveAppliedAreListed() {
        Fake e = new Fake(() -> evaluation(List.of(), evaluated(BLOCK_COUNTRIES, true,
                verdict(Condition.LOCATIONS, Verdict.SATISFIED, "NG is not an allowed country"))));
        Finding f = only(e.detector(), singleFactor(), tenant(BLOCK_COUNTRIES));
        assertTrue(f.assessment().contains("Report-only policies that would have applied by the snapshot: 'Block "
                + "outside allowed countries' (Block)."), f.assessment());
        assertEquals(List.of(List.of("Block outside allowed countries", "Block")), table(f, "Report-only").rows());
    }

    @Test
    void anUndecidedPolicyIsSaidToBeUndecided() {
        Fake e = new Fake(() -> evaluation(List.of(), evaluated(MFA_UNTRUSTED, null,
                verdict(Condition.DEVICE_FILTER, Verdict.NOT_ENOUGH_INFORMATION, "the device's properties are unknown"))));
        Finding f = only(e.detector(), singleFactor(), tenant(MFA_UNTRUSTED));
        assertTrue(f.assessment().contains("Whether 'Require MFA outside trusted locations' applies cannot be told: "
                + "filter for devices lacks information (the device's properties are unknown)."), f.assessment());
        assertEquals("not decided: Filter for devices", table(f, "did not apply").rows().get(0).get(2));
    }

    @Test
    void aSnapshotThatWouldHaveAskedForMfaIsProbablyNewer() {
        Fake e = new Fake(() -> evaluation(List.of(new Disagreement("p-mfa", "Require MFA outside trusted locations",
                "notApplied", "applies", "changed since")), evaluated(MFA_UNTRUSTED, true)));
        Finding f = only(e.detector(), singleFactor(), tenant(MFA_UNTRUSTED));
        assertTrue(f.assessment().contains("'Require MFA outside trusted locations' would apply to this sign-in"),
                f.assessment());
        assertTrue(f.assessment().contains("disagrees with the record on 1 policy"), f.assessment());
        assertTrue(f.missing().stream().anyMatch(m -> m.startsWith("a tenant snapshot from the time of the sign-in")));
    }

    @Test
    void disabledAndDeviceOnlyPoliciesAreNotInQuestion() {
        Fake e = new Fake(() -> evaluation(List.of(), evaluated(OLD_BLOCK, false,
                verdict(Condition.USERS, Verdict.NOT_SATISFIED, "disabled")), evaluated(DEVICE_ONLY, false,
                verdict(Condition.USERS, Verdict.NOT_SATISFIED, "not in Finance"))));
        Finding f = only(e.detector(), singleFactor(), tenant(OLD_BLOCK, DEVICE_ONLY));
        assertEquals(0, e.calls.get(), "no policy could have interrupted: nothing to evaluate");
        assertTrue(f.assessment().contains("has no enabled or report-only policy that blocks or requires MFA"),
                f.assessment());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void aSnapshotWithoutPoliciesSaysNothingCouldHaveInterrupted() {
        Finding f = only(new SuccessDetector(), singleFactor(), TestContext.empty().withTenant(Tenants.builder()
                .noPolicies().build()));
        assertTrue(f.assessment().contains("has no enabled or report-only policy that blocks or requires MFA"),
                f.assessment());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void theRelevanceOfEachTenantIsItsOwn() {
        Fake e = new Fake(() -> evaluation(List.of(), evaluated(MFA_UNTRUSTED, false,
                verdict(Condition.LOCATIONS, Verdict.NOT_SATISFIED, "excluded: trusted"))));
        SuccessDetector d = e.detector();
        only(d, singleFactor(), tenant(DEVICE_ONLY));
        only(d, singleFactor(), tenant(MFA_UNTRUSTED));
        assertEquals(1, e.calls.get(), "the second tenant has an MFA policy");
    }

    @Test
    void protectedAndWorkloadSuccessesAreNotEvaluated() {
        Fake e = new Fake(() -> evaluation(List.of()));
        SuccessDetector d = e.detector();
        only(d, fx.success("ann@contoso.example").authenticationRequirementValue("multiFactorAuthentication").build(),
                tenant(MFA_UNTRUSTED));
        only(d, SignIn.builder().id("sp").servicePrincipalId("sp-1").errorCode(0).build(), tenant(MFA_UNTRUSTED));
        only(d, SignIn.builder().id("bare").userPrincipalName("ann@contoso.example").errorCode(0).build(),
                tenant(MFA_UNTRUSTED));
        assertEquals(0, e.calls.get());
    }

    @Test
    void withoutTheEvaluatorTheFindingSaysSo() {
        Finding f = only(new SuccessDetector(), singleFactor(), tenant(MFA_UNTRUSTED));
        assertTrue(f.missing().contains(SuccessDetector.NO_EVALUATOR), f.missing().toString());
    }

    @Test
    void aFailingEvaluatorLeavesTheRecordBasedFinding() {
        Fake e = new Fake(() -> {
            throw new IllegalArgumentException("bad device filter rule at position 7");
        });
        Finding f = only(e.detector(), singleFactor(), tenant(MFA_UNTRUSTED));
        assertEquals(SuccessDetector.SINGLE_FACTOR_NO_POLICY, f.classification());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("which failed") && m.contains("position 7")));
        Finding none = only(new Fake(() -> null).detector(), singleFactor(), tenant(MFA_UNTRUSTED));
        assertTrue(none.missing().stream().anyMatch(m -> m.contains("no answer")));
    }

    @Test
    void oddEvaluationsNeverThrow() {
        ConditionalAccessPolicy nameless = new ConditionalAccessPolicy(null, null, "enabled", null,
                new GrantControls(null, List.of("mfa"), null, null, null), null, null);
        List<Supplier<Evaluation>> answers = List.of(() -> evaluation(List.of(new Disagreement(null, null, null, null,
                null)), new PolicyEvaluation(nameless, false, List.of(new ConditionVerdict(null, null, null,
                Verdict.NOT_SATISFIED, null)), null, List.of()), new PolicyEvaluation(nameless, null, List.of(), null,
                List.of())), () -> new Evaluation(SignInFacts.builder().build(), List.of(), null, null, List.of(),
                List.of(), List.of()));
        for (Supplier<Evaluation> answer : answers) {
            SuccessDetector d = new Fake(answer).detector();
            for (SignIn s : List.of(singleFactor(), SignIn.builder().build(), SignIn.builder().errorCode(0)
                    .authenticationRequirementValue("singleFactorAuthentication").build())) {
                assertDoesNotThrow(() -> d.detect(s, tenant(nameless)), s.toString());
            }
        }
    }

    @Test
    void conformsWithAnEvaluatorBound() {
        DetectorConformance.assertConforms(new Fake(() -> evaluation(List.of())).detector());
    }

    @Test
    void theEvaluatorIsBoundAndUnboundAsAService() {
        Fake e = new Fake(() -> evaluation(List.of(), evaluated(MFA_UNTRUSTED, false,
                verdict(Condition.LOCATIONS, Verdict.NOT_SATISFIED, "excluded: trusted"))));
        SuccessDetector d = new SuccessDetector();
        ComponentServiceObjects<Object> objects = objects(e);
        d.bindEvaluator(objects);
        only(d, singleFactor(), tenant(MFA_UNTRUSTED));
        assertEquals(1, e.calls.get());
        d.unbindEvaluator(objects);
        assertTrue(only(d, singleFactor(), tenant(MFA_UNTRUSTED)).missing().contains(SuccessDetector.NO_EVALUATOR));
        d.bindEvaluator(objects("not an evaluator"));
        assertTrue(only(d, singleFactor(), tenant(MFA_UNTRUSTED)).missing().contains(SuccessDetector.NO_EVALUATOR));
    }

    private static ComponentServiceObjects<Object> objects(Object service) {
        return new ComponentServiceObjects<>() {
            @Override
            public Object getService() {
                return service;
            }

            @Override
            public void ungetService(Object s) {
                // nothing counted here
            }

            @Override
            public ServiceReference<Object> getServiceReference() {
                return null;
            }
        };
    }

    /** Loads this bundle's classes itself and hides io.signdx.policy, as when the optional import is not wired. */
    private static final class WithoutPolicy extends ClassLoader {
        private static final String PACKAGE = "io.signdx.scenario.credentials.internal.";

        WithoutPolicy() {
            super(SuccessSnapshotTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.signdx.policy.")) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith(PACKAGE) || name.contains("Test")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException x) {
                        throw new ClassNotFoundException(name, x);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void theDetectorWorksWithoutThePolicyPackage() throws Exception {
        ClassLoader loader = new WithoutPolicy();
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.signdx.policy.PolicyEvaluator"));
        Class<?> type = loader.loadClass(SuccessDetector.class.getName());
        type.getDeclaredMethods();
        type.getDeclaredFields();
        ScenarioDetector d = (ScenarioDetector) type.getConstructor().newInstance();
        var bind = type.getDeclaredMethod("bindEvaluator", ComponentServiceObjects.class);
        bind.setAccessible(true);
        bind.invoke(d, objects(new Object()));
        List<Finding> findings = new ArrayList<>(d.detect(singleFactor(), tenant(MFA_UNTRUSTED)));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).missing().contains(SuccessDetector.NO_EVALUATOR), findings.get(0).missing().toString());
    }
}
