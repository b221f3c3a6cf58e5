package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.SignInFacts;

class EvaluatorCacheTest {

    /** A tenant whose policy list can be replaced, as a live source could. */
    private static final class LiveTenant implements TenantContext {
        final AtomicReference<List<ConditionalAccessPolicy>> policies = new AtomicReference<>(List.of());

        @Override
        public Set<TenantPart> parts() {
            return Set.of(TenantPart.CONDITIONAL_ACCESS_POLICIES);
        }

        @Override
        public Optional<DirectoryUser> user(String idOrUserPrincipalName) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> securityDefaultsEnabled() {
            return Optional.empty();
        }

        @Override
        public Optional<String> perUserMfaState(String userId) {
            return Optional.empty();
        }

        @Override
        public List<ConditionalAccessPolicy> policies() {
            return policies.get();
        }
    }

    @Test
    void aChangedPolicySetIsCompiledAgain() {
        ConditionalAccessEvaluator ev = Eval.evaluator();
        LiveTenant t = new LiveTenant();
        t.policies.set(List.of(policy("p", "MFA").includeUsers("All").grant("OR", "mfa").build()));
        assertEquals(Grant.Outcome.GRANT_WITH_REQUIREMENTS, ev.evaluate(alice().build(), t).grant().outcome());
        t.policies.set(List.of(policy("p", "Block").includeUsers("All").block().build()));
        assertEquals(Grant.Outcome.BLOCK, ev.evaluate(alice().build(), t).grant().outcome());
    }

    @Test
    void manyTenantsDoNotGrowTheCacheWithoutBound() {
        ConditionalAccessEvaluator ev = Eval.evaluator();
        for (int i = 0; i < ConditionalAccessEvaluator.MAX_TENANTS * 3; i++) {
            TenantContext t = Eval.tenant(policy("p" + i, "x").includeUsers("All").block().build()).build();
            assertEquals(Grant.Outcome.BLOCK, ev.evaluate(alice().build(), t).grant().outcome());
        }
    }

    @Test
    void concurrentEvaluationsAgreeWithSequentialOnes() throws Exception {
        ConditionalAccessEvaluator ev = Eval.evaluator();
        TenantContext t = Eval.tenant(policy("mfa", "MFA").includeUsers("All").excludeGroups(Eval.BREAK_GLASS)
                .grant("OR", "mfa").build(), policy("legacy", "Block legacy").includeUsers("All")
                        .clientAppTypes("exchangeActiveSync", "other").block().build(),
                policy("dev", "Compliant only").includeUsers("All").deviceFilter("exclude", "device.isCompliant -eq True")
                        .block().build()).build();
        List<SignInFacts> facts = new ArrayList<>();
        String[] apps = {"browser", "other", "exchangeActiveSync", "mobileAppsAndDesktopClients"};
        for (int i = 0; i < 200; i++) {
            facts.add(alice().clientAppType(apps[i % apps.length])
                    .groupIds(i % 3 == 0 ? Set.of(Eval.BREAK_GLASS) : Set.of())
                    .deviceProperties(i % 5 == 0 ? java.util.Map.of() : java.util.Map.of("deviceId", "d", "isCompliant", "True"))
                    .build());
        }
        List<Grant.Outcome> sequential = facts.stream().map(f -> ev.evaluate(f, t).grant().outcome()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Grant.Outcome>> futures = new ArrayList<>();
            for (SignInFacts f : facts) {
                futures.add(pool.submit(() -> ev.evaluate(f, t).grant().outcome()));
            }
            for (int i = 0; i < facts.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nullFactsAreRefusedAndANullTenantKnowsNothing() {
        ConditionalAccessEvaluator ev = Eval.evaluator();
        assertThrows(IllegalArgumentException.class, () -> ev.evaluate((SignInFacts) null, TenantContext.empty()));
        Evaluation e = ev.evaluate(alice().build(), null);
        assertEquals(Grant.Outcome.GRANT, e.grant().outcome());
        assertEquals(List.of("the Conditional Access policies (the snapshot has none: nothing was evaluated)"), e.missing());
    }
}
