/**
 * Queryable sources of sign-ins (the embedded store, Graph, Log Analytics ...).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.source;
