/**
 * The scenario-detector SPI: what a detector bundle implements and what it returns.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.detector;
