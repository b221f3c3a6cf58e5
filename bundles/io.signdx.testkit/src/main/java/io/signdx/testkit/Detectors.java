package io.signdx.testkit;

import java.util.List;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.conformance.Declaration;

/**
 * Runs a detector outside OSGi the way the engine does: only for sign-ins its declared error codes let
 * through, and never accepting {@code null}.
 */
public final class Detectors {
    private Detectors() {
    }

    /** The findings of {@code detector} on {@code signIn}; empty when its pre-filter skips the sign-in. */
    public static List<Finding> run(ScenarioDetector detector, SignIn signIn, DetectionContext context) {
        Declaration d = Declaration.of(detector.getClass());
        if (!d.accepts(signIn.errorCode())) {
            return List.of();
        }
        List<Finding> findings = detector.detect(signIn, context);
        if (findings == null) {
            throw new AssertionError(detector.getClass().getName() + " returned null for " + signIn.id());
        }
        return findings;
    }

    /** The single finding of {@code detector} on {@code signIn}; fails when there is none or several. */
    public static Finding only(ScenarioDetector detector, SignIn signIn, DetectionContext context) {
        List<Finding> findings = run(detector, signIn, context);
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding for " + signIn.id() + " but got " + findings);
        }
        return findings.get(0);
    }

    /** The scenario of the detector's finding on {@code signIn}, or {@code null} when it finds nothing. */
    public static String scenario(ScenarioDetector detector, SignIn signIn, DetectionContext context) {
        List<Finding> findings = run(detector, signIn, context);
        return findings.isEmpty() ? null : findings.get(0).scenario();
    }
}
