package io.signdx.api.engine;

/**
 * One detector as the engine sees it.
 *
 * @param scenario scenario id
 * @param family family
 * @param title title
 * @param bundleSymbolicName the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param state its state
 * @param calls calls since it was registered
 * @param failures failed calls (exceptions and overruns) since it was registered
 * @param consecutiveFailures failures since the last successful call
 * @param problem why it is quarantined or refused, or the last failure, or {@code null}
 */
public record DetectorInfo(String scenario, String family, String title, String bundleSymbolicName,
        String bundleVersion, DetectorState state, long calls, long failures, long consecutiveFailures,
        String problem) {
}
