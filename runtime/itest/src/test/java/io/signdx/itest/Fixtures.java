package io.signdx.itest;

import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Shared helpers of the in-framework tests. */
final class Fixtures {
    static final Duration WAIT = Duration.ofSeconds(15);

    private Fixtures() {
    }

    /** Polls until the condition holds; fails with the message after the timeout. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(25);
        }
    }

    /** A sign-in to the example partner's app, failing because the user is not assigned. */
    static SignIn expenseSignIn(String id) {
        return SignIn.builder().id(id).createdDateTime(Instant.parse("2026-11-20T09:00:00Z"))
                .correlationId("c-" + id).userPrincipalName("ann@contoso.example").appDisplayName("Contoso Expenses")
                .status(new Status(50105, "The signed in user is not assigned to a role for the application.", null))
                .build();
    }

    /** Registers a detector from the test bundle, declared through the same properties @Detector produces. */
    static ServiceRegistration<ScenarioDetector> register(BundleContext ctx, String scenario, ScenarioDetector d,
            long budgetMillis, int... codes) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Detector.SCENARIO, scenario);
        props.put(Detector.FAMILY, "itest");
        props.put(Detector.TITLE, "Test detector " + scenario);
        props.put(Detector.ERROR_CODES, codes);
        props.put(Detector.TIME_BUDGET_MILLIS, budgetMillis);
        return ctx.registerService(ScenarioDetector.class, d, props);
    }

    /** A detector that always finds its scenario. */
    static ScenarioDetector always(String scenario) {
        return (signIn, context) -> List.of(Finding.builder(scenario).confidence(Confidence.HIGH)
                .assessment("The test detector " + scenario + " saw " + signIn.id() + ".").build());
    }
}
