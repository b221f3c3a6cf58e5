package io.signdx.api.detector;

import java.util.List;

import io.signdx.api.model.SignIn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Recognises one scenario in a sign-in and explains it. Register implementations as OSGi services
 * (whiteboard) and declare what they are with {@link Detector} on the component:
 *
 * <pre>
 * &#64;Component
 * &#64;Detector(scenario = "partner.contoso.expense-access", family = "partner.contoso",
 *           title = "Contoso Expenses access", errorCodes = {50105})
 * public class ExpenseDetector implements ScenarioDetector { ... }
 * </pre>
 *
 * <p>The engine calls {@link #detect} only for sign-ins that pass the declared pre-filter, from
 * several threads at once, and treats the detector as untrusted: an exception or an overrun of the
 * time budget becomes a "detector failed" finding, and a detector that keeps failing is quarantined.
 * Implementations must therefore be thread-safe, side-effect free and deterministic.
 */
@ConsumerType
public interface ScenarioDetector {

    /**
     * Examines one sign-in.
     *
     * @param signIn the sign-in to diagnose
     * @param context the tenant, related sign-ins and other shared knowledge
     * @return the findings, empty when the scenario does not apply; never {@code null}
     */
    List<Finding> detect(SignIn signIn, DetectionContext context);
}
