/**
 * Helpers for testing {@link io.signdx.api.detector.ScenarioDetector}s with JUnit 5, outside OSGi.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
@org.osgi.annotation.bundle.Export
package io.signdx.testkit;
