/**
 * Reading sign-in export files: format detection, normalization into {@link io.signdx.api.model.SignIn},
 * and clear reports of what could not be read.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.ingest;
