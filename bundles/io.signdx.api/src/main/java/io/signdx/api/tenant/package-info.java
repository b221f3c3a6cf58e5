/**
 * What is known about the tenant (directory, policies, security defaults). Any part may be absent.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.api.tenant;
