/**
 * The error-code catalogue: what every AADSTS code means and what to do about it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.signdx.api.catalog;
