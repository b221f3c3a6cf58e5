package io.signdx.api.engine;

import java.util.List;

/**
 * One installed bundle (or a file in the deploy folder that could not become one).
 *
 * @param bundleId framework bundle id, -1 for a file that could not be installed
 * @param symbolicName Bundle-SymbolicName, or the file name for a file that could not be installed
 * @param version bundle version, or {@code null}
 * @param state framework state (ACTIVE, RESOLVED, INSTALLED ...) or FAILED
 * @param location where it came from: {@code core} or the deployed file's path
 * @param enabled false when an operator switched the whole bundle off
 * @param scenarios the scenario ids of the detectors it registers
 * @param problem why it failed, or {@code null}
 */
public record ModuleInfo(long bundleId, String symbolicName, String version, String state, String location,
        boolean enabled, List<String> scenarios, String problem) {
    /** Copies the scenario list so the record stays immutable. */
    public ModuleInfo {
        scenarios = List.copyOf(scenarios);
    }
}
