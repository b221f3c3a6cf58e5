package io.signdx.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** A bulk diagnosis survives the uninstallation of a detector's bundle in the middle of the run. */
class BulkIT {
    @InjectBundleContext
    BundleContext ctx;

    @InjectService
    DiagnosisService engine;

    @Test
    void uninstallingADetectorBundleDuringABulkRunDoesNotFailTheRun() throws Exception {
        Bundle partner = ctx.installBundle("itest:bulk-partner", Files.newInputStream(HotDeployIT.examplePartnerJar()));
        partner.start();
        Fixtures.await("the partner detector takes part",
                () -> engine.diagnose(Fixtures.expenseSignIn("probe"), TenantContext.empty())
                        .has(HotDeployIT.SCENARIO));

        List<SignIn> signIns = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            signIns.add(Fixtures.expenseSignIn("b" + i));
        }
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger withPartner = new AtomicInteger();
        List<String> order = new ArrayList<>();
        Thread uninstaller = new Thread(() -> {
            try {
                while (seen.get() < 20_000) {
                    Thread.sleep(1);
                }
                partner.uninstall();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        uninstaller.start();
        engine.diagnoseAll(signIns, TenantContext.empty(), (Diagnosis d) -> {
            if (seen.getAndIncrement() % 50_000 == 0) {
                order.add(d.signIn().id());
            }
            if (d.has(HotDeployIT.SCENARIO)) {
                withPartner.incrementAndGet();
            }
        });
        uninstaller.join();

        assertEquals(200_000, seen.get(), "every sign-in got its diagnosis");
        assertEquals(List.of("b0", "b50000", "b100000", "b150000"), order, "diagnoses arrive in input order");
        assertTrue(withPartner.get() >= 20_000, "the detector took part before it left");
        assertTrue(withPartner.get() < 200_000, "the detector left during the run (" + withPartner.get() + ")");
        assertEquals(Bundle.UNINSTALLED, partner.getState());
    }
}
