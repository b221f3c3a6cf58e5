package io.signdx.scenario.conditionalaccess.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.DetailParity;
import io.signdx.testkit.Tenants;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

/**
 * Partial and odd records, odd snapshots and odd evaluator answers never make a detector throw, with detail
 * or without, and never change its verdict without detail.
 */
class RobustnessTest {
    private static final int[] CODES = {0, 53000, 53001, 53002, 530021, 53003, 530032, 53009, 50005, 50074, 50076,
        50097, 50129, 50155, 50158, 70043, 70044, 500212, 500213, 99999};

    private static List<SignIn> oddRecords() {
        List<SignIn> out = new ArrayList<>();
        out.add(SignIn.builder().build());
        for (int code : CODES) {
            out.add(SignIn.builder().id("x").errorCode(code).build());
            out.add(SignIn.builder().id("odd-" + code).status(new Status(code, null, null))
                    .conditionalAccessStatusValue("sometimes").clientAppUsed("a client from the future")
                    .authenticationRequirementValue("???").userTypeValue("robot").crossTenantAccessTypeValue("teleport")
                    .homeTenantId(" ").resourceTenantId("")
                    .authenticationRequirementPolicies(Arrays.asList(new RequirementPolicy(null, null),
                            new RequirementPolicy("", "x"), new RequirementPolicy("multiConditionalAccess", null)))
                    .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, null, null, null, null, null),
                            new AppliedPolicy("p", "", "failure", Arrays.asList("", "Mfa", "Block",
                                    "RequireCompliantDevice", "termsOfUse", "x".repeat(5000)), List.of("SignInFrequency", ""),
                                    Set.of("users", "none", "weird", ""), null),
                            new AppliedPolicy("q", "line\nbreak", "reportOnlyFailure", List.of("Block"), null, null, null)))
                    .authenticationDetails(List.of(new AuthenticationDetail(null, null, null, null, null, null)))
                    .networkLocationDetails(List.of(new NetworkLocation(null, null), new NetworkLocation("trusted", List.of(
                            ""))))
                    .deviceDetail(new DeviceDetail("", "", "", "", null, null, ""))
                    .risk(new Risk("extreme", null, "maybe", null, List.of("x", " ")))
                    .build());
            out.add(SignIn.builder().id("guest-" + code).errorCode(code).userTypeValue("Guest")
                    .crossTenantAccessTypeValue("b2bDirectConnect").createdDateTime(Instant.EPOCH).build());
        }
        return out;
    }

    /** Evaluator answers a real evaluator should never give, but a broken or newer one might. */
    private static List<Function<SignIn, Evaluation>> oddAnswers() {
        ConditionalAccessPolicy bare = new ConditionalAccessPolicy(null, null, null, null, null, null, null);
        ConditionalAccessPolicy block = new ConditionalAccessPolicy("p", "", "enabled", null,
                new GrantControls(null, List.of("block", "mfa", "compliantDevice", ""), null, null, null), null, null);
        List<PolicyEvaluation> policies = List.of(
                new PolicyEvaluation(bare, null, List.of(), null, List.of()),
                new PolicyEvaluation(block, true, List.of(new ConditionVerdict(null, null, null, Verdict.SATISFIED, null),
                        new ConditionVerdict(null, null, null, Verdict.NOT_SATISFIED, null)), null, Arrays.asList("", "a:")),
                new PolicyEvaluation(block, false, List.of(), "", List.of()));
        List<Disagreement> disagreements = List.of(new Disagreement(null, null, null, null, null));
        return List.of(
                s -> null,
                s -> new Evaluation(SignInFacts.builder().build(), List.of(), null, null, List.of(), List.of(), List.of()),
                s -> new Evaluation(SignInFacts.builder().build(), policies, null, null, List.of(), disagreements,
                        List.of("")),
                s -> {
                    throw new IllegalStateException("broken");
                },
                s -> {
                    throw new NoClassDefFoundError("io/signdx/policy/Something");
                });
    }

    @Test
    void noDetectorThrows() {
        List<SignIn> records = oddRecords();
        TenantContext withPolicies = Tenants.builder().policy(new ConditionalAccessPolicy("p", "P", "enabled", null, null,
                null, null)).build();
        // each context asks with detail and without: counting must not throw either, nor change a verdict
        record Asked(DetectionContext detailed, DetectionContext brief) {
        }
        List<Asked> contexts = new ArrayList<>();
        for (TestContext c : List.of(TestContext.empty(), TestContext.of(records),
                TestContext.empty().withTenant(withPolicies),
                TestContext.empty().withTenant(Tenants.builder().noPolicies().build()))) {
            contexts.add(new Asked(c, c.brief()));
        }
        contexts.add(new Asked(nullTenant(true), nullTenant(false)));
        List<List<ScenarioDetector>> detectorSets = new ArrayList<>();
        detectorSets.add(List.of(new BlockedDetector(), new FailedDetector(), new MfaDetector(),
                new B2bBlockedDetector()));
        for (Function<SignIn, Evaluation> answer : oddAnswers()) {
            FakeEvaluator e = new FakeEvaluator((s, t) -> answer.apply(s));
            detectorSets.add(List.of(new BlockedDetector(e.snapshots()), new FailedDetector(e.snapshots()),
                    new MfaDetector(e.snapshots()), new B2bBlockedDetector(e.snapshots())));
        }
        for (List<ScenarioDetector> detectors : detectorSets) {
            for (ScenarioDetector d : detectors) {
                for (Asked c : contexts) {
                    for (SignIn s : records) {
                        List<Finding> findings = assertDoesNotThrow(() -> d.detect(s, c.detailed()), d + " on " + s);
                        assertNotNull(findings);
                        findings.forEach(f -> assertFalse(f.assessment().isBlank()));
                        List<Finding> brief = assertDoesNotThrow(() -> d.detect(s, c.brief()), d + " on " + s);
                        assertNotNull(brief);
                        DetailParity.check(findings, brief, d + " on " + s);
                    }
                }
            }
        }
    }

    /** A context whose tenant is null, as a broken engine might give. */
    private static DetectionContext nullTenant(boolean detailed) {
        return new DetectionContext() {
            @Override
            public TenantContext tenant() {
                return null;
            }

            @Override
            public boolean detailed() {
                return detailed;
            }

            @Override
            public List<SignIn> related(SignInQuery query) {
                return null;
            }
        };
    }
}
