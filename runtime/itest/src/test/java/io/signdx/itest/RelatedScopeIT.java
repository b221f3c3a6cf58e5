package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Related sign-ins in a bulk run come from the batch only (an export diagnosed as it is) or also from
 * the registered sources, as the caller asks; a single diagnosis always asks the sources.
 */
class RelatedScopeIT {
    private static final int CODE = 4_200_002;

    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    DiagnosisService engine;

    @InjectService
    ModuleService modules;

    @Test
    void bulkRunsAskTheSourcesOnlyWhenTold() throws Exception {
        AtomicInteger sourceQueries = new AtomicInteger();
        SignIn stored = SignIn.builder().id("stored").userPrincipalName("ann@contoso.example").errorCode(CODE)
                .createdDateTime(Instant.parse("2026-11-20T08:00:00Z")).build();
        SignInSource source = new SignInSource() {
            @Override
            public Page<SignIn> query(SignInQuery query) {
                sourceQueries.incrementAndGet();
                List<SignIn> hits = query.matches(stored) ? List.of(stored) : List.of();
                return new Page<>(hits, 0, hits.size());
            }

            @Override
            public long count(SignInQuery query) {
                return query.matches(stored) ? 1 : 0;
            }
        };
        // counts the related sign-ins of the same user that it sees
        ScenarioDetector counting = (s, c) -> List.of(Finding.builder("itest.related").confidence(Confidence.HIGH)
                .assessment(c.related(SignInQuery.all().withUser("ann@contoso.example")).size() + " related").build());
        ServiceRegistration<SignInSource> src = ctx.registerService(SignInSource.class, source, null);
        ServiceRegistration<ScenarioDetector> det = Fixtures.register(ctx, "itest.related", counting, 0, CODE);
        try {
            Fixtures.await("the counting detector is active", () -> modules.detectors().stream()
                    .anyMatch(d -> d.scenario().equals("itest.related") && d.state() == DetectorState.ACTIVE));
            List<SignIn> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(SignIn.builder().id("b" + i).userPrincipalName("ann@contoso.example").errorCode(CODE)
                        .createdDateTime(Instant.parse("2026-11-20T09:00:00Z").plusSeconds(i)).build());
            }
            List<String> batchOnly = new ArrayList<>();
            engine.diagnoseAll(batch, TenantContext.empty(), DiagnosisService.Related.BATCH,
                    (Diagnosis d) -> batchOnly.add(d.findings().get(0).assessment()));
            assertEquals(List.of("3 related", "3 related", "3 related"), batchOnly);
            assertEquals(0, sourceQueries.get(), "a batch-only run never queries a source");

            List<String> withSources = new ArrayList<>();
            engine.diagnoseAll(batch, TenantContext.empty(), (Diagnosis d) -> withSources.add(
                    d.findings().get(0).assessment()));
            assertEquals(List.of("4 related", "4 related", "4 related"), withSources);
            assertTrue(sourceQueries.get() >= 3);
        } finally {
            det.unregister();
            src.unregister();
        }
    }
}
