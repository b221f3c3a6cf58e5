/**
 * Services the platform provides to front doors (console, command line) and tests:
 * diagnosis and module management.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.engine;
