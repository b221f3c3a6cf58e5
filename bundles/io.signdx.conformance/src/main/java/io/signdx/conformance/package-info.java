/**
 * The conformance checks of scenario detectors: what the engine verifies before it activates a
 * detector (the quick form) and what the test kit runs in a detector author's tests (the full form).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.signdx.conformance;
