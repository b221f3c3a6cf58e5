package io.signdx.api.engine;

import java.util.List;

import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;

/**
 * The engine's answer for one sign-in: every finding, ranked, the first non-failure finding being the
 * primary scenario.
 *
 * @param signIn the sign-in
 * @param scenario the primary scenario id, or {@link #NO_SCENARIO} when no detector recognised anything
 * @param findings ranked findings, including "detector failed" reports (always last)
 * @param support support details
 * @param notes remarks about the diagnosis itself, e.g. a source that could not be queried
 */
public record Diagnosis(SignIn signIn, String scenario, List<Finding> findings, SupportDetails support,
        List<String> notes) {
    /** The primary scenario when nothing matched. */
    public static final String NO_SCENARIO = "none";
    /** The scenario id of the findings that report a failed detector. */
    public static final String DETECTOR_FAILED = "engine.detector-failed";

    /** Copies the lists so the diagnosis stays immutable. */
    public Diagnosis {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** True when some finding (other than a detector failure) has the given scenario id. */
    public boolean has(String scenarioId) {
        return findings.stream().anyMatch(f -> !f.detectorFailure() && f.scenario().equals(scenarioId));
    }
}
