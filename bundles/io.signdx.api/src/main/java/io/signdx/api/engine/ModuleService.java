package io.signdx.api.engine;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists modules (bundles) and detectors with their health, and switches them on and off. Provided by
 * the engine. Switches are persisted, take effect without a restart and are audited.
 */
@ProviderType
public interface ModuleService {

    /** Every bundle of interest (SignDx and deployed bundles) and every deploy-folder file that failed. */
    List<ModuleInfo> modules();

    /** Every detector the engine tracks. */
    List<DetectorInfo> detectors();

    /**
     * Switches a detector (by scenario id) or a whole bundle (by symbolic name) on or off.
     *
     * @param id a scenario id or a bundle symbolic name
     * @param enabled the new state
     * @param actor who asks, for the audit log (e.g. {@code admin} or {@code cli:alice})
     * @return true when the state changed, false when it already was so
     * @throws IllegalArgumentException when no detector or bundle has that id
     * @throws java.io.UncheckedIOException when the setting cannot be persisted
     */
    boolean setEnabled(String id, boolean enabled, String actor);

    /**
     * Waits until every bundle file in the deploy folder has been installed (or found unusable) and
     * every switch file in the configuration folder has been applied, or the timeout passes. One-shot
     * commands call this before they work, so they see the same modules as a running console.
     *
     * @return true when settled, false on timeout
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitSettled(java.time.Duration timeout) throws InterruptedException;
}
